import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import type { FastifyInstance, FastifySchema, RouteOptions } from 'fastify';
import { Redis } from 'ioredis';
import { type AdminDeps, authenticateStaff, SESSION_COOKIE } from './auth.ts';
import { registerArticleRoutes } from './articles.routes.ts';
import { registerArticleRevisionRoutes } from './article-revisions.routes.ts';
import { registerArticleWorkflowRoutes } from './article-workflow.routes.ts';
import { registerPresenceRoutes } from './presence.routes.ts';
import { registerPreviewLinkRoutes } from './preview-links.routes.ts';
import { registerEmbedRoutes } from './embeds.routes.ts';
import { registerFrontPageRoutes } from './front-page.routes.ts';
import { registerMediaAdminRoutes } from './media.routes.ts';
import { registerAccountRoutes } from './account.routes.ts';
import { registerInvitationRoutes } from './invitations.routes.ts';
import { registerMemberAdminRoutes } from './members.routes.ts';
import { registerPasswordResetRoutes } from './password-reset.routes.ts';
import { registerSessionRoutes } from './session.routes.ts';
import { registerSiteAdminRoutes } from './site.routes.ts';
import { registerStaffRoutes } from './staff.routes.ts';
import { registerTaxonomyRoutes } from './taxonomy.routes.ts';
import { registerRevenueRoutes } from './revenue.routes.ts';
import { registerOfferRoutes } from './offers.routes.ts';
import { registerTierRoutes } from './tiers.routes.ts';
import { registerTwoFactorRoutes } from './two-factor.routes.ts';
import { errors } from './schemas.ts';
import { typed } from '../http/typed-fastify.ts';

// Routes a signed-out person may call: signing in, and following an emailed link.
const PUBLIC_ROUTES = new Set([
  'POST /admin/api/session',
  'POST /admin/api/session/two-factor',
  'GET /admin/api/openapi.json',
  'POST /admin/api/password-reset',
  'POST /admin/api/password-reset/check',
  'POST /admin/api/password-reset/complete',
  'POST /admin/api/invitations/check',
  'POST /admin/api/invitations/accept',
]);

/**
 * Documents the error answers every admin route can give, so the OpenAPI document lists what a
 * route really answers: 400 when it validates input, 401 and (for changes) 403 behind sign-in, 404
 * when it addresses something by id, 413 and 415 when it takes a body. Routes add their own (409…).
 */
function documentErrors(route: RouteOptions): void {
  const schema = route.schema as (FastifySchema & { hide?: boolean; response?: Record<number, unknown> }) | undefined;
  if (!schema || schema.hide) return;
  const method = Array.isArray(route.method) ? route.method[0] : route.method;
  const statuses: number[] = [];
  if (schema.body || schema.params || schema.querystring) statuses.push(400);
  if (!PUBLIC_ROUTES.has(`${method} ${route.url}`)) statuses.push(401);
  if (method !== 'GET' && !PUBLIC_ROUTES.has(`${method} ${route.url}`)) statuses.push(403);
  if (schema.params) statuses.push(404);
  if (schema.body) statuses.push(413, 415);
  route.schema = { ...schema, response: { ...errors(...statuses), ...schema.response } };
}

/** @fastify/swagger marks every body required; a route whose body may be left out says so with x-optional-body. */
function markOptionalBodies<D extends { paths?: object }>(document: D): D {
  for (const operations of Object.values(document.paths ?? {}))
    for (const operation of Object.values(operations ?? {}) as Array<Record<string, unknown> | undefined>) {
      if (typeof operation !== 'object' || !operation || !operation['x-optional-body']) continue;
      delete operation['x-optional-body'];
      (operation.requestBody as { required?: boolean }).required = false;
    }
  return document;
}

/** The staff JSON API under /admin/api, with its OpenAPI document generated from the route schemas. */
export async function registerAdminApi(app: FastifyInstance, deps: AdminDeps): Promise<void> {
  await app.register(cookie);
  // With Redis, every process counts sign-in attempts together; otherwise each counts its own.
  const redis = deps.config.redisUrl ? new Redis(deps.config.redisUrl, { maxRetriesPerRequest: 1 }) : undefined;
  if (redis)
    app.addHook('onClose', async () => {
      await redis.quit();
    });
  await app.register(rateLimit, {
    global: false,
    ...(redis ? { redis, nameSpace: `${deps.config.redisPrefix}rate:` } : {}),
  });
  await app.register(multipart, { limits: { fileSize: deps.config.uploadLimitBytes, files: 1, fields: 10 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Gaceta admin API',
        version: '1',
        description:
          'Create, edit, schedule and publish articles (conflict-safe: a change names the `version` it was made on as `baseVersion`), submit them for edit, keep and restore revisions, share preview links, move them to the trash; manage sections, tags, labels, authors, pages, redirects, the pinned stories of the home page, media, staff and settings; the tiers readers join and their prices.',
      },
      components: {
        securitySchemes: {
          apiKey: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
        },
      },
      security: [{ apiKey: [] }, { session: [] }],
    },
    transform: ({ schema, url }) => ({
      schema: url.startsWith('/admin/api') ? schema : { ...schema, hide: true },
      url,
    }),
    transformObject: (document) => ('openapiObject' in document ? markOptionalBodies(document.openapiObject) : {}),
  });
  app.decorateRequest('staff', null);

  await app.register(
    async (api) => {
      api.addHook('onRequest', async (request) => {
        const route = `${request.method} ${request.routeOptions.url ?? ''}`;
        if (!PUBLIC_ROUTES.has(route)) await authenticateStaff(request, deps.db, route);
      });
      // An empty JSON body is no body (clients send Content-Type: application/json on a bare POST);
      // anything else goes through Fastify's own parser and its prototype-poisoning checks.
      const parseJson = api.getDefaultJsonParser('error', 'error');
      api.removeContentTypeParser('application/json');
      api.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
        const text = body.toString();
        if (text === '') return done(null, undefined);
        return parseJson(request, text, done);
      });
      api.addHook('onRoute', documentErrors);
      api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
      const routes = typed(api);
      registerSessionRoutes(routes, deps);
      registerPasswordResetRoutes(routes, deps);
      registerArticleRoutes(routes, deps);
      registerArticleWorkflowRoutes(routes, deps);
      registerArticleRevisionRoutes(routes, deps);
      registerPreviewLinkRoutes(routes, deps);
      registerPresenceRoutes(routes, deps);
      registerTaxonomyRoutes(routes, deps);
      registerMediaAdminRoutes(routes, deps);
      registerEmbedRoutes(routes, deps);
      registerSiteAdminRoutes(routes, deps);
      registerFrontPageRoutes(routes, deps);
      registerStaffRoutes(routes, deps);
      registerInvitationRoutes(routes, deps);
      registerAccountRoutes(routes, deps);
      registerTwoFactorRoutes(routes, deps);
      registerMemberAdminRoutes(routes, deps);
      registerTierRoutes(routes, deps);
      registerRevenueRoutes(routes, deps);
      registerOfferRoutes(routes, deps);
    },
    { prefix: '/admin/api' },
  );
}
