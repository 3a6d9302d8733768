import type { Kysely } from 'kysely';

/**
 * What the newsroom's screens need from the tables: an image keeps the name of the file it was
 * uploaded as (the media library searches by it) and is listed newest first from an index; an
 * author has a photo from the media library and links to their website and social profiles (a JSON
 * array, read whole with the author). Site settings are rows of their own and need no change.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('images')
    .addColumn('file_name', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('images_newest').on('images').columns(['created_at', 'id']).execute();
  await db.schema
    .alterTable('authors')
    .addColumn('photo_image_id', 'text', (c) => c.references('images.id').onDelete('set null'))
    .execute();
  await db.schema
    .alterTable('authors')
    .addColumn('links', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('authors').dropColumn('links').execute();
  await db.schema.alterTable('authors').dropColumn('photo_image_id').execute();
  await db.schema.dropIndex('images_newest').execute();
  await db.schema.alterTable('images').dropColumn('file_name').execute();
}
