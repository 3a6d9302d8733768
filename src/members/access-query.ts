import { type ExpressionBuilder, type ExpressionWrapper, expressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { Database } from '../db/schema.ts';
import { readSettings } from '../settings/settings.ts';

type OnMembers = ExpressionBuilder<Database, 'members'>;
type Condition = ExpressionWrapper<Database, 'members', SqlBool>;

/**
 * The access rule of access.ts (accessClassOf) as a condition on `members` rows, so a list filters
 * thousands of members in one query by the same rule that decides what one member may read.
 */

/** The member's grants running at `now` (neither removed nor ended), of any source. */
function runningGrantsOf(eb: OnMembers, now: string) {
  return eb
    .selectFrom('complimentary_access')
    .whereRef('complimentary_access.member_id', '=', 'members.id')
    .where('complimentary_access.removed_at', 'is', null)
    .where('complimentary_access.ends_at', '>', now);
}

/** The member has a grant running at `now`, staff's or a gift's: paid access, as in access.ts. */
export function hasComplimentaryAccess(eb: OnMembers, now: string): Condition {
  return eb.exists(runningGrantsOf(eb, now).select('complimentary_access.id'));
}

/**
 * The member has complimentary access running at `now` that the newsroom gave (staff, an import),
 * not a redeemed gift: what the members screen calls "complimentary".
 */
export function hasGivenComplimentary(eb: OnMembers, now: string): Condition {
  return eb.exists(
    runningGrantsOf(eb, now).select('complimentary_access.id').where('complimentary_access.source', '!=', 'gift'),
  );
}

/** The member has a grant running at `now` that opens this one tier (a redeemed gift's). */
export function hasGrantOnTier(eb: OnMembers, now: string, tierId: string): Condition {
  return eb.exists(
    eb
      .selectFrom('complimentary_access')
      .select('complimentary_access.id')
      .whereRef('complimentary_access.member_id', '=', 'members.id')
      .where('complimentary_access.tier_id', '=', tierId)
      .where('complimentary_access.removed_at', 'is', null)
      .where('complimentary_access.ends_at', '>', now),
  );
}

/** When the rule is applied: now, and the earliest past-due start still inside the grace period. */
export interface AccessMoment {
  readonly now: string;
  readonly graceStartsAfter: string;
}

export async function accessMoment(db: Kysely<Database>, at = new Date()): Promise<AccessMoment> {
  const graceDays = (await readSettings(db)).paymentGraceDays;
  return {
    now: at.toISOString(),
    graceStartsAfter: new Date(at.getTime() - graceDays * 24 * 3600_000).toISOString(),
  };
}

/**
 * The member has a subscription that gives access at the moment (on this tier, in this currency when
 * asked): subscriptionGivesAccess() in subscriptions.ts as SQL, with its tier known (a subscription
 * Gaceta cannot tie to a tier opens nothing, as in subscribedTierIds()).
 */
export function hasSubscriptionAccess(
  eb: OnMembers,
  moment: AccessMoment,
  on: { tierId?: string | undefined; currency?: string | undefined } = {},
): Condition {
  let subscriptions = eb
    .selectFrom('member_subscriptions')
    .select('member_subscriptions.stripe_subscription_id')
    .whereRef('member_subscriptions.member_id', '=', 'members.id')
    .where('member_subscriptions.tier_id', 'is not', null)
    .where(subscriptionRunning(moment))
    // A group's subscription is mirrored under its buyer but opens stories only through seats (groups.ts).
    .where((inner) =>
      inner.not(
        inner.exists(
          inner
            .selectFrom('member_groups')
            .select('member_groups.id')
            .whereRef('member_groups.stripe_subscription_id', '=', 'member_subscriptions.stripe_subscription_id'),
        ),
      ),
    );
  if (on.tierId) subscriptions = subscriptions.where('member_subscriptions.tier_id', '=', on.tierId);
  if (on.currency) subscriptions = subscriptions.where('member_subscriptions.currency', '=', on.currency.toLowerCase());
  return eb.exists(subscriptions);
}

/**
 * subscriptionGivesAccess() (subscriptions.ts) as a condition on a `member_subscriptions` row in
 * scope: trialing, active (until the period ends when cancelled), past due within the grace period.
 */
function subscriptionRunning(moment: AccessMoment) {
  const inner = expressionBuilder<Database, 'member_subscriptions'>();
  return inner.or([
    inner('member_subscriptions.status', '=', 'trialing'),
    inner.and([
      inner('member_subscriptions.status', '=', 'active'),
      inner.or([
        inner('member_subscriptions.cancel_at_period_end', '=', 0),
        inner('member_subscriptions.current_period_end', '>', moment.now),
      ]),
    ]),
    inner.and([
      inner('member_subscriptions.status', '=', 'past_due'),
      inner('member_subscriptions.past_due_since', '>', moment.graceStartsAfter),
    ]),
  ]);
}

/**
 * The member holds a running seat in a group whose subscription gives access at the moment (on this
 * tier when asked): groupTierIds() in groups.ts as SQL, by the same rule as a member's own subscription.
 */
export function hasGroupAccess(
  eb: OnMembers,
  moment: AccessMoment,
  on: { tierId?: string | undefined } = {},
): Condition {
  let seats = eb
    .selectFrom('group_seats')
    .innerJoin('member_groups', 'member_groups.id', 'group_seats.group_id')
    .innerJoin(
      'member_subscriptions',
      'member_subscriptions.stripe_subscription_id',
      'member_groups.stripe_subscription_id',
    )
    .select('group_seats.id')
    .whereRef('group_seats.member_id', '=', 'members.id')
    .where('group_seats.removed_at', 'is', null)
    .where(subscriptionRunning(moment));
  if (on.tierId) seats = seats.where('member_groups.tier_id', '=', on.tierId);
  return eb.exists(seats);
}

/** The member is "paid" at the moment: a running complimentary grant, a subscription or a group seat that gives access. */
export function hasPaidAccess(eb: OnMembers, moment: AccessMoment): Condition {
  return eb.or([hasComplimentaryAccess(eb, moment.now), hasSubscriptionAccess(eb, moment), hasGroupAccess(eb, moment)]);
}

/** The end of the member's latest running complimentary grant the newsroom gave (not a gift), as a column (null: none). */
export function complimentaryUntil(eb: OnMembers, now: string) {
  return runningGrantsOf(eb, now)
    .select((inner) => inner.fn.max('complimentary_access.ends_at').as('ends_at'))
    .where('complimentary_access.source', '!=', 'gift');
}

/** The member's redeemed gift running at `now` that ends last, as one column each (null: none). */
export function latestGift(eb: OnMembers, now: string) {
  const latest = () =>
    runningGrantsOf(eb, now)
      .where('complimentary_access.source', '=', 'gift')
      .orderBy('complimentary_access.ends_at', 'desc')
      .limit(1);
  return {
    until: latest().select('complimentary_access.ends_at'),
    tierId: latest().select('complimentary_access.tier_id'),
  };
}
