import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { newId, nowIso } from '../db/ids.ts';
import { AppError } from '../http/errors.ts';
import { type Actor, staffIdOf, type SystemTask, systemTaskOf } from '../staff/actor.ts';
import { authorIdsOf, findArticleBody, relatedPickIds, tagIdsOf } from './articles.repository.ts';
import { accessTierIdsOf } from './access-tiers.ts';
import type { ArticleRow, RevisionAction, RevisionRow } from './articles.table.ts';
import {
  findRevision,
  insertRevision,
  latestRevision,
  listRevisions,
  updateRevisionInPlace,
} from './revisions.repository.ts';

type Db = Kysely<Database>;

/**
 * How long a run of autosaves keeps folding into one revision: an autosave updates the previous
 * revision in place when that one is an autosave by the same member of staff started less than this
 * long ago (docs/decisions.md, "Revisions that do not flood").
 */
export const AUTOSAVE_WINDOW_MS = 5 * 60_000;

/** The article as a revision keeps it: its row, body and relations. */
async function stateOf(db: Db, row: ArticleRow): Promise<Record<string, unknown>> {
  const [authorIds, tagIds, relatedIds, { body }, accessTierIds] = await Promise.all([
    authorIdsOf(db, row.id),
    tagIdsOf(db, row.id),
    relatedPickIds(db, row.id),
    findArticleBody(db, row.id),
    accessTierIdsOf(db, row.id),
  ]);
  return { ...row, body: JSON.parse(body) as unknown, authorIds, tagIds, relatedIds, accessTierIds };
}

/**
 * Keeps the article as it now stands, with who made the change and what it was. Every change adds
 * a revision, except an autosave that continues the same staff member's autosave revision started
 * less than AUTOSAVE_WINDOW_MS ago: that one is updated in place (its state, version and last write).
 */
export async function recordRevision(
  db: Db,
  row: ArticleRow,
  actor: Actor,
  action: RevisionAction,
  extra: { note?: string | null; restoredFrom?: string } = {},
): Promise<void> {
  const snapshot = JSON.stringify(await stateOf(db, row));
  const now = nowIso();
  const staffId = staffIdOf(actor);
  if (action === 'autosave' && staffId) {
    const latest = await latestRevision(db, row.id);
    if (
      latest?.action === 'autosave' &&
      latest.staff_id === staffId &&
      Date.parse(now) - Date.parse(latest.created_at) < AUTOSAVE_WINDOW_MS
    ) {
      await updateRevisionInPlace(db, latest.id, { snapshot, version: Number(row.version), updated_at: now });
      return;
    }
  }
  await insertRevision(db, {
    id: newId(),
    article_id: row.id,
    staff_id: staffId,
    system_task: systemTaskOf(actor),
    snapshot,
    created_at: now,
    action,
    version: Number(row.version),
    note: extra.note ?? null,
    updated_at: null,
    restored_from: extra.restoredFrom ?? null,
  });
}

/** A revision as the admin API shows it; `snapshot` is the whole state (with the body) or without it. */
export interface RevisionView {
  id: string;
  action: RevisionAction;
  autosave: boolean;
  version: number | null;
  staff: { id: string; name: string } | null;
  system: SystemTask | null;
  note: string | null;
  restoredFrom: string | null;
  createdAt: string;
  /** The last autosave folded into it; null for every other revision. */
  updatedAt: string | null;
  snapshot: Record<string, unknown>;
}

function present(row: RevisionRow & { staff_name: string | null }, withBody: boolean): RevisionView {
  const { body, ...withoutBody } = JSON.parse(row.snapshot) as Record<string, unknown>;
  return {
    id: row.id,
    action: row.action,
    autosave: row.action === 'autosave',
    version: row.version === null ? null : Number(row.version),
    staff: row.staff_id ? { id: row.staff_id, name: row.staff_name ?? '' } : null,
    system: row.system_task,
    note: row.note,
    restoredFrom: row.restored_from,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    snapshot: withBody ? { ...withoutBody, body } : withoutBody,
  };
}

/** Every revision of an article, newest first; snapshots without their bodies (one revision has it). */
export async function revisionsOf(db: Db, articleId: string): Promise<RevisionView[]> {
  return (await listRevisions(db, articleId)).map((row) => present(row, false));
}

/** One revision of an article with its whole snapshot, body included. */
export async function requireRevision(db: Db, articleId: string, id: string): Promise<RevisionView> {
  const row = await findRevision(db, articleId, id);
  if (!row) throw new AppError('REVISION_NOT_FOUND', `Article ${articleId} has no revision ${id}.`);
  return present(row, true);
}
