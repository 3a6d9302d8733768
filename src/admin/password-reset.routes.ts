import { Type } from '@sinclair/typebox';
import type { TypedFastify } from '../http/typed-fastify.ts';
import { checkPasswordReset, completePasswordReset, requestPasswordReset } from '../staff/password-reset.service.ts';
import type { AdminDeps } from './auth.ts';
import { errors } from './schemas.ts';
import { attemptsLimit, SignedIn, signInAs } from './session.routes.ts';

/** A link's token, as the app reads it from the link's fragment (never sent in an address, so never logged). */
export const LinkToken = Type.String({
  minLength: 1,
  maxLength: 200,
  description: "the token from the emailed link's fragment",
});
export const LinkCheck = Type.Object(
  {
    status: Type.Union([Type.Literal('valid'), Type.Literal('expired'), Type.Literal('used')]),
    locale: Type.Union([Type.Literal('en'), Type.Literal('es')], {
      description: 'the language to speak to its holder',
    }),
    email: Type.Optional(Type.String({ description: 'while the link works' })),
  },
  { description: 'Where the link stands' },
);

/** Forgotten passwords: ask for a link, check it, set a new password with it. All public. */
export function registerPasswordResetRoutes(api: TypedFastify, deps: AdminDeps): void {
  const mail = { db: deps.db, outbox: deps.outbox, publicUrl: deps.config.publicUrl };

  api.post(
    '/password-reset',
    {
      schema: {
        tags: ['session'],
        summary: 'Email a password reset link',
        description:
          'Always answers 202, whether or not the address belongs to staff, so it cannot be used to find out who works here. At most three links per address per hour are sent; more requests get the same answer.',
        security: [],
        body: Type.Object({ email: Type.String({ minLength: 1, maxLength: 320 }) }, { additionalProperties: false }),
        response: {
          202: Type.Object(
            { ok: Type.Boolean() },
            { description: 'Asked; if the address is staff’s, a link is on its way' },
          ),
          ...errors(429),
        },
      },
      config: attemptsLimit(deps, 'Too many password reset requests; wait a minute and try again.'),
    },
    async (request, reply) => {
      await requestPasswordReset(mail, request.body.email);
      return reply.code(202).send({ ok: true });
    },
  );

  api.post(
    '/password-reset/check',
    {
      schema: {
        tags: ['session'],
        summary: 'Where a password reset link stands',
        security: [],
        body: Type.Object({ token: LinkToken }, { additionalProperties: false }),
        response: { 200: LinkCheck, ...errors(429) },
      },
      config: attemptsLimit(deps, 'Too many attempts; wait a minute and try again.'),
    },
    async (request) => checkPasswordReset(deps.db, request.body.token),
  );

  api.post(
    '/password-reset/complete',
    {
      schema: {
        tags: ['session'],
        summary: 'Set a new password with a reset link',
        description:
          'The link stops working and every session of the staff member ends. Signs in, unless two-factor sign-in is on: then `signedIn` is false and the app asks for a normal sign-in with the code.',
        security: [],
        body: Type.Object(
          { token: LinkToken, password: Type.String({ minLength: 1, maxLength: 1000 }) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Union([
            SignedIn,
            Type.Object({ signedIn: Type.Literal(false) }, { description: 'Password set; sign in with it and a code' }),
          ]),
          ...errors(410, 429),
        },
      },
      config: attemptsLimit(deps, 'Too many attempts; wait a minute and try again.'),
    },
    async (request, reply) => {
      const { staff, twoFactor } = await completePasswordReset(deps.db, request.body.token, request.body.password);
      if (twoFactor) return { signedIn: false as const };
      return signInAs(deps, reply, staff.id);
    },
  );
}
