import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { newId, nowIso } from '../db/ids.ts';
import type { Locale } from '../i18n/i18n.ts';
import { accessClassOf } from './access.ts';
import type { AccessClass } from './claims.ts';
import { groupsDataOf } from './group-overview.ts';
import { type MemberEventActor, memberHistory, recordMemberEvent } from './history.ts';
import type { MemberRow } from './members.table.ts';
import { memberPreferences } from './preferences.ts';

type Executor = Kysely<Database> | Transaction<Database>;

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * An address as typed (trimmed) and the form it is known by: lowercase, "+tags" kept (they are
 * part of the address; many readers use them to sort mail). Null when it is not an address.
 */
export function parseEmail(raw: string): { email: string; normalized: string } | null {
  const email = raw.trim();
  if (email.length > 320 || !EMAIL_PATTERN.test(email)) return null;
  return { email, normalized: email.toLowerCase() };
}

export async function findMemberByEmail(db: Executor, normalized: string): Promise<MemberRow | undefined> {
  return db.selectFrom('members').selectAll().where('email_normalized', '=', normalized).executeTakeFirst();
}

export async function findMember(db: Executor, id: string): Promise<MemberRow | undefined> {
  return db.selectFrom('members').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Makes a member, or gives the one that already has this address. */
export async function ensureMember(
  db: Executor,
  input: { email: string; normalized: string; name?: string; locale?: Locale | null; attribution?: string | null },
  /** Who made the account, for its history: the reader by default, or the staff member who invited them. */
  by: MemberEventActor = 'member',
): Promise<MemberRow> {
  const inserted = await db
    .insertInto('members')
    .values({
      id: newId(),
      email: input.email,
      email_normalized: input.normalized,
      name: input.name ?? '',
      locale: input.locale ?? null,
      created_at: nowIso(),
      attribution: input.attribution ?? null,
    })
    .onConflict((oc) => oc.column('email_normalized').doNothing())
    .executeTakeFirst();
  const member = await findMemberByEmail(db, input.normalized);
  if (!member) throw new Error(`member ${input.normalized} was not stored`);
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0)
    await recordMemberEvent(db, member.id, 'signed-up', by, input.attribution ? { from: input.attribution } : {});
  return member;
}

/** What the account page shows a member about themselves. */
export interface MemberAccount {
  id: string;
  email: string;
  name: string;
  since: string;
  access: AccessClass;
  /** The end of the latest running grant given by staff (or an import). */
  complimentaryUntil: string | null;
  /** The end of the latest running grant from a redeemed gift. */
  giftUntil: string | null;
}

export async function memberAccount(db: Kysely<Database>, memberId: string): Promise<MemberAccount | null> {
  const member = await findMember(db, memberId);
  if (!member) return null;
  const grants = await db
    .selectFrom('complimentary_access')
    .select(['ends_at', 'source'])
    .where('member_id', '=', memberId)
    .where('removed_at', 'is', null)
    .where('ends_at', '>', nowIso())
    .orderBy('ends_at', 'desc')
    .execute();
  return {
    id: member.id,
    email: member.email,
    name: member.name,
    since: member.created_at,
    access: await accessClassOf(db, memberId),
    complimentaryUntil: grants.find((grant) => grant.source !== 'gift')?.ends_at ?? null,
    giftUntil: grants.find((grant) => grant.source === 'gift')?.ends_at ?? null,
  };
}

export async function renameMember(db: Kysely<Database>, memberId: string, name: string): Promise<void> {
  await db
    .updateTable('members')
    .set({ name: name.trim().slice(0, 120) })
    .where('id', '=', memberId)
    .execute();
}

/** Everything Gaceta keeps about a member, for "download my data" (hashes of secrets left out). */
export async function memberData(db: Kysely<Database>, memberId: string): Promise<Record<string, unknown> | null> {
  const member = await findMember(db, memberId);
  if (!member) return null;
  const sessions = await db
    .selectFrom('member_sessions')
    .select(['created_at', 'expires_at', 'revoked_at'])
    .where('member_id', '=', memberId)
    .orderBy('created_at')
    .execute();
  const grants = await db
    .selectFrom('complimentary_access')
    .select(['created_at', 'ends_at', 'removed_at', 'note'])
    .where('member_id', '=', memberId)
    .orderBy('created_at')
    .execute();
  return {
    member: {
      email: member.email,
      name: member.name,
      locale: member.locale,
      createdAt: member.created_at,
      signedUpFrom: member.attribution,
    },
    sessions: sessions.map((s) => ({ createdAt: s.created_at, expiresAt: s.expires_at, endedAt: s.revoked_at })),
    complimentaryAccess: grants.map((g) => ({
      grantedAt: g.created_at,
      endsAt: g.ends_at,
      removedAt: g.removed_at,
      note: g.note,
    })),
    preferences: await memberPreferences(db, memberId),
    history: (await memberHistory(db, memberId, 10_000)).map(({ kind, detail, at }) => ({ kind, detail, at })),
    groups: await groupsDataOf(db, memberId),
  };
}

/** Deletes a member and, through the foreign keys, their sessions, links and grants. */
export async function deleteMember(db: Kysely<Database>, memberId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const table of [
      'member_sessions',
      'member_links',
      'complimentary_access',
      'member_events',
      'member_preferences',
    ] as const)
      await trx.deleteFrom(table).where('member_id', '=', memberId).execute();
    await trx.deleteFrom('members').where('id', '=', memberId).execute();
  });
}
