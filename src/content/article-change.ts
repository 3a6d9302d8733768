import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { type Invalidation, LIST_PAGES, articleKey, sectionKey, tagKey } from '../http/invalidation.ts';
import type { Actor } from '../staff/actor.ts';
import { type ChangeOptions, beginChange, requireArticle } from './article-versions.ts';
import { syncListing, tagIdsOf, updateArticleRow } from './articles.repository.ts';
import type { ArticleRow, ArticleRowUpdate, RevisionAction } from './articles.table.ts';
import { authorize, type ContentAction } from './policy.ts';
import { listedForSomeReader } from './reader-scope.ts';
import { recordRevision } from './revisions.service.ts';

type Db = Kysely<Database>;

export interface ContentDeps {
  db: Db;
  invalidation: Invalidation;
  /**
   * The ids of the paid tiers a story may be chosen for (billing's; content cannot ask billing
   * itself). Without it no chosen-tiers story can be saved: every tier id is unknown.
   */
  paidTierIds?: () => Promise<readonly string[]>;
}

/** What one change did: the article as it now stands, and the revision that records it. */
export interface Applied {
  after: ArticleRow;
  revision: RevisionAction;
  note?: string | null;
  restoredFrom?: string;
  /** Pages beyond the article's own that the change alters (the corrections page). */
  alsoPurge?: readonly string[];
}

export interface ArticleChangeOptions extends ChangeOptions {
  /** False for a change readers never see (the edit workflow), which purges no page. */
  purges?: boolean;
}

/** Keys to purge when an article changes: its own pages, and lists when readers can see it. */
async function purgeKeysFor(db: Db, before: ArticleRow, after: ArticleRow): Promise<string[]> {
  const keys = [articleKey(after.id)];
  if (!listedForSomeReader(after) && !listedForSomeReader(before)) return keys;
  keys.push(LIST_PAGES);
  for (const sectionId of new Set([before.section_id, after.section_id]))
    if (sectionId) keys.push(sectionKey(sectionId));
  for (const tagId of await tagIdsOf(db, after.id)) keys.push(tagKey(tagId));
  return keys;
}

/**
 * One change of one article, as every kind of change makes it: in a transaction, a new version
 * (beginChange, conflict-safe with `baseVersion`), authorized for `action` on the article as it
 * stood, `apply` doing what is particular to it, a revision, and once committed the pages it alters
 * purged. Returns what `apply` returned.
 */
export async function changeArticle<A extends Applied>(
  deps: ContentDeps,
  actor: Actor,
  id: string,
  action: ContentAction,
  options: ArticleChangeOptions,
  apply: (trx: Db, before: ArticleRow) => Promise<A>,
): Promise<A> {
  const { applied, keys } = await deps.db.transaction().execute(async (trx) => {
    const before = await beginChange(trx, id, actor, options);
    authorize(actor, action, before);
    const applied = await apply(trx, before);
    const { after, revision, note, restoredFrom, alsoPurge = [] } = applied;
    await recordRevision(trx, after, actor, revision, { note, restoredFrom });
    const keys = options.purges === false ? [] : [...(await purgeKeysFor(trx, before, after)), ...alsoPurge];
    return { applied, keys };
  });
  if (keys.length) deps.invalidation.purge(keys);
  return applied;
}

/**
 * Writes a change that decides who may list the article (its status, its publication time), keeps
 * the listing rows of its tags and authors in step, and returns the article as it now stands.
 */
export async function setStatus(db: Db, id: string, update: ArticleRowUpdate): Promise<ArticleRow> {
  await updateArticleRow(db, id, update);
  await syncListing(db, id);
  return requireArticle(db, id);
}
