import type { Selectable } from 'kysely';

/** Which of a tier's prices an offer is for. */
export type OfferCadence = 'month' | 'year' | 'both';
/** What an offer gives: a percentage or an amount off (a Stripe coupon), or a longer free trial. */
export type OfferKind = 'percent' | 'amount' | 'trial';
/** How long a discount lasts, in Stripe's words. */
export type OfferDuration = 'once' | 'repeating' | 'forever';

export interface OffersTable {
  id: string;
  /** The link's last segment, /offer/<code>: a slug, unique. */
  code: string;
  name: string;
  tier_id: string;
  cadence: OfferCadence;
  kind: OfferKind;
  percent_off: number | null;
  /** JSON object: currency (lower case) to the amount off in its minor unit, for kind 'amount'. */
  amounts_off: string;
  duration: OfferDuration | null;
  /** For duration 'repeating'. */
  duration_months: number | null;
  /** For kind 'trial': the trial it gives instead of the tier's. */
  trial_days: number | null;
  redemption_limit: number | null;
  created_at: string;
  archived_at: string | null;
  stripe_coupon_id: string | null;
  stripe_synced_at: string | null;
}

export interface OfferRedemptionsTable {
  stripe_subscription_id: string;
  offer_id: string;
  member_id: string | null;
  redeemed_at: string;
}

export type OfferRow = Selectable<OffersTable>;
