import type { Kysely } from 'kysely';

/**
 * The paywall's own tables, in the content domain. `article_access_tiers` lists the tiers whose
 * members may read an article with access 'tiers' (tier ids are billing's, kept as opaque text: no
 * foreign key into another domain's table; tiers are archived, never deleted). `metered_reads` counts
 * the locked stories a free member read through the monthly meter: one row per member, article and
 * month (in the site's time zone), so reading the same story again that month does not count twice;
 * a deleted member's reads go with them (the reference only points at members, it changes nothing there).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('article_access_tiers')
    .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('tier_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('article_access_tiers_pk', ['article_id', 'tier_id'])
    .execute();

  await db.schema
    .createTable('metered_reads')
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('read_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('metered_reads_pk', ['member_id', 'month', 'article_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('metered_reads').execute();
  await db.schema.dropTable('article_access_tiers').execute();
}
