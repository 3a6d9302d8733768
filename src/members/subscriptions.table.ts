import type { Selectable } from 'kysely';

/** A Stripe subscription as Stripe last described it (the newest state by `observed_at`). */
export interface MemberSubscriptionsTable {
  stripe_subscription_id: string;
  member_id: string;
  tier_id: string | null;
  /** The tier's name when the state was saved, so reading a subscription needs nothing from billing. */
  tier_name: string;
  status: string;
  /** 1 or 0. */
  cancel_at_period_end: number;
  current_period_end: string;
  trial_end: string | null;
  canceled_at: string | null;
  ended_at: string | null;
  /** When the subscription was first seen past due: the payment grace period counts from here. */
  past_due_since: string | null;
  amount: number;
  currency: string;
  interval: string;
  /** The time of the Stripe event that described this state (ISO). */
  observed_at: string;
  created_at: string;
  updated_at: string;
}
export type MemberSubscriptionRow = Selectable<MemberSubscriptionsTable>;

/** A paid invoice, a one-time contribution, or a gift subscription bought for someone else. */
export interface MemberPaymentsTable {
  id: string;
  member_id: string;
  kind: 'subscription' | 'contribution' | 'gift';
  /** The invoice's id, or the Checkout session's for a contribution or a gift: each payment is recorded once. */
  stripe_id: string;
  stripe_payment_intent_id: string | null;
  number: string | null;
  amount_paid: number;
  amount_refunded: number;
  currency: string;
  status: string;
  paid_at: string | null;
  hosted_invoice_url: string | null;
  created_at: string;
}
export type MemberPaymentRow = Selectable<MemberPaymentsTable>;
