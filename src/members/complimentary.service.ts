import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { newId, nowIso } from '../db/ids.ts';
import { isPostgres } from '../db/json-rows.ts';
import { AppError } from '../http/errors.ts';
import { type Actor, isSystem, staffIdOf } from '../staff/actor.ts';
import { recordMemberEvent } from './history.ts';
import type { GrantSource } from './members.table.ts';
import { ensureMember, findMember, findMemberByEmail, parseEmail } from './members.service.ts';
import { authorizeMembers } from './policy.ts';

type Executor = Kysely<Database> | Transaction<Database>;

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

function futureEnd(endsAt: string): number {
  const ends = Date.parse(endsAt);
  if (Number.isNaN(ends) || ends <= Date.now())
    throw new AppError('INVALID_DATE', 'The end date must be a date in the future.', [
      { field: '/body/endsAt', message: 'must be in the future' },
    ]);
  return ends;
}

const actorName = (actor: Actor): string => (isSystem(actor) ? 'system' : actor.id);

/** Records a grant and its history line, inside the caller's transaction. */
export async function addGrant(
  trx: Executor,
  actor: Actor,
  member: { id: string; email: string },
  ends: number,
  note: string,
): Promise<ComplimentaryGrant> {
  const grant = {
    id: newId(),
    member_id: member.id,
    granted_by: staffIdOf(actor),
    created_at: nowIso(),
    ends_at: new Date(ends).toISOString(),
    removed_at: null,
    note,
  };
  await trx.insertInto('complimentary_access').values(grant).execute();
  await recordMemberEvent(trx, member.id, 'complimentary-granted', actorName(actor), {
    endsAt: grant.ends_at,
    note: grant.note,
  });
  return { id: grant.id, memberId: member.id, email: member.email, endsAt: grant.ends_at, note: grant.note };
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
  const ends = futureEnd(input.endsAt);
  return db.transaction().execute(async (trx) => {
    const member = await ensureMember(trx, address, actorName(actor));
    return addGrant(trx, actor, member, ends, input.note ?? '');
  });
}

/** Gives a member who has an account paid access until `endsAt` (the members screen's grant). */
export async function grantComplimentaryTo(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  input: { endsAt: string; note?: string | undefined },
): Promise<ComplimentaryGrant> {
  authorizeMembers(actor, 'members.grantComplimentary');
  const ends = futureEnd(input.endsAt);
  return db.transaction().execute(async (trx) => {
    const member = await findMember(trx, memberId);
    if (!member) throw new AppError('NOT_FOUND', 'No member has this id.');
    return addGrant(trx, actor, member, ends, input.note ?? '');
  });
}

/** A running grant: the newsroom's complimentary access (every tier), or a redeemed gift (its tier). */
export interface RunningGrant {
  id: string;
  createdAt: string;
  endsAt: string;
  note: string;
  grantedBy: string | null;
  source: GrantSource;
  /** The one tier it opens (billing's id); null for every tier. */
  tierId: string | null;
}

/** A member's complimentary grants and gifts still running, latest end first. */
export async function runningGrants(db: Executor, memberId: string): Promise<RunningGrant[]> {
  const rows = await db
    .selectFrom('complimentary_access')
    .select(['id', 'created_at', 'ends_at', 'note', 'granted_by', 'source', 'tier_id'])
    .where('member_id', '=', memberId)
    .where('removed_at', 'is', null)
    .where('ends_at', '>', nowIso())
    .orderBy('ends_at', 'desc')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    createdAt: row.created_at,
    endsAt: row.ends_at,
    note: row.note,
    grantedBy: row.granted_by,
    source: row.source,
    tierId: row.tier_id,
  }));
}

/** Ends one running complimentary grant of a member now. */
export async function removeComplimentaryGrant(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  grantId: string,
): Promise<void> {
  authorizeMembers(actor, 'members.grantComplimentary');
  const now = nowIso();
  await db.transaction().execute(async (trx) => {
    const removed = await trx
      .updateTable('complimentary_access')
      .set({ removed_at: now })
      .where('id', '=', grantId)
      .where('member_id', '=', memberId)
      .where('removed_at', 'is', null)
      .where('ends_at', '>', now)
      .executeTakeFirst();
    if (Number(removed.numUpdatedRows) === 0)
      throw new AppError('NOT_FOUND', 'This member has no such complimentary access running.');
    await recordMemberEvent(trx, memberId, 'complimentary-removed', actorName(actor), { grantId });
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
    if (count > 0) await recordMemberEvent(trx, member.id, 'complimentary-removed', actorName(actor));
    return { memberId: member.id, removed: count };
  });
}

/** `months` calendar months after `from`, the day kept when the month has it (31 January + 1 = 28/29 February). */
export function addMonths(from: Date, months: number): Date {
  const to = new Date(from);
  const day = to.getUTCDate();
  to.setUTCDate(1);
  to.setUTCMonth(to.getUTCMonth() + months);
  const last = new Date(Date.UTC(to.getUTCFullYear(), to.getUTCMonth() + 1, 0)).getUTCDate();
  to.setUTCDate(Math.min(day, last));
  return to;
}

/**
 * Holds the member's row until the caller's transaction ends, so that two changes to their stacked
 * grants (two redemptions at once, a redemption and a refund) read and write one after the other
 * instead of both reading the same stack. PostgreSQL needs the lock; SQLite runs one write
 * transaction at a time (one connection, Kysely's mutex), and has no FOR UPDATE.
 */
async function holdMember(trx: Executor, memberId: string): Promise<void> {
  if (isPostgres(trx)) await trx.selectFrom('members').select('id').where('id', '=', memberId).forUpdate().execute();
}

/**
 * Gives a member `months` of access to one tier from a gift, inside the caller's transaction. Gifts
 * on the same tier stack: the new months start where the member's latest running gift grant on it
 * ends, else now. The caller records the history line (it knows what the gift was) and announces.
 */
export async function grantTierAccess(
  trx: Executor,
  memberId: string,
  input: { tierId: string; months: number; note: string },
): Promise<{ id: string; endsAt: string }> {
  await holdMember(trx, memberId);
  const now = nowIso();
  const running = await trx
    .selectFrom('complimentary_access')
    .select((eb) => eb.fn.max('ends_at').as('ends_at'))
    .where('member_id', '=', memberId)
    .where('tier_id', '=', input.tierId)
    .where('source', '=', 'gift')
    .where('removed_at', 'is', null)
    .where('ends_at', '>', now)
    .executeTakeFirst();
  const from = running?.ends_at ? new Date(running.ends_at) : new Date(now);
  const grant = {
    id: newId(),
    member_id: memberId,
    granted_by: null,
    created_at: now,
    ends_at: addMonths(from, input.months).toISOString(),
    removed_at: null,
    note: input.note,
    tier_id: input.tierId,
    source: 'gift' as const,
  };
  await trx.insertInto('complimentary_access').values(grant).execute();
  return { id: grant.id, endsAt: grant.ends_at };
}

/**
 * Ends a refunded gift's grant now and gives back the time it would still have run: the member's
 * later gift grants on the same tier (stacked after it) end that much earlier, so a refund of the
 * first gift of a stack does not leave its months in the stack. False when it had already ended or
 * been removed. See docs/decisions.md, "Refunding a stacked gift".
 */
export async function endGiftGrant(trx: Executor, grantId: string): Promise<boolean> {
  const grant = await trx
    .selectFrom('complimentary_access')
    .select(['member_id', 'tier_id', 'created_at', 'ends_at'])
    .where('id', '=', grantId)
    .executeTakeFirst();
  if (!grant) return false;
  await holdMember(trx, grant.member_id);
  if (!(await endGrant(trx, grantId))) return false;
  if (!grant.tier_id) return true;
  const stack = await trx
    .selectFrom('complimentary_access')
    .select(['id', 'ends_at'])
    .where('member_id', '=', grant.member_id)
    .where('tier_id', '=', grant.tier_id)
    .where('source', '=', 'gift')
    .where('removed_at', 'is', null)
    .execute();
  // Its months began where the grant stacked before it ended, or at its redemption.
  const before = stack.filter((other) => other.ends_at <= grant.ends_at).map((other) => other.ends_at);
  const began = [grant.created_at, ...before].reduce((a, b) => (a > b ? a : b));
  const unused = Date.parse(grant.ends_at) - Math.max(Date.now(), Date.parse(began));
  if (unused <= 0) return true;
  for (const later of stack.filter((other) => other.ends_at > grant.ends_at))
    await trx
      .updateTable('complimentary_access')
      .set({ ends_at: new Date(Date.parse(later.ends_at) - unused).toISOString() })
      .where('id', '=', later.id)
      .execute();
  return true;
}

/** Ends one grant now (a refunded gift's), whoever holds it; false when it had already ended or been removed. */
export async function endGrant(trx: Executor, grantId: string): Promise<boolean> {
  const now = nowIso();
  const ended = await trx
    .updateTable('complimentary_access')
    .set({ removed_at: now })
    .where('id', '=', grantId)
    .where('removed_at', 'is', null)
    .where('ends_at', '>', now)
    .executeTakeFirst();
  return Number(ended.numUpdatedRows) > 0;
}
