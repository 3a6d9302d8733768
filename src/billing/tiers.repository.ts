import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { PriceInterval, TierPriceRow, TierRow, TiersTable, TierPricesTable } from './tiers.table.ts';

type Executor = Kysely<Database> | Transaction<Database>;

/** Every tier, in the newsroom's order. */
export function listTierRows(db: Executor): Promise<TierRow[]> {
  return db.selectFrom('tiers').selectAll().orderBy('position').orderBy('created_at').execute();
}

/** Every price, oldest first (the order currencies are offered in). */
export function listPriceRows(db: Executor): Promise<TierPriceRow[]> {
  return db.selectFrom('tier_prices').selectAll().orderBy('created_at').orderBy('id').execute();
}

export function findTierRow(db: Executor, id: string): Promise<TierRow | undefined> {
  return db.selectFrom('tiers').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findTierBySlug(db: Executor, slug: string): Promise<TierRow | undefined> {
  return db.selectFrom('tiers').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export function findPriceRow(db: Executor, tierId: string, id: string): Promise<TierPriceRow | undefined> {
  return db.selectFrom('tier_prices').selectAll().where('id', '=', id).where('tier_id', '=', tierId).executeTakeFirst();
}

/** A price by its id alone, with its tier (the pricing page's links name the price only). */
export async function findPriceWithTier(
  db: Executor,
  priceId: string,
): Promise<{ price: TierPriceRow; tier: TierRow } | undefined> {
  const price = await db.selectFrom('tier_prices').selectAll().where('id', '=', priceId).executeTakeFirst();
  const tier = price ? await findTierRow(db, price.tier_id) : undefined;
  return price && tier ? { price, tier } : undefined;
}

export function findActivePrice(
  db: Executor,
  tierId: string,
  currency: string,
  interval: PriceInterval,
): Promise<TierPriceRow | undefined> {
  return db
    .selectFrom('tier_prices')
    .selectAll()
    .where('tier_id', '=', tierId)
    .where('currency', '=', currency)
    .where('interval', '=', interval)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
}

export async function nextTierPosition(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('tiers')
    .select((eb) => eb.fn.max('position').as('last'))
    .executeTakeFirst();
  return Number(row?.last ?? -1) + 1;
}

export async function insertTier(db: Executor, row: TiersTable): Promise<void> {
  await db.insertInto('tiers').values(row).execute();
}

export async function updateTierRow(db: Executor, id: string, changes: Partial<TiersTable>): Promise<void> {
  await db.updateTable('tiers').set(changes).where('id', '=', id).execute();
}

export async function insertPrice(db: Executor, row: TierPricesTable): Promise<void> {
  await db.insertInto('tier_prices').values(row).execute();
}

export async function updatePriceRow(db: Executor, id: string, changes: Partial<TierPricesTable>): Promise<void> {
  await db.updateTable('tier_prices').set(changes).where('id', '=', id).execute();
}

/** Paid tiers whose Stripe product does not match them yet. */
export function tiersOutOfSync(db: Executor): Promise<TierRow[]> {
  return db
    .selectFrom('tiers')
    .selectAll()
    .where('kind', '=', 'paid')
    .where('stripe_synced_at', 'is', null)
    .orderBy('position')
    .execute();
}

/** Prices whose Stripe price does not match them yet. */
export function pricesOutOfSync(db: Executor): Promise<TierPriceRow[]> {
  return db
    .selectFrom('tier_prices')
    .selectAll()
    .where('stripe_synced_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/**
 * Marks a tier as matching Stripe, unless it changed while Stripe was being told (then the next
 * sync sends the change): the fields sent must still be the row's.
 */
export async function markTierSynced(db: Executor, sent: TierRow, productId: string, at: string): Promise<void> {
  let query = db
    .updateTable('tiers')
    .set({ stripe_product_id: productId, stripe_synced_at: at })
    .where('id', '=', sent.id)
    .where('slug', '=', sent.slug)
    .where('name', '=', sent.name)
    .where('description', '=', sent.description);
  query =
    sent.archived_at === null ? query.where('archived_at', 'is', null) : query.where('archived_at', 'is not', null);
  await query.execute();
}

/** Marks a price as matching Stripe, unless it was archived or restored meanwhile. */
export async function markPriceSynced(
  db: Executor,
  sent: TierPriceRow,
  stripePriceId: string | null,
  at: string,
): Promise<void> {
  let query = db
    .updateTable('tier_prices')
    .set({ stripe_price_id: stripePriceId, stripe_synced_at: at })
    .where('id', '=', sent.id);
  query =
    sent.archived_at === null ? query.where('archived_at', 'is', null) : query.where('archived_at', 'is not', null);
  await query.execute();
}

/** The price (archived or not) that Stripe knows by this id, as subscriptions name it. */
export function findPriceByStripeId(db: Executor, stripePriceId: string): Promise<TierPriceRow | undefined> {
  return db.selectFrom('tier_prices').selectAll().where('stripe_price_id', '=', stripePriceId).executeTakeFirst();
}
