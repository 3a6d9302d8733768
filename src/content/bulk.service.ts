import { AppError, type ErrorCode } from '../http/errors.ts';
import type { Actor } from '../staff/actor.ts';
import type { ContentDeps } from './articles.service.ts';
import type { ArticleRow, ArticleStatus } from './articles.table.ts';
import { unpublishArticle } from './publishing.service.ts';
import { restoreFromTrash, trashArticle } from './trash.service.ts';
import { submitArticle } from './workflow.service.ts';

/** What the newsroom's list can do to several articles at once. */
export type BulkAction = 'trash' | 'restore' | 'unpublish' | 'submit';
export const BULK_ACTIONS: readonly BulkAction[] = ['trash', 'restore', 'unpublish', 'submit'];
/** The most articles one bulk request may name (a page of the list is at most 100). */
export const BULK_LIMIT = 100;

const ACTIONS: Record<BulkAction, (deps: ContentDeps, actor: Actor, id: string) => Promise<ArticleRow>> = {
  trash: trashArticle,
  restore: restoreFromTrash,
  unpublish: unpublishArticle,
  submit: submitArticle,
};

/** One article's outcome: done (with its new status and version), or refused with the error it would get alone. */
export type BulkResult =
  | { id: string; ok: true; status: ArticleStatus; version: number; trashedAt: string | null }
  | { id: string; ok: false; error: { code: ErrorCode; message: string } };

/**
 * Does one action to each article in turn, each through the same service, policy and transaction as
 * when done alone, so some may be refused while others go through; the answer says which.
 */
export async function bulkChange(
  deps: ContentDeps,
  actor: Actor,
  ids: readonly string[],
  action: BulkAction,
): Promise<BulkResult[]> {
  const run = ACTIONS[action];
  const results: BulkResult[] = [];
  for (const id of new Set(ids)) {
    try {
      const row = await run(deps, actor, id);
      results.push({ id, ok: true, status: row.status, version: Number(row.version), trashedAt: row.trashed_at });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      results.push({ id, ok: false, error: { code: error.code, message: error.message } });
    }
  }
  return results;
}
