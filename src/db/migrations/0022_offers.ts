import type { Kysely } from 'kysely';

/**
 * Offers (billing's): a link that subscribes a reader to a paid tier with a discount (percent or an
 * amount per currency, for once, N months or forever) or a longer trial. An offer is never changed
 * once made (Stripe's coupons are immutable), only archived. `stripe_coupon_id` holds the coupon the
 * sync made (none for a trial offer); `stripe_synced_at` null while Stripe does not have it yet, so a
 * sync stopped by an outage resumes. `offer_redemptions` has one row per Stripe subscription made
 * with an offer: its key makes a replayed webhook count nothing twice, and its rows are the count.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('offers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('tier_id', 'text', (c) => c.notNull().references('tiers.id').onDelete('cascade'))
    .addColumn('cadence', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('percent_off', 'integer')
    .addColumn('amounts_off', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('duration', 'text')
    .addColumn('duration_months', 'integer')
    .addColumn('trial_days', 'integer')
    .addColumn('redemption_limit', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .addColumn('stripe_coupon_id', 'text')
    .addColumn('stripe_synced_at', 'text')
    .execute();

  await db.schema
    .createTable('offer_redemptions')
    .addColumn('stripe_subscription_id', 'text', (c) => c.primaryKey())
    .addColumn('offer_id', 'text', (c) => c.notNull().references('offers.id').onDelete('cascade'))
    .addColumn('member_id', 'text')
    .addColumn('redeemed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('offer_redemptions_offer').on('offer_redemptions').column('offer_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('offer_redemptions').execute();
  await db.schema.dropTable('offers').execute();
}
