import type { Kysely } from 'kysely';

/**
 * A member's history: one row per thing that happened to their account (signed up, complimentary
 * access given or ended, a subscription's status changed, a payment, later comments), written by the
 * domain that made it happen through members/history.ts. `detail` is a small JSON object whose shape
 * depends on `kind`; `actor` says who did it (a staff id, or "member", "stripe", "system").
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('member_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('member_events_member')
    .on('member_events')
    .columns(['member_id', 'created_at'])
    .execute();
  // The dashboard counts events of a kind over time (new and cancelled subscriptions per week).
  await db.schema.createIndex('member_events_kind').on('member_events').columns(['kind', 'created_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('member_events').execute();
}
