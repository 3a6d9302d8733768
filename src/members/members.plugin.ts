import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { AppError } from '../http/errors.ts';
import { typed } from '../http/typed-fastify.ts';
import { registerAccountRoutes } from './account.routes.ts';
import { openClaim } from './claims.ts';
import { formTokens } from './form-tokens.ts';
import { MEMBER_COOKIE, memberCookieOptions } from './identity.ts';
import { type MemberDeps, type MemberRouteDeps, sendPage } from './member-routes.ts';
import { messagePage } from './members.views.ts';
import { registerSignInRoutes } from './sign-in.routes.ts';
import { memberOfSession } from './sessions.service.ts';

export type { AccountBillingDeps, MemberDeps, MemberRouteDeps } from './member-routes.ts';

/**
 * Reader accounts' pages (/signin, /account…) in a Fastify context of their own: the cookie, form
 * and rate-limit hooks run for them only, never for the reader pages readers come for. Returns what
 * the routes share, so another domain's reader forms (billing's /subscribe) registered in the same
 * context read the signed-in member and check form tokens the one way members do.
 */
export async function registerMemberPages(app: FastifyInstance, deps: MemberDeps): Promise<MemberRouteDeps> {
  await app.register(cookie);
  // With Redis, every process counts a flood together; otherwise each counts its own.
  const redis = deps.config.redisUrl ? new Redis(deps.config.redisUrl, { maxRetriesPerRequest: 1 }) : undefined;
  if (redis)
    app.addHook('onClose', async () => {
      await redis.quit();
    });
  await app.register(rateLimit, {
    global: false,
    ...(redis ? { redis, nameSpace: `${deps.config.redisPrefix}member-rate:` } : {}),
  });
  // HTML forms post application/x-www-form-urlencoded; each field once.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 16 * 1024 },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body.toString()))),
  );
  const secure = deps.config.secureCookies;
  const routeDeps: MemberRouteDeps = {
    ...deps,
    forms: formTokens(deps.claimKey, secure),
    async signedIn(request) {
      const value = request.cookies[MEMBER_COOKIE];
      const opened = value ? openClaim(deps.claimKey, value) : null;
      return opened ? memberOfSession(deps.db, opened.sessionToken) : null;
    },
    setSession: (reply, issued) => void reply.setCookie(MEMBER_COOKIE, issued.cookie, memberCookieOptions(secure)),
    clearSession: (reply) => void reply.clearCookie(MEMBER_COOKIE, { path: '/' }),
    attempts: {
      rateLimit: {
        max: deps.config.signInAttemptsPerMinute,
        timeWindow: 60_000,
        errorResponseBuilder: () => new AppError('RATE_LIMITED', 'Too many requests; wait a minute.'),
      },
    },
  };
  // A flood is answered with a page in the site's language, not the generic error page.
  app.setErrorHandler(async (error, request, reply) => {
    if ((error as { code?: string }).code !== 'RATE_LIMITED') throw error;
    const site = await deps.siteContext();
    return sendPage(reply, 429, messagePage(site, 'member.slow.title', site.t.t('member.slow.body'), request.url));
  });
  const routes = typed(app);
  registerSignInRoutes(routes, routeDeps);
  registerAccountRoutes(routes, routeDeps);
  return routeDeps;
}
