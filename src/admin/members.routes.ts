import { Type } from '@sinclair/typebox';
import type { TypedFastify } from '../http/typed-fastify.ts';
import { announceAccessChange } from '../members/access-changes.ts';
import { grantComplimentary, removeComplimentary } from '../members/complimentary.service.ts';
import { type AdminDeps, staffOf } from './auth.ts';

const Email = Type.String({ minLength: 3, maxLength: 320, description: "the reader's email address" });
const GrantJson = Type.Object({
  id: Type.String(),
  memberId: Type.String(),
  email: Type.String(),
  endsAt: Type.String({ format: 'date-time' }),
  note: Type.String(),
});

/** Complimentary access for readers (editors and admins); the members screen comes later. */
export function registerMemberAdminRoutes(api: TypedFastify, deps: AdminDeps): void {
  api.post(
    '/members/complimentary',
    {
      schema: {
        tags: ['members'],
        summary: 'Give a reader paid access until a date (editors and admins)',
        description:
          'Makes the reader an account when the address has none. The reader reads as paid from their next page.',
        body: Type.Object(
          {
            email: Email,
            endsAt: Type.String({ format: 'date-time', description: 'when the access ends' }),
            note: Type.Optional(Type.String({ maxLength: 500 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: GrantJson },
      },
    },
    async (request, reply) => {
      const grant = await grantComplimentary(deps.db, staffOf(request), request.body);
      announceAccessChange(deps.invalidation, grant.memberId);
      return reply.code(201).send(grant);
    },
  );

  api.post(
    '/members/complimentary/remove',
    {
      schema: {
        tags: ['members'],
        summary: "End a reader's complimentary access now (editors and admins)",
        body: Type.Object({ email: Email }, { additionalProperties: false }),
        response: { 200: Type.Object({ removed: Type.Integer({ description: 'grants ended' }) }) },
      },
    },
    async (request) => {
      const { memberId, removed } = await removeComplimentary(deps.db, staffOf(request), request.body.email);
      if (removed > 0) announceAccessChange(deps.invalidation, memberId);
      return { removed };
    },
  );
}
