import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/**
 * A member's subscriptions and payments as Gaceta mirrors them from Stripe (billing's webhook handling
 * saves them here), read by the account page, the members screen and the access rule. The members
 * domain owns what a member has; billing owns how Stripe is spoken to, and calls in here.
 *
 * INTERFACE FIRST: the signatures below are what the checkout, account and access code may rely on;
 * the webhook work fills in their bodies and the tables behind them (until then they find nothing).
 */

/** Stripe's subscription statuses that Gaceta tells apart. */
export type SubscriptionStatus =
  'trialing' | 'active' | 'past_due' | 'canceled' | 'unpaid' | 'incomplete' | 'incomplete_expired' | 'paused';

export interface SubscriptionSummary {
  stripeSubscriptionId: string;
  tierId: string | null;
  tierName: string;
  status: SubscriptionStatus;
  amount: number;
  currency: string;
  interval: 'month' | 'year';
  /** When the period paid for ends: the next charge, or the end of access when cancelled at period end. */
  currentPeriodEnd: string;
  cancelAtPeriodEnd: boolean;
  trialEnd: string | null;
  /** Whether this subscription gives paid access now (status, grace period and period end considered). */
  givesAccess: boolean;
}

/** A payment (a paid invoice, or a one-time contribution), as the account page lists it. */
export interface PaymentSummary {
  stripeInvoiceId: string;
  number: string | null;
  amountPaid: number;
  amountRefunded: number;
  currency: string;
  status: string;
  paidAt: string | null;
  hostedInvoiceUrl: string | null;
}

/** The member's subscriptions, the one giving access first, then newest first. */
export async function subscriptionsOf(_db: Kysely<Database>, _memberId: string): Promise<SubscriptionSummary[]> {
  return [];
}

/** The member's payments, newest first. */
export async function paymentsOf(_db: Kysely<Database>, _memberId: string): Promise<PaymentSummary[]> {
  return [];
}

/** The tiers whose paid access a subscription gives this member now (empty: none). */
export async function subscribedTierIds(_db: Kysely<Database>, _memberId: string): Promise<string[]> {
  return [];
}
