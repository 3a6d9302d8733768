import { nowIso } from '../db/ids.ts';
import { AppError } from '../http/errors.ts';
import { type Actor, staffIdOf } from '../staff/actor.ts';
import { changeArticle, setStatus } from './article-change.ts';
import { requireArticle } from './article-versions.ts';
import { deleteArticles, trashedBefore, updateArticleRow } from './articles.repository.ts';
import type { ContentDeps } from './articles.service.ts';
import type { ArticleRow, ArticleStatus } from './articles.table.ts';
import { authorize } from './policy.ts';

/** How long a trashed article can be restored; the scheduler deletes it for good after that. */
export const TRASH_DAYS = 30;
const DAY_MS = 86_400_000;

/**
 * What a story becomes in the trash: readers lose it as they lose a withdrawn one (a published
 * story is unpublished, its address answers 410; a scheduled one goes back to draft, so it cannot
 * go live from the trash), and the rest keep their status for when it comes back.
 */
const statusInTrash = (status: ArticleStatus): ArticleStatus =>
  status === 'published' ? 'unpublished' : status === 'scheduled' ? 'draft' : status;

/** Moves an article to the trash, withdrawing it from readers first; restorable for TRASH_DAYS. */
export async function trashArticle(
  deps: ContentDeps,
  actor: Actor,
  id: string,
  baseVersion?: number,
): Promise<ArticleRow> {
  const { after } = await changeArticle(deps, actor, id, 'article.trash', { baseVersion }, async (trx, before) => {
    const after = await setStatus(trx, id, {
      status: statusInTrash(before.status),
      trashed_at: nowIso(),
      trashed_by: staffIdOf(actor),
    });
    return { after, revision: 'trash' };
  });
  return after;
}

/** Takes an article out of the trash, in the status it had there (a withdrawn story stays withdrawn). */
export async function restoreFromTrash(
  deps: ContentDeps,
  actor: Actor,
  id: string,
  baseVersion?: number,
): Promise<ArticleRow> {
  const { after } = await changeArticle(
    deps,
    actor,
    id,
    'article.trash',
    { baseVersion, trashed: 'allow' },
    async (trx, before) => {
      if (!before.trashed_at) throw new AppError('CONFLICT', 'This article is not in the trash.');
      await updateArticleRow(trx, id, { trashed_at: null, trashed_by: null });
      return { after: await requireArticle(trx, id), revision: 'untrash' };
    },
  );
  return after;
}

/**
 * Deletes for good what has been in the trash longer than TRASH_DAYS, with its revisions, body,
 * corrections and links (the tables cascade). Run by the scheduler as SYSTEM.scheduler.
 */
export async function emptyExpiredTrash(deps: ContentDeps, actor: Actor, now = Date.now()): Promise<string[]> {
  authorize(actor, 'article.purgeTrash');
  const cutoff = new Date(now - TRASH_DAYS * DAY_MS).toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const ids = await trashedBefore(trx, cutoff);
    await deleteArticles(trx, ids);
    return ids;
  });
}
