import Stripe from 'stripe';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { nowIso } from '../db/ids.ts';
import { markOfferSynced, offersOutOfSync } from './offers.repository.ts';
import type { OfferRow } from './offers.table.ts';
import { findTierRow } from './tiers.repository.ts';

/** Stripe's coupon for an offer carries an id made from Gaceta's, so it is found again whatever was lost. */
export const stripeCouponIdOf = (offerId: string): string => `gaceta_offer_${offerId}`;

const STRIPE_COUPON_NAME_MAX = 40;

/**
 * Makes a Stripe coupon for each active offer Stripe does not have yet (a trial offer needs none: the
 * trial is asked for on the Checkout session). Offers never change, so one creation is all; it
 * carries an idempotency key and a fixed id, so a retry after a lost answer finds the coupon made.
 * Run by the catalogue sync (stripe-sync.ts) after the products, which the coupon is limited to.
 */
export async function syncOffers(db: Kysely<Database>, stripe: Stripe): Promise<void> {
  for (const offer of await offersOutOfSync(db)) await syncCoupon(db, stripe, offer);
}

async function syncCoupon(db: Kysely<Database>, stripe: Stripe, offer: OfferRow): Promise<void> {
  if (offer.kind === 'trial') return markOfferSynced(db, offer.id, null, nowIso());
  const tier = await findTierRow(db, offer.tier_id);
  if (!tier?.stripe_product_id) return; // its tier's product failed first; the next sync makes both
  const id = stripeCouponIdOf(offer.id);
  try {
    await stripe.coupons.create(
      {
        id,
        name: offer.name.slice(0, STRIPE_COUPON_NAME_MAX),
        ...discountOf(offer),
        duration: offer.duration ?? 'once',
        ...(offer.duration === 'repeating' ? { duration_in_months: Number(offer.duration_months) } : {}),
        applies_to: { products: [tier.stripe_product_id] },
        metadata: { gaceta_offer_id: offer.id, gaceta_offer_code: offer.code },
      },
      { idempotencyKey: `gaceta-coupon-${offer.id}` },
    );
  } catch (error) {
    if (!isAlreadyMade(error)) throw error;
  }
  await markOfferSynced(db, offer.id, id, nowIso());
}

/** Percent off, or an amount off in the first currency with the others as Stripe's currency options. */
function discountOf(offer: OfferRow): Partial<Stripe.CouponCreateParams> {
  if (offer.kind === 'percent') return { percent_off: Number(offer.percent_off) };
  const [first, ...others] = Object.entries(JSON.parse(offer.amounts_off) as Record<string, number>);
  if (!first) throw new Error(`offer ${offer.id} has no amount off`);
  return {
    currency: first[0],
    amount_off: first[1],
    ...(others.length
      ? { currency_options: Object.fromEntries(others.map(([currency, amount]) => [currency, { amount_off: amount }])) }
      : {}),
  };
}

const isAlreadyMade = (error: unknown): boolean =>
  error instanceof Stripe.errors.StripeIdempotencyError ||
  (error instanceof Stripe.errors.StripeInvalidRequestError && error.code === 'resource_already_exists');
