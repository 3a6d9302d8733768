import { type Kysely, sql } from 'kysely';
import { newId } from '../ids.ts';

/**
 * Tiers readers join and the prices of the paid ones. Exactly one free tier exists from the start
 * (made here, so every later query may rely on it), which a partial unique index keeps alone.
 * A price is never changed once made, as Stripe's prices are immutable: a new amount archives the
 * old price and adds another, so one active price per tier, currency and interval. `stripe_*_id`
 * hold what the catalogue sync made in Stripe; `stripe_synced_at` is cleared by every change and
 * set when Stripe matches the row again, so a sync interrupted by an outage resumes where it stopped.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('tiers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('benefits', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('trial_days', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .addColumn('stripe_product_id', 'text')
    .addColumn('stripe_synced_at', 'text')
    .execute();
  await db.schema
    .createIndex('tiers_one_free')
    .on('tiers')
    .column('kind')
    .unique()
    .where(sql.ref('kind'), '=', 'free')
    .execute();

  await db.schema
    .createTable('tier_prices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tier_id', 'text', (c) => c.notNull().references('tiers.id').onDelete('cascade'))
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('interval', 'text', (c) => c.notNull())
    .addColumn('amount', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .addColumn('stripe_price_id', 'text')
    .addColumn('stripe_synced_at', 'text')
    .execute();
  await db.schema
    .createIndex('tier_prices_one_active')
    .on('tier_prices')
    .columns(['tier_id', 'currency', 'interval'])
    .unique()
    .where(sql.ref('archived_at'), 'is', null)
    .execute();

  await db
    .insertInto('tiers' as never)
    .values({
      id: newId(),
      slug: 'free',
      name: 'Free',
      description: '',
      benefits: '[]',
      kind: 'free',
      position: 0,
      trial_days: 0,
      created_at: new Date().toISOString(),
    } as never)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('tier_prices').execute();
  await db.schema.dropTable('tiers').execute();
}
