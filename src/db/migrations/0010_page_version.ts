import type { Kysely } from 'kysely';

/**
 * A static page gets a version, +1 on every change, so the web app's page editor can name the
 * version it edits and a colleague's save in between is refused instead of overwritten (as articles
 * do, docs/decisions.md "Saves name the version they edit").
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('pages')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('pages').dropColumn('version').execute();
}
