import { api } from '../api.ts';

/** An image of the media library as the admin API gives it. */
export interface LibraryImage {
  id: string;
  format: string;
  width: number;
  height: number;
  bytes: number;
  alt: string;
  caption: string;
  credit: string;
  fileName: string;
  createdAt: string;
  /** The rendition shown by default, and the srcsets by width. */
  src: string;
  srcset: string;
  webpSrcset: string;
}

export interface ImagePage {
  images: LibraryImage[];
  total: number;
  uploadLimitBytes: number;
}

/** How many images a page of the library shows. */
export const PAGE_SIZE = 24;

/** A page (from 1) of the library, newest first, optionally searched. */
export function listImages(query: string, page: number): Promise<ImagePage> {
  const params = new URLSearchParams({ limit: String(PAGE_SIZE), offset: String((page - 1) * PAGE_SIZE) });
  if (query.trim()) params.set('q', query.trim());
  return api<ImagePage>('GET', `/media/images?${params}`);
}

/** A size in bytes as people say it: 820 KB, 3.4 MB. */
export function sizeInWords(bytes: number, locale: string): string {
  const format = (value: number, unit: string) =>
    `${new Intl.NumberFormat(locale, { maximumFractionDigits: value < 10 ? 1 : 0 }).format(value)} ${unit}`;
  if (bytes >= 1024 * 1024) return format(bytes / 1024 / 1024, 'MB');
  return format(Math.max(bytes / 1024, 1), 'KB');
}

/** The name an image goes by in lists: its file name, else its alt text. */
export function imageName(image: LibraryImage, untitled: string): string {
  return image.fileName || image.alt || untitled;
}
