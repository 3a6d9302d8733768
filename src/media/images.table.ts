import type { Selectable } from 'kysely';

export interface ImagesTable {
  id: string;
  /** Format of the kept original and of its same-format renditions. */
  format: 'jpeg' | 'png' | 'webp' | 'gif' | 'avif';
  width: number;
  height: number;
  bytes: number;
  /** JSON array of rendition widths that exist on storage. */
  widths: string;
  alt: string;
  caption: string;
  credit: string;
  /** The name of the uploaded file as the uploader's computer called it ('' for images from before it was kept). */
  file_name: string;
  created_at: string;
  created_by: string | null;
}
export type ImageRow = Selectable<ImagesTable>;
