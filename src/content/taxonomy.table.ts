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
}
export type SectionRow = Selectable<SectionsTable>;
export type TagRow = Selectable<TagsTable>;
export type LabelRow = Selectable<LabelsTable>;
export type AuthorRow = Selectable<AuthorsTable>;
