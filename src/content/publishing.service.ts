import { newId, nowIso } from '../db/ids.ts';
import { AppError } from '../http/errors.ts';
import { CORRECTIONS_PAGE } from '../http/invalidation.ts';
import { type Actor, staffIdOf, SYSTEM } from '../staff/actor.ts';
import { dueScheduledIds, insertCorrection, syncListing, updateArticleRow } from './articles.repository.ts';
import { type ContentDeps, purgeKeysFor, requireArticle, snapshot } from './articles.service.ts';
import { removeLapsedPins } from './front-page.service.ts';
import { authorize } from './policy.ts';
import { listedForSomeReader } from './reader-scope.ts';
import type { ArticleRow, CorrectionKind, CorrectionRow } from './articles.table.ts';

/** Publishes now, or schedules for a future instant. A scheduled article goes live when its time comes. */
export async function publishArticle(
  deps: ContentDeps,
  actor: Actor,
  id: string,
  publishAt?: string,
): Promise<ArticleRow> {
  const at = publishAt === undefined ? undefined : new Date(publishAt);
  if (at && Number.isNaN(at.getTime()))
    throw new AppError('INVALID_DATE', `publishAt is not a date: ${publishAt}`, [
      { field: 'publishAt', message: 'must be an ISO 8601 date-time' },
    ]);
  const { row, keys } = await deps.db.transaction().execute(async (trx) => {
    const before = await requireArticle(trx, id);
    authorize(actor, 'article.publish', before);
    if (!before.headline.trim())
      throw new AppError('VALIDATION_FAILED', 'An article needs a headline to be published.', [
        { field: 'headline', message: 'is empty' },
      ]);
    const now = nowIso();
    const scheduled = at !== undefined && at.toISOString() > now;
    const publishedAt = at
      ? at.toISOString()
      : before.status === 'unpublished' && before.published_at
        ? before.published_at
        : now;
    await updateArticleRow(trx, id, {
      status: scheduled ? 'scheduled' : 'published',
      published_at: publishedAt,
      modified_at: now,
    });
    await syncListing(trx, id);
    const after = await requireArticle(trx, id);
    await snapshot(trx, after, actor);
    return { row: after, keys: await purgeKeysFor(trx, before, after) };
  });
  deps.invalidation.purge(keys);
  return row;
}

/** Withdraws a published or scheduled article; its address answers 410 from then on. */
export async function unpublishArticle(deps: ContentDeps, actor: Actor, id: string): Promise<ArticleRow> {
  const { row, keys } = await deps.db.transaction().execute(async (trx) => {
    const before = await requireArticle(trx, id);
    authorize(actor, 'article.unpublish', before);
    if (before.status === 'draft') throw new AppError('CONFLICT', 'A draft is not published.');
    await updateArticleRow(trx, id, {
      status: before.status === 'scheduled' ? 'draft' : 'unpublished',
      modified_at: nowIso(),
    });
    await syncListing(trx, id);
    const after = await requireArticle(trx, id);
    await snapshot(trx, after, actor);
    return { row: after, keys: await purgeKeysFor(trx, before, after) };
  });
  deps.invalidation.purge(keys);
  return row;
}

/** Adds a dated correction or clarification to a published article. */
export async function addCorrection(
  deps: ContentDeps,
  actor: Actor,
  id: string,
  kind: CorrectionKind,
  body: string,
  at = nowIso(),
): Promise<CorrectionRow> {
  const { correction, keys } = await deps.db.transaction().execute(async (trx) => {
    const article = await requireArticle(trx, id);
    authorize(actor, 'article.correct', article);
    if (!listedForSomeReader(article)) throw new AppError('CONFLICT', 'Corrections are added to published articles.');
    const correction: CorrectionRow = {
      id: newId(),
      article_id: id,
      kind,
      body: body.trim(),
      published_at: at,
      created_by: staffIdOf(actor),
    };
    await insertCorrection(trx, correction);
    await updateArticleRow(trx, id, { modified_at: nowIso() });
    return { correction, keys: [...(await purgeKeysFor(trx, article, article)), CORRECTIONS_PAGE] };
  });
  deps.invalidation.purge(keys);
  return correction;
}

/**
 * Publishes every scheduled article whose time has come, including ones missed while the server was
 * down. The scheduler runs it as the system (SYSTEM.scheduler); each publication keeps a revision by it.
 */
export async function publishDueArticles(deps: ContentDeps, actor: Actor, now = nowIso()): Promise<string[]> {
  const due = await dueScheduledIds(deps.db, now);
  for (const id of due) {
    const keys = await deps.db.transaction().execute(async (trx) => {
      const before = await requireArticle(trx, id);
      authorize(actor, 'article.publishDue', before);
      if (before.status !== 'scheduled') return [];
      await updateArticleRow(trx, id, { status: 'published' });
      await syncListing(trx, id);
      const after = await requireArticle(trx, id);
      await snapshot(trx, after, actor);
      return purgeKeysFor(trx, before, after);
    });
    deps.invalidation.purge(keys);
  }
  return due;
}

/**
 * Runs publishDueArticles and removeLapsedPins now and then every intervalMs. Returns a function that
 * stops it and resolves once a run in progress has finished, so a shutdown never closes the database
 * under a publication half done.
 */
export function startScheduler(
  deps: ContentDeps,
  intervalMs: number,
  onError: (error: unknown) => void,
): () => Promise<void> {
  let current: Promise<void> | undefined;
  let stopped = false;
  const run = async (): Promise<void> => {
    try {
      await publishDueArticles(deps, SYSTEM.scheduler);
      await removeLapsedPins(deps);
    } catch (error) {
      onError(error);
    } finally {
      current = undefined;
    }
  };
  const tick = (): void => {
    if (stopped || current) return;
    current = run();
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await current;
  };
}
