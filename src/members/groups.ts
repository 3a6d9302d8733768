import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { accessFacts, graceDaysFor, subscriptionGivesAccess } from './subscriptions.ts';

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * The group part of the access rule (access.ts): a running seat opens its group's tier while the
 * group's Stripe subscription gives access by the same rule as a member's own (subscriptionGivesAccess:
 * grace period, cancel at period end). The subscription opens nothing by itself, not even for its
 * buyer (docs/decisions.md "A group's subscription opens stories only through seats").
 * Its SQL twin is hasGroupAccess() in access-query.ts.
 */

/** The tiers the member's running group seats open now (empty: none). */
export async function groupTierIds(db: Kysely<Database>, memberId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('group_seats')
    .innerJoin('member_groups', 'member_groups.id', 'group_seats.group_id')
    .innerJoin(
      'member_subscriptions',
      'member_subscriptions.stripe_subscription_id',
      'member_groups.stripe_subscription_id',
    )
    .selectAll('member_subscriptions')
    .select('member_groups.tier_id as group_tier_id')
    .where('group_seats.member_id', '=', memberId)
    .where('group_seats.removed_at', 'is', null)
    .execute();
  if (rows.length === 0) return [];
  const graceDays = await graceDaysFor(db, rows);
  const now = new Date();
  return [
    ...new Set(
      rows.filter((row) => subscriptionGivesAccess(accessFacts(row), now, graceDays)).map((row) => row.group_tier_id),
    ),
  ];
}

/** The members holding a running seat in the group this subscription pays for (to announce a change to). */
export async function membersSeatedBy(db: Executor, stripeSubscriptionId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('group_seats')
    .innerJoin('member_groups', 'member_groups.id', 'group_seats.group_id')
    .select('group_seats.member_id')
    .where('member_groups.stripe_subscription_id', '=', stripeSubscriptionId)
    .where('group_seats.removed_at', 'is', null)
    .execute();
  return rows.map((row) => row.member_id);
}
