import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../db/schema.ts';
import { nowIso } from '../db/ids.ts';
import { AppError } from '../http/errors.ts';
import { type Actor, staffIdOf, type SystemTask, systemTaskOf } from '../staff/actor.ts';
import { staffNames } from '../staff/names.ts';
import { findArticleById } from './articles.repository.ts';
import type { ArticleRow } from './articles.table.ts';

/*
 * Conflict-safe changes (docs/decisions.md, "Saves name the version they edit"). Every change of
 * an article, of any kind, starts with beginChange(): one UPDATE that adds 1 to its version and
 * records who changed it, only if the version is still the one the caller saw. The UPDATE's row
 * lock (PostgreSQL) or the single writer (SQLite) holds until the transaction ends, so two saves of
 * the same version cannot both pass; the one that comes second is refused with who came first.
 */

type Db = Kysely<Database>;

/** Who made an article's last change: a member of staff (by name), the system (by task), or a deleted account. */
export type ChangedBy = { id: string; name: string } | { system: SystemTask } | null;

/** The `modifiedBy` of an article row, given the names of the staff ids it may name. */
export function changedBy(
  row: Pick<ArticleRow, 'modified_by' | 'modified_by_task'>,
  names: ReadonlyMap<string, string>,
): ChangedBy {
  if (row.modified_by_task) return { system: row.modified_by_task };
  if (!row.modified_by) return null;
  return { id: row.modified_by, name: names.get(row.modified_by) ?? '' };
}

const describe = (by: ChangedBy): string =>
  by === null ? 'a former member of staff' : 'system' in by ? `the system (${by.system})` : by.name;

/** The 409 for a save on a version that is no longer current: who changed it since, when, and the version now. */
async function changedSince(db: Db, row: ArticleRow, baseVersion: number): Promise<AppError> {
  const by = changedBy(row, await staffNames(db, [row.modified_by]));
  const version = Number(row.version);
  return new AppError(
    'ARTICLE_CHANGED',
    `This article was changed by ${describe(by)} at ${row.modified_at} (it is now version ${version}; you edited version ${baseVersion}). Nothing was saved: load the current version and apply your changes to it.`,
    [{ field: 'baseVersion', message: `is ${baseVersion}; the article is at version ${version}` }],
    { version, modifiedAt: row.modified_at, modifiedBy: by },
  );
}

/** The article with this id, or 404 ARTICLE_NOT_FOUND. */
export async function requireArticle(db: Db, id: string): Promise<ArticleRow> {
  const row = await findArticleById(db, id);
  if (!row) throw new AppError('ARTICLE_NOT_FOUND', `No article with id ${id}.`);
  return row;
}

export interface ChangeOptions {
  /** The version the caller edits; when given and no longer current, nothing changes (409 ARTICLE_CHANGED). */
  baseVersion?: number | undefined;
  /** When the change counts as made (default now); the scheduler dates a publication at its own time. */
  modifiedAt?: string | RawBuilder<string>;
  /** Restoring from the trash is the one change a trashed article takes. */
  trashed?: 'refuse' | 'allow';
}

/**
 * Starts a change of an article inside the caller's transaction: version + 1, who and when, checked
 * against `baseVersion`. Returns the row as it now stands. 404 when there is no such article, 409
 * when the version is stale (ARTICLE_CHANGED) or the article is in the trash (ARTICLE_IN_TRASH).
 */
export async function beginChange(db: Db, id: string, actor: Actor, options: ChangeOptions = {}): Promise<ArticleRow> {
  let update = db
    .updateTable('articles')
    .set({
      version: sql<number>`version + 1`,
      modified_by: staffIdOf(actor),
      modified_by_task: systemTaskOf(actor),
      modified_at: options.modifiedAt ?? nowIso(),
    })
    .where('id', '=', id);
  if (options.baseVersion !== undefined) update = update.where('version', '=', options.baseVersion);
  const result = await update.executeTakeFirst();
  const row = await requireArticle(db, id);
  if (Number(result.numUpdatedRows) === 0 && options.baseVersion !== undefined)
    throw await changedSince(db, row, options.baseVersion);
  if (row.trashed_at && options.trashed !== 'allow')
    throw new AppError(
      'ARTICLE_IN_TRASH',
      'This article is in the trash: restore it from the trash before changing it.',
    );
  return row;
}
