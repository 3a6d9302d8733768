import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { ANONYMOUS, type Viewer } from '../content/access.ts';
import type { Database } from '../db/schema.ts';
import type { AccessChanges } from './access-changes.ts';
import { type AccessClaim, CLAIM_TTL_MS, openClaim } from './claims.ts';
import { MEMBER_SESSION_TTL_MS, renewClaim } from './sessions.service.ts';

/** The member cookie: a session token with a signed access claim (claims.ts). */
export const MEMBER_COOKIE = 'gaceta_member';

/** The member cookie's attributes: every reader page reads it, scripts never do. */
export const memberCookieOptions = (secure: boolean) =>
  ({ path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: MEMBER_SESSION_TTL_MS / 1000 }) as const;

/** The raw value of one cookie, read from the header without a cookie plugin (reader pages have none). */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

const viewerFrom = (claim: AccessClaim): Viewer => ({
  kind: 'member',
  memberId: claim.memberId,
  paid: claim.access === 'paid',
  tierIds: claim.access === 'paid' ? claim.tiers : [],
});

/**
 * Cookies whose signature was checked, with what they said: a reader's next pages skip the HMAC
 * (4 µs, a tenth of serving a cached page). Only cookies that passed the check are kept, so no one
 * can fill it with forgeries; bounded all the same, and emptied when full (the next page of each
 * reader checks once more).
 */
const OPENED_CAPACITY = 10_000;

function openedClaims(key: Buffer) {
  const opened = new Map<string, NonNullable<ReturnType<typeof openClaim>>>();
  return (value: string): ReturnType<typeof openClaim> => {
    const known = opened.get(value);
    if (known) return known;
    const fresh = openClaim(key, value);
    if (fresh) {
      if (opened.size >= OPENED_CAPACITY) opened.clear();
      opened.set(value, fresh);
    }
    return fresh;
  };
}

/**
 * Who is reading, for reader pages. A signed, unexpired claim is believed without a query unless the
 * member's access changed since it was issued; an expired or outdated one is checked against its
 * session once and the cookie re-issued (or cleared when the session was ended); anything unsigned or
 * tampered with is anonymous.
 */
export function memberIdentity(db: Kysely<Database>, key: Buffer, secureCookies: boolean, changes: AccessChanges) {
  const setCookie = (value: string, maxAge: number): string =>
    `${MEMBER_COOKIE}=${value}; Path=/; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${secureCookies ? '; Secure' : ''}`;
  const open = openedClaims(key);
  return {
    viewerOf(request: FastifyRequest, reply: FastifyReply): Viewer | Promise<Viewer> {
      const value = cookieValue(request.headers.cookie, MEMBER_COOKIE);
      if (!value) return ANONYMOUS;
      const opened = open(value);
      if (!opened) return ANONYMOUS;
      const { claim } = opened;
      const current =
        claim.expiresAt > Date.now() && !changes.changedSince(claim.memberId, claim.expiresAt - CLAIM_TTL_MS);
      if (current) return viewerFrom(claim);
      return renewClaim(db, key, opened.sessionToken).then((renewed) => {
        if (!renewed) {
          reply.header('set-cookie', setCookie('', 0));
          return ANONYMOUS;
        }
        reply.header('set-cookie', setCookie(renewed.cookie, MEMBER_SESSION_TTL_MS / 1000));
        return viewerFrom(renewed.claim);
      });
    },
  };
}

export type MemberIdentity = ReturnType<typeof memberIdentity>;
