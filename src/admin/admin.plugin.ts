import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Redis } from 'ioredis';
import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import type { Database } from '../db/schema.ts';
import { AppError } from '../http/errors.ts';
import type { Invalidation } from '../http/invalidation.ts';
import type { MediaStorage } from '../media/storage.ts';
import { matchesHash } from '../staff/secrets.ts';
import { resolveApiKey, resolveSession, type StaffActor } from '../staff/staff.service.ts';
import { registerArticleRoutes } from './articles.routes.ts';
import { registerMediaAdminRoutes } from './media.routes.ts';
import { registerSessionRoutes, SESSION_COOKIE } from './session.routes.ts';
import { registerSiteAdminRoutes } from './site.routes.ts';
import { registerStaffRoutes } from './staff.routes.ts';
import { registerTaxonomyRoutes } from './taxonomy.routes.ts';

export interface AdminDeps {
  config: Config;
  db: Kysely<Database>;
  storage: MediaStorage;
  invalidation: Invalidation;
}

declare module 'fastify' {
  interface FastifyRequest {
    staff: StaffActor | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const PUBLIC_ROUTES = new Set(['POST /admin/api/session', 'GET /admin/api/openapi.json']);

/** Who is calling: a staff API key (Authorization: Bearer) or a session cookie, which needs X-CSRF-Token to change anything. */
async function authenticate(request: FastifyRequest, db: Kysely<Database>): Promise<void> {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) {
    request.staff = await resolveApiKey(db, header.slice(7).trim());
    if (!request.staff) throw new AppError('UNAUTHENTICATED', 'The API key is not valid.');
    return;
  }
  const token = request.cookies[SESSION_COOKIE];
  const session = token ? await resolveSession(db, token) : null;
  if (!session) throw new AppError('UNAUTHENTICATED', 'Sign in (POST /admin/api/session) or send a staff API key.');
  if (!SAFE_METHODS.has(request.method)) {
    const csrf = request.headers['x-csrf-token'];
    if (typeof csrf !== 'string' || !matchesHash(csrf, session.csrfHash)) {
      throw new AppError('CSRF_FAILED', 'Send the X-CSRF-Token header you received when signing in.');
    }
  }
  request.staff = session.actor;
}

/** The staff JSON API under /admin/api, with its OpenAPI document generated from the route schemas. */
export async function registerAdminApi(app: FastifyInstance, deps: AdminDeps): Promise<void> {
  await app.register(cookie);
  // With Redis, every process counts sign-in attempts together; otherwise each counts its own.
  const redis = deps.config.redisUrl ? new Redis(deps.config.redisUrl, { maxRetriesPerRequest: 1 }) : undefined;
  if (redis) app.addHook('onClose', async () => { await redis.quit(); });
  await app.register(rateLimit, { global: false, ...(redis ? { redis, nameSpace: 'gaceta:rate:' } : {}) });
  await app.register(multipart, { limits: { fileSize: deps.config.uploadLimitBytes, files: 1, fields: 10 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Gaceta admin API', version: '1', description: 'Create, edit, schedule and publish articles; manage sections, tags, labels, authors, pages, redirects, media, staff and settings.' },
      components: { securitySchemes: { apiKey: { type: 'http', scheme: 'bearer' }, session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
      security: [{ apiKey: [] }, { session: [] }],
    },
    transform: ({ schema, url }) => ({ schema: url.startsWith('/admin/api') ? schema : { ...schema, hide: true }, url }),
  });
  app.decorateRequest('staff', null);

  await app.register(async (api) => {
    api.addHook('onRequest', async (request) => {
      const route = `${request.method} ${request.routeOptions.url ?? ''}`;
      if (!PUBLIC_ROUTES.has(route)) await authenticate(request, deps.db);
    });
    api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
    registerSessionRoutes(api, deps);
    registerArticleRoutes(api, deps);
    registerTaxonomyRoutes(api, deps);
    registerMediaAdminRoutes(api, deps);
    registerSiteAdminRoutes(api, deps);
    registerStaffRoutes(api, deps);
  }, { prefix: '/admin/api' });
}

/** The signed-in staff member; the auth hook guarantees one on every non-public admin route. */
export function staffOf(request: FastifyRequest): StaffActor {
  if (!request.staff) throw new AppError('UNAUTHENTICATED', 'Sign in first.');
  return request.staff;
}
