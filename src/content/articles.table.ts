import type { SystemTask } from '../staff/actor.ts';
import type { Insertable, Selectable, Updateable } from 'kysely';

/** Lifecycle of an article: drafts and scheduled articles are never shown to readers. */
export type ArticleStatus = 'draft' | 'scheduled' | 'published' | 'unpublished';
/** Who may read an article's body; the paywall issue adds tiers on top of these. */
export type AccessLevel = 'public' | 'members' | 'paid';

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

export interface RevisionsTable {
  id: string;
  article_id: string;
  staff_id: string | null;
  /** Set when the system made the change (scheduler, seed, operator); staff_id is then null. */
  system_task: SystemTask | null;
  snapshot: string;
  created_at: string;
}
