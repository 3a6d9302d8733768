import type { ArticleDocument } from '../../../content/document.ts';

/** A static page as the admin API lists it. */
export interface PageSummary {
  id: string;
  slug: string;
  title: string;
  status: 'draft' | 'published';
  modifiedAt: string;
  /** +1 on every change: a save names the version it edits, so a colleague's change is never overwritten. */
  version: number;
}

/** A static page with its text (the stored document format, as the rich-text editor reads and writes it). */
export interface EditablePage extends PageSummary {
  body: ArticleDocument;
}
