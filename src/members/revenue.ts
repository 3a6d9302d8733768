import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { readSettings } from '../settings/settings.ts';
import type { Actor } from '../staff/actor.ts';
import { seatsBySubscription } from './groups.ts';
import { authorizeMembers } from './policy.ts';
import {
  type GrantSpan,
  type OneTimePayment,
  type Price,
  type RevenueWeek,
  revenueWeeks,
  type StatusChange,
  type SubscriptionPrice,
  weekStarts,
} from './revenue-weeks.ts';

export type { MoneyAmount, RevenueWeek } from './revenue-weeks.ts';

/** A page of the site readers came from, and how many did. */
export interface AttributedPath {
  /** The path on this site the reader was reading (recorded at sign-up, never by a third party). */
  path: string;
  count: number;
}

/** The revenue dashboard's numbers. */
export interface RevenueReport {
  weeks: RevenueWeek[];
  /** The pages members signed up from, in the report's weeks, most first. */
  topBySignUps: AttributedPath[];
  /**
   * The pages readers subscribed from in the report's weeks, most first: the page Checkout carried
   * (kept in the history of the subscription's first state), or else the member's sign-up page.
   */
  topBySubscriptions: AttributedPath[];
}

const TOP = 10;

/** The price an event's detail gives, when it gives one. */
function priceOf(detail: Record<string, unknown>): Price | undefined {
  const { amount, currency, interval } = detail;
  return typeof amount === 'number' && typeof currency === 'string' && typeof interval === 'string'
    ? { amount, currency, interval }
    : undefined;
}

async function statusChanges(db: Kysely<Database>, until: string): Promise<StatusChange[]> {
  // The status lives in the event's JSON detail, read here rather than in SQL: SQLite and PostgreSQL
  // spell JSON access differently, and there is one row per status change, not per day.
  const rows = await db
    .selectFrom('member_events')
    .select(['member_id', 'kind', 'detail', 'created_at'])
    .where('kind', 'in', ['subscription-status', 'subscription-price'])
    .where('created_at', '<', until)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.flatMap((row) => {
    const detail = JSON.parse(row.detail) as Record<string, unknown>;
    if (typeof detail.subscription !== 'string') return [];
    // A price change keeps the status it was made in: from and to are that status.
    const to = row.kind === 'subscription-price' ? detail.status : detail.to;
    if (typeof to !== 'string') return [];
    const from = row.kind === 'subscription-price' ? to : typeof detail.from === 'string' ? detail.from : null;
    const change: StatusChange = {
      memberId: row.member_id,
      subscription: detail.subscription,
      from,
      to,
      at: row.created_at,
    };
    const price = priceOf(detail);
    return [price ? { ...change, price } : change];
  });
}

async function subscriptionPrices(db: Kysely<Database>): Promise<Map<string, SubscriptionPrice>> {
  const rows = await db
    .selectFrom('member_subscriptions')
    .select(['stripe_subscription_id', 'member_id', 'tier_id', 'amount', 'currency', 'interval'])
    .execute();
  // A group's subscription makes its seat holders paid, not its buyer (groups.ts).
  const seats = await seatsBySubscription(db);
  return new Map(
    rows.map((row) => [
      row.stripe_subscription_id,
      {
        memberId: row.member_id,
        // A subscription Gaceta cannot tie to a tier opens nothing (as in access-query.ts).
        hasTier: row.tier_id !== null,
        amount: Number(row.amount),
        currency: row.currency,
        interval: row.interval,
        ...(seats.has(row.stripe_subscription_id) ? { seats: seats.get(row.stripe_subscription_id) } : {}),
      },
    ]),
  );
}

async function grantSpans(db: Kysely<Database>, since: string): Promise<GrantSpan[]> {
  const rows = await db
    .selectFrom('complimentary_access')
    .select(['member_id', 'created_at', 'ends_at', 'removed_at'])
    .where('ends_at', '>', since)
    .execute();
  return rows.map((row) => ({
    memberId: row.member_id,
    from: row.created_at,
    until: row.ends_at,
    removedAt: row.removed_at,
  }));
}

async function oneTimePayments(db: Kysely<Database>, since: string): Promise<OneTimePayment[]> {
  const rows = await db
    .selectFrom('member_payments')
    .select(['kind', 'paid_at', 'amount_paid', 'amount_refunded', 'currency'])
    .where('kind', 'in', ['contribution', 'gift'])
    .where('paid_at', '>=', since)
    .execute();
  return rows.map((row) => ({
    kind: row.kind === 'gift' ? 'gift' : 'contribution',
    paidAt: row.paid_at ?? '',
    net: Number(row.amount_paid) - Number(row.amount_refunded),
    currency: row.currency,
  }));
}

async function topBySignUps(db: Kysely<Database>, since: string): Promise<AttributedPath[]> {
  const rows = await db
    .selectFrom('members')
    .select((eb) => ['members.attribution', eb.fn.countAll<number | string>().as('count')])
    .where('members.attribution', 'is not', null)
    .where('members.created_at', '>=', since)
    .groupBy('members.attribution')
    .orderBy('count', 'desc')
    .orderBy('members.attribution')
    .limit(TOP)
    .execute();
  return rows.map((row) => ({ path: row.attribution ?? '', count: Number(row.count) }));
}

async function topBySubscriptions(db: Kysely<Database>, since: string): Promise<AttributedPath[]> {
  // A subscription's first state is its first 'subscription-status' event (from nothing).
  const rows = await db
    .selectFrom('member_events')
    .innerJoin('members', 'members.id', 'member_events.member_id')
    .select(['member_events.detail', 'members.attribution'])
    .where('member_events.kind', '=', 'subscription-status')
    .where('member_events.created_at', '>=', since)
    .execute();
  const counts = new Map<string, number>();
  for (const row of rows) {
    const detail = JSON.parse(row.detail) as { from?: unknown; attribution?: unknown };
    if (detail.from !== null && detail.from !== undefined) continue;
    const path = typeof detail.attribution === 'string' && detail.attribution ? detail.attribution : row.attribution;
    if (path) counts.set(path, (counts.get(path) ?? 0) + 1);
  }
  return [...counts]
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
    .slice(0, TOP)
    .map(([path, count]) => ({ path, count }));
}

/**
 * Paid members, monthly recurring revenue per currency, new and cancelled subscriptions, one-time
 * income (contributions, gifts: net of refunds, in the week they were paid) for each of the last `weeks` weeks (Monday to Sunday, UTC), and the pages that brought members in.
 */
export async function revenueReport(
  db: Kysely<Database>,
  actor: Actor,
  weeks: number,
  now = new Date(),
): Promise<RevenueReport> {
  authorizeMembers(actor, 'members.readRevenue');
  const starts = weekStarts(weeks, now);
  const since = (starts[0] as Date).toISOString();
  const [changes, prices, grants, oneTime, settings, bySignUps, bySubscriptions] = await Promise.all([
    statusChanges(db, now.toISOString()),
    subscriptionPrices(db),
    grantSpans(db, since),
    oneTimePayments(db, since),
    readSettings(db),
    topBySignUps(db, since),
    topBySubscriptions(db, since),
  ]);
  return {
    weeks: revenueWeeks({ changes, prices, grants, oneTime, graceDays: settings.paymentGraceDays }, starts, now),
    topBySignUps: bySignUps,
    topBySubscriptions: bySubscriptions,
  };
}
