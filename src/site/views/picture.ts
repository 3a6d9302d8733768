import { html, type SafeHtml } from '../../http/html.ts';
import { type ImageRef, imageSources } from '../../media/images.ts';

interface PictureSources {
  webpSrcset: SafeHtml;
  srcset: SafeHtml;
  src: SafeHtml;
}

// An image's format and renditions never change after upload, so its escaped srcsets can be kept
// by id: a page of cards otherwise builds and escapes a dozen URLs per card on every render.
const SOURCES_LIMIT = 5000;
const sourcesMemo = new Map<string, PictureSources>();

function pictureSources(
  image: ImageRef,
  preferredWidth: number | undefined,
  maxWidth: number | undefined,
): PictureSources {
  const key = `${image.id} ${preferredWidth ?? ''} ${maxWidth ?? ''}`;
  let sources = sourcesMemo.get(key);
  if (!sources) {
    const urls = imageSources(image, preferredWidth, maxWidth);
    sources = { webpSrcset: html`${urls.webpSrcset}`, srcset: html`${urls.srcset}`, src: html`${urls.src}` };
    if (sourcesMemo.size >= SOURCES_LIMIT) sourcesMemo.clear();
    sourcesMemo.set(key, sources);
  }
  return sources;
}

/**
 * How a picture loads: `first` is the page's main image above the fold (fetched first), `eager`
 * another image above the fold, `lazy` (the default) an image below it.
 */
export type PictureLoading = 'first' | 'eager' | 'lazy';

const LOADING_ATTRIBUTES: Record<PictureLoading, SafeHtml> = {
  first: html` fetchpriority="high"`,
  eager: html``,
  lazy: html` loading="lazy" decoding="async"`,
};

/** Focal points are kept in steps of this many percent: 21 classes an axis (FOCAL_CSS), finer than any crop shows. */
export const FOCAL_STEP = 5;
const focalPercent = (at: number): number =>
  Math.min(100, Math.max(0, Math.round((at * 100) / FOCAL_STEP) * FOCAL_STEP));

/**
 * The classes that keep an image's subject in view where the stylesheet crops it (object-position
 * through --fx and --fy): classes, not a style attribute, because the CSP allows no inline style.
 * None for the centre, which is where a crop keeps its view anyway.
 */
export function focalClasses(focal: { x: number; y: number } | null | undefined): string {
  if (!focal) return '';
  const x = focalPercent(focal.x);
  const y = focalPercent(focal.y);
  return x === 50 && y === 50 ? '' : `fx-${x} fy-${y}`;
}

/**
 * A responsive <picture>: WebP and original-format renditions, intrinsic size, lazy unless above the
 * fold. `maxWidth` (device pixels) leaves out renditions wider than a small slot could ever use;
 * `focalPoint` is where a crop keeps its view (focalClasses).
 */
export function picture(
  image: ImageRef,
  alt: string,
  sizes: string,
  options: {
    loading?: PictureLoading;
    preferredWidth?: number;
    maxWidth?: number;
    focalPoint?: { x: number; y: number } | null;
  } = {},
): SafeHtml {
  const sources = pictureSources(image, options.preferredWidth, options.maxWidth);
  const focal = focalClasses(options.focalPoint);
  return html`<picture><source type="image/webp" srcset="${sources.webpSrcset}" sizes="${sizes}"><img src="${sources.src}" srcset="${sources.srcset}" sizes="${sizes}" width="${image.width}" height="${image.height}" alt="${alt}"${focal ? html` class="${focal}"` : ''}${LOADING_ATTRIBUTES[options.loading ?? 'lazy']}></picture>`;
}
