import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { newId, nowIso } from '../db/ids.ts';
import { AppError } from '../http/errors.ts';
import { type Actor, isSystem } from '../staff/actor.ts';
import { recordMemberEvent } from './history.ts';
import { ensureMember, findMemberByEmail, parseEmail } from './members.service.ts';
import { authorizeMembers } from './policy.ts';

/** A complimentary grant as the admin API shows it. */
export interface ComplimentaryGrant {
  id: string;
  memberId: string;
  email: string;
  endsAt: string;
  note: string;
}

function addressOrRefuse(raw: string): { email: string; normalized: string } {
  const address = parseEmail(raw);
  if (!address)
    throw new AppError('VALIDATION_FAILED', 'Give a valid email address.', [
      { field: '/body/email', message: 'not an email address' },
    ]);
  return address;
}

/**
 * Gives a reader paid access until `endsAt`, making their account first when they have none (the
 * way a newsroom invites readers while sign-up is by invitation or paid only). Their cookie's claim
 * says "paid" from their next page once the route announces the change (members/access-changes.ts).
 */
export async function grantComplimentary(
  db: Kysely<Database>,
  actor: Actor,
  input: { email: string; endsAt: string; note?: string },
): Promise<ComplimentaryGrant> {
  authorizeMembers(actor, 'members.grantComplimentary');
  const address = addressOrRefuse(input.email);
  const ends = Date.parse(input.endsAt);
  if (Number.isNaN(ends) || ends <= Date.now())
    throw new AppError('INVALID_DATE', 'The end date must be a date in the future.', [
      { field: '/body/endsAt', message: 'must be in the future' },
    ]);
  return db.transaction().execute(async (trx) => {
    const by = isSystem(actor) ? 'system' : actor.id;
    const member = await ensureMember(trx, address, by);
    const grant = {
      id: newId(),
      member_id: member.id,
      granted_by: isSystem(actor) ? null : actor.id,
      created_at: nowIso(),
      ends_at: new Date(ends).toISOString(),
      removed_at: null,
      note: input.note ?? '',
    };
    await trx.insertInto('complimentary_access').values(grant).execute();
    await recordMemberEvent(trx, member.id, 'complimentary-granted', by, { endsAt: grant.ends_at, note: grant.note });
    return { id: grant.id, memberId: member.id, email: member.email, endsAt: grant.ends_at, note: grant.note };
  });
}

/** Ends every complimentary grant of a reader now: whose, and how many there were. */
export async function removeComplimentary(
  db: Kysely<Database>,
  actor: Actor,
  email: string,
): Promise<{ memberId: string; removed: number }> {
  authorizeMembers(actor, 'members.grantComplimentary');
  const member = await findMemberByEmail(db, addressOrRefuse(email).normalized);
  if (!member) throw new AppError('NOT_FOUND', 'No reader has this address.');
  const now = nowIso();
  return db.transaction().execute(async (trx) => {
    const removed = await trx
      .updateTable('complimentary_access')
      .set({ removed_at: now })
      .where('member_id', '=', member.id)
      .where('removed_at', 'is', null)
      .where('ends_at', '>', now)
      .executeTakeFirst();
    const count = Number(removed.numUpdatedRows);
    if (count > 0)
      await recordMemberEvent(trx, member.id, 'complimentary-removed', isSystem(actor) ? 'system' : actor.id);
    return { memberId: member.id, removed: count };
  });
}
