import { sql } from 'kysely';
import { newId, nowIso } from '../db/ids.ts';
import { AppError } from '../http/errors.ts';
import { CORRECTIONS_PAGE } from '../http/invalidation.ts';
import { type Actor, staffIdOf, SYSTEM } from '../staff/actor.ts';
import { changeArticle, setStatus } from './article-change.ts';
import { requireArticle } from './article-versions.ts';
import { dueScheduledIds, findArticleBody, insertCorrection } from './articles.repository.ts';
import type { ContentDeps } from './articles.service.ts';
import type { ArticleRow, CorrectionKind, CorrectionRow } from './articles.table.ts';
import { parseDocument } from './document.ts';
import { listedForSomeReader } from './reader-scope.ts';
import { removeLapsedPins } from './front-page.service.ts';
import { forgetStalePresence } from './presence.service.ts';
import { emptyExpiredTrash } from './trash.service.ts';
import { tkPlaces } from '../editor/tk.ts';

/**
 * Refuses to publish or schedule an article that still holds a TK placeholder, saying how many and
 * where (422 TK_REMAINING). Every text a reader would see is checked, with the editor's own rule.
 */
async function refuseTk(db: ContentDeps['db'], row: ArticleRow): Promise<void> {
  const body = parseDocument((await findArticleBody(db, row.id)).body);
  const places = tkPlaces(
    {
      headline: row.headline,
      dek: row.dek,
      dateline: row.dateline,
      attribution: row.attribution,
      featureImageAlt: row.feature_image_alt,
      featureImageCaption: row.feature_image_caption,
      featureImageCredit: row.feature_image_credit,
      seoTitle: row.seo_title,
      seoDescription: row.seo_description,
      socialTitle: row.social_title,
      socialDescription: row.social_description,
    },
    body,
  );
  if (places.length === 0) return;
  const count = places.reduce((sum, place) => sum + place.count, 0);
  const where = places.map((p) => (p.block === undefined ? p.field : `body block ${p.block + 1}`));
  throw new AppError(
    'TK_REMAINING',
    `The article still holds ${count} TK placeholder${count === 1 ? '' : 's'} (${where.join(', ')}): replace ${count === 1 ? 'it' : 'them'} before publishing or scheduling.`,
    places.map((p) => ({
      field: p.block === undefined ? p.field : `body/${p.block}`,
      message: `holds ${p.count} TK`,
    })),
    { count, places },
  );
}

/**
 * Publishes now, or schedules for a future instant. A scheduled article goes live when its time
 * comes. Refused while the article holds TK (422), and conflict-safe with `baseVersion`.
 */
export async function publishArticle(
  deps: ContentDeps,
  actor: Actor,
  id: string,
  publishAt?: string,
  baseVersion?: number,
): Promise<ArticleRow> {
  const at = publishAt === undefined ? undefined : new Date(publishAt);
  if (at && Number.isNaN(at.getTime()))
    throw new AppError('INVALID_DATE', `publishAt is not a date: ${publishAt}`, [
      { field: 'publishAt', message: 'must be an ISO 8601 date-time' },
    ]);
  const { after } = await changeArticle(deps, actor, id, 'article.publish', { baseVersion }, async (trx, before) => {
    if (!before.headline.trim())
      throw new AppError('VALIDATION_FAILED', 'An article needs a headline to be published.', [
        { field: 'headline', message: 'is empty' },
      ]);
    await refuseTk(trx, before);
    const now = nowIso();
    const scheduled = at !== undefined && at.toISOString() > now;
    const publishedAt = at
      ? at.toISOString()
      : before.status === 'unpublished' && before.published_at
        ? before.published_at
        : now;
    const after = await setStatus(trx, id, {
      status: scheduled ? 'scheduled' : 'published',
      published_at: publishedAt,
      return_note: null,
    });
    return { after, revision: scheduled ? 'schedule' : 'publish' };
  });
  return after;
}

/** Withdraws a published or scheduled article; its address answers 410 from then on. */
export async function unpublishArticle(
  deps: ContentDeps,
  actor: Actor,
  id: string,
  baseVersion?: number,
): Promise<ArticleRow> {
  const { after } = await changeArticle(deps, actor, id, 'article.unpublish', { baseVersion }, async (trx, before) => {
    if (before.status !== 'published' && before.status !== 'scheduled')
      throw new AppError('CONFLICT', `This article is not published or scheduled (it is ${before.status}).`);
    const after = await setStatus(trx, id, { status: before.status === 'scheduled' ? 'draft' : 'unpublished' });
    return { after, revision: 'unpublish' };
  });
  return after;
}

/** Adds a dated correction or clarification to a published article; a change like any other (a version, a revision). */
export async function addCorrection(
  deps: ContentDeps,
  actor: Actor,
  id: string,
  kind: CorrectionKind,
  body: string,
  at = nowIso(),
): Promise<CorrectionRow> {
  const { correction } = await changeArticle(deps, actor, id, 'article.correct', {}, async (trx, article) => {
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
    return {
      after: article,
      revision: 'correction' as const,
      note: `${kind}: ${correction.body}`,
      alsoPurge: [CORRECTIONS_PAGE],
      correction,
    };
  });
  return correction;
}

/**
 * Publishes every scheduled article whose time has come, including ones missed while the server was
 * down. The scheduler runs it as the system (SYSTEM.scheduler); each publication is a new version
 * with a revision by it, dated no earlier than the article's last save nor its publication time, so
 * readers' "modified" time (src/content/modified.ts) does not move for a publication alone.
 */
export async function publishDueArticles(deps: ContentDeps, actor: Actor, now = nowIso()): Promise<string[]> {
  const due = await dueScheduledIds(deps.db, now);
  for (const id of due) {
    const current = await requireArticle(deps.db, id);
    if (current.status !== 'scheduled') continue;
    // Conflict-safe like a staff member's change: unscheduled or edited since the read above, it waits for the next run.
    await changeArticle(
      deps,
      actor,
      id,
      'article.publishDue',
      {
        baseVersion: Number(current.version),
        modifiedAt: sql<string>`case when modified_at > published_at then modified_at else published_at end`,
      },
      async (trx) => ({ after: await setStatus(trx, id, { status: 'published' }), revision: 'publish' as const }),
    ).catch((error: unknown) => {
      if (!(error instanceof AppError && error.code === 'ARTICLE_CHANGED')) throw error;
    });
  }
  return due;
}

/** How often the scheduler tidies up (the trash past 30 days, presence no one refreshed): a minute is soon enough. */
const HOUSEKEEPING_MS = 60_000;

/**
 * Runs publishDueArticles and removeLapsedPins now and then every intervalMs, and at most once a
 * minute empties the trash of what has been there 30 days and forgets stale presence. Returns a
 * function that stops it and resolves once a run in progress has finished, so a shutdown never
 * closes the database under a publication half done.
 */
export function startScheduler(
  deps: ContentDeps,
  intervalMs: number,
  onError: (error: unknown) => void,
): () => Promise<void> {
  let current: Promise<void> | undefined;
  let stopped = false;
  let lastHousekeeping = -Infinity;
  const run = async (): Promise<void> => {
    try {
      await publishDueArticles(deps, SYSTEM.scheduler);
      await removeLapsedPins(deps);
      if (Date.now() - lastHousekeeping >= HOUSEKEEPING_MS) {
        lastHousekeeping = Date.now();
        await emptyExpiredTrash(deps, SYSTEM.scheduler);
        await forgetStalePresence(deps.db);
      }
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
