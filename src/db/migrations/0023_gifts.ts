import type { Kysely } from 'kysely';

/**
 * Gift subscriptions (billing's `gifts`): a reader pays once for 1, 6 or 12 months of a tier for
 * someone else, who redeems it by an emailed link. The row is made when the buyer sets out (what
 * was offered, at what price, and the buyer's message stay on Gaceta's side, not in Stripe's
 * metadata); `paid_at` and `token_hash` are set once, by the first webhook that says it was paid.
 * `grant_id` is the complimentary grant redemption made, so a refund can end it. Tier ids are
 * billing's own; member ids are kept as text without a foreign key (a deleted buyer's gift stays
 * redeemable, a deleted recipient's gift stays in the books).
 *
 * `complimentary_access` learns which tier a grant opens (`tier_id`; null is every tier, as staff
 * grants have always been) and where it came from (`source`: staff, gift, import), so the account
 * page says "Gift until" and the access rule reads a gift's tier only.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('gifts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.unique())
    .addColumn('tier_id', 'text', (c) => c.notNull())
    .addColumn('months', 'integer', (c) => c.notNull())
    .addColumn('amount', 'integer', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('buyer_member_id', 'text')
    .addColumn('buyer_email', 'text', (c) => c.notNull())
    .addColumn('recipient_email', 'text', (c) => c.notNull())
    .addColumn('recipient_email_normalized', 'text', (c) => c.notNull())
    .addColumn('recipient_name', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('stripe_checkout_session_id', 'text', (c) => c.unique())
    .addColumn('stripe_payment_intent_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('paid_at', 'text')
    .addColumn('expires_at', 'text')
    .addColumn('redeemed_at', 'text')
    .addColumn('redeemed_by', 'text')
    .addColumn('grant_id', 'text')
    .addColumn('refunded_at', 'text')
    .execute();
  await db.schema.createIndex('gifts_buyer').on('gifts').column('buyer_member_id').execute();
  await db.schema.createIndex('gifts_recipient').on('gifts').column('recipient_email_normalized').execute();
  await db.schema.createIndex('gifts_payment_intent').on('gifts').column('stripe_payment_intent_id').execute();

  await db.schema.alterTable('complimentary_access').addColumn('tier_id', 'text').execute();
  await db.schema
    .alterTable('complimentary_access')
    .addColumn('source', 'text', (c) => c.notNull().defaultTo('staff'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('complimentary_access').dropColumn('source').execute();
  await db.schema.alterTable('complimentary_access').dropColumn('tier_id').execute();
  await db.schema.dropTable('gifts').execute();
}
