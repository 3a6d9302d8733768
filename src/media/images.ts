import type { ImageRow } from './images.table.ts';

/** Widths renditions are made at (never wider than the original). */
export const RENDITION_WIDTHS = [320, 640, 960, 1280, 1920] as const;
/** The rendition og:image, JSON-LD and feeds' media:content point at (Facebook asks for 1200 or more). */
export const SOCIAL_IMAGE_WIDTH = 1280;

export const FORMAT_EXTENSIONS: Record<ImageRow['format'], string> = {
  jpeg: 'jpg',
  png: 'png',
  webp: 'webp',
  gif: 'gif',
  avif: 'avif',
};
export const EXTENSION_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  avif: 'image/avif',
};

/** The image fields a page needs to show responsive renditions. */
export interface ImageRef {
  id: string;
  format: ImageRow['format'];
  width: number;
  height: number;
  widths: readonly number[];
}

export function renditionKey(imageId: string, width: number, extension: string): string {
  return `images/${imageId}/${width}.${extension}`;
}

export function renditionUrl(imageId: string, width: number, extension: string): string {
  return `/media/${renditionKey(imageId, width, extension)}`;
}

/**
 * URLs and sizes for <picture>: WebP srcset, original-format srcset and a fallback src, with the
 * fallback rendition's own width and height (what og:image and media:content must declare). A slot
 * that is never shown wider than `maxWidth` device pixels lists no wider renditions (always at least one).
 */
export function imageSources(
  image: ImageRef,
  preferredWidth = 960,
  maxWidth = Infinity,
): {
  src: string;
  webpSrcset: string;
  srcset: string;
  width: number;
  height: number;
} {
  const extension = FORMAT_EXTENSIONS[image.format];
  const available = image.widths.length > 0 ? image.widths : [image.width];
  const fitting = available.filter((w) => w <= maxWidth);
  const widths = fitting.length > 0 ? fitting : available.slice(0, 1);
  const fallback = widths.find((w) => w >= preferredWidth) ?? widths[widths.length - 1] ?? image.width;
  return {
    src: renditionUrl(image.id, fallback, extension),
    webpSrcset: widths.map((w) => `${renditionUrl(image.id, w, 'webp')} ${w}w`).join(', '),
    srcset: widths.map((w) => `${renditionUrl(image.id, w, extension)} ${w}w`).join(', '),
    width: fallback,
    height: Math.round((image.height * fallback) / image.width),
  };
}

/** The widths an image was rendered at, once each and narrowest first. */
export function renditionWidths(originalWidth: number): number[] {
  const largest = Math.min(originalWidth, RENDITION_WIDTHS[RENDITION_WIDTHS.length - 1] ?? originalWidth);
  return [...RENDITION_WIDTHS.filter((w) => w < largest), largest];
}

export function parseWidths(json: string): number[] {
  const widths = JSON.parse(json) as number[];
  // Uploads wider than 1920 px stored before the fix list 1920 twice; keep each width once.
  return widths.length > 1 && widths[widths.length - 1] === widths[widths.length - 2] ? widths.slice(0, -1) : widths;
}
