import type { Generated, Selectable } from 'kysely';

/** Static pages such as "About" or "Ethics policy". */
export interface PagesTable {
  id: string;
  slug: string;
  title: string;
  body: string;
  status: 'draft' | 'published';
  created_at: string;
  modified_at: string;
  /** +1 on every change; a save from the web app names the version it edits (PAGE_CHANGED otherwise). */
  version: Generated<number>;
}
export type PageRow = Selectable<PagesTable>;

/** A changed address answers 301 to its new one. */
export interface RedirectsTable {
  id: string;
  from_path: string;
  to_path: string;
  created_at: string;
}
export interface SettingsTable {
  key: string;
  value: string;
}
