import { nowIso } from '../db/ids.ts';
import { AppError } from '../http/errors.ts';
import type { Actor } from '../staff/actor.ts';
import { changeArticle } from './article-change.ts';
import { requireArticle } from './article-versions.ts';
import { updateArticleRow } from './articles.repository.ts';
import type { ContentDeps } from './articles.service.ts';
import type { ArticleRow } from './articles.table.ts';

/*
 * "Ready for edit": a writer submits a draft, it waits in the editors' queue (GET /articles?status=ready),
 * and an editor publishes or schedules it (publishing.service.ts) or sends it back to draft with a
 * note. Neither step shows anything to readers, so neither purges a page.
 */

/** The longest note an editor sends back with a story. */
export const RETURN_NOTE_LIMIT = 2000;

/** Submits a draft for edit: it joins the editors' queue, and a contributor can no longer change it. */
export async function submitArticle(
  deps: ContentDeps,
  actor: Actor,
  id: string,
  baseVersion?: number,
): Promise<ArticleRow> {
  const { after } = await changeArticle(
    deps,
    actor,
    id,
    'article.submit',
    { baseVersion, purges: false },
    async (trx, before) => {
      if (before.status !== 'draft')
        throw new AppError('CONFLICT', `Only a draft can be submitted for edit; this article is ${before.status}.`);
      await updateArticleRow(trx, id, { status: 'ready', submitted_at: nowIso(), return_note: null });
      return { after: await requireArticle(trx, id), revision: 'submit' };
    },
  );
  return after;
}

/** Sends a story that is ready for edit back to its writer as a draft, with what to change. */
export async function returnToDraft(
  deps: ContentDeps,
  actor: Actor,
  id: string,
  note?: string,
  baseVersion?: number,
): Promise<ArticleRow> {
  const text = note?.trim() || null;
  const { after } = await changeArticle(
    deps,
    actor,
    id,
    'article.return',
    { baseVersion, purges: false },
    async (trx, before) => {
      if (before.status !== 'ready')
        throw new AppError(
          'CONFLICT',
          `Only an article ready for edit can go back to draft; this one is ${before.status}.`,
        );
      await updateArticleRow(trx, id, { status: 'draft', return_note: text });
      return { after: await requireArticle(trx, id), revision: 'return', note: text };
    },
  );
  return after;
}
