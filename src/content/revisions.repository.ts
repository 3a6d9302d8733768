import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { staffNameSql } from '../staff/names.ts';
import type { RevisionRow } from './articles.table.ts';

type Db = Kysely<Database>;

export async function insertRevision(db: Db, row: RevisionRow): Promise<void> {
  await db.insertInto('revisions').values(row).execute();
}

/** The article's newest revision (autosaves fold into it when it is one of theirs). */
export async function latestRevision(db: Db, articleId: string): Promise<RevisionRow | undefined> {
  return db
    .selectFrom('revisions')
    .selectAll()
    .where('article_id', '=', articleId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Folds a later autosave into a revision: its state, version and time of the last write. */
export async function updateRevisionInPlace(
  db: Db,
  id: string,
  changes: { snapshot: string; version: number; updated_at: string },
): Promise<void> {
  await db.updateTable('revisions').set(changes).where('id', '=', id).execute();
}

/** One revision of one article, with the name of the member of staff who made it. */
export async function findRevision(db: Db, articleId: string, id: string) {
  return db
    .selectFrom('revisions')
    .selectAll()
    .select(staffNameSql('revisions.staff_id').as('staff_name'))
    .where('article_id', '=', articleId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Every revision of an article, newest first, with who made each. */
export async function listRevisions(db: Db, articleId: string) {
  return db
    .selectFrom('revisions')
    .selectAll()
    .select(staffNameSql('revisions.staff_id').as('staff_name'))
    .where('article_id', '=', articleId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}
