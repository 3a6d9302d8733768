import { Type } from '@sinclair/typebox';
import type { TypedFastify } from '../http/typed-fastify.ts';
import { accountOf, changeOwnPassword, updateOwnAccount } from '../staff/account.service.ts';
import { type AdminDeps, SESSION_COOKIE, staffOf } from './auth.ts';
import { NoContent } from './schemas.ts';
import { AccountJson, LocaleChoice } from './session.routes.ts';

/** My account: every member of staff's own name, language and password. */
export function registerAccountRoutes(api: TypedFastify, deps: AdminDeps): void {
  api.get(
    '/account',
    { schema: { tags: ['account'], summary: 'Your own account', response: { 200: AccountJson } } },
    async (request) => accountOf(deps.db, staffOf(request).id),
  );

  api.patch(
    '/account',
    {
      schema: {
        tags: ['account'],
        summary: 'Change your own name or language',
        body: Type.Object(
          { name: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })), locale: Type.Optional(LocaleChoice) },
          { additionalProperties: false },
        ),
        response: { 200: AccountJson },
      },
    },
    async (request) => updateOwnAccount(deps.db, staffOf(request), request.body),
  );

  api.post(
    '/account/password',
    {
      schema: {
        tags: ['account'],
        summary: 'Change your own password',
        description: 'Takes the current password. Every other session of yours ends; this one stays signed in.',
        body: Type.Object(
          {
            currentPassword: Type.String({ minLength: 1, maxLength: 1000 }),
            newPassword: Type.String({ minLength: 1, maxLength: 1000 }),
          },
          { additionalProperties: false },
        ),
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      const keep = request.headers.authorization ? undefined : request.cookies[SESSION_COOKIE];
      await changeOwnPassword(deps.db, staffOf(request), request.body, keep);
      return reply.code(204).send(null);
    },
  );
}
