import type { Kysely } from 'kysely';

/**
 * What a member asked to hear from the newsroom: the newsletter, and replies to their comments.
 * One row per member who chose; no row means the defaults (members/preferences.ts). Flags are
 * integers 0/1, which SQLite and PostgreSQL read alike.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('member_preferences')
    .addColumn('member_id', 'text', (c) => c.primaryKey().references('members.id').onDelete('cascade'))
    .addColumn('newsletter', 'integer', (c) => c.notNull())
    .addColumn('comment_replies', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('member_preferences').execute();
}
