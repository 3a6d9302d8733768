import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../http/errors.ts';
import { canStaff } from '../staff/policy.ts';
import { createApiKey, createStaff, listStaff, revokeApiKey, updateStaff } from '../staff/staff.service.ts';
import type { StaffRole } from '../staff/staff.table.ts';
import { IdParams } from './schemas.ts';
import type { AdminDeps } from './auth.ts';
import { staffOf } from './auth.ts';

const Role = Type.Union([
  Type.Literal('contributor'),
  Type.Literal('author'),
  Type.Literal('editor'),
  Type.Literal('admin'),
]);

/** Staff accounts (admins) and each staff member's own API keys. */
export function registerStaffRoutes(api: FastifyInstance, deps: AdminDeps): void {
  const requireAdmin = (request: Parameters<typeof staffOf>[0]): void => {
    if (!canStaff(staffOf(request), 'staff.manage')) throw new AppError('FORBIDDEN', 'Only admins manage staff.');
  };

  api.get('/staff', { schema: { tags: ['staff'], summary: 'List staff (admins)' } }, async (request) => {
    requireAdmin(request);
    return { staff: await listStaff(deps.db) };
  });

  api.post<{ Body: { email: string; name: string; role: StaffRole; password: string } }>(
    '/staff',
    {
      schema: {
        tags: ['staff'],
        summary: 'Create a staff account (admins)',
        body: Type.Object(
          {
            email: Type.String({ maxLength: 320 }),
            name: Type.String({ minLength: 1, maxLength: 120 }),
            role: Role,
            password: Type.String({ minLength: 12, maxLength: 1000 }),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      requireAdmin(request);
      return reply.code(201).send(await createStaff(deps.db, request.body));
    },
  );

  api.patch<{ Params: { id: string }; Body: { role?: StaffRole; name?: string; disabled?: boolean } }>(
    '/staff/:id',
    {
      schema: {
        tags: ['staff'],
        summary: 'Change role, name or disable (admins)',
        params: IdParams,
        body: Type.Object(
          {
            role: Type.Optional(Role),
            name: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
            disabled: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      requireAdmin(request);
      if (
        request.params.id === staffOf(request).id &&
        (request.body.disabled || (request.body.role && request.body.role !== 'admin'))
      ) {
        throw new AppError('CONFLICT', 'Admins cannot demote or disable themselves; ask another admin.');
      }
      if (!(await updateStaff(deps.db, request.params.id, request.body)))
        throw new AppError('NOT_FOUND', `No staff member with id ${request.params.id}.`);
      return { ok: true };
    },
  );

  api.post<{ Body: { name: string } }>(
    '/api-keys',
    {
      schema: {
        tags: ['staff'],
        summary: 'Create an API key for yourself (shown once)',
        body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false }),
      },
    },
    async (request, reply) => {
      const actor = staffOf(request);
      return reply.code(201).send(await createApiKey(deps.db, actor.id, request.body.name));
    },
  );

  api.delete<{ Params: { id: string } }>(
    '/api-keys/:id',
    { schema: { tags: ['staff'], summary: 'Revoke one of your API keys', params: IdParams } },
    async (request, reply) => {
      if (!(await revokeApiKey(deps.db, staffOf(request).id, request.params.id)))
        throw new AppError('NOT_FOUND', 'No such API key of yours.');
      return reply.code(204).send();
    },
  );
}
