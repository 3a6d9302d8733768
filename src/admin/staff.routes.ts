import { Type } from '@sinclair/typebox';
import type { TypedFastify } from '../http/typed-fastify.ts';
import {
  createApiKey,
  createStaff,
  listApiKeys,
  listStaff,
  revokeApiKey,
  updateStaff,
} from '../staff/staff.service.ts';
import { errors, IdParams, ListOf, NoContent, Open } from './schemas.ts';
import type { AdminDeps } from './auth.ts';
import { staffOf } from './auth.ts';

export const Role = Type.Union([
  Type.Literal('contributor'),
  Type.Literal('author'),
  Type.Literal('editor'),
  Type.Literal('admin'),
]);

const StaffJson = Open(
  { id: Type.String(), name: Type.String(), email: Type.String(), role: Role },
  'A staff account (never its password)',
);
const StaffListItem = Open(
  {
    id: Type.String(),
    name: Type.String(),
    email: Type.String(),
    role: Role,
    createdAt: Type.String(),
    disabled: Type.Boolean(),
    twoFactor: Type.Boolean({ description: 'two-factor sign-in is on' }),
  },
  'A staff account',
);

/** Staff accounts (admins) and each staff member's own API keys. */
export function registerStaffRoutes(api: TypedFastify, deps: AdminDeps): void {
  api.get(
    '/staff',
    {
      schema: {
        tags: ['staff'],
        summary: 'List staff (admins)',
        response: { 200: ListOf('staff', StaffListItem, 'Every staff account'), ...errors(403) },
      },
    },
    async (request) => ({ staff: await listStaff(deps.db, staffOf(request)) }),
  );

  api.post(
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
        response: { 201: StaffJson, ...errors(409) },
      },
    },
    async (request, reply) => reply.code(201).send(await createStaff(deps.db, staffOf(request), request.body)),
  );

  api.patch(
    '/staff/:id',
    {
      schema: {
        tags: ['staff'],
        summary: 'Change role or name, deactivate or reactivate (admins)',
        description:
          'Deactivating (`disabled: true`) ends the member’s sessions and stops their API keys; `false` reactivates. No admin demotes or deactivates themself, and no change leaves the site without an active admin (409).',
        params: IdParams,
        body: Type.Object(
          {
            role: Type.Optional(Role),
            name: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
            disabled: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ ok: Type.Boolean() }), ...errors(409) },
      },
    },
    async (request) => {
      await updateStaff(deps.db, staffOf(request), request.params.id, request.body);
      return { ok: true };
    },
  );

  api.get(
    '/api-keys',
    {
      schema: {
        tags: ['staff'],
        summary: 'Your API keys in use (names and dates; a key itself is shown only when made)',
        response: {
          200: ListOf(
            'apiKeys',
            Open(
              {
                id: Type.String(),
                name: Type.String(),
                createdAt: Type.String(),
                lastUsedAt: Type.Union([Type.String(), Type.Null()]),
              },
              'An API key of yours',
            ),
            'Your API keys that are not revoked, newest first',
          ),
        },
      },
    },
    async (request) => ({ apiKeys: await listApiKeys(deps.db, staffOf(request)) }),
  );

  api.post(
    '/api-keys',
    {
      schema: {
        tags: ['staff'],
        summary: 'Create an API key for yourself (shown once)',
        body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false }),
        response: {
          201: Type.Object(
            { id: Type.String(), key: Type.String({ description: 'send as Authorization: Bearer <key>' }) },
            { description: 'The new key; this is the only time it is shown' },
          ),
        },
      },
    },
    async (request, reply) => reply.code(201).send(await createApiKey(deps.db, staffOf(request), request.body.name)),
  );

  api.delete(
    '/api-keys/:id',
    {
      schema: {
        tags: ['staff'],
        summary: 'Revoke one of your API keys',
        params: IdParams,
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await revokeApiKey(deps.db, staffOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
}
