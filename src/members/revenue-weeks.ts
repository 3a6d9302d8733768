/**
 * The week-by-week arithmetic of the revenue dashboard (revenue.ts reads the rows): replays each
 * subscription's status changes in time order and reads the state at the end of every week. Pure,
 * so the rules (what counts as paid, as new, as cancelled) are in one place and easy to test.
 */

/**
 * A 'subscription-status' history event (the subscription moved from one status to another), or a
 * 'subscription-price' one (its price changed, its status did not: `from` and `to` are the same).
 */
export interface StatusChange {
  memberId: string;
  subscription: string;
  from: string | null;
  to: string;
  at: string;
  /** The price from then on, when the event says it (events recorded before prices were kept do not). */
  price?: Price;
}

/** What a subscription costs a period. */
export interface Price {
  amount: number;
  currency: string;
  interval: string;
}

/** What the mirror says a subscription costs (its latest state: Stripe's price changes are not kept). */
export interface SubscriptionPrice {
  memberId: string;
  hasTier: boolean;
  amount: number;
  currency: string;
  interval: string;
  /**
   * A group's subscription: the seats it paid for, whose holders are its paid members (its buyer only
   * through a seat, as in access.ts); absent for a member's own subscription.
   */
  seats?: SeatSpan[];
}

/** A seat in a group with its whole life. */
export interface SeatSpan {
  memberId: string;
  from: string;
  removedAt: string | null;
}

/** A complimentary grant with its whole life. */
export interface GrantSpan {
  memberId: string;
  from: string;
  until: string;
  removedAt: string | null;
}

/** A one-time payment (a contribution, or a gift bought for someone): income once, never MRR. */
export interface OneTimePayment {
  kind: 'contribution' | 'gift';
  paidAt: string;
  /** What was paid less what was refunded of it since, in the currency's smallest unit. */
  net: number;
  currency: string;
}

export interface MoneyAmount {
  currency: string;
  /** In the currency's smallest unit. */
  amount: number;
}

export interface RevenueWeek {
  /** Monday 00:00 UTC. */
  start: string;
  /** Members with paid access at the end of the week (now, for this week): complimentary, subscribed or seated, each once. */
  paidMembers: number;
  /** Monthly recurring revenue at the end of the week, per currency (a yearly price counts a twelfth). */
  mrr: MoneyAmount[];
  /** Subscriptions that started giving access during the week (a trial's start counts; its conversion does not). */
  newSubscriptions: number;
  /** Subscriptions that ended (Stripe's 'canceled') during the week. */
  cancelledSubscriptions: number;
  /** One-time contributions paid during the week, per currency, less their refunds. */
  contributions: MoneyAmount[];
  /** Gift subscriptions paid for during the week, per currency, less their refunds. */
  gifts: MoneyAmount[];
}

const WEEK_MS = 7 * 24 * 3600_000;
const NOT_STARTED = new Set([null, 'incomplete', 'incomplete_expired']);
const STARTED = new Set(['trialing', 'active']);
// Paying now: a trial pays nothing yet, and a past-due subscription is still owed (Stripe retries).
const PAYING = new Set(['active', 'past_due']);

/** The Mondays (00:00 UTC) of the last `count` weeks, this week's last. */
export function weekStarts(count: number, now: Date): Date[] {
  const monday = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
  return Array.from({ length: count }, (_, i) => new Date(monday.getTime() - (count - 1 - i) * WEEK_MS));
}

/** A yearly price as a monthly amount, rounded to the smallest unit. */
export function monthlyAmount(price: { amount: number; interval: string }): number {
  return price.interval === 'year' ? Math.round(price.amount / 12) : price.amount;
}

interface Running {
  status: string;
  pastDueSince: string | null;
  /** The price its history last gave; unknown for history from before prices were recorded. */
  price: Price | undefined;
}

/** The same rule as subscriptionGivesAccess() in subscriptions.ts, at a past instant. */
function givesAccess(state: Running, graceStartsAfter: string): boolean {
  if (state.status === 'trialing' || state.status === 'active') return true;
  return state.status === 'past_due' && state.pastDueSince !== null && state.pastDueSince > graceStartsAfter;
}

/** The one-time payments of one kind paid in [from, until), summed per currency, in currency order. */
function oneTimeIncome(payments: readonly OneTimePayment[], kind: OneTimePayment['kind'], from: string, until: string) {
  const sums = new Map<string, number>();
  for (const payment of payments)
    if (payment.kind === kind && payment.paidAt >= from && payment.paidAt < until)
      sums.set(payment.currency, (sums.get(payment.currency) ?? 0) + payment.net);
  return [...sums].sort(([a], [b]) => a.localeCompare(b)).map(([currency, amount]) => ({ currency, amount }));
}

const grantRuns = (grant: GrantSpan, at: string): boolean =>
  grant.from < at && grant.until > at && (grant.removedAt === null || grant.removedAt > at);

const seatRuns = (seat: SeatSpan, at: string): boolean =>
  seat.from < at && (seat.removedAt === null || seat.removedAt > at);

/** Who a subscription makes paid at `at`: its member, or for a group's, the holders of its running seats. */
const paidThrough = (price: SubscriptionPrice, at: string): string[] =>
  price.seats ? price.seats.filter((seat) => seatRuns(seat, at)).map((seat) => seat.memberId) : [price.memberId];

/** The revenue weeks from the history; `changes` in time order. */
export function revenueWeeks(
  input: {
    changes: StatusChange[];
    prices: Map<string, SubscriptionPrice>;
    grants: GrantSpan[];
    graceDays: number;
    oneTime?: OneTimePayment[];
  },
  starts: Date[],
  now: Date,
): RevenueWeek[] {
  const running = new Map<string, Running>();
  let next = 0;
  return starts.map((start) => {
    const weekStart = start.toISOString();
    const end = new Date(Math.min(start.getTime() + WEEK_MS, now.getTime())).toISOString();
    let newSubscriptions = 0;
    let cancelledSubscriptions = 0;
    for (; next < input.changes.length && (input.changes[next] as StatusChange).at < end; next++) {
      const change = input.changes[next] as StatusChange;
      const before = running.get(change.subscription);
      running.set(change.subscription, {
        status: change.to,
        pastDueSince: change.to !== 'past_due' ? null : before?.status === 'past_due' ? before.pastDueSince : change.at,
        price: change.price ?? before?.price,
      });
      if (change.at < weekStart || change.from === change.to) continue;
      if (NOT_STARTED.has(change.from) && STARTED.has(change.to)) newSubscriptions++;
      if (change.to === 'canceled' && !NOT_STARTED.has(change.from)) cancelledSubscriptions++;
    }
    const graceStartsAfter = new Date(Date.parse(end) - input.graceDays * 24 * 3600_000).toISOString();
    const paid = new Set(input.grants.filter((grant) => grantRuns(grant, end)).map((grant) => grant.memberId));
    const mrr = new Map<string, number>();
    for (const [subscription, state] of running) {
      const price = input.prices.get(subscription);
      if (!price) continue;
      if (price.hasTier && givesAccess(state, graceStartsAfter)) for (const id of paidThrough(price, end)) paid.add(id);
      // The week's own price; the mirror's latest for history recorded before prices were.
      const paying = state.price ?? price;
      if (PAYING.has(state.status)) mrr.set(paying.currency, (mrr.get(paying.currency) ?? 0) + monthlyAmount(paying));
    }
    return {
      start: weekStart,
      paidMembers: paid.size,
      mrr: [...mrr].sort(([a], [b]) => a.localeCompare(b)).map(([currency, amount]) => ({ currency, amount })),
      newSubscriptions,
      cancelledSubscriptions,
      contributions: oneTimeIncome(input.oneTime ?? [], 'contribution', weekStart, end),
      gifts: oneTimeIncome(input.oneTime ?? [], 'gift', weekStart, end),
    };
  });
}
