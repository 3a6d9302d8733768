import type { Selectable } from 'kysely';

export type TierKind = 'free' | 'paid';
export type PriceInterval = 'month' | 'year';

export interface TiersTable {
  id: string;
  slug: string;
  name: string;
  description: string;
  /** JSON array of strings: the benefits the pricing page lists, one a line, in order. */
  benefits: string;
  kind: TierKind;
  position: number;
  trial_days: number;
  created_at: string;
  archived_at: string | null;
  stripe_product_id: string | null;
  /** Null while Stripe's product does not yet match this row (never synced, or changed since). */
  stripe_synced_at: string | null;
}

export interface TierPricesTable {
  id: string;
  tier_id: string;
  /** ISO 4217 code in lower case, as Stripe writes it: usd, mxn. */
  currency: string;
  interval: PriceInterval;
  /** In the currency's minor unit (cents), as Stripe counts it. */
  amount: number;
  created_at: string;
  archived_at: string | null;
  stripe_price_id: string | null;
  stripe_synced_at: string | null;
}

export type TierRow = Selectable<TiersTable>;
export type TierPriceRow = Selectable<TierPricesTable>;
