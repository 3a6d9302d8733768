import type { Selectable } from 'kysely';

export interface SectionsTable {
  id: string;
  slug: string;
  name: string;
  description: string;
  position: number;
}
export interface TagsTable {
  id: string;
  slug: string;
  name: string;
  description: string;
}
export interface LabelsTable {
  id: string;
  slug: string;
  name: string;
  position: number;
}
export interface AuthorsTable {
  id: string;
  slug: string;
  name: string;
  bio: string;
  staff_id: string | null;
  created_at: string;
  /** A photo from the media library, shown on the author's page. */
  photo_image_id: string | null;
  /** JSON array of AuthorLink: the author's website and social profiles, in order. */
  links: string;
}
export type SectionRow = Selectable<SectionsTable>;
export type TagRow = Selectable<TagsTable>;
export type LabelRow = Selectable<LabelsTable>;
export type AuthorRow = Selectable<AuthorsTable>;
