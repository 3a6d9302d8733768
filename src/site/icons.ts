import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { escapeHtml, html, type SafeHtml } from '../http/html.ts';
import type { SiteSettings } from '../settings/settings.ts';

/*
 * The site's icons and web manifest, drawn from its settings: the first letter of the site's name
 * in white on the accent colour. Browsers ask for a favicon on every first visit (a 404 there is a
 * console error on every page), phones for a touch icon, and installs for the manifest.
 */

export const ICON_FILES = {
  svg: '/favicon.svg',
  ico: '/favicon.ico',
  appleTouch: '/apple-touch-icon.png',
  png192: '/icon-192.png',
  png512: '/icon-512.png',
  manifest: '/site.webmanifest',
} as const;

const PNG_SIZES = { appleTouch: 180, png192: 192, png512: 512 } as const;
const BACKGROUND = '#ffffff';
const SERIF = "Georgia, 'DejaVu Serif', 'Times New Roman', serif";

/** What the icons are made of; a change of any of it makes new icons under a new version. */
interface IconSource {
  initial: string;
  accent: string;
  name: string;
  description: string;
  locale: string;
}

function sourceOf(settings: SiteSettings): IconSource {
  const initial = Array.from(settings.title.trim())[0]?.toLocaleUpperCase(settings.locale) ?? 'G';
  return {
    initial,
    accent: settings.accentColor,
    name: settings.title,
    description: settings.description,
    locale: settings.locale,
  };
}

/** The icon as SVG; `rounded` for the favicon, square for icons that phones mask themselves. */
function drawIcon(source: IconSource, rounded: boolean): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64"${rounded ? ' rx="12"' : ''} fill="${source.accent}"/><text x="32" y="46" text-anchor="middle" font-family="${escapeHtml(SERIF)}" font-size="40" font-weight="700" fill="#ffffff">${escapeHtml(source.initial)}</text></svg>`;
}

/** One PNG of the icon at `size` pixels. */
async function png(source: IconSource, size: number): Promise<Buffer> {
  return sharp(Buffer.from(drawIcon(source, false)), { density: (72 * size) / 64 })
    .resize(size, size)
    .png()
    .toBuffer();
}

/** An ICO file holding one PNG image (Windows Vista and every browser since read PNG inside ICO). */
function icoOf(image: Buffer, size: number): Buffer {
  const header = Buffer.alloc(22);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(1, 4); // one image
  header.writeUInt8(size, 6);
  header.writeUInt8(size, 7);
  header.writeUInt8(0, 8); // no palette
  header.writeUInt8(0, 9);
  header.writeUInt16LE(1, 10); // colour planes
  header.writeUInt16LE(32, 12); // bits per pixel
  header.writeUInt32LE(image.length, 14);
  header.writeUInt32LE(22, 18); // the image starts after this header
  return Buffer.concat([header, image]);
}

export interface IconFile {
  body: Buffer;
  contentType: string;
}
export type IconName = keyof typeof ICON_FILES;
export interface IconSet {
  /** Short hash of what the icons are made of, put in their addresses so caches keep them for a year. */
  version: string;
  /** The <link>s and theme colour every reader page carries in its <head>. */
  links: SafeHtml;
  file(name: IconName): Promise<IconFile>;
}

function manifest(source: IconSource, version: string): string {
  const icon = (path: string, sizes: string, type: string, purpose = 'any') => ({
    src: `${path}?v=${version}`,
    sizes,
    type,
    purpose,
  });
  return JSON.stringify({
    name: source.name,
    short_name: source.name,
    description: source.description,
    lang: source.locale,
    start_url: '/',
    scope: '/',
    display: 'minimal-ui',
    background_color: BACKGROUND,
    theme_color: source.accent,
    icons: [
      icon(ICON_FILES.svg, 'any', 'image/svg+xml'),
      icon(ICON_FILES.png192, '192x192', 'image/png', 'any maskable'),
      icon(ICON_FILES.png512, '512x512', 'image/png', 'any maskable'),
    ],
  });
}

// Keyed by the settings object the site context holds: new settings (after a purge) make new icons,
// and the PNGs are drawn once per settings, on first request.
const sets = new WeakMap<SiteSettings, IconSet>();

/** The icons for these settings, drawn lazily and kept while the settings are current. */
export function iconSet(settings: SiteSettings): IconSet {
  let set = sets.get(settings);
  if (set) return set;
  const source = sourceOf(settings);
  const version = createHash('sha1').update(JSON.stringify(source)).digest('hex').slice(0, 10);
  const draw = async (name: IconName): Promise<IconFile> => {
    switch (name) {
      case 'svg':
        return { body: Buffer.from(drawIcon(source, true)), contentType: 'image/svg+xml' };
      case 'ico':
        return { body: icoOf(await png(source, 32), 32), contentType: 'image/x-icon' };
      case 'manifest':
        return {
          body: Buffer.from(manifest(source, version)),
          contentType: 'application/manifest+json; charset=utf-8',
        };
      default:
        return { body: await png(source, PNG_SIZES[name]), contentType: 'image/png' };
    }
  };
  const drawn = new Map<IconName, Promise<IconFile>>();
  const v = `?v=${version}`;
  set = {
    version,
    links: html`<link rel="icon" href="${ICON_FILES.ico + v}" sizes="32x32">
<link rel="icon" href="${ICON_FILES.svg + v}" type="image/svg+xml">
<link rel="apple-touch-icon" href="${ICON_FILES.appleTouch + v}">
<link rel="manifest" href="${ICON_FILES.manifest + v}">
<meta name="theme-color" content="${source.accent}">`,
    file(name) {
      let made = drawn.get(name);
      if (!made) {
        made = draw(name);
        drawn.set(name, made);
        made.catch(() => drawn.delete(name));
      }
      return made;
    },
  };
  sets.set(settings, set);
  return set;
}
