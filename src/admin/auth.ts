import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import type { Database } from '../db/schema.ts';
import { AppError } from '../http/errors.ts';
import type { Invalidation } from '../http/invalidation.ts';
import type { Outbox } from '../mail/mailer.ts';
import type { MediaStorage } from '../media/storage.ts';
import { readSettings } from '../settings/settings.ts';
import { matchesHash } from '../staff/secrets.ts';
import { resolveApiKey, resolveSession, type StaffActor } from '../staff/staff.service.ts';

/** The staff session cookie, scoped to /admin. */
export const SESSION_COOKIE = 'gaceta_staff';

export interface AdminDeps {
  config: Config;
  db: Kysely<Database>;
  storage: MediaStorage;
  invalidation: Invalidation;
  outbox: Outbox;
}

declare module 'fastify' {
  interface FastifyRequest {
    staff: StaffActor | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

// What a session may do while the site requires two-factor sign-in of someone who has not turned it on.
const WHILE_SETTING_UP_TWO_FACTOR = new Set([
  'GET /admin/api/session',
  'DELETE /admin/api/session',
  'GET /admin/api/account',
  'POST /admin/api/account/two-factor/setup',
  'POST /admin/api/account/two-factor/confirm',
]);

/**
 * Who is calling: a staff API key (Authorization: Bearer) or a session cookie, which needs
 * X-CSRF-Token to change anything. While the site requires two-factor sign-in, a session of
 * someone without it may only turn it on (`route` is "METHOD /admin/api/…").
 */
export async function authenticateStaff(request: FastifyRequest, db: Kysely<Database>, route: string): Promise<void> {
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
  if (!session.twoFactor && !WHILE_SETTING_UP_TWO_FACTOR.has(route) && (await readSettings(db)).requireTwoFactor)
    throw new AppError(
      'TWO_FACTOR_SETUP_REQUIRED',
      'This site requires two-factor sign-in: turn it on (POST /admin/api/account/two-factor/setup) first.',
    );
  request.staff = session.actor;
}

/** The signed-in staff member; the auth hook guarantees one on every non-public admin route. */
export function staffOf(request: FastifyRequest): StaffActor {
  if (!request.staff) throw new AppError('UNAUTHENTICATED', 'Sign in first.');
  return request.staff;
}
