import type { ExpressionBuilder, ExpressionWrapper, SqlBool } from 'kysely';
import type { Database } from '../db/schema.ts';

type OnMembers = ExpressionBuilder<Database, 'members'>;
type Condition = ExpressionWrapper<Database, 'members', SqlBool>;

/**
 * The access rule of access.ts (accessClassOf) as a condition on `members` rows, so a list filters
 * thousands of members in one query by the same rule that decides what one member may read.
 */

/** The member has a complimentary grant running at `now` (neither removed nor ended). */
export function hasComplimentaryAccess(eb: OnMembers, now: string): Condition {
  return eb.exists(
    eb
      .selectFrom('complimentary_access')
      .select('complimentary_access.id')
      .whereRef('complimentary_access.member_id', '=', 'members.id')
      .where('complimentary_access.removed_at', 'is', null)
      .where('complimentary_access.ends_at', '>', now),
  );
}

/** The member is "paid" at `now`: a running complimentary grant, or a subscription that gives access. */
export function hasPaidAccess(eb: OnMembers, now: string): Condition {
  // FOR THE LEAD, once the subscription mirror is merged: `or` in the subscription half of the rule,
  // the SQL twin of subscribedTierIds() in subscriptions.ts (an exists() over its subscriptions table
  // with the same status / grace-period / period-end test as SubscriptionSummary.givesAccess):
  //   return eb.or([hasComplimentaryAccess(eb, now), hasSubscriptionAccess(eb, now)]);
  return hasComplimentaryAccess(eb, now);
}

/** The end of the member's latest running complimentary grant, as a column (null: none). */
export function complimentaryUntil(eb: OnMembers, now: string) {
  return eb
    .selectFrom('complimentary_access')
    .select((inner) => inner.fn.max('complimentary_access.ends_at').as('ends_at'))
    .whereRef('complimentary_access.member_id', '=', 'members.id')
    .where('complimentary_access.removed_at', 'is', null)
    .where('complimentary_access.ends_at', '>', now);
}
