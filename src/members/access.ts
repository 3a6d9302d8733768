import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { nowIso } from '../db/ids.ts';
import type { AccessClass } from './claims.ts';
import { subscribedTierIds } from './subscriptions.ts';

/**
 * The one rule that decides what a member may read: "paid" is an active complimentary grant or a
 * subscription that gives access now (subscriptions.ts).
 */
export async function accessClassOf(db: Kysely<Database>, memberId: string): Promise<AccessClass> {
  const grant = await db
    .selectFrom('complimentary_access')
    .select('id')
    .where('member_id', '=', memberId)
    .where('removed_at', 'is', null)
    .where('ends_at', '>', nowIso())
    .executeTakeFirst();
  if (grant) return 'paid';
  return (await subscribedTierIds(db, memberId)).length > 0 ? 'paid' : 'member';
}
