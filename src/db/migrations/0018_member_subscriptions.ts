import type { Kysely } from 'kysely';

/**
 * The members domain's mirror of what readers pay for, written from Stripe's webhooks through
 * members/subscriptions.ts. One row per Stripe subscription, holding the newest state Stripe described
 * (`observed_at`: the time of the event that described it, so an older event never overwrites a newer
 * state); `past_due_since` starts the payment grace period. The tier's name is kept with the row so
 * the account page needs nothing from billing. Payments: paid invoices and one-time contributions,
 * each once (`stripe_id`: the invoice's id, or the Checkout session's for a contribution).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('member_subscriptions')
    .addColumn('stripe_subscription_id', 'text', (c) => c.primaryKey())
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('tier_id', 'text')
    .addColumn('tier_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('cancel_at_period_end', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('current_period_end', 'text', (c) => c.notNull())
    .addColumn('trial_end', 'text')
    .addColumn('canceled_at', 'text')
    .addColumn('ended_at', 'text')
    .addColumn('past_due_since', 'text')
    .addColumn('amount', 'integer', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('interval', 'text', (c) => c.notNull())
    .addColumn('observed_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('member_subscriptions_member').on('member_subscriptions').column('member_id').execute();

  await db.schema
    .createTable('member_payments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('stripe_id', 'text', (c) => c.notNull().unique())
    .addColumn('stripe_payment_intent_id', 'text')
    .addColumn('number', 'text')
    .addColumn('amount_paid', 'integer', (c) => c.notNull())
    .addColumn('amount_refunded', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('paid_at', 'text')
    .addColumn('hosted_invoice_url', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('member_payments_member')
    .on('member_payments')
    .columns(['member_id', 'paid_at'])
    .execute();
  // A refund names the charge's payment intent, not the invoice.
  await db.schema
    .createIndex('member_payments_payment_intent')
    .on('member_payments')
    .column('stripe_payment_intent_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('member_payments').execute();
  await db.schema.dropTable('member_subscriptions').execute();
}
