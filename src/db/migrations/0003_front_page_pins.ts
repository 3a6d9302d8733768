import type { Kysely } from 'kysely';

/**
 * Stories an editor pins to the home page: one lead and an ordered list of featured stories, each
 * until unpinned or until `pinned_until`. A handful of rows at most, read whole into the site
 * context; one row per article (the primary key), so a story is never pinned twice.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('front_page_pins')
    .addColumn('article_id', 'text', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
    .addColumn('slot', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('pinned_until', 'text')
    .addColumn('pinned_by', 'text', (c) => c.references('staff.id').onDelete('set null'))
    .addColumn('pinned_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('front_page_pins').execute();
}
