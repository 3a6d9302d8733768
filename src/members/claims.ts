import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/** What a member may read: every member reads members' stories; "paid" also reads paid ones. */
export type AccessClass = 'member' | 'paid';

/**
 * The tiers whose chosen-tier stories a member reads: tier ids (opaque here: members does not know
 * billing's tiers), or 'every' tier for complimentary access (docs/decisions.md).
 */
export type ClaimTiers = readonly string[] | 'every';

/** What a member has: their access class and the tiers it covers (none for a free member). */
export interface MemberAccess {
  access: AccessClass;
  tiers: ClaimTiers;
}

/**
 * What the member cookie says about its holder, signed so it can be believed without a query: who,
 * which session, what they may read, and until when this may be believed (then the session is
 * checked again in the database).
 */
export interface AccessClaim {
  memberId: string;
  sessionId: string;
  access: AccessClass;
  tiers: ClaimTiers;
  expiresAt: number;
}

/** How long a claim is believed before the session is checked again (a revoked session lasts at most this). */
export const CLAIM_TTL_MS = 10 * 60_000;

/**
 * The key that signs claims: made once per database and read by every process, so a cookie issued by
 * one process is believed by the others (inserted only if missing, then read: two processes starting
 * at once agree on the first one stored).
 */
export async function claimKey(db: Kysely<Database>): Promise<Buffer> {
  await db
    .insertInto('member_keys')
    .values({ name: 'claim', secret: randomBytes(32).toString('base64url') })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db.selectFrom('member_keys').select('secret').where('name', '=', 'claim').executeTakeFirstOrThrow();
  return Buffer.from(row.secret, 'base64url');
}

const signature = (key: Buffer, text: string): string => createHmac('sha256', key).update(text).digest('base64url');

// Tier ids are the application's UUIDs (no ',' or '|'); '*' stands for every tier.
const tiersText = (tiers: ClaimTiers): string => (tiers === 'every' ? '*' : tiers.join(','));
const tiersOf = (text: string): ClaimTiers => (text === '*' ? 'every' : text ? text.split(',') : []);

/** The cookie value: the session token (to check the session again), then the claim and its signature. */
export function sealClaim(key: Buffer, sessionToken: string, claim: AccessClaim): string {
  const payload = Buffer.from(
    `${claim.memberId}|${claim.sessionId}|${claim.access}|${claim.expiresAt}|${tiersText(claim.tiers)}`,
  ).toString('base64url');
  const signed = `${sessionToken}.${payload}`;
  return `${signed}.${signature(key, signed)}`;
}

/** The cookie's parts when its signature holds; null for anything tampered with or malformed. */
export function openClaim(key: Buffer, value: string): { sessionToken: string; claim: AccessClaim } | null {
  const parts = value.split('.');
  if (parts.length !== 3) return null;
  const [sessionToken, payload, mac] = parts as [string, string, string];
  const expected = Buffer.from(signature(key, `${sessionToken}.${payload}`));
  const actual = Buffer.from(mac);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
  const [memberId, sessionId, access, expiresAt, tiers] = Buffer.from(payload, 'base64url').toString().split('|');
  if (!memberId || !sessionId || (access !== 'member' && access !== 'paid')) return null;
  // A claim signed before claims named tiers is believed no longer: it is checked again (expiresAt 0).
  const when = tiers === undefined ? 0 : Number(expiresAt);
  return { sessionToken, claim: { memberId, sessionId, access, tiers: tiersOf(tiers ?? ''), expiresAt: when } };
}
