import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { newId, nowIso } from '../db/ids.ts';
import { hashSecret, newSecret } from '../staff/secrets.ts';
import { memberAccessOf } from './access.ts';
import { type AccessClaim, CLAIM_TTL_MS, sealClaim } from './claims.ts';

export const MEMBER_SESSION_TTL_MS = 30 * 24 * 3600_000;

/** A member cookie's value and what it says. */
export interface IssuedClaim {
  cookie: string;
  claim: AccessClaim;
}

async function issue(db: Kysely<Database>, key: Buffer, token: string, memberId: string, sessionId: string) {
  // Stamped before access is read, so a change committed after the read is announced after this
  // time and makes the claim be checked again (access-changes.ts).
  const issuedAt = Date.now();
  const { access, tiers } = await memberAccessOf(db, memberId);
  const claim: AccessClaim = { memberId, sessionId, access, tiers, expiresAt: issuedAt + CLAIM_TTL_MS };
  return { cookie: sealClaim(key, token, claim), claim };
}

/** A new session for a member who proved their address; a fresh token every sign-in (rotation). */
export async function startMemberSession(db: Kysely<Database>, key: Buffer, memberId: string): Promise<IssuedClaim> {
  const token = newSecret();
  const id = newId();
  const now = Date.now();
  await db
    .insertInto('member_sessions')
    .values({
      id,
      token_hash: hashSecret(token),
      member_id: memberId,
      created_at: new Date(now).toISOString(),
      expires_at: new Date(now + MEMBER_SESSION_TTL_MS).toISOString(),
      revoked_at: null,
    })
    .execute();
  return issue(db, key, token, memberId, id);
}

/** The session behind a token when it still stands (not expired, not revoked). */
async function liveSession(db: Kysely<Database>, token: string) {
  return db
    .selectFrom('member_sessions')
    .select(['id', 'member_id'])
    .where('token_hash', '=', hashSecret(token))
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', nowIso())
    .executeTakeFirst();
}

/** A new claim for a session whose claim expired: null when the session was ended meanwhile. */
export async function renewClaim(db: Kysely<Database>, key: Buffer, token: string): Promise<IssuedClaim | null> {
  const session = await liveSession(db, token);
  return session ? issue(db, key, token, session.member_id, session.id) : null;
}

/** Who holds this session token, checked in the database (the account pages act on it). */
export async function memberOfSession(
  db: Kysely<Database>,
  token: string,
): Promise<{ memberId: string; sessionId: string } | null> {
  const session = await liveSession(db, token);
  return session ? { memberId: session.member_id, sessionId: session.id } : null;
}

/** Signs out this browser. */
export async function endMemberSession(db: Kysely<Database>, sessionId: string): Promise<void> {
  await db.updateTable('member_sessions').set({ revoked_at: nowIso() }).where('id', '=', sessionId).execute();
}

/** Signs out every browser of a member; their claims stop being believed within CLAIM_TTL_MS. */
export async function endEverySessionOf(db: Kysely<Database>, memberId: string): Promise<void> {
  await db
    .updateTable('member_sessions')
    .set({ revoked_at: nowIso() })
    .where('member_id', '=', memberId)
    .where('revoked_at', 'is', null)
    .execute();
}
