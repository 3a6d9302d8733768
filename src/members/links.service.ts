import { randomInt } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { nowIso } from '../db/ids.ts';
import type { Locale } from '../i18n/i18n.ts';
import { memberLinkMail } from '../mail/member-link.mail.ts';
import type { Outbox } from '../mail/mailer.ts';
import type { SiteSettings } from '../settings/settings.ts';
import { hashSecret, matchesHash, newSecret } from '../staff/secrets.ts';
import { ensureMember, findMember, findMemberByEmail } from './members.service.ts';
import { recordMemberEvent } from './history.ts';
import type { MemberLinkPurpose, MemberLinkRow } from './members.table.ts';

export interface MemberLinkDeps {
  db: Kysely<Database>;
  outbox: Outbox;
  publicUrl: string;
}

export const LINK_TTL_MS = 30 * 60_000;
/** Mail scanners open links before the reader: a link works this many times within the window after its first use. */
export const LINK_USES = 5;
export const LINK_REUSE_WINDOW_MS = 10 * 60_000;
/** Links one address is sent per quarter hour; more requests get the same answer and no mail (its owner has the earlier ones). */
export const LINKS_PER_ADDRESS = 5;
const ADDRESS_WINDOW_MS = 15 * 60_000;
/** Wrong codes before a link dies: six digits are a million guesses, five tries are not enough to find one. */
const CODE_ATTEMPTS = 5;

/** A link that does not work, and why; `email` lets the page offer a new link to the same address. */
export type LinkOutcome =
  | { status: 'valid'; purpose: MemberLinkPurpose; memberId: string; attribution: string | null }
  | { status: 'expired' | 'used' | 'unknown'; email?: string };

// A code is hashed with its link's token hash, so equal codes of two links do not hash alike.
const codeHash = (tokenHash: string, code: string): string => hashSecret(`${tokenHash}:${code}`);

/** Sends a link and code for a purpose; nothing when the address was sent enough lately. */
async function sendLink(
  deps: MemberLinkDeps,
  settings: SiteSettings,
  input: {
    purpose: MemberLinkPurpose;
    email: string;
    normalized: string;
    memberId: string | null;
    locale: Locale | null;
    name?: string;
    attribution?: string | null;
  },
): Promise<void> {
  const since = new Date(Date.now() - ADDRESS_WINDOW_MS).toISOString();
  const recent = await deps.db
    .selectFrom('member_links')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('email_normalized', '=', input.normalized)
    .where('created_at', '>', since)
    .executeTakeFirstOrThrow();
  if (Number(recent.n) >= LINKS_PER_ADDRESS) return;
  const token = newSecret();
  const tokenHash = hashSecret(token);
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const now = Date.now();
  await deps.db
    .insertInto('member_links')
    .values({
      token_hash: tokenHash,
      code_hash: codeHash(tokenHash, code),
      purpose: input.purpose,
      email_normalized: input.normalized,
      email: input.email,
      member_id: input.memberId,
      name: input.name ?? '',
      attribution: input.attribution ?? null,
      created_at: new Date(now).toISOString(),
      expires_at: new Date(now + LINK_TTL_MS).toISOString(),
      first_used_at: null,
      uses: 0,
      code_attempts: 0,
      dead_at: null,
    })
    .execute();
  const path = input.purpose === 'email-change' ? '/account/email/confirm' : '/signin/link';
  void deps.outbox.deliver({
    to: input.email,
    ...memberLinkMail({
      locale: input.locale ?? settings.locale,
      site: settings.title,
      kind: input.purpose,
      link: `${deps.publicUrl}${path}?token=${token}`,
      code,
    }),
  });
}

/**
 * A reader asks to sign in or up. Whoever asks learns nothing: a member is sent a sign-in link, a
 * stranger a sign-up link when sign-up is open (or a group invited the address), and otherwise no one is sent anything, with the same
 * answer (and the mail leaves in the background, so the time taken does not tell either).
 * `invited` is a reader holding an invitation another domain checked (a gift's redeem link): they
 * may sign up whatever the sign-up setting. Either link brings the reader back to `attribution`.
 */
export async function requestSignIn(
  deps: MemberLinkDeps,
  settings: SiteSettings,
  input: { email: string; normalized: string; name: string; attribution: string | null; invited?: boolean },
): Promise<void> {
  const member = await findMemberByEmail(deps.db, input.normalized);
  if (member)
    return sendLink(deps, settings, {
      purpose: 'sign-in',
      email: member.email,
      normalized: member.email_normalized,
      memberId: member.id,
      locale: member.locale,
      // Where the link brings the member back to (the page that asked them to sign in).
      attribution: input.attribution,
    });
  if (settings.memberSignup !== 'open' && !input.invited) return;
  const { invited: _invited, ...asked } = input;
  await sendLink(deps, settings, {
    purpose: 'sign-up',
    ...asked,
    memberId: null,
    locale: null,
  });
}

/** A signed-in member asks to move their account to a new address: the link goes there. Taken addresses get nothing. */
export async function requestEmailChange(
  deps: MemberLinkDeps,
  settings: SiteSettings,
  memberId: string,
  address: { email: string; normalized: string },
): Promise<void> {
  const member = await findMember(deps.db, memberId);
  if (!member || (await findMemberByEmail(deps.db, address.normalized))) return;
  await sendLink(deps, settings, { purpose: 'email-change', ...address, memberId, locale: member.locale });
}

function linkState(row: MemberLinkRow, now: string): 'valid' | 'expired' | 'used' {
  if (row.dead_at) return 'used';
  if (row.first_used_at) {
    const windowEnds = new Date(Date.parse(row.first_used_at) + LINK_REUSE_WINDOW_MS).toISOString();
    if (row.uses >= LINK_USES || windowEnds <= now) return 'used';
  }
  return row.expires_at <= now ? 'expired' : 'valid';
}

/** What a working link does on use: makes the member of a sign-up, moves an address; then who it is for. */
async function carryOut(trx: Transaction<Database>, row: MemberLinkRow): Promise<LinkOutcome> {
  if (row.purpose === 'email-change') {
    if (!row.member_id || (await findMemberByEmail(trx, row.email_normalized))) return { status: 'used' };
    await trx
      .updateTable('members')
      .set({ email: row.email, email_normalized: row.email_normalized })
      .where('id', '=', row.member_id)
      .execute();
    await recordMemberEvent(trx, row.member_id, 'email-changed', 'member');
    return { status: 'valid', purpose: row.purpose, memberId: row.member_id, attribution: null };
  }
  const memberId =
    row.member_id ??
    (
      await ensureMember(trx, {
        email: row.email,
        normalized: row.email_normalized,
        name: row.name,
        // A group invitation's address holds its token: the member came from "/groups/join", no more.
        attribution: row.attribution?.startsWith('/groups/join/') ? '/groups/join' : row.attribution,
      })
    ).id;
  if (!row.member_id)
    await trx
      .updateTable('member_links')
      .set({ member_id: memberId })
      .where('token_hash', '=', row.token_hash)
      .execute();
  return { status: 'valid', purpose: row.purpose, memberId, attribution: row.attribution };
}

/**
 * Follows an emailed link, in whatever browser it was opened: the token is the proof. The first use
 * starts a short window in which a few more uses work (a mail scanner's visit must not spend it).
 */
export async function followLink(
  db: Kysely<Database>,
  token: string,
  purposes: MemberLinkPurpose[],
): Promise<LinkOutcome> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('member_links')
      .selectAll()
      .where('token_hash', '=', hashSecret(token))
      .executeTakeFirst();
    if (!row || !purposes.includes(row.purpose)) return { status: 'unknown' };
    const now = nowIso();
    const state = linkState(row, now);
    if (state !== 'valid') return { status: state, email: row.email };
    // Counted with a condition, so racing clicks cannot use it more than LINK_USES times.
    const counted = await trx
      .updateTable('member_links')
      .set((eb) => ({ uses: eb('uses', '+', 1), first_used_at: row.first_used_at ?? now }))
      .where('token_hash', '=', row.token_hash)
      .where('uses', '=', row.uses)
      .executeTakeFirst();
    if (Number(counted.numUpdatedRows) === 0) return { status: 'used', email: row.email };
    return carryOut(trx, row);
  });
}

/**
 * The code from the mail, typed on the page where the reader asked (for mail apps that open links in
 * another browser). It is checked against the newest link sent to the address; a right code spends
 * the link, five wrong ones kill it.
 */
export async function enterCode(db: Kysely<Database>, normalized: string, code: string): Promise<LinkOutcome> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('member_links')
      .selectAll()
      .where('email_normalized', '=', normalized)
      .where('purpose', 'in', ['sign-in', 'sign-up'])
      .orderBy('created_at', 'desc')
      .executeTakeFirst();
    if (!row) return { status: 'unknown' };
    const now = nowIso();
    const state = linkState(row, now);
    if (state !== 'valid') return { status: state, email: row.email };
    const right = /^\d{6}$/.test(code) && matchesHash(`${row.token_hash}:${code}`, row.code_hash);
    if (!right) {
      await trx
        .updateTable('member_links')
        .set((eb) => ({
          code_attempts: eb('code_attempts', '+', 1),
          ...(row.code_attempts + 1 >= CODE_ATTEMPTS ? { dead_at: now } : {}),
        }))
        .where('token_hash', '=', row.token_hash)
        .execute();
      return { status: 'unknown', email: row.email };
    }
    const spent = await trx
      .updateTable('member_links')
      .set({ dead_at: now, first_used_at: row.first_used_at ?? now })
      .where('token_hash', '=', row.token_hash)
      .where('dead_at', 'is', null)
      .executeTakeFirst();
    if (Number(spent.numUpdatedRows) === 0) return { status: 'used', email: row.email };
    return carryOut(trx, row);
  });
}
