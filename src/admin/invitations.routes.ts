import { Type } from '@sinclair/typebox';
import type { TypedFastify } from '../http/typed-fastify.ts';
import {
  acceptInvitation,
  checkInvitation,
  inviteStaff,
  listInvitations,
  resendInvitation,
  revokeInvitation,
} from '../staff/invitations.service.ts';
import { type AdminDeps, staffOf } from './auth.ts';
import { LinkCheck, LinkToken } from './password-reset.routes.ts';
import { errors, IdParams, ListOf, NoContent, Open } from './schemas.ts';
import { attemptsLimit, LocaleChoice, SignedIn, signInAs } from './session.routes.ts';
import { Role } from './staff.routes.ts';

const InvitationJson = Open(
  {
    id: Type.String(),
    email: Type.String(),
    role: Role,
    locale: LocaleChoice,
    invitedBy: Type.Union([Type.String(), Type.Null()], { description: 'the name of the admin who sent it last' }),
    createdAt: Type.String(),
    expiresAt: Type.String(),
    expired: Type.Boolean(),
  },
  'A pending invitation (never its link)',
);
const Sent = Type.Object(
  {
    invitation: InvitationJson,
    mailed: Type.Boolean({ description: 'false when the mail could not be sent: the invitation is kept; resend it' }),
  },
  { description: 'The invitation, and whether its mail went out' },
);

/** Inviting staff by email (admins), and accepting an invitation (public: the link is the authority). */
export function registerInvitationRoutes(api: TypedFastify, deps: AdminDeps): void {
  const mail = { db: deps.db, outbox: deps.outbox, publicUrl: deps.config.publicUrl };

  api.get(
    '/invitations',
    {
      schema: {
        tags: ['staff'],
        summary: 'List pending invitations (admins)',
        response: { 200: ListOf('invitations', InvitationJson, 'Invitations not yet accepted or revoked') },
      },
    },
    async (request) => ({ invitations: await listInvitations(deps.db, staffOf(request)) }),
  );

  api.post(
    '/invitations',
    {
      schema: {
        tags: ['staff'],
        summary: 'Invite someone to the staff by email (admins)',
        description:
          'Emails a link valid for seven days, once. An address already on staff or already invited is a 409.',
        body: Type.Object(
          { email: Type.String({ minLength: 3, maxLength: 320 }), role: Role, locale: Type.Optional(LocaleChoice) },
          { additionalProperties: false },
        ),
        response: { 201: Sent, ...errors(409) },
      },
    },
    async (request, reply) => reply.code(201).send(await inviteStaff(mail, staffOf(request), request.body)),
  );

  api.post(
    '/invitations/:id/resend',
    {
      schema: {
        tags: ['staff'],
        summary: 'Send a pending invitation again, with a new link (admins)',
        params: IdParams,
        response: { 200: Sent },
      },
    },
    async (request) => resendInvitation(mail, staffOf(request), request.params.id),
  );

  api.delete(
    '/invitations/:id',
    {
      schema: {
        tags: ['staff'],
        summary: 'Revoke a pending invitation (admins)',
        params: IdParams,
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await revokeInvitation(deps.db, staffOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  api.post(
    '/invitations/check',
    {
      schema: {
        tags: ['staff'],
        summary: 'Where an invitation link stands',
        security: [],
        body: Type.Object({ token: LinkToken }, { additionalProperties: false }),
        response: {
          200: Type.Composite([LinkCheck, Type.Object({ role: Type.Optional(Role) })], {
            description: 'Where the link stands; while it works, the address and role it offers',
          }),
          ...errors(429),
        },
      },
      config: attemptsLimit(deps, 'Too many attempts; wait a minute and try again.'),
    },
    async (request) => checkInvitation(deps.db, request.body.token),
  );

  api.post(
    '/invitations/accept',
    {
      schema: {
        tags: ['staff'],
        summary: 'Accept an invitation: choose a name and password, and sign in',
        security: [],
        body: Type.Object(
          {
            token: LinkToken,
            name: Type.String({ minLength: 1, maxLength: 120 }),
            password: Type.String({ minLength: 1, maxLength: 1000 }),
          },
          { additionalProperties: false },
        ),
        response: { 201: SignedIn, ...errors(409, 410, 429) },
      },
      config: attemptsLimit(deps, 'Too many attempts; wait a minute and try again.'),
    },
    async (request, reply) => {
      const staff = await acceptInvitation(deps.db, request.body.token, request.body);
      return reply.code(201).send(await signInAs(deps, reply, staff.id));
    },
  );
}
