import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { nowIso } from '../db/ids.ts';
import type { AccessClass, MemberAccess } from './claims.ts';
import { groupTierIds } from './groups.ts';
import { subscribedTierIds } from './subscriptions.ts';

/**
 * The one rule that decides what a member may read: "paid" is an active complimentary grant or a
 * subscription that gives access now (subscriptions.ts). A staff grant reads every tier's stories
 * (staff gave access, not a plan: docs/decisions.md); a gift's grant reads its tier's, a
 * subscription those of the tiers it pays for, and a seat in a group those of the group's tier
 * (groups.ts). Tiers from grants, subscriptions and seats add up.
 */
export async function memberAccessOf(db: Kysely<Database>, memberId: string): Promise<MemberAccess> {
  const grants = await db
    .selectFrom('complimentary_access')
    .select('tier_id')
    .where('member_id', '=', memberId)
    .where('removed_at', 'is', null)
    .where('ends_at', '>', nowIso())
    .execute();
  if (grants.some((grant) => grant.tier_id === null)) return { access: 'paid', tiers: 'every' };
  const granted = grants.flatMap((grant) => (grant.tier_id ? [grant.tier_id] : []));
  const [own, seats] = await Promise.all([subscribedTierIds(db, memberId), groupTierIds(db, memberId)]);
  const tiers = [...new Set([...granted, ...own, ...seats])].sort();
  return tiers.length > 0 ? { access: 'paid', tiers } : { access: 'member', tiers: [] };
}

/** The member's access class alone (the account page and the members screen show it). */
export async function accessClassOf(db: Kysely<Database>, memberId: string): Promise<AccessClass> {
  return (await memberAccessOf(db, memberId)).access;
}
