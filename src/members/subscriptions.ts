import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { readSettings } from '../settings/settings.ts';
import type { MemberPaymentRow, MemberSubscriptionRow } from './subscriptions.table.ts';

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * A member's subscriptions and payments as Gaceta mirrors them from Stripe (billing's webhook handling
 * saves them through subscription-mirror.ts), read by the account page, the members screen and the
 * access rule. The members domain owns what a member has; billing owns how Stripe is spoken to, and
 * calls in here.
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
  /** The group whose seats it pays for, if it does: then it opens nothing by itself (groups.ts). */
  group?: { id: string; name: string };
}

/** A payment (a paid invoice, a one-time contribution, a gift), as the account page lists it. */
export interface PaymentSummary {
  /** The invoice's id; for a one-time contribution or a gift, the Checkout session's. */
  stripeInvoiceId: string;
  kind: 'subscription' | 'contribution' | 'gift';
  number: string | null;
  amountPaid: number;
  amountRefunded: number;
  currency: string;
  status: string;
  paidAt: string | null;
  hostedInvoiceUrl: string | null;
}

/** What the access rule needs to know of a subscription. */
export interface AccessFacts {
  status: string;
  cancelAtPeriodEnd: boolean;
  currentPeriodEnd: string;
  pastDueSince: string | null;
}

const DAY_MS = 86_400_000;

/**
 * THE rule for whether a subscription gives paid access at `now` (docs/decisions.md, "Which Stripe
 * statuses give access"): trialing and active do; active but cancelled at period end does until the
 * period ends; past due does for `graceDays` from when it was first seen past due (Stripe is still
 * retrying the card); everything else (canceled, unpaid, incomplete, incomplete_expired, paused) does not.
 */
export function subscriptionGivesAccess(facts: AccessFacts, now: Date, graceDays: number): boolean {
  switch (facts.status) {
    case 'trialing':
      return true;
    case 'active':
      return !facts.cancelAtPeriodEnd || Date.parse(facts.currentPeriodEnd) > now.getTime();
    case 'past_due':
      return facts.pastDueSince !== null && Date.parse(facts.pastDueSince) + graceDays * DAY_MS > now.getTime();
    default:
      return false;
  }
}

export const accessFacts = (row: MemberSubscriptionRow): AccessFacts => ({
  status: row.status,
  cancelAtPeriodEnd: Number(row.cancel_at_period_end) === 1,
  currentPeriodEnd: row.current_period_end,
  pastDueSince: row.past_due_since,
});

/** The site's grace period, read only when a subscription is past due (most page checks need none). */
export async function graceDaysFor(db: Kysely<Database>, rows: MemberSubscriptionRow[]): Promise<number> {
  return rows.some((row) => row.status === 'past_due') ? (await readSettings(db)).paymentGraceDays : 0;
}

function subscriptionRows(db: Executor, memberId: string): Promise<MemberSubscriptionRow[]> {
  return db
    .selectFrom('member_subscriptions')
    .selectAll()
    .where('member_id', '=', memberId)
    .orderBy('created_at', 'desc')
    .orderBy('stripe_subscription_id', 'desc')
    .execute();
}

function toSummary(row: MemberSubscriptionRow, givesAccess: boolean): SubscriptionSummary {
  return {
    stripeSubscriptionId: row.stripe_subscription_id,
    tierId: row.tier_id,
    tierName: row.tier_name,
    status: row.status as SubscriptionStatus,
    amount: Number(row.amount),
    currency: row.currency,
    interval: row.interval as 'month' | 'year',
    currentPeriodEnd: row.current_period_end,
    cancelAtPeriodEnd: Number(row.cancel_at_period_end) === 1,
    trialEnd: row.trial_end,
    givesAccess,
  };
}

/** The member's subscriptions, the one giving access first, then newest first. */
export async function subscriptionsOf(db: Kysely<Database>, memberId: string): Promise<SubscriptionSummary[]> {
  const rows = await subscriptionRows(db, memberId);
  const graceDays = await graceDaysFor(db, rows);
  const now = new Date();
  const groups =
    rows.length === 0
      ? new Map()
      : await groupsPaidBy(
          db,
          rows.map((row) => row.stripe_subscription_id),
        );
  const summaries = rows.map((row) => {
    const group = groups.get(row.stripe_subscription_id);
    return {
      ...toSummary(row, subscriptionGivesAccess(accessFacts(row), now, graceDays)),
      ...(group ? { group } : {}),
    };
  });
  // A stable sort keeps newest first within each group.
  return summaries.sort((a, b) => Number(b.givesAccess) - Number(a.givesAccess));
}

function toPayment(row: MemberPaymentRow): PaymentSummary {
  return {
    stripeInvoiceId: row.stripe_id,
    kind: row.kind,
    number: row.number,
    amountPaid: Number(row.amount_paid),
    amountRefunded: Number(row.amount_refunded),
    currency: row.currency,
    status: row.status,
    paidAt: row.paid_at,
    hostedInvoiceUrl: row.hosted_invoice_url,
  };
}

/** The member's payments, newest first. */
export async function paymentsOf(db: Kysely<Database>, memberId: string): Promise<PaymentSummary[]> {
  const rows = await db
    .selectFrom('member_payments')
    .selectAll()
    .where('member_id', '=', memberId)
    .orderBy('paid_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toPayment);
}

/** The groups these subscriptions pay for, by subscription. */
async function groupsPaidBy(db: Executor, ids: string[]): Promise<Map<string, { id: string; name: string }>> {
  const rows = await db
    .selectFrom('member_groups')
    .select(['id', 'name', 'stripe_subscription_id'])
    .where('stripe_subscription_id', 'in', ids)
    .execute();
  return new Map(rows.map((row) => [row.stripe_subscription_id ?? '', { id: row.id, name: row.name }]));
}

/** The tiers whose paid access a subscription of this member's own gives them now (empty: none). */
export async function subscribedTierIds(db: Kysely<Database>, memberId: string): Promise<string[]> {
  const running = (await subscriptionRows(db, memberId)).filter((row) =>
    ['trialing', 'active', 'past_due'].includes(row.status),
  );
  if (running.length === 0) return [];
  // A group's subscription is mirrored under its buyer but opens stories only through seats (groups.ts).
  const forGroups = await groupsPaidBy(
    db,
    running.map((row) => row.stripe_subscription_id),
  );
  const rows = running.filter((row) => !forGroups.has(row.stripe_subscription_id));
  const graceDays = await graceDaysFor(db, rows);
  const now = new Date();
  const tiers = new Set<string>();
  // A subscription whose tier Gaceta could not tell (a price made outside Gaceta) opens nothing:
  // the paywall errs on the side of never leaking; the members screen shows it for staff to fix.
  for (const row of rows)
    if (row.tier_id !== null && subscriptionGivesAccess(accessFacts(row), now, graceDays)) tiers.add(row.tier_id);
  return [...tiers];
}
