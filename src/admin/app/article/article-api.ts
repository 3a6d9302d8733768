import type { ArticleDocument } from '../../../content/document.ts';
import { DOCUMENT_VERSION } from '../../../content/document-limits.ts';
import { api } from '../api.ts';
import type { ArticleSettings } from '../article-panel/settings-model.ts';

/** An article as the editor screen reads it from the admin API (GET /admin/api/articles/:id). */
export interface EditableArticle extends Partial<ArticleSettings> {
  id: string;
  headline: string;
  body: ArticleDocument;
  status: string;
  modifiedAt: string;
  /** The version the server holds, once the API numbers them; the save names the one it edits. */
  version?: number;
  createdBy?: string | null;
  publishedAt?: string | null;
  returnNote?: string | null;
  /** Where readers find it on the site, while some reader may (null otherwise). */
  url?: string | null;
}

/** What one save sends: the text, and the settings changed since the last save (the settings panel's). */
export interface ArticleChanges extends Partial<ArticleSettings> {
  headline: string;
  body: ArticleDocument;
}

/**
 * Whether saves send `autosave` and `baseVersion` on PATCH /articles/:id. The server takes both
 * (src/content/article-versions.ts, revisions.service.ts): every save names the version it edits,
 * so a colleague's change in between is refused (409 ARTICLE_CHANGED) instead of overwritten, and
 * autosaves fold into one revision per five minutes. On for good; kept as a name for what it does.
 */
export const WORKFLOW_FIELDS = true;

export const EMPTY_BODY: ArticleDocument = { type: 'doc', version: DOCUMENT_VERSION, content: [] };

export function loadArticle(id: string): Promise<EditableArticle> {
  return api<EditableArticle>('GET', `/articles/${encodeURIComponent(id)}`);
}

/** A new draft with the text so far (the API needs a headline to make one). */
export function createArticle(changes: ArticleChanges): Promise<EditableArticle> {
  return api<EditableArticle>('POST', '/articles', changes);
}

/** Saves the text; refused saves throw ApiError (OFFLINE when the server cannot be reached). */
export function saveArticle(
  article: { id: string; version?: number | undefined },
  changes: ArticleChanges,
  options: { autosave: boolean },
): Promise<EditableArticle> {
  const workflow = WORKFLOW_FIELDS
    ? { autosave: options.autosave, ...(article.version === undefined ? {} : { baseVersion: article.version }) }
    : {};
  return api<EditableArticle>('PATCH', `/articles/${encodeURIComponent(article.id)}`, { ...changes, ...workflow });
}
