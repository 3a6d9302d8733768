import { Type } from '@sinclair/typebox';
import type { TypedFastify } from '../http/typed-fastify.ts';
import { revenueReport } from '../members/revenue.ts';
import { type AdminDeps, staffOf } from './auth.ts';
import { errors } from './schemas.ts';

const Money = Type.Object({
  currency: Type.String({ description: 'ISO 4217 code in lower case' }),
  amount: Type.Integer({ description: "in the currency's smallest unit (cents)" }),
});
const Week = Type.Object({
  start: Type.String({ format: 'date-time', description: 'Monday 00:00 UTC' }),
  paidMembers: Type.Integer({
    description: 'members with paid access (complimentary or subscribed) at the week’s end',
  }),
  mrr: Type.Array(Money, {
    description: 'monthly recurring revenue at the week’s end, per currency; a yearly price counts a twelfth',
  }),
  newSubscriptions: Type.Integer({ description: 'subscriptions that started (a trial’s start counts)' }),
  cancelledSubscriptions: Type.Integer({ description: 'subscriptions that ended' }),
  contributions: Type.Array(Money, {
    description: 'one-time contributions paid in the week, per currency, less what was refunded of them',
  }),
  gifts: Type.Array(Money, {
    description: 'gift subscriptions paid for in the week, per currency, less what was refunded of them (never MRR)',
  }),
});
const Attributed = Type.Object({
  path: Type.String({ description: 'the page on this site the readers came from' }),
  count: Type.Integer(),
});

/** The revenue dashboard's numbers (editors and admins, as the members list). */
export function registerRevenueRoutes(api: TypedFastify, deps: AdminDeps): void {
  api.get(
    '/revenue',
    {
      schema: {
        tags: ['members'],
        summary:
          'Paid members, recurring revenue, new and cancelled subscriptions per week, and the pages that brought members (editors and admins)',
        querystring: Type.Object(
          {
            weeks: Type.Optional(
              Type.String({
                pattern: '^[1-9][0-9]?$',
                description: 'how many weeks back, this one included (1–99, default 26)',
              }),
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            weeks: Type.Array(Week, { description: 'oldest first; the last is this week so far' }),
            topBySignUps: Type.Array(Attributed, {
              description: 'the pages members signed up from in these weeks, most first',
            }),
            topBySubscriptions: Type.Array(Attributed, {
              description:
                'the sign-up pages of the members who subscribed in these weeks (subscriptions are credited to the page their member signed up from)',
            }),
          }),
          ...errors(403),
        },
      },
    },
    async (request) => revenueReport(deps.db, staffOf(request), Number(request.query.weeks ?? 26)),
  );
}
