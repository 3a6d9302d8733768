import Stripe from 'stripe';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { nowIso } from '../db/ids.ts';
import { AppError } from '../http/errors.ts';
import { syncOffers } from './offer-sync.ts';
import { findTierRow, markPriceSynced, markTierSynced, pricesOutOfSync, tiersOutOfSync } from './tiers.repository.ts';
import type { TierPriceRow, TierRow } from './tiers.table.ts';

/** Stripe's product for a tier carries an id made from Gaceta's, so it is found again whatever was lost. */
export const stripeProductIdOf = (tierId: string): string => `gaceta_tier_${tierId}`;
/** The lookup key of a price's Stripe price: checkout (next) finds the price by it. */
export const stripeLookupKeyOf = (priceId: string): string => `gaceta_price_${priceId}`;

/**
 * Makes Stripe's catalogue match Gaceta's: each paid tier a product, each price a price, each offer
 * a coupon (offer-sync.ts). Only rows marked out of sync are sent, and each is marked in sync once
 * Stripe answered, so a sync stopped by an outage resumes where it stopped; creations carry idempotency keys named after Gaceta's ids,
 * so a request retried after a lost answer makes nothing twice. Throws STRIPE_UNAVAILABLE, with
 * Gaceta's rows as they were (still marked out of sync), when Stripe cannot be reached or refuses.
 */
export async function syncCatalogue(db: Kysely<Database>, stripe: Stripe): Promise<void> {
  try {
    for (const tier of await tiersOutOfSync(db)) await syncProduct(db, stripe, tier);
    for (const price of await pricesOutOfSync(db)) await syncPrice(db, stripe, price);
    await syncOffers(db, stripe);
  } catch (error) {
    if (error instanceof Stripe.errors.StripeError) throw stripeUnavailable(error);
    throw error;
  }
}

function stripeUnavailable(error: InstanceType<typeof Stripe.errors.StripeError>): AppError {
  const reason =
    error instanceof Stripe.errors.StripeConnectionError || (error.statusCode ?? 0) >= 500
      ? 'Stripe could not be reached'
      : `Stripe refused the change (${error.message})`;
  return new AppError(
    'STRIPE_UNAVAILABLE',
    `${reason}. The tiers and prices are saved in Gaceta; send them to Stripe again later with "Send to Stripe".`,
  );
}

async function syncProduct(db: Kysely<Database>, stripe: Stripe, tier: TierRow): Promise<void> {
  const fields = {
    name: tier.name,
    description: tier.description || '',
    active: tier.archived_at === null,
    metadata: { gaceta_tier_id: tier.id, gaceta_tier_slug: tier.slug },
  };
  const productId = tier.stripe_product_id ?? stripeProductIdOf(tier.id);
  if (tier.stripe_product_id) await stripe.products.update(productId, fields);
  else {
    try {
      // Stripe refuses an empty description on creation; updates clear it with ''.
      const { description, ...created } = fields;
      await stripe.products.create(
        { id: productId, ...created, ...(description ? { description } : {}) },
        { idempotencyKey: `gaceta-product-${tier.id}` },
      );
    } catch (error) {
      // Made by an earlier sync whose answer was lost (and since renamed, or past the key's 24
      // hours): the product is there under Gaceta's id, so it is brought up to date instead.
      if (!isAlreadyMade(error)) throw error;
      await stripe.products.update(productId, fields);
    }
  }
  await markTierSynced(db, tier, productId, nowIso());
}

const isAlreadyMade = (error: unknown): boolean =>
  error instanceof Stripe.errors.StripeIdempotencyError ||
  (error instanceof Stripe.errors.StripeInvalidRequestError && error.code === 'resource_already_exists');

async function syncPrice(db: Kysely<Database>, stripe: Stripe, price: TierPriceRow): Promise<void> {
  const archived = price.archived_at !== null;
  if (price.stripe_price_id) {
    await stripe.prices.update(price.stripe_price_id, { active: !archived });
    return markPriceSynced(db, price, price.stripe_price_id, nowIso());
  }
  // Archived before Stripe ever had it: there is nothing to make.
  if (archived) return markPriceSynced(db, price, null, nowIso());
  const tier = await findTierRow(db, price.tier_id);
  if (!tier?.stripe_product_id) return; // its tier's product failed first; the next sync makes both
  const made = await stripe.prices.create(
    {
      product: tier.stripe_product_id,
      currency: price.currency,
      unit_amount: Number(price.amount),
      recurring: { interval: price.interval },
      lookup_key: stripeLookupKeyOf(price.id),
      metadata: { gaceta_price_id: price.id, gaceta_tier_id: tier.id },
    },
    // A price's fields never change in Gaceta, so the same key always carries the same request.
    { idempotencyKey: `gaceta-price-${price.id}` },
  );
  await markPriceSynced(db, price, made.id, nowIso());
}
