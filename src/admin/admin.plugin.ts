import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { type AdminDeps, authenticateStaff, SESSION_COOKIE } from './auth.ts';
import { registerArticleRoutes } from './articles.routes.ts';
import { registerFrontPageRoutes } from './front-page.routes.ts';
import { registerMediaAdminRoutes } from './media.routes.ts';
import { registerSessionRoutes } from './session.routes.ts';
import { registerSiteAdminRoutes } from './site.routes.ts';
import { registerStaffRoutes } from './staff.routes.ts';
import { registerTaxonomyRoutes } from './taxonomy.routes.ts';

const PUBLIC_ROUTES = new Set(['POST /admin/api/session', 'GET /admin/api/openapi.json']);

/** The staff JSON API under /admin/api, with its OpenAPI document generated from the route schemas. */
export async function registerAdminApi(app: FastifyInstance, deps: AdminDeps): Promise<void> {
  await app.register(cookie);
  // With Redis, every process counts sign-in attempts together; otherwise each counts its own.
  const redis = deps.config.redisUrl ? new Redis(deps.config.redisUrl, { maxRetriesPerRequest: 1 }) : undefined;
  if (redis)
    app.addHook('onClose', async () => {
      await redis.quit();
    });
  await app.register(rateLimit, { global: false, ...(redis ? { redis, nameSpace: 'gaceta:rate:' } : {}) });
  await app.register(multipart, { limits: { fileSize: deps.config.uploadLimitBytes, files: 1, fields: 10 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Gaceta admin API',
        version: '1',
        description:
          'Create, edit, schedule and publish articles; manage sections, tags, labels, authors, pages, redirects, the pinned stories of the home page, media, staff and settings.',
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
  });
  app.decorateRequest('staff', null);

  await app.register(
    async (api) => {
      api.addHook('onRequest', async (request) => {
        const route = `${request.method} ${request.routeOptions.url ?? ''}`;
        if (!PUBLIC_ROUTES.has(route)) await authenticateStaff(request, deps.db);
      });
      api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
      registerSessionRoutes(api, deps);
      registerArticleRoutes(api, deps);
      registerTaxonomyRoutes(api, deps);
      registerMediaAdminRoutes(api, deps);
      registerSiteAdminRoutes(api, deps);
      registerFrontPageRoutes(api, deps);
      registerStaffRoutes(api, deps);
    },
    { prefix: '/admin/api' },
  );
}
