import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { newId, nowIso } from '../db/ids.ts';
import { groupInviteMail } from '../mail/group-invite.mail.ts';
import type { Outbox } from '../mail/mailer.ts';
import type { SiteSettings } from '../settings/settings.ts';
import { hashSecret, newSecret } from '../staff/secrets.ts';
import type { GroupInviteRow, MemberGroupRow } from './groups.table.ts';
import { findGroup, holdsSeat, type SeatOutcome, takeSeat } from './groups.service.ts';
import { findMemberByEmail, parseEmail } from './members.service.ts';

/**
 * Invitations to a group's seats: one emailed link per address, its token stored hashed, working once
 * for 14 days. An invite names an address and only the member signed in with that address accepts it
 * (a forwarded link does not give a paid seat away); opening it signed out leads through sign-in, or
 * sign-up even when the site's sign-up is closed (the invitation is the admission).
 */

export const INVITE_TTL_MS = 14 * 86_400_000;
/** Addresses one form may invite at once: a larger list is an import, not a form. */
export const INVITES_PER_FORM = 100;
/** An address already invited within this window is not mailed again (a double-click sends one mail). */
const RESEND_AFTER_MS = 10 * 60_000;

/**
 * Invitations a group may mail in a day: three per seat (people decline, addresses are mistyped), at
 * least ten. Every invite made counts, withdrawn or not, since its mail went out: a group's form
 * must not become a way to mail strangers from the site's address.
 */
export const invitesPerDay = (seats: number): number => Math.max(10, seats * 3);

/** How many more invitations the group may send before its day's allowance is used. */
export async function invitesLeftToday(db: Kysely<Database>, group: MemberGroupRow, now = Date.now()): Promise<number> {
  const row = await db
    .selectFrom('group_invites')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('group_id', '=', group.id)
    .where('created_at', '>', new Date(now - 86_400_000).toISOString())
    .executeTakeFirst();
  return Math.max(0, invitesPerDay(Number(group.seats)) - Number(row?.n ?? 0));
}

export interface InviteDeps {
  db: Kysely<Database>;
  outbox: Outbox;
  publicUrl: string;
}

/** What an invite form did with each address typed. */
export interface InviteResult {
  invited: string[];
  invalid: string[];
  alreadyMembers: string[];
}

/** The addresses of a form field: separated by commas, semicolons, spaces or new lines. */
export const addressesOf = (raw: string): string[] =>
  [...new Set(raw.split(/[\s,;]+/).filter(Boolean))].slice(0, INVITES_PER_FORM + 1);

/** Invites each address to the group: a mail with a link for each valid one not already seated. */
export async function inviteToGroup(
  deps: InviteDeps,
  settings: SiteSettings,
  group: MemberGroupRow,
  raw: string,
): Promise<InviteResult> {
  const result: InviteResult = { invited: [], invalid: [], alreadyMembers: [] };
  const seen = new Set<string>();
  for (const typed of addressesOf(raw)) {
    const address = parseEmail(typed);
    if (!address) {
      result.invalid.push(typed);
      continue;
    }
    if (seen.has(address.normalized)) continue;
    seen.add(address.normalized);
    const member = await findMemberByEmail(deps.db, address.normalized);
    if (member && (await holdsSeat(deps.db, group.id, member.id))) {
      result.alreadyMembers.push(address.email);
      continue;
    }
    result.invited.push(address.email);
    if (await recentlyInvited(deps.db, group.id, address.normalized)) continue;
    const token = newSecret();
    const now = Date.now();
    await deps.db
      .insertInto('group_invites')
      .values({
        id: newId(),
        group_id: group.id,
        email_normalized: address.normalized,
        email: address.email,
        token_hash: hashSecret(token),
        created_at: new Date(now).toISOString(),
        expires_at: new Date(now + INVITE_TTL_MS).toISOString(),
        accepted_at: null,
        revoked_at: null,
      })
      .execute();
    void deps.outbox.deliver({
      to: address.email,
      ...groupInviteMail({
        locale: member?.locale ?? settings.locale,
        site: settings.title,
        group: group.name,
        tier: group.tier_name,
        link: `${deps.publicUrl}/groups/join/${token}`,
      }),
    });
  }
  return result;
}

async function recentlyInvited(db: Kysely<Database>, groupId: string, normalized: string): Promise<boolean> {
  const row = await db
    .selectFrom('group_invites')
    .select('id')
    .where('group_id', '=', groupId)
    .where('email_normalized', '=', normalized)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('created_at', '>', new Date(Date.now() - RESEND_AFTER_MS).toISOString())
    .executeTakeFirst();
  return row !== undefined;
}

/** An invite that can still be accepted, with its group; or why it cannot. */
export type InviteState =
  | { status: 'open'; invite: GroupInviteRow; group: MemberGroupRow }
  | { status: 'expired' | 'used' | 'revoked' | 'unknown' };

function stateOf(invite: GroupInviteRow | undefined, now: string): InviteState['status'] {
  if (!invite) return 'unknown';
  if (invite.revoked_at) return 'revoked';
  if (invite.accepted_at) return 'used';
  return invite.expires_at <= now ? 'expired' : 'open';
}

/** The invite a link's token stands for, and whether it still works. */
export async function inviteByToken(db: Kysely<Database> | Transaction<Database>, token: string): Promise<InviteState> {
  const invite = await db
    .selectFrom('group_invites')
    .selectAll()
    .where('token_hash', '=', hashSecret(token))
    .executeTakeFirst();
  const status = stateOf(invite, nowIso());
  const group = invite && status === 'open' ? await findGroup(db, invite.group_id) : undefined;
  if (!invite || !group || status !== 'open') return { status: status === 'open' ? 'unknown' : status };
  return { status: 'open', invite, group };
}

/** What accepting did: a seat taken (or already held), no seat free, or the invite not (any longer) working. */
export type AcceptOutcome =
  | { status: SeatOutcome; group: MemberGroupRow }
  | { status: 'wrong-member'; email: string }
  | { status: 'expired' | 'used' | 'revoked' | 'unknown' };

/**
 * Accepts an invite for a signed-in member whose address is the invited one: a seat when one is free
 * (the invite is spent), nothing when the group is full (the invite still works once a seat frees).
 */
export async function acceptInvite(
  db: Kysely<Database>,
  token: string,
  member: { id: string; email: string },
): Promise<AcceptOutcome> {
  return db.transaction().execute(async (trx) => {
    const state = await inviteByToken(trx, token);
    if (state.status !== 'open') return state;
    if (state.invite.email_normalized !== member.email.toLowerCase())
      return { status: 'wrong-member', email: state.invite.email };
    const outcome = await takeSeat(trx, state.group.id, member.id);
    if (outcome === 'taken' || outcome === 'already') {
      // Spent with a condition: of two racing acceptances of one link, one spends it.
      const spent = await trx
        .updateTable('group_invites')
        .set({ accepted_at: nowIso() })
        .where('id', '=', state.invite.id)
        .where('accepted_at', 'is', null)
        .executeTakeFirst();
      if (Number(spent.numUpdatedRows) === 0) throw new Error('invite spent twice');
    }
    return { status: outcome, group: state.group };
  });
}

/** Whether this sign-up is for the address an open invite names (so it is let in when sign-up is closed). */
export async function invitationAdmits(db: Kysely<Database>, from: string, normalized: string): Promise<boolean> {
  const token = /^\/groups\/join\/([A-Za-z0-9_-]{20,100})$/.exec(from)?.[1];
  if (!token) return false;
  const state = await inviteByToken(db, token);
  return state.status === 'open' && state.invite.email_normalized === normalized;
}

/** The group's invites not yet accepted, revoked or expired, newest first. */
export async function pendingInvites(db: Kysely<Database>, groupId: string): Promise<GroupInviteRow[]> {
  return db
    .selectFrom('group_invites')
    .selectAll()
    .where('group_id', '=', groupId)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', nowIso())
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** Revokes one of the group's pending invites; false when there is no such pending invite. */
export async function revokeInvite(db: Kysely<Database>, groupId: string, inviteId: string): Promise<boolean> {
  const done = await db
    .updateTable('group_invites')
    .set({ revoked_at: nowIso() })
    .where('id', '=', inviteId)
    .where('group_id', '=', groupId)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(done.numUpdatedRows) > 0;
}
