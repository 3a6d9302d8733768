import { Type } from '@sinclair/typebox';
import type { TypedFastify } from '../http/typed-fastify.ts';
import { listGroups } from '../members/group-overview.ts';
import { type AdminDeps, staffOf } from './auth.ts';
import { errors } from './schemas.ts';

const Group = Type.Object({
  id: Type.String(),
  name: Type.String({ description: 'the organisation' }),
  tierName: Type.String(),
  seats: Type.Integer({ description: 'seats paid for (the Stripe subscription’s quantity)' }),
  seatsTaken: Type.Integer({ description: 'running seats; may exceed `seats` after the admin lowered them' }),
  emailDomain: Type.Union([Type.String(), Type.Null()], { description: 'addresses at it may join' }),
  status: Type.Union([Type.Literal('pending'), Type.Literal('active'), Type.Literal('ended')], {
    description: 'pending: Checkout not finished; active: its subscription gives access; ended: it no longer does',
  }),
  subscriptionStatus: Type.Union([Type.String(), Type.Null()], { description: 'Stripe’s status, null while pending' }),
  adminEmail: Type.String({ description: 'the buyer, who manages the group' }),
  createdAt: Type.String({ format: 'date-time' }),
});

/** Group subscriptions, read only (editors and admins, as the members list): who bought what, how full. */
export function registerGroupAdminRoutes(api: TypedFastify, deps: AdminDeps): void {
  api.get(
    '/groups',
    {
      schema: {
        tags: ['members'],
        summary:
          'Every group subscription with its tier, seats taken and paid for, status and admin (editors and admins)',
        response: { 200: Type.Object({ groups: Type.Array(Group, { description: 'newest first' }) }), ...errors(403) },
      },
    },
    async (request) => {
      const groups = await listGroups(deps.db, staffOf(request));
      return { groups: groups.map(({ adminMemberId: _admin, ...group }) => group) };
    },
  );
}
