import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { containsText } from '../db/text-search.ts';
import type { Actor } from '../staff/actor.ts';
import {
  type AccessMoment,
  accessMoment,
  complimentaryUntil,
  hasGivenComplimentary,
  hasGrantOnTier,
  hasGroupAccess,
  hasPaidAccess,
  hasSubscriptionAccess,
  latestGift,
} from './access-query.ts';
import { authorizeMembers } from './policy.ts';

/**
 * Who to list, by their access now: "paid" includes complimentary access and redeemed gifts
 * (access.ts); "complimentary" is access the newsroom gave, not a gift someone paid for.
 */
export type MemberStatus = 'free' | 'paid' | 'complimentary';

/** What the members screen narrows the list by. */
export interface MemberFilters {
  /** Part of the email address or name, in any case. */
  q?: string | undefined;
  status?: MemberStatus | undefined;
  /** Signed up at or after this instant (ISO 8601). */
  signedUpAfter?: string | undefined;
  /** Signed up before this instant (ISO 8601). */
  signedUpBefore?: string | undefined;
  /** A subscription, or a group seat, that gives access on this tier (its id). */
  tier?: string | undefined;
  /** A subscription that gives access, paid in this currency (ISO 4217). */
  currency?: string | undefined;
}

/** One member as the list and the CSV export show them. */
export interface MemberListItem {
  id: string;
  email: string;
  name: string;
  since: string;
  access: 'free' | 'paid';
  /** The end of the latest running complimentary access the newsroom gave (a gift's is `gift`). */
  complimentaryUntil: string | null;
  /** The redeemed gift that runs longest now: its tier (billing's id) and its end. */
  gift: { tierId: string; until: string } | null;
  signedUpFrom: string | null;
}

export const MEMBERS_PER_PAGE = 50;

/**
 * A tier (or currency) filter: a subscription that gives access on it, or, for a tier alone, a
 * gift's grant on that tier (a grant has no currency; staff grants on every tier are "complimentary").
 */
function onTier(eb: ExpressionBuilder<Database, 'members'>, moment: AccessMoment, filters: MemberFilters) {
  const subscribed = hasSubscriptionAccess(eb, moment, { tierId: filters.tier, currency: filters.currency });
  // A gift's grant and a group's seat read a tier in no currency of the reader's: only a tier filter finds them.
  return filters.tier && !filters.currency
    ? eb.or([
        subscribed,
        hasGrantOnTier(eb, moment.now, filters.tier),
        hasGroupAccess(eb, moment, { tierId: filters.tier }),
      ])
    : subscribed;
}

function narrowed(db: Kysely<Database>, filters: MemberFilters, moment: AccessMoment) {
  let query = db.selectFrom('members');
  const q = filters.q?.trim();
  if (q) query = query.where(containsText(['members.email', 'members.name'], q));
  if (filters.status === 'paid') query = query.where((eb) => hasPaidAccess(eb, moment));
  if (filters.status === 'free') query = query.where((eb) => eb.not(hasPaidAccess(eb, moment)));
  if (filters.status === 'complimentary') query = query.where((eb) => hasGivenComplimentary(eb, moment.now));
  if (filters.tier || filters.currency) query = query.where((eb) => onTier(eb, moment, filters));
  if (filters.signedUpAfter) query = query.where('members.created_at', '>=', filters.signedUpAfter);
  if (filters.signedUpBefore) query = query.where('members.created_at', '<', filters.signedUpBefore);
  return query;
}

function listed(db: Kysely<Database>, filters: MemberFilters, moment: AccessMoment) {
  return narrowed(db, filters, moment)
    .select((eb) => [
      latestGift(eb, moment.now).until.as('gift_until'),
      latestGift(eb, moment.now).tierId.as('gift_tier_id'),
      'members.id',
      'members.email',
      'members.name',
      'members.created_at',
      'members.attribution',
      complimentaryUntil(eb, moment.now).as('complimentary_until'),
      hasPaidAccess(eb, moment).as('paid'),
    ])
    .orderBy('members.created_at', 'desc')
    .orderBy('members.id', 'desc');
}

type Row = {
  id: string;
  email: string;
  name: string;
  created_at: string;
  attribution: string | null;
  complimentary_until: string | null;
  gift_until: string | null;
  gift_tier_id: string | null;
  paid: unknown;
};

const toItem = (row: Row): MemberListItem => ({
  id: row.id,
  email: row.email,
  name: row.name,
  since: row.created_at,
  // SQLite answers a condition as 0/1, PostgreSQL as a boolean.
  access: row.paid === true || Number(row.paid) === 1 ? 'paid' : 'free',
  complimentaryUntil: row.complimentary_until,
  gift: row.gift_until ? { tierId: row.gift_tier_id ?? '', until: row.gift_until } : null,
  signedUpFrom: row.attribution,
});

/** One page of the members who match, newest first, and how many match in all (editors and admins). */
export async function listMembers(
  db: Kysely<Database>,
  actor: Actor,
  filters: MemberFilters,
  page = 1,
): Promise<{ members: MemberListItem[]; total: number }> {
  authorizeMembers(actor, 'members.read');
  const moment = await accessMoment(db);
  const counted = await narrowed(db, filters, moment)
    .select((eb) => eb.fn.countAll<number | string>().as('total'))
    .executeTakeFirstOrThrow();
  const rows = await listed(db, filters, moment)
    .limit(MEMBERS_PER_PAGE)
    .offset((page - 1) * MEMBERS_PER_PAGE)
    .execute();
  return { members: rows.map(toItem), total: Number(counted.total) };
}

/** Every member who matches, newest first, a batch at a time (for the CSV export). */
export async function* allMembers(
  db: Kysely<Database>,
  actor: Actor,
  filters: MemberFilters,
): AsyncGenerator<MemberListItem[]> {
  authorizeMembers(actor, 'members.read');
  const moment = await accessMoment(db);
  const batch = 1000;
  for (let offset = 0; ; offset += batch) {
    const rows = await listed(db, filters, moment).limit(batch).offset(offset).execute();
    if (rows.length > 0) yield rows.map(toItem);
    if (rows.length < batch) return;
  }
}
