import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { nowIso } from '../db/ids.ts';
import type { AccessClass, MemberAccess } from './claims.ts';
import { groupTierIds } from './groups.ts';
import { subscribedTierIds } from './subscriptions.ts';

/**
 * The one rule that decides what a member may read: "paid" is an active complimentary grant or a
 * subscription that gives access now (subscriptions.ts). A grant reads every tier's stories (staff
 * gave access, not a plan: docs/decisions.md); a subscription reads those of the tiers it pays for,
 * and a seat in a group those of the group's tier (groups.ts).
 */
export async function memberAccessOf(db: Kysely<Database>, memberId: string): Promise<MemberAccess> {
  const grant = await db
    .selectFrom('complimentary_access')
    .select('id')
    .where('member_id', '=', memberId)
    .where('removed_at', 'is', null)
    .where('ends_at', '>', nowIso())
    .executeTakeFirst();
  if (grant) return { access: 'paid', tiers: 'every' };
  const [own, seats] = await Promise.all([subscribedTierIds(db, memberId), groupTierIds(db, memberId)]);
  const tiers = [...new Set([...own, ...seats])].sort();
  return tiers.length > 0 ? { access: 'paid', tiers } : { access: 'member', tiers: [] };
}

/** The member's access class alone (the account page and the members screen show it). */
export async function accessClassOf(db: Kysely<Database>, memberId: string): Promise<AccessClass> {
  return (await memberAccessOf(db, memberId)).access;
}
