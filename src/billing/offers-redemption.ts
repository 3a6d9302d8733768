import type { Kysely, Transaction } from 'kysely';
import type Stripe from 'stripe';
import type { Database } from '../db/schema.ts';
import { countRedemptions, findOfferByCode, findOfferRow, insertRedemption } from './offers.repository.ts';
import type { OfferRow } from './offers.table.ts';
import { syncCatalogue } from './stripe-sync.ts';
import { findTierRow, listPriceRows } from './tiers.repository.ts';
import type { TierPriceRow, TierRow } from './tiers.table.ts';

type Executor = Kysely<Database> | Transaction<Database>;

/** What a checkout with an offer asks Stripe for: its coupon, or its longer trial. */
export interface OfferRedemption {
  offer: OfferRow;
  offerId: string;
  couponId: string | null;
  trialDays: number | null;
}

/** An offer as its link shows it: the tier and the prices it discounts. */
export interface OfferForReaders {
  offer: OfferRow;
  tier: TierRow;
  prices: TierPriceRow[];
}

/**
 * The offer behind a link, for readers: 'unknown' when no offer has the code, 'ended' when it was
 * archived, its tier was, or it has been redeemed as often as its limit allows.
 */
export async function offerForReaders(db: Executor, code: string): Promise<OfferForReaders | 'unknown' | 'ended'> {
  const offer = await findOfferByCode(db, code);
  if (!offer) return 'unknown';
  const tier = await findTierRow(db, offer.tier_id);
  if (!tier) return 'unknown';
  if (offer.archived_at !== null || tier.archived_at !== null || (await isExhausted(db, offer))) return 'ended';
  const prices = (await listPriceRows(db)).filter(
    (price) => price.tier_id === tier.id && price.archived_at === null && fitsCadence(offer, price),
  );
  return prices.length ? { offer, tier, prices } : 'ended';
}

/** A price the offer discounts: of its cadence, and for an amount off, in a currency it names. */
const fitsCadence = (offer: OfferRow, price: TierPriceRow): boolean =>
  (offer.cadence === 'both' || offer.cadence === price.interval) &&
  (offer.kind !== 'amount' || price.currency in (JSON.parse(offer.amounts_off) as Record<string, number>));

async function isExhausted(db: Executor, offer: OfferRow): Promise<boolean> {
  return offer.redemption_limit !== null && (await countRedemptions(db, offer.id)) >= Number(offer.redemption_limit);
}

/**
 * What subscribing at a price with an offer's code asks Stripe for: 'unknown' for a code no offer
 * has or a price the offer is not for, 'ended' as offerForReaders says, 'unsynced' when Stripe has
 * no coupon for it even after one catalogue sync. Throws STRIPE_UNAVAILABLE when that sync fails.
 */
export async function redemptionFor(
  deps: { db: Kysely<Database>; stripe: Stripe },
  code: string,
  price: TierPriceRow,
): Promise<OfferRedemption | 'unknown' | 'ended' | 'unsynced'> {
  const found = await offerForReaders(deps.db, code);
  if (typeof found === 'string') return found;
  if (!found.prices.some((p) => p.id === price.id)) return 'unknown';
  let { offer } = found;
  if (offer.kind !== 'trial' && !offer.stripe_coupon_id) {
    await syncCatalogue(deps.db, deps.stripe);
    offer = (await findOfferByCode(deps.db, code)) ?? offer;
    if (!offer.stripe_coupon_id) return 'unsynced';
  }
  return {
    offer,
    offerId: offer.id,
    couponId: offer.kind === 'trial' ? null : offer.stripe_coupon_id,
    trialDays: offer.kind === 'trial' ? Number(offer.trial_days) : null,
  };
}

/**
 * Counts a subscription Stripe made with an offer (its metadata names it, as checkout set it). One
 * row per subscription, so a replayed or repeated event counts nothing twice.
 */
export async function countOfferRedemption(
  trx: Executor,
  subscription: Stripe.Subscription,
  memberId: string | null,
  at: string,
): Promise<void> {
  const offerId = subscription.metadata?.gaceta_offer;
  if (!offerId) return;
  if (!(await findOfferRow(trx, offerId))) return; // edited in Stripe's dashboard, or an offer since deleted with its tier
  await insertRedemption(trx, {
    stripe_subscription_id: subscription.id,
    offer_id: offerId,
    member_id: memberId,
    redeemed_at: at,
  });
}
