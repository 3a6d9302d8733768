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
