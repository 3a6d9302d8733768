import type { PriceInterval, TierKind, TierPriceRow, TierRow } from './tiers.table.ts';

/** A price as the admin API and the pricing page see it. */
export interface TierPrice {
  id: string;
  currency: string;
  interval: PriceInterval;
  /** In the currency's minor unit (cents). */
  amount: number;
  archived: boolean;
  createdAt: string;
  stripePriceId: string | null;
  /** Stripe's price matches this one (or Stripe is not set up and there is nothing to match). */
  stripeSynced: boolean;
}

/** A tier with its prices, newest-made last. */
export interface Tier {
  id: string;
  slug: string;
  name: string;
  description: string;
  benefits: string[];
  kind: TierKind;
  archived: boolean;
  position: number;
  trialDays: number;
  stripeProductId: string | null;
  stripeSynced: boolean;
  prices: TierPrice[];
}

export function presentPrice(row: TierPriceRow): TierPrice {
  return {
    id: row.id,
    currency: row.currency,
    interval: row.interval,
    amount: Number(row.amount),
    archived: row.archived_at !== null,
    createdAt: row.created_at,
    stripePriceId: row.stripe_price_id,
    stripeSynced: row.stripe_synced_at !== null,
  };
}

export function presentTier(row: TierRow, prices: readonly TierPriceRow[]): Tier {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    benefits: JSON.parse(row.benefits) as string[],
    kind: row.kind,
    archived: row.archived_at !== null,
    position: Number(row.position),
    trialDays: Number(row.trial_days),
    stripeProductId: row.stripe_product_id,
    stripeSynced: row.kind === 'free' || row.stripe_synced_at !== null,
    prices: prices.filter((price) => price.tier_id === row.id).map(presentPrice),
  };
}
