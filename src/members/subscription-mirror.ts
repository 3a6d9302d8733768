import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { newId, nowIso } from '../db/ids.ts';
import { recordMemberEvent } from './history.ts';
import type { SubscriptionStatus } from './subscriptions.ts';
import type { MemberSubscriptionRow } from './subscriptions.table.ts';

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * How billing writes what Stripe says into the members domain's mirror (subscriptions and payments).
 * Every write here is idempotent and order-proof, because Stripe delivers events at least once and
 * in no promised order: a replay changes nothing, and an older state never overwrites a newer one.
 */

/** A subscription as Stripe described it at `observedAt`, in Gaceta's words. */
export interface SubscriptionState {
  stripeSubscriptionId: string;
  memberId: string;
  tierId: string | null;
  tierName: string;
  status: SubscriptionStatus;
  cancelAtPeriodEnd: boolean;
  currentPeriodEnd: string;
  trialEnd: string | null;
  canceledAt: string | null;
  endedAt: string | null;
  amount: number;
  currency: string;
  interval: string;
  /** The time of the Stripe event that described this state (ISO). */
  observedAt: string;
  /** The site path the reader subscribed from (kept in the history of the subscription's first state). */
  attribution?: string | null;
}

// Where each status sits in a subscription's life: of two states described in the same second, the
// later one here wins (Stripe's `created` counts whole seconds, and "created" and "updated" often share one).
const LIFECYCLE: Record<string, number> = {
  incomplete: 0,
  trialing: 1,
  active: 2,
  past_due: 3,
  paused: 3,
  unpaid: 4,
  canceled: 5,
  incomplete_expired: 5,
};

/** True when `state` is not older than the stored row, so it may replace it. */
function isNotOlder(state: SubscriptionState, row: MemberSubscriptionRow): boolean {
  if (state.observedAt !== row.observed_at) return state.observedAt > row.observed_at;
  const rank = (LIFECYCLE[state.status] ?? 0) - (LIFECYCLE[row.status] ?? 0);
  if (rank !== 0) return rank > 0;
  return Number(state.cancelAtPeriodEnd) >= Number(row.cancel_at_period_end);
}

/**
 * Saves a subscription's state unless a newer one is stored, recording a 'subscription-status'
 * history event when the status or cancel-at-period-end changed. True when the state was saved (the
 * caller announces the member's access change after its commit).
 */
const priceChanged = (stored: MemberSubscriptionRow, price: { amount: number; currency: string; interval: string }) =>
  Number(stored.amount) !== price.amount || stored.currency !== price.currency || stored.interval !== price.interval;

export async function saveSubscriptionState(db: Executor, state: SubscriptionState): Promise<boolean> {
  const stored = await db
    .selectFrom('member_subscriptions')
    .selectAll()
    .where('stripe_subscription_id', '=', state.stripeSubscriptionId)
    .executeTakeFirst();
  if (stored && !isNotOlder(state, stored)) return false;
  const now = nowIso();
  const values = {
    member_id: state.memberId,
    tier_id: state.tierId,
    tier_name: state.tierName,
    status: state.status,
    cancel_at_period_end: state.cancelAtPeriodEnd ? 1 : 0,
    current_period_end: state.currentPeriodEnd,
    trial_end: state.trialEnd,
    canceled_at: state.canceledAt,
    ended_at: state.endedAt,
    // The grace period counts from the first state seen past due, not from each retry's event.
    past_due_since:
      state.status !== 'past_due' ? null : stored?.status === 'past_due' ? stored.past_due_since : state.observedAt,
    amount: state.amount,
    currency: state.currency,
    interval: state.interval,
    observed_at: state.observedAt,
    updated_at: now,
  };
  if (stored)
    await db
      .updateTable('member_subscriptions')
      .set(values)
      .where('stripe_subscription_id', '=', state.stripeSubscriptionId)
      .execute();
  else
    await db
      .insertInto('member_subscriptions')
      .values({ ...values, stripe_subscription_id: state.stripeSubscriptionId, created_at: now })
      .execute();
  const wasCancelling = stored ? Number(stored.cancel_at_period_end) === 1 : false;
  // The price goes into the history with each change of it, so the revenue dashboard counts each
  // past week at the price of that week (the row above keeps only the latest).
  const price = { amount: state.amount, currency: state.currency, interval: state.interval };
  if (stored?.status !== state.status || wasCancelling !== state.cancelAtPeriodEnd)
    await recordMemberEvent(db, state.memberId, 'subscription-status', 'stripe', {
      subscription: state.stripeSubscriptionId,
      tier: state.tierName,
      from: stored?.status ?? null,
      to: state.status,
      cancelAtPeriodEnd: state.cancelAtPeriodEnd,
      ...price,
      ...(state.cancelAtPeriodEnd ? { accessUntil: state.currentPeriodEnd } : {}),
      ...(!stored && state.attribution ? { attribution: state.attribution } : {}),
    });
  else if (stored && priceChanged(stored, price))
    await recordMemberEvent(db, state.memberId, 'subscription-price', 'stripe', {
      subscription: state.stripeSubscriptionId,
      tier: state.tierName,
      status: state.status,
      ...price,
    });
  return true;
}

/** A payment Stripe took: a paid invoice, or a one-time contribution or gift through Checkout. */
export interface PaymentRecord {
  memberId: string;
  kind: 'subscription' | 'contribution' | 'gift';
  /** The invoice's id, or the Checkout session's for a contribution or a gift. */
  stripeId: string;
  stripePaymentIntentId: string | null;
  number: string | null;
  amountPaid: number;
  currency: string;
  status: string;
  paidAt: string;
  hostedInvoiceUrl: string | null;
}

/**
 * Records a payment once (a replay records nothing), with its history event (a gift's is billing's
 * 'gift-purchased', which says what was bought and for whom). True when it was new.
 */
export async function recordPayment(db: Executor, payment: PaymentRecord): Promise<boolean> {
  const inserted = await db
    .insertInto('member_payments')
    .values({
      id: newId(),
      member_id: payment.memberId,
      kind: payment.kind,
      stripe_id: payment.stripeId,
      stripe_payment_intent_id: payment.stripePaymentIntentId,
      number: payment.number,
      amount_paid: payment.amountPaid,
      amount_refunded: 0,
      currency: payment.currency,
      status: payment.status,
      paid_at: payment.paidAt,
      hosted_invoice_url: payment.hostedInvoiceUrl,
      created_at: nowIso(),
    })
    .onConflict((oc) => oc.column('stripe_id').doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return false;
  if (payment.kind === 'gift') return true;
  await recordMemberEvent(
    db,
    payment.memberId,
    payment.kind === 'contribution' ? 'contribution' : 'payment',
    'stripe',
    {
      payment: payment.stripeId,
      amount: payment.amountPaid,
      currency: payment.currency,
    },
  );
  return true;
}

/**
 * Sets how much of a payment was refunded (Stripe sends the running total), found by its payment
 * intent or its Stripe id. The total only grows, so replays and late events change nothing. The
 * member whose payment it was, or null when no such payment is recorded.
 */
export async function recordRefund(
  db: Executor,
  refund: { stripePaymentIntentId: string | null; stripeId?: string | null; amountRefunded: number },
): Promise<string | null> {
  let query = db.selectFrom('member_payments').select(['id', 'member_id', 'amount_refunded', 'currency']);
  if (refund.stripePaymentIntentId && refund.stripeId)
    query = query.where((eb) =>
      eb.or([
        eb('stripe_payment_intent_id', '=', refund.stripePaymentIntentId),
        eb('stripe_id', '=', refund.stripeId ?? ''),
      ]),
    );
  else if (refund.stripePaymentIntentId)
    query = query.where('stripe_payment_intent_id', '=', refund.stripePaymentIntentId);
  else if (refund.stripeId) query = query.where('stripe_id', '=', refund.stripeId);
  else return null;
  const payment = await query.executeTakeFirst();
  if (!payment) return null;
  const before = Number(payment.amount_refunded);
  if (refund.amountRefunded <= before) return payment.member_id;
  await db
    .updateTable('member_payments')
    .set({ amount_refunded: refund.amountRefunded })
    .where('id', '=', payment.id)
    .execute();
  await recordMemberEvent(db, payment.member_id, 'refund', 'stripe', {
    amount: refund.amountRefunded - before,
    totalRefunded: refund.amountRefunded,
    currency: payment.currency,
  });
  return payment.member_id;
}
