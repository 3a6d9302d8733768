import { type Static, Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import type { TypedFastify } from '../http/typed-fastify.ts';
import { AppError } from '../http/errors.ts';
import { readSettings } from '../settings/settings.ts';
import { accountOf } from '../staff/account.service.ts';
import { csrfTokenFor } from '../staff/secrets.ts';
import { authenticate, endSession, SESSION_TTL_MS, startSession } from '../staff/staff.service.ts';
import { completeSignInChallenge, startSignInChallenge } from '../staff/two-factor.service.ts';
import { type AdminDeps, SESSION_COOKIE, staffOf } from './auth.ts';
import { errors, NoContent } from './schemas.ts';

const SignIn = Type.Object(
  { email: Type.String({ minLength: 3, maxLength: 320 }), password: Type.String({ minLength: 1, maxLength: 1000 }) },
  { additionalProperties: false },
);
export const LocaleChoice = Type.Union([Type.Literal('en'), Type.Literal('es'), Type.Null()], {
  description: "the staff member's language; null speaks the site's",
});
export const AccountJson = Type.Object({
  id: Type.String(),
  name: Type.String(),
  email: Type.String(),
  role: Type.String(),
  locale: LocaleChoice,
  twoFactor: Type.Boolean({ description: 'two-factor sign-in is on' }),
});
const SessionJson = Type.Object({
  staff: AccountJson,
  csrfToken: Type.String(),
  expiresAt: Type.String(),
  twoFactorSetupRequired: Type.Boolean({
    description: 'the site requires two-factor sign-in and this staff member must turn it on before anything else',
  }),
});
export const SignedIn = Type.Object(
  { ...SessionJson.properties },
  { description: 'Signed in: the session cookie is set, and changes must carry csrfToken as X-CSRF-Token' },
);

/** Whether the site requires two-factor sign-in of a staff member who has not turned it on. */
export async function owesTwoFactorSetup(deps: AdminDeps, twoFactor: boolean): Promise<boolean> {
  return !twoFactor && (await readSettings(deps.db)).requireTwoFactor;
}

/** Starts a session for a staff member whose identity is proven, sets its cookie, and gives what the app needs. */
export async function signInAs(
  deps: AdminDeps,
  reply: FastifyReply,
  staffId: string,
): Promise<Static<typeof SignedIn>> {
  const session = await startSession(deps.db, staffId);
  reply.setCookie(SESSION_COOKIE, session.token, {
    path: '/admin',
    httpOnly: true,
    sameSite: 'strict',
    secure: deps.config.secureCookies,
    maxAge: SESSION_TTL_MS / 1000,
  });
  const staff = await accountOf(deps.db, staffId);
  return {
    staff,
    csrfToken: session.csrfToken,
    expiresAt: session.expiresAt,
    twoFactorSetupRequired: await owesTwoFactorSetup(deps, staff.twoFactor),
  };
}

/** The rate limit of every route where a guess could be tried: sign-in, codes, reset requests. */
export const attemptsLimit = (deps: AdminDeps, message: string) => ({
  rateLimit: {
    max: deps.config.signInAttemptsPerMinute,
    timeWindow: 60_000,
    errorResponseBuilder: () => new AppError('RATE_LIMITED', message),
  },
});

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
        description:
          'With two-factor sign-in on, a right password gives a `challenge` instead of a session: send it with a code to POST /session/two-factor within five minutes.',
        response: {
          200: Type.Union([
            SignedIn,
            Type.Object(
              { twoFactorRequired: Type.Literal(true), challenge: Type.String() },
              { description: 'The password is right; now the code (POST /session/two-factor)' },
            ),
          ]),
          ...errors(401, 429),
        },
      },
      config: attemptsLimit(deps, 'Too many sign-in attempts; wait a minute and try again.'),
    },
    async (request, reply) => {
      const actor = await authenticate(deps.db, request.body.email, request.body.password);
      if (!actor) throw new AppError('UNAUTHENTICATED', 'The email or password is wrong.');
      const { twoFactor } = await accountOf(deps.db, actor.id);
      if (twoFactor)
        return { twoFactorRequired: true as const, challenge: await startSignInChallenge(deps.db, actor.id) };
      return signInAs(deps, reply, actor.id);
    },
  );

  api.post(
    '/session/two-factor',
    {
      schema: {
        tags: ['session'],
        summary: 'Finish signing in with a two-factor code or a recovery code',
        description:
          'A code from the authenticator app, or one of the recovery codes (each works once). Five wrong codes, or five minutes, and the password must be given again (401).',
        body: Type.Object(
          {
            challenge: Type.String({ minLength: 1, maxLength: 200 }),
            code: Type.String({ minLength: 1, maxLength: 40 }),
          },
          { additionalProperties: false },
        ),
        security: [],
        response: { 200: SignedIn, ...errors(401, 429) },
      },
      config: attemptsLimit(deps, 'Too many sign-in attempts; wait a minute and try again.'),
    },
    async (request, reply) => {
      const staffId = await completeSignInChallenge(deps.db, request.body.challenge, request.body.code);
      return signInAs(deps, reply, staffId);
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
        response: {
          200: Type.Object({
            staff: AccountJson,
            csrfToken: Type.Optional(Type.String()),
            twoFactorSetupRequired: Type.Boolean(),
          }),
        },
      },
    },
    async (request) => {
      const token = request.headers.authorization ? undefined : request.cookies[SESSION_COOKIE];
      const staff = await accountOf(deps.db, staffOf(request).id);
      return {
        staff,
        ...(token ? { csrfToken: csrfTokenFor(token) } : {}),
        twoFactorSetupRequired: token ? await owesTwoFactorSetup(deps, staff.twoFactor) : false,
      };
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
