import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { AuthorRow, LabelRow, SectionRow, TagRow } from './taxonomy.table.ts';

type Db = Kysely<Database>;
/** The tables that hold simple named, slugged things editors manage. */
export type TaxonomyTable = 'sections' | 'tags' | 'labels' | 'authors';

export async function listSections(db: Db): Promise<SectionRow[]> {
  return db.selectFrom('sections').selectAll().orderBy('position').orderBy('name').execute();
}
export async function listLabels(db: Db): Promise<LabelRow[]> {
  return db.selectFrom('labels').selectAll().orderBy('position').orderBy('name').execute();
}
export async function listTags(db: Db): Promise<TagRow[]> {
  return db.selectFrom('tags').selectAll().orderBy('name').execute();
}
export async function listAuthors(db: Db): Promise<AuthorRow[]> {
  return db.selectFrom('authors').selectAll().orderBy('name').execute();
}

export async function findSectionBySlug(db: Db, slug: string): Promise<SectionRow | undefined> {
  return db.selectFrom('sections').selectAll().where('slug', '=', slug).executeTakeFirst();
}
export async function findTagBySlug(db: Db, slug: string): Promise<TagRow | undefined> {
  return db.selectFrom('tags').selectAll().where('slug', '=', slug).executeTakeFirst();
}
export async function findAuthorBySlug(db: Db, slug: string): Promise<AuthorRow | undefined> {
  return db.selectFrom('authors').selectAll().where('slug', '=', slug).executeTakeFirst();
}
export async function findSectionById(db: Db, id: string): Promise<SectionRow | undefined> {
  return db.selectFrom('sections').selectAll().where('id', '=', id).executeTakeFirst();
}
export async function findLabelById(db: Db, id: string): Promise<LabelRow | undefined> {
  return db.selectFrom('labels').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Which of the given ids exist in a table, to refuse references to things that are not there. */
export async function existingIds(
  db: Db,
  table: TaxonomyTable | 'articles' | 'images',
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom(table)
    .select('id')
    .where('id', 'in', [...ids])
    .execute();
  return new Set(rows.map((row) => row.id));
}

/** Inserts a section, tag, label or author row; the caller has checked the slug. */
export async function insertTaxonomyRow(db: Db, table: TaxonomyTable, row: Record<string, unknown>): Promise<void> {
  await db
    .insertInto(table as 'sections')
    .values(row as never)
    .execute();
}
