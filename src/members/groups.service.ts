import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { isPostgres } from '../db/json-rows.ts';
import { newId, nowIso } from '../db/ids.ts';
import { type MemberEventActor, recordMemberEvent } from './history.ts';
import type { MemberGroupRow } from './groups.table.ts';

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * Group subscriptions' use cases on the members side: a group waiting for its payment, tied to its
 * Stripe subscription when paid (billing calls in), seats taken and given up. Seats are counted and
 * taken in one transaction with the group row locked (PostgreSQL: FOR UPDATE; SQLite runs one writer
 * at a time), so two readers racing for the last seat cannot both have it.
 */

/** Seats a group may be bought with (the buying page and Stripe's quantity). */
export const MIN_SEATS = 2;
export const MAX_SEATS = 1000;

/** What a new group is, as the buying page asks for it. */
export interface NewGroup {
  name: string;
  tierId: string;
  tierName: string;
  adminMemberId: string;
  seats: number;
  emailDomain: string | null;
}

/** Makes a group that gives nothing until its subscription is tied to it (tieGroupSubscription). */
export async function createPendingGroup(db: Executor, group: NewGroup): Promise<string> {
  const id = newId();
  await db
    .insertInto('member_groups')
    .values({
      id,
      name: group.name,
      tier_id: group.tierId,
      tier_name: group.tierName,
      admin_member_id: group.adminMemberId,
      seats: group.seats,
      email_domain: group.emailDomain,
      stripe_subscription_id: null,
      seats_observed_at: null,
      created_at: nowIso(),
    })
    .execute();
  return id;
}

// Stripe's Checkout sessions expire within a day; a week leaves a buyer who came back later no page
// that still names the group, and keeps the staff list free of purchases nobody finished.
const ABANDONED_AFTER_MS = 7 * 86_400_000;

/** The instant before which a group still waiting for its payment counts as abandoned. */
export const abandonedBefore = (now: Date): string => new Date(now.getTime() - ABANDONED_AFTER_MS).toISOString();

/**
 * Deletes groups whose Checkout was never finished (no subscription tied) and that are older than a
 * week, with their (empty) seats and invites; how many. Run by the periodic sweep (billing's webhooks).
 */
export async function deleteAbandonedGroups(db: Kysely<Database>, now = new Date()): Promise<number> {
  const deleted = await db
    .deleteFrom('member_groups')
    .where('stripe_subscription_id', 'is', null)
    .where('created_at', '<', abandonedBefore(now))
    .executeTakeFirst();
  return Number(deleted.numDeletedRows);
}

export async function findGroup(db: Executor, groupId: string): Promise<MemberGroupRow | undefined> {
  return db.selectFrom('member_groups').selectAll().where('id', '=', groupId).executeTakeFirst();
}

/**
 * What Stripe said of a group's subscription: ties it to the group the first time (the buyer, its
 * admin, then takes a seat) and sets the seat count from its quantity unless a newer count is stored.
 * Null when no such group exists or it is tied to another subscription: nothing is mirrored for it.
 */
export async function tieGroupSubscription(
  trx: Executor,
  input: { groupId: string; stripeSubscriptionId: string; quantity: number; observedAt: string },
): Promise<{ group: MemberGroupRow; justTied: boolean } | null> {
  const group = await findGroup(trx, input.groupId);
  if (!group) return null;
  if (group.stripe_subscription_id && group.stripe_subscription_id !== input.stripeSubscriptionId) return null;
  const justTied = group.stripe_subscription_id === null;
  const newer = group.seats_observed_at === null || input.observedAt >= group.seats_observed_at;
  const seats = Math.max(1, Math.floor(input.quantity));
  if (justTied || (newer && seats !== Number(group.seats)))
    await trx
      .updateTable('member_groups')
      .set({
        stripe_subscription_id: input.stripeSubscriptionId,
        ...(newer ? { seats, seats_observed_at: input.observedAt } : {}),
      })
      .where('id', '=', group.id)
      .execute();
  if (justTied) {
    await recordMemberEvent(trx, group.admin_member_id, 'group-created', 'member', {
      group: group.id,
      name: group.name,
      seats,
    });
    await seatInTransaction(trx, { ...group, seats }, group.admin_member_id, 'member');
  }
  return { group: { ...group, stripe_subscription_id: input.stripeSubscriptionId }, justTied };
}

/** Why a seat was not taken: already held, or none free. */
export type SeatOutcome = 'taken' | 'already' | 'full' | 'unknown';

async function runningSeats(trx: Executor, groupId: string): Promise<number> {
  const row = await trx
    .selectFrom('group_seats')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('group_id', '=', groupId)
    .where('removed_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Whether the member holds a running seat in the group. */
export async function holdsSeat(db: Executor, groupId: string, memberId: string): Promise<boolean> {
  const row = await db
    .selectFrom('group_seats')
    .select('id')
    .where('group_id', '=', groupId)
    .where('member_id', '=', memberId)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

async function seatInTransaction(
  trx: Executor,
  group: MemberGroupRow,
  memberId: string,
  by: MemberEventActor,
): Promise<SeatOutcome> {
  if (await holdsSeat(trx, group.id, memberId)) return 'already';
  if ((await runningSeats(trx, group.id)) >= Number(group.seats)) return 'full';
  await trx
    .insertInto('group_seats')
    .values({ id: newId(), group_id: group.id, member_id: memberId, joined_at: nowIso(), removed_at: null })
    .execute();
  await recordMemberEvent(trx, memberId, 'group-joined', by, { group: group.id, name: group.name });
  return 'taken';
}

/** The group row, locked against other seat-takers until the transaction ends (PostgreSQL; SQLite has one writer). */
export async function lockGroup(trx: Transaction<Database>, groupId: string): Promise<MemberGroupRow | undefined> {
  const query = trx.selectFrom('member_groups').selectAll().where('id', '=', groupId);
  return (isPostgres(trx) ? query.forUpdate() : query).executeTakeFirst();
}

/**
 * Gives the member a seat if one is free, counted and taken in the caller's transaction with the
 * group locked. A group not paid for yet is 'unknown'.
 */
export async function takeSeat(
  trx: Transaction<Database>,
  groupId: string,
  memberId: string,
  by: MemberEventActor = 'member',
): Promise<SeatOutcome> {
  const group = await lockGroup(trx, groupId);
  if (!group?.stripe_subscription_id) return 'unknown';
  return seatInTransaction(trx, group, memberId, by);
}

/** Ends the member's seat in the group (they read its tier no longer). False when they held none. */
export async function removeSeat(
  db: Kysely<Database>,
  groupId: string,
  memberId: string,
  /** Who ended it: the group's admin, or the member leaving. */
  by: 'admin' | 'member',
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const group = await findGroup(trx, groupId);
    if (!group) return false;
    const ended = await trx
      .updateTable('group_seats')
      .set({ removed_at: nowIso() })
      .where('group_id', '=', groupId)
      .where('member_id', '=', memberId)
      .where('removed_at', 'is', null)
      .executeTakeFirst();
    if (Number(ended.numUpdatedRows) === 0) return false;
    await recordMemberEvent(trx, memberId, 'group-left', 'member', { group: group.id, name: group.name, by });
    return true;
  });
}

/** An email domain as a group keeps it (lowercase, no "@"), or null when it is not one. */
export function parseEmailDomain(raw: string): string | null {
  const domain = raw.trim().toLowerCase().replace(/^@/, '');
  return /^(?=.{3,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(domain) ? domain : null;
}

/** Sets or clears (null) the domain whose addresses may join the group. */
export async function setGroupDomain(db: Executor, groupId: string, domain: string | null): Promise<void> {
  await db.updateTable('member_groups').set({ email_domain: domain }).where('id', '=', groupId).execute();
}

/** The domain part of an address, lowercase. */
export const domainOf = (email: string): string => email.slice(email.lastIndexOf('@') + 1).toLowerCase();
