import type { SystemTask } from '../staff/actor.ts';
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * Lifecycle of an article: a draft, "ready for edit" (submitted by its writer, in the editors'
 * queue), scheduled, published, unpublished (withdrawn). Only published articles are shown to
 * readers (src/content/reader-scope.ts).
 */
export type ArticleStatus = 'draft' | 'ready' | 'scheduled' | 'published' | 'unpublished';
export const ARTICLE_STATUSES: readonly ArticleStatus[] = ['draft', 'ready', 'scheduled', 'published', 'unpublished'];
/**
 * Who may read an article's body: everyone, members, paid members, or members of chosen tiers (listed
 * in article_access_tiers, src/content/paywall.table.ts).
 */
export type AccessLevel = 'public' | 'members' | 'paid' | 'tiers';

// Timestamps are ISO-8601 UTC text in both databases (see docs/decisions.md).
export interface ArticlesTable {
  id: string;
  slug: string;
  status: ArticleStatus;
  headline: string;
  dek: string;
  label_id: string | null;
  section_id: string | null;
  dateline: string;
  attribution: string;
  feature_image_id: string | null;
  feature_image_alt: string;
  feature_image_caption: string;
  feature_image_credit: string;
  access: AccessLevel;
  published_at: string | null;
  updated_at: string | null;
  modified_at: string;
  created_at: string;
  created_by: string | null;
  comment_count: number;
  /** +1 on every change of any kind; a save names the version it edits (src/content/article-versions.ts). */
  version: Generated<number>;
  /** Who made the last change: a member of staff, or the system by task (then modified_by is null). */
  modified_by: string | null;
  modified_by_task: SystemTask | null;
  /** Search results' title and description; '' falls back to the headline and dek. */
  seo_title: Generated<string>;
  seo_description: Generated<string>;
  /** Open Graph and Twitter card title and description; '' falls back to the search ones, then headline and dek. */
  social_title: Generated<string>;
  social_description: Generated<string>;
  /** Where the feature image's subject is (0..1 from the left and the top); null is the centre. */
  feature_image_focal_x: number | null;
  feature_image_focal_y: number | null;
  /** When the article was last submitted for edit (status ready). */
  submitted_at: string | null;
  /** What the editor said when sending it back to draft; cleared when it is submitted again. */
  return_note: string | null;
  /** In the trash since (deleted for good 30 days later), and by whom. */
  trashed_at: string | null;
  trashed_by: string | null;
}
export type ArticleRow = Selectable<ArticlesTable>;
export type NewArticleRow = Insertable<ArticlesTable>;
export type ArticleRowUpdate = Updateable<ArticlesTable>;

/** The structured body (JSON, docs/document-format.md) and its plain-text form for feeds, search and Ask. */
export interface ArticleBodiesTable {
  article_id: string;
  body: string;
  body_text: string;
}
export interface ArticleBody {
  body: string;
  body_text: string;
}

/** listed_at copies the article's published_at while readers can see it (null otherwise), for archive indexes. */
export interface ArticleAuthorsTable {
  article_id: string;
  author_id: string;
  position: number;
  listed_at: string | null;
}
export interface ArticleTagsTable {
  article_id: string;
  tag_id: string;
  position: number;
  listed_at: string | null;
}
/** Editor-picked related stories, shown before the computed ones. */
export interface ArticleRelatedTable {
  article_id: string;
  related_id: string;
  position: number;
}

export type CorrectionKind = 'correction' | 'clarification';
export interface CorrectionsTable {
  id: string;
  article_id: string;
  kind: CorrectionKind;
  body: string;
  published_at: string;
  created_by: string | null;
}
export type CorrectionRow = Selectable<CorrectionsTable>;

/** What a revision records: the kind of change that made it. */
export type RevisionAction =
  | 'create'
  | 'save'
  | 'autosave'
  | 'publish'
  | 'schedule'
  | 'unpublish'
  | 'submit'
  | 'return'
  | 'correction'
  | 'restore'
  | 'trash'
  | 'untrash';

export interface RevisionsTable {
  id: string;
  article_id: string;
  staff_id: string | null;
  /** Set when the system made the change (scheduler, seed, operator); staff_id is then null. */
  system_task: SystemTask | null;
  snapshot: string;
  /** When the revision was started; an autosave revision keeps it while later autosaves update it. */
  created_at: string;
  action: Generated<RevisionAction>;
  /** The article's version this revision keeps (null on revisions older than versions). */
  version: number | null;
  /** The editor's note sent back with a return to draft, or the text of a correction. */
  note: string | null;
  /** The last autosave folded into this revision. */
  updated_at: string | null;
  /** The revision a restore brought back. */
  restored_from: string | null;
}
export type RevisionRow = Selectable<RevisionsTable>;
