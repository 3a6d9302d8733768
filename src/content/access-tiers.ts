import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { AppError } from '../http/errors.ts';
import type { AccessLevel } from './articles.table.ts';

type Db = Kysely<Database>;

/**
 * The chosen tiers of a story whose access is 'tiers' (article_access_tiers). Tier ids are billing's
 * and opaque here: which ids are paid tiers is asked of the caller (ContentDeps.paidTierIds), since
 * billing depends on content and not the other way round.
 */

/** The tiers chosen for an article, sorted (empty unless its access is 'tiers'). */
export async function accessTierIdsOf(db: Db, articleId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('article_access_tiers')
    .select('tier_id')
    .where('article_id', '=', articleId)
    .orderBy('tier_id')
    .execute();
  return rows.map((row) => row.tier_id);
}

async function replaceAccessTiers(db: Db, articleId: string, tierIds: readonly string[]): Promise<void> {
  await db.deleteFrom('article_access_tiers').where('article_id', '=', articleId).execute();
  if (tierIds.length)
    await db
      .insertInto('article_access_tiers')
      .values(tierIds.map((tier_id) => ({ article_id: articleId, tier_id })))
      .execute();
}

/** What an edit asks of an article's access, and what it had before (undefined for a new draft). */
export interface AccessRequest {
  access?: AccessLevel | undefined;
  accessTierIds?: readonly string[] | undefined;
}

const refuse = (message: string, problem: string): never => {
  throw new AppError('INVALID_ACCESS_TIERS', message, [{ field: 'accessTierIds', message: problem }]);
};

const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((id) => b.includes(id));

/**
 * The tiers an article will have after an edit, checked: a chosen-tiers story needs at least one
 * tier, every one a paid tier that exists (`paidTierIds`); other access levels have none. Returns
 * undefined when the edit leaves the tiers as they were, and whether the chosen tiers change (which
 * is changing access: article.access).
 */
export function plannedAccessTiers(
  request: AccessRequest,
  before: { access: AccessLevel; tierIds: readonly string[] } | undefined,
  paidTierIds: readonly string[] | undefined,
): { tierIds: string[]; changed: boolean } | undefined {
  const access = request.access ?? before?.access ?? 'public';
  if (access !== 'tiers') {
    if (request.accessTierIds?.length)
      refuse('Tiers are chosen only for a story whose access is "tiers".', 'only with access "tiers"');
    return before?.tierIds.length ? { tierIds: [], changed: false } : undefined;
  }
  const wanted = [...new Set(request.accessTierIds ?? before?.tierIds ?? [])].sort();
  if (wanted.length === 0)
    refuse('A story for chosen tiers needs at least one paid tier.', 'choose at least one paid tier');
  const unknown = wanted.filter((id) => !paidTierIds?.includes(id));
  if (unknown.length) refuse(`Not a paid tier: ${unknown.join(', ')}.`, `not a paid tier: ${unknown.join(', ')}`);
  const changed = !before || !sameSet(wanted, before.tierIds);
  return changed ? { tierIds: wanted, changed } : undefined;
}

/** Stores the planned tiers (plannedAccessTiers) inside the caller's transaction. */
export async function writeAccessTiers(
  db: Db,
  articleId: string,
  planned: { tierIds: readonly string[] } | undefined,
): Promise<void> {
  if (planned) await replaceAccessTiers(db, articleId, planned.tierIds);
}
