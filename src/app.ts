import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Config } from './config.ts';
import type { Database } from './db/schema.ts';
import { findRedirect } from './content/redirects.service.ts';
import { registerMediaRoutes } from './media/media.routes.ts';
import type { MediaStorage } from './media/storage.ts';
import { registerArchiveRoutes } from './site/archive.routes.ts';
import { registerFeedRoutes } from './site/feeds.routes.ts';
import { registerIconRoutes } from './site/icons.routes.ts';
import { registerPageRoutes } from './site/pages.routes.ts';
import { registerPreviewRoutes } from './site/preview.routes.ts';
import { registerPricingRoutes } from './site/pricing.routes.ts';
import { HTML } from './site/serve-page.ts';
import { siteContextLoader, type SiteContext } from './site/site-context.ts';
import type { SiteDeps } from './site/site.deps.ts';
import { registerSitemapRoutes } from './site/sitemaps.routes.ts';
import { errorPage, type ReaderErrorKind } from './site/views/pages.ts';
import { registerAdminApi } from './admin/admin.plugin.ts';
import { registerCheckoutRoutes } from './billing/checkout.routes.ts';
import { registerContributionRoutes } from './billing/contributions.routes.ts';
import { registerGiftRoutes } from './billing/gifts.routes.ts';
import { giftDataOf, giftsGivenBy, giftsWaitingForMember } from './billing/gift-redemption.ts';
import { registerGroupCheckoutRoutes } from './billing/group-checkout.routes.ts';
import { registerOfferPageRoutes } from './billing/offers.routes.ts';
import { stripeCustomerOf } from './billing/customers.ts';
import { stripeClient, stripeHostedOrigins } from './billing/stripe-client.ts';
import { registerStripeWebhooks } from './billing/webhooks.routes.ts';
import { registerWebApp } from './admin/app.routes.ts';
import { translator } from './i18n/i18n.ts';
import { AppError } from './http/errors.ts';
import { html } from './http/html.ts';
import { Invalidation } from './http/invalidation.ts';
import { PageCache } from './http/page-cache.ts';
import { lazyRequestLoggers } from './http/request-logger.ts';
import { typed } from './http/typed-fastify.ts';
import { mailerFor } from './mail/configured-mailer.ts';
import { claimKey } from './members/claims.ts';
import { AccessChanges } from './members/access-changes.ts';
import { memberIdentity } from './members/identity.ts';
import { registerMemberPages } from './members/members.plugin.ts';
import { type Mailer, Outbox } from './mail/mailer.ts';

export interface AppDeps {
  config: Config;
  db: Kysely<Database>;
  storage: MediaStorage;
  invalidation?: Invalidation;
  logger?: boolean;
  /** Where the log goes instead of standard output (tests read it). */
  logStream?: { write(line: string): void };
  /** How mail leaves; by default SMTP_URL's server, or the log without one. */
  mailer?: Mailer;
  /** The time now for what counts by the calendar (the paywall's meter); tests move it, else Date.now. */
  now?: () => number;
}

export interface GacetaApp {
  app: FastifyInstance;
  invalidation: Invalidation;
  cache: PageCache;
  /** Mail on its way (tests wait for it with settled()). */
  outbox: Outbox;
}

// Reader pages run no scripts of their own; embeds may frame https pages (the sanitizer limits which).
const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self'; img-src 'self' data: https:; frame-src https:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'SAMEORIGIN',
};

const isAdminApi = (request: FastifyRequest): boolean => request.url.startsWith('/admin/api');

async function sendReaderError(
  reply: FastifyReply,
  site: () => Promise<SiteContext>,
  status: number,
  kind: ReaderErrorKind,
  path: string,
): Promise<FastifyReply> {
  let body: string;
  try {
    body = errorPage(kind, await site(), path);
  } catch {
    // Without the site context (the database is unreachable) there is no locale setting: English.
    const { t } = translator('en', 'UTC');
    body =
      html`<!DOCTYPE html><html lang="en"><title>${t('error.title')}</title><h1>${t('error.title')}</h1><p>${t('error.body')}</p></html>`.toString();
  }
  return reply.code(status).type(HTML).header('cache-control', 'no-store').send(body);
}

/** Builds the whole HTTP application with no side effects at import time; tests call app.inject(). */
export async function buildApp(deps: AppDeps): Promise<GacetaApp> {
  const { config, db } = deps;
  const invalidation = deps.invalidation ?? new Invalidation();
  const cache = new PageCache({
    enabled: config.pageCache,
    capacity: config.pageCacheEntries,
    ttlMs: config.pageCacheTtlMs,
    invalidation,
  });
  const siteContext = siteContextLoader(db, config.publicUrl, invalidation, config.pageCacheTtlMs);
  const app = Fastify({
    logger:
      deps.logger === false ? false : { level: config.logLevel, ...(deps.logStream ? { stream: deps.logStream } : {}) },
    // Per-request loggers are made when a request first logs, not for every request (a cached page's cost).
    childLoggerFactory: lazyRequestLoggers,
    bodyLimit: 2 * 1024 * 1024,
    trustProxy: (_address: string, hop: number) => hop < config.trustedProxies,
    ajv: { customOptions: { allErrors: true, coerceTypes: false, removeAdditional: false } },
    // An address that cannot be decoded (a stray "%") is refused with the site's own page, not JSON.
    frameworkErrors: (error, request, rawReply) => {
      const reply = rawReply as FastifyReply;
      if (error.code !== 'FST_ERR_BAD_URL' || isAdminApi(request as FastifyRequest))
        return reply.code(400).send({ error: { code: 'VALIDATION_FAILED', message: error.message, fields: [] } });
      return sendReaderError(reply, siteContext, 400, 'notFound', '/');
    },
  });

  app.setErrorHandler(async (error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError || (error.statusCode && error.statusCode < 500)) {
      const status = error instanceof AppError ? error.status : (error.statusCode ?? 400);
      const code = error instanceof AppError ? error.code : error.validation ? 'VALIDATION_FAILED' : error.code;
      const fields =
        error instanceof AppError
          ? error.fields
          : (error.validation ?? []).map((v) => ({
              field: `${error.validationContext ?? ''}${v.instancePath || ''}${v.params && 'missingProperty' in v.params ? `/${String(v.params.missingProperty)}` : ''}`,
              message: v.message ?? 'invalid',
            }));
      if (isAdminApi(request) || status === 413 || status === 415) {
        const details = error instanceof AppError ? error.details : undefined;
        return reply
          .code(status)
          .send({ error: { code, message: error.message, fields, ...(details ? { details } : {}) } });
      }
      if (status === 404) return notFound(request, reply);
      if (status === 410) return sendReaderError(reply, siteContext, 410, 'gone', request.url);
      return sendReaderError(reply, siteContext, status, status === 400 ? 'badRequest' : 'error', request.url);
    }
    request.log.error({ err: error }, 'request failed');
    if (isAdminApi(request))
      return reply.code(500).send({ error: { code: 'INTERNAL', message: 'Internal error', fields: [] } });
    return sendReaderError(reply, siteContext, 500, 'error', request.url);
  });

  // A changed address answers 301 from the redirects table before anything is called missing.
  async function notFound(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
    const path = request.url.split('?')[0] ?? '/';
    const target = request.method === 'GET' || request.method === 'HEAD' ? await findRedirect(db, path) : undefined;
    if (target) return reply.redirect(target, 301);
    if (isAdminApi(request))
      return reply
        .code(404)
        .send({ error: { code: 'NOT_FOUND', message: `No route ${request.method} ${path}`, fields: [] } });
    return sendReaderError(reply, siteContext, 404, 'notFound', path);
  }
  app.setNotFoundHandler(notFound);

  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(SECURITY_HEADERS);
    done();
  });

  const outbox = new Outbox(deps.mailer ?? mailerFor(config, app.log), app.log);
  app.addHook('onClose', async () => {
    await outbox.settled();
    outbox.close();
  });

  const siteDeps: SiteDeps = { db, cache, siteContext, ...(deps.now ? { now: deps.now } : {}) };
  // Its own context: the cookie, multipart and rate-limit plugins' hooks run for the admin API only,
  // not for every reader page (a cached page's cost is mostly such per-request work).
  await app.register((admin) => registerAdminApi(admin, { config, db, storage: deps.storage, invalidation, outbox }));
  registerWebApp(typed(app), db, app.log, { uploadLimitBytes: config.uploadLimitBytes });
  // Reader pages learn who reads from the member cookie's signed claim, with no query (members/identity.ts);
  // the account pages, with their cookie, form and rate-limit hooks, live in a context of their own.
  const memberKey = await claimKey(db);
  app.decorate('readerIdentity', memberIdentity(db, memberKey, config.secureCookies, new AccessChanges(invalidation)));
  const stripe = stripeClient(config);
  // Billing's reader forms (/subscribe, /account/billing) share the member pages' context, and reach
  // members only through what registerMemberPages gives them; members learn of billing from app.ts.
  await app.register(async (members) => {
    const memberPages = await registerMemberPages(members, {
      config,
      db,
      outbox,
      siteContext,
      claimKey: memberKey,
      invalidation,
      billing: {
        hasAccount: async (memberId) => (await stripeCustomerOf(db, memberId)) !== null,
        formTargets: stripeHostedOrigins(config),
        giftsGiven: (memberId) => giftsGivenBy(db, memberId),
        giftsWaiting: async (memberId) => (await giftsWaitingForMember(db, memberId)).length,
        giftData: (memberId) => giftDataOf(db, memberId),
      },
    });
    registerCheckoutRoutes(typed(members), { ...memberPages, stripe });
    registerContributionRoutes(typed(members), { ...memberPages, stripe });
    registerGiftRoutes(typed(members), { ...memberPages, stripe });
    registerGroupCheckoutRoutes(typed(members), { ...memberPages, stripe });
    registerOfferPageRoutes(typed(members), { ...memberPages, stripe });
  });
  // Stripe's webhook reads its body as raw bytes (the signature covers them), in a context of its own.
  await app.register((webhooks) => registerStripeWebhooks(webhooks, { config, db, invalidation, outbox, stripe }));
  const reader = typed(app);
  registerMediaRoutes(reader, deps.storage);
  registerIconRoutes(reader, siteDeps);
  registerFeedRoutes(reader, siteDeps);
  registerSitemapRoutes(reader, siteDeps);
  registerArchiveRoutes(reader, siteDeps);
  registerPreviewRoutes(reader, siteDeps);
  registerPricingRoutes(reader, siteDeps, { subscriptionsOpen: config.stripeSecretKey !== undefined });
  registerPageRoutes(reader, siteDeps);
  return { app, invalidation, cache, outbox };
}
