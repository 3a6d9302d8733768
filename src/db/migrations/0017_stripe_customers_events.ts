import { type Kysely, sql } from 'kysely';

/**
 * Billing's side of Stripe: which Stripe customer stands for which member (made by Gaceta before
 * Checkout, or by Checkout), and every webhook event received, stored BEFORE it is acted on so a
 * crash mid-handling is finished later (processed_at stays null until its handling committed). The
 * event id is the primary key: a replayed delivery is recognised and not acted on twice.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('stripe_customers')
    .addColumn('stripe_customer_id', 'text', (c) => c.primaryKey())
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('stripe_customers_member')
    .on('stripe_customers')
    .columns(['member_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('stripe_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('processed_at', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .execute();
  // The sweep looks for what is left unprocessed, oldest first; processed events are most of the table.
  await db.schema
    .createIndex('stripe_events_unprocessed')
    .on('stripe_events')
    .column('received_at')
    .where(sql.ref('processed_at'), 'is', null)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('stripe_events').execute();
  await db.schema.dropTable('stripe_customers').execute();
}
