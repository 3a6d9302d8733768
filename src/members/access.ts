import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { nowIso } from '../db/ids.ts';
import type { AccessClass } from './claims.ts';

/**
 * The one rule that decides what a member may read. Today "paid" is an active complimentary grant;
 * subscriptions (Stripe) join here as a second way to be paid.
 */
export async function accessClassOf(db: Kysely<Database>, memberId: string): Promise<AccessClass> {
  const grant = await db
    .selectFrom('complimentary_access')
    .select('id')
    .where('member_id', '=', memberId)
    .where('removed_at', 'is', null)
    .where('ends_at', '>', nowIso())
    .executeTakeFirst();
  return grant ? 'paid' : 'member';
}
