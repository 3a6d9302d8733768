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

/** Every seat ever held, by the subscription of its group (the revenue screen counts seat holders as paid). */
export async function seatsBySubscription(
  db: Kysely<Database>,
): Promise<Map<string, { memberId: string; from: string; removedAt: string | null }[]>> {
  // Every paid group is listed, seats or none: a group nobody sits in makes nobody paid, not its buyer.
  const rows = await db
    .selectFrom('member_groups')
    .leftJoin('group_seats', 'group_seats.group_id', 'member_groups.id')
    .select([
      'member_groups.stripe_subscription_id',
      'group_seats.member_id',
      'group_seats.joined_at',
      'group_seats.removed_at',
    ])
    .where('member_groups.stripe_subscription_id', 'is not', null)
    .execute();
  const seats = new Map<string, { memberId: string; from: string; removedAt: string | null }[]>();
  for (const row of rows) {
    const id = row.stripe_subscription_id ?? '';
    const held = seats.get(id) ?? [];
    if (row.member_id && row.joined_at)
      held.push({ memberId: row.member_id, from: row.joined_at, removedAt: row.removed_at });
    seats.set(id, held);
  }
  return seats;
}
