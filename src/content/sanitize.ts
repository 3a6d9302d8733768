import sanitizeHtml from 'sanitize-html';
import { SafeHtml } from '../http/html.ts';

// Embeds may only frame these hosts; every other iframe is dropped.
const IFRAME_HOSTS = [
  'www.youtube.com',
  'www.youtube-nocookie.com',
  'player.vimeo.com',
  'www.google.com',
  'open.spotify.com',
  'w.soundcloud.com',
  'www.openstreetmap.org',
  'datawrapper.dwcdn.net',
  'flo.uri.sh',
  // The frames the embed dialog makes for these providers (./embed-urls.ts).
  'platform.twitter.com',
  'www.instagram.com',
  'www.tiktok.com',
  'embed.documentcloud.org',
];

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'h2',
    'h3',
    'h4',
    'strong',
    'b',
    'em',
    'i',
    'a',
    'ul',
    'ol',
    'li',
    'blockquote',
    'figure',
    'figcaption',
    'img',
    'iframe',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'caption',
    'hr',
    'sup',
    'sub',
    'cite',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    img: ['src', 'alt', 'width', 'height', 'loading'],
    iframe: ['src', 'width', 'height', 'title', 'allowfullscreen', 'loading'],
    th: ['scope', 'colspan', 'rowspan'],
    td: ['colspan', 'rowspan'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['https', 'http'], iframe: ['https'] },
  allowProtocolRelative: false,
  allowedIframeHostnames: IFRAME_HOSTS,
  disallowedTagsMode: 'discard',
  // An iframe whose address was refused is dropped whole rather than left as an empty frame.
  exclusiveFilter: (frame) => frame.tag === 'iframe' && !frame.attribs.src,
  transformTags: {
    a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow' }),
    iframe: sanitizeHtml.simpleTransform('iframe', { loading: 'lazy' }),
  },
};

/** Passes HTML that came from outside (imports, pasted embeds) through the allow-list; the result may go on a page. */
export function sanitizeExternalHtml(dirty: string): SafeHtml {
  // eslint-disable-next-line no-restricted-syntax -- the sanitizer is the one place raw HTML becomes SafeHtml
  return SafeHtml.fromTrusted(sanitizeHtml(dirty, OPTIONS));
}

/** The sanitized markup as text, for storing. */
export function cleanExternalHtml(dirty: string): string {
  return sanitizeExternalHtml(dirty).toString();
}

/** The first thing in an embed that would load from another host: a frame or an image. */
export interface EmbedSource {
  kind: 'frame' | 'image';
  url: string;
  /** The frame's title or the image's alt text, as the embed gave it. */
  title: string;
}

/**
 * Sanitizes an embed and says what in it loads from another host, so a page can hold it back
 * behind a click-to-load facade. Sources are read after the allow-list, from the attributes kept.
 */
export function sanitizeEmbed(dirty: string): { html: SafeHtml; source: EmbedSource | null } {
  let source: EmbedSource | null = null;
  const clean = sanitizeHtml(dirty, {
    ...OPTIONS,
    exclusiveFilter: (frame) => {
      const src = frame.attribs.src;
      if (
        !source &&
        src &&
        /^https?:\/\//i.test(src) &&
        URL.canParse(src) &&
        (frame.tag === 'iframe' || frame.tag === 'img')
      )
        source = {
          kind: frame.tag === 'iframe' ? 'frame' : 'image',
          url: src,
          title: (frame.tag === 'iframe' ? frame.attribs.title : frame.attribs.alt) ?? '',
        };
      return OPTIONS.exclusiveFilter?.(frame) ?? false;
    },
  });
  // eslint-disable-next-line no-restricted-syntax -- the sanitizer is the one place raw HTML becomes SafeHtml
  return { html: SafeHtml.fromTrusted(clean), source };
}
