import type { Kysely } from 'kysely';

/**
 * The editorial workflow of the newsroom's web app (docs/decisions.md):
 * - articles carry a `version` (+1 on every change) and who made the last change, so a save names
 *   the version it edits and a stale one is refused;
 * - search and social titles and descriptions, and the feature image's focal point;
 * - the trash (`trashed_at`), and the note an editor sends back with a story returned to draft;
 * - revisions say what the change was (`action`: save, autosave, publish…), carry the version they
 *   keep, and an autosave's last write (`updated_at`), so autosaves coalesce into one;
 * - preview links (only the token's hash is kept) and who has an article open (presence).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const articleColumns: Array<[string, 'text' | 'integer' | 'double precision', 'notNull' | 'null', unknown?]> = [
    ['version', 'integer', 'notNull', 1],
    ['seo_title', 'text', 'notNull', ''],
    ['seo_description', 'text', 'notNull', ''],
    ['social_title', 'text', 'notNull', ''],
    ['social_description', 'text', 'notNull', ''],
    ['feature_image_focal_x', 'double precision', 'null'],
    ['feature_image_focal_y', 'double precision', 'null'],
    ['modified_by_task', 'text', 'null'],
    ['submitted_at', 'text', 'null'],
    ['return_note', 'text', 'null'],
    ['trashed_at', 'text', 'null'],
  ];
  // One column per statement: SQLite's ALTER TABLE adds one at a time.
  for (const [name, type, nullability, fallback] of articleColumns)
    await db.schema
      .alterTable('articles')
      .addColumn(name, type, (c) => (nullability === 'notNull' ? c.notNull().defaultTo(fallback) : c))
      .execute();
  for (const name of ['modified_by', 'trashed_by'])
    await db.schema
      .alterTable('articles')
      .addColumn(name, 'text', (c) => c.references('staff.id').onDelete('set null'))
      .execute();
  // The newsroom's list: newest change first, and the trash by age for the scheduler's purge.
  await db.schema.createIndex('articles_modified').on('articles').columns(['modified_at', 'id']).execute();
  await db.schema.createIndex('articles_trashed').on('articles').columns(['trashed_at']).execute();

  await db.schema
    .alterTable('revisions')
    .addColumn('action', 'text', (c) => c.notNull().defaultTo('save'))
    .execute();
  await db.schema.alterTable('revisions').addColumn('version', 'integer').execute();
  await db.schema.alterTable('revisions').addColumn('note', 'text').execute();
  await db.schema.alterTable('revisions').addColumn('updated_at', 'text').execute();
  await db.schema.alterTable('revisions').addColumn('restored_from', 'text').execute();

  await db.schema
    .createTable('preview_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_by', 'text', (c) => c.references('staff.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('preview_links_article').on('preview_links').columns(['article_id']).execute();

  await db.schema
    .createTable('article_presence')
    .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id').onDelete('cascade'))
    .addColumn('seen_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('article_presence_pk', ['article_id', 'staff_id'])
    .execute();
  await db.schema.createIndex('article_presence_seen').on('article_presence').columns(['seen_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('article_presence').execute();
  await db.schema.dropTable('preview_links').execute();
  for (const name of ['restored_from', 'updated_at', 'note', 'version', 'action'])
    await db.schema.alterTable('revisions').dropColumn(name).execute();
  await db.schema.dropIndex('articles_trashed').execute();
  await db.schema.dropIndex('articles_modified').execute();
  for (const name of [
    'trashed_by',
    'modified_by',
    'trashed_at',
    'return_note',
    'submitted_at',
    'modified_by_task',
    'feature_image_focal_y',
    'feature_image_focal_x',
    'social_description',
    'social_title',
    'seo_description',
    'seo_title',
    'version',
  ])
    await db.schema.alterTable('articles').dropColumn(name).execute();
}
