import type { ArticleDocument } from '../../../content/document.ts';
import type { ArticleSettings } from '../article-panel/settings-model.ts';
import type { ArticleChanges } from './article-api.ts';

/*
 * The copy of an article kept in this browser (localStorage) while it is written: it outlives a
 * closed tab, a crash, a dropped connection and a refused save, and is offered back when the
 * article is opened again and differs from what the server has. One copy per article (a new,
 * never saved article is "new"), with the version it was written over.
 */

export interface LocalCopy {
  articleId: string;
  /** The server's version (or modification time) the copy was written over. */
  base: string;
  headline: string;
  body: ArticleDocument;
  /**
   * The settings typed in the panel and not saved yet (dek, dateline, slug, feature image's alt…):
   * they go out with the text, so they are kept with it. Absent when none were changed.
   */
  settings?: Partial<ArticleSettings>;
  /** When it was written, ISO 8601. */
  writtenAt: string;
}

const key = (articleId: string) => `gaceta:article:${articleId}`;

/** A copy of what a save would send (text and changed settings), written now. */
export function copyOf(articleId: string, base: string, changes: ArticleChanges): LocalCopy {
  const { headline, body, ...settings } = changes;
  return {
    articleId,
    base,
    headline,
    body,
    ...(Object.keys(settings).length ? { settings } : {}),
    writtenAt: new Date().toISOString(),
  };
}

/** What the copy holds, as the editor starts from it: the text and the settings it changed. */
export const changesOf = (copy: LocalCopy): ArticleChanges => ({
  ...copy.settings,
  headline: copy.headline,
  body: copy.body,
});

export function readLocalCopy(articleId: string): LocalCopy | undefined {
  try {
    const text = localStorage.getItem(key(articleId));
    return text ? (JSON.parse(text) as LocalCopy) : undefined;
  } catch {
    return undefined;
  }
}

/** Writes the copy; false when the browser refused (storage full or turned off). */
export function writeLocalCopy(copy: LocalCopy): boolean {
  try {
    localStorage.setItem(key(copy.articleId), JSON.stringify(copy));
    return true;
  } catch {
    return false;
  }
}

export function dropLocalCopy(articleId: string): void {
  try {
    localStorage.removeItem(key(articleId));
  } catch {
    // Nothing kept, nothing to drop.
  }
}
