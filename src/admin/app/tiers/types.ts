/** A tier as the admin API answers it (src/billing/tiers.presenter.ts). */
export interface Tier {
  id: string;
  slug: string;
  name: string;
  description: string;
  benefits: string[];
  kind: 'free' | 'paid';
  archived: boolean;
  trialDays: number;
  stripeSynced: boolean;
  prices: TierPrice[];
}

export interface TierPrice {
  id: string;
  currency: string;
  interval: 'month' | 'year';
  amount: number;
  archived: boolean;
  stripeSynced: boolean;
}

/** What a change answers: the tier, and why Stripe could not be told (the change is kept). */
export interface TierChange {
  tier: Tier;
  stripeProblem?: string;
}

/** An offer as the admin API answers it (src/billing/offers.service.ts). */
export interface Offer {
  id: string;
  code: string;
  name: string;
  tierId: string;
  cadence: 'month' | 'year' | 'both';
  kind: 'percent' | 'amount' | 'trial';
  percentOff: number | null;
  amountsOff: Record<string, number>;
  duration: 'once' | 'repeating' | 'forever' | null;
  durationMonths: number | null;
  trialDays: number | null;
  redemptionLimit: number | null;
  redemptions: number;
  archived: boolean;
  stripeSynced: boolean;
}

export interface OfferChange {
  offer: Offer;
  stripeProblem?: string;
}
