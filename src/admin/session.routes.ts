import { Type } from '@sinclair/typebox';
import type { TypedFastify } from '../http/typed-fastify.ts';
import { AppError } from '../http/errors.ts';
import { authenticate, endSession, SESSION_TTL_MS, startSession } from '../staff/staff.service.ts';
import { type AdminDeps, SESSION_COOKIE, staffOf } from './auth.ts';
import { errors, NoContent } from './schemas.ts';
import { csrfTokenFor } from '../staff/secrets.ts';

const SignIn = Type.Object(
  { email: Type.String({ minLength: 3, maxLength: 320 }), password: Type.String({ minLength: 1, maxLength: 1000 }) },
  { additionalProperties: false },
);
const StaffJson = Type.Object({ id: Type.String(), name: Type.String(), email: Type.String(), role: Type.String() });

/** Sign in (rate limited per address), who am I, sign out. */
export function registerSessionRoutes(api: TypedFastify, deps: AdminDeps): void {
  api.post(
    '/session',
    {
      schema: {
        tags: ['session'],
        summary: 'Sign in with email and password',
        body: SignIn,
        security: [],
        response: {
          200: Type.Object({ staff: StaffJson, csrfToken: Type.String(), expiresAt: Type.String() }),
          ...errors(401, 429),
        },
      },
      config: {
        rateLimit: {
          max: deps.config.signInAttemptsPerMinute,
          timeWindow: 60_000,
          errorResponseBuilder: () =>
            new AppError('RATE_LIMITED', 'Too many sign-in attempts; wait a minute and try again.'),
        },
      },
    },
    async (request, reply) => {
      const actor = await authenticate(deps.db, request.body.email, request.body.password);
      if (!actor) throw new AppError('UNAUTHENTICATED', 'The email or password is wrong.');
      const session = await startSession(deps.db, actor.id);
      reply.setCookie(SESSION_COOKIE, session.token, {
        path: '/admin',
        httpOnly: true,
        sameSite: 'strict',
        secure: deps.config.secureCookies,
        maxAge: SESSION_TTL_MS / 1000,
      });
      return { staff: actor, csrfToken: session.csrfToken, expiresAt: session.expiresAt };
    },
  );

  api.get(
    '/session',
    {
      schema: {
        tags: ['session'],
        summary: 'The signed-in staff member, and the CSRF token their changes must carry',
        description:
          'With a session cookie, `csrfToken` is the X-CSRF-Token the session signed in with, so the web app can ask for it again after a reload. With an API key there is none.',
        response: { 200: Type.Object({ staff: StaffJson, csrfToken: Type.Optional(Type.String()) }) },
      },
    },
    async (request) => {
      const token = request.headers.authorization ? undefined : request.cookies[SESSION_COOKIE];
      return { staff: staffOf(request), ...(token ? { csrfToken: csrfTokenFor(token) } : {}) };
    },
  );

  api.delete(
    '/session',
    { schema: { tags: ['session'], summary: 'Sign out', response: { 204: NoContent } } },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await endSession(deps.db, token);
      reply.clearCookie(SESSION_COOKIE, { path: '/admin' });
      return reply.code(204).send(null);
    },
  );
}
