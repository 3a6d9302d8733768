import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import type { Database } from '../db/schema.ts';
import type { AppError } from '../http/errors.ts';
import type { Invalidation } from '../http/invalidation.ts';
import type { Outbox } from '../mail/mailer.ts';
import { HTML } from '../site/serve-page.ts';
import type { SiteContext } from '../site/site-context.ts';
import type { AccountGift } from './account-gifts.views.ts';
import type { FormTokens } from './form-tokens.ts';
import { messagePage } from './members.views.ts';
import type { IssuedClaim } from './sessions.service.ts';

/**
 * What the reader-account routes (members' own and billing's, registered in the member pages'
 * context) share: their dependencies and the small answers every one of them gives.
 */

export interface MemberDeps {
  config: Config;
  db: Kysely<Database>;
  outbox: Outbox;
  siteContext: () => Promise<SiteContext>;
  /** The key that signs member cookies' claims (claims.ts claimKey). */
  claimKey: Buffer;
  /** Carries "this member's access changed" to every process (access-changes.ts). */
  invalidation: Invalidation;
  /** What the account page needs of billing, given by app.ts (members never import billing). */
  billing?: AccountBillingDeps;
}

export interface AccountBillingDeps {
  /** Whether the member has a billing account (a Stripe customer): the page then offers "Manage billing". */
  hasAccount(memberId: string): Promise<boolean>;
  /** Where "Manage billing" leads (Stripe's portal), for the page's form-action policy. */
  formTargets: readonly string[];
  /** The gift subscriptions the member gave (billing's gifts). */
  giftsGiven?(memberId: string): Promise<AccountGift[]>;
  /** How many gifts addressed to the member's email wait to be redeemed. */
  giftsWaiting?(memberId: string): Promise<number>;
  /** The gifts the member gave and received, for "download my data". */
  giftData?(memberId: string): Promise<unknown>;
}

/** What the member routes share: their deps, form tokens, and the signed-in member of a request. */
export interface MemberRouteDeps extends MemberDeps {
  forms: FormTokens;
  /** The member whose session this request's cookie names, checked in the database. */
  signedIn(request: FastifyRequest): Promise<{ memberId: string; sessionId: string } | null>;
  setSession(reply: FastifyReply, issued: IssuedClaim): void;
  clearSession(reply: FastifyReply): void;
  /** The per-IP limit of routes that send mail or check codes. */
  attempts: { rateLimit: { max: number; timeWindow: number; errorResponseBuilder: () => AppError } };
}

/** A path on this site to come back to (and to record as where a reader signed up); anything else is none. */
export function localPath(raw: string | undefined): string {
  return raw && /^\/(?![/\\])[^\s]*$/.test(raw) && raw.length <= 500 ? raw : '';
}

/** Pages with a reader's own state or a form token: never kept by any cache. */
export function sendPage(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply.code(status).type(HTML).header('cache-control', 'no-store').send(body);
}

/** The answer to a form whose token is missing or not this browser's: nothing was done. */
export async function refuseForm(deps: MemberRouteDeps, request: FastifyRequest, reply: FastifyReply, path: string) {
  const site = await deps.siteContext();
  return sendPage(reply, 403, messagePage(site, 'member.form.title', site.t.t('member.form.body'), path));
}
