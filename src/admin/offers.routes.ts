import { Type } from '@sinclair/typebox';
import type { TypedFastify } from '../http/typed-fastify.ts';
import { stripeClient } from '../billing/stripe-client.ts';
import { archiveOffer, createOffer, listOffers } from '../billing/offers.service.ts';
import type { BillingDeps } from '../billing/tiers.service.ts';
import { SlugSchema as Slug } from '../content/articles.schemas.ts';
import type { AdminDeps } from './auth.ts';
import { staffOf } from './auth.ts';
import { errors, IdParams, ListOf, Open } from './schemas.ts';

const Cadence = Type.Union([Type.Literal('month'), Type.Literal('year'), Type.Literal('both')], {
  description: "which of the tier's prices the offer is for",
});
const Kind = Type.Union([Type.Literal('percent'), Type.Literal('amount'), Type.Literal('trial')], {
  description: 'a percentage off, an amount off per currency, or an extended free trial',
});
const Duration = Type.Union([Type.Literal('once'), Type.Literal('repeating'), Type.Literal('forever')], {
  description: 'how long the discount lasts: the first payment, durationMonths months, or always',
});
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const AmountsOff = Type.Record(Type.String({ pattern: '^[a-z]{3}$' }), Type.Integer(), {
  description: 'currency (ISO 4217, lower case) to the amount off in its smallest unit (cents)',
});
const OfferJson = Open(
  {
    id: Type.String(),
    code: Type.String({ description: 'the link is /offer/<code>' }),
    name: Type.String(),
    tierId: Type.String(),
    cadence: Cadence,
    kind: Kind,
    percentOff: Nullable(Type.Integer()),
    amountsOff: AmountsOff,
    duration: Nullable(Duration),
    durationMonths: Nullable(Type.Integer()),
    trialDays: Nullable(Type.Integer()),
    redemptionLimit: Nullable(Type.Integer()),
    redemptions: Type.Integer({ description: 'subscriptions made with the offer so far' }),
    archived: Type.Boolean(),
    createdAt: Type.String(),
    stripeCouponId: Nullable(Type.String()),
    stripeSynced: Type.Boolean({ description: 'Stripe has what the offer needs (its coupon)' }),
  },
  'An offer: a link that subscribes readers to a tier with a discount or a longer trial',
);
const OfferChangeJson = Type.Object(
  {
    offer: OfferJson,
    stripeProblem: Type.Optional(
      Type.String({ description: 'Stripe could not be told; the offer is kept in Gaceta, send it again later' }),
    ),
  },
  { description: 'The offer as changed' },
);
const TAGS = ['offers'];

/** Offers (admins make and end them; editors see them). Never edited: end one and make another. */
export function registerOfferRoutes(api: TypedFastify, deps: AdminDeps): void {
  const billing: BillingDeps = { db: deps.db, invalidation: deps.invalidation, stripe: stripeClient(deps.config) };

  api.get(
    '/offers',
    {
      schema: {
        tags: TAGS,
        summary: 'Every offer, newest first, with its redemptions',
        response: { 200: ListOf('offers', OfferJson, 'Offers, newest first') },
      },
    },
    async (request) => ({ offers: await listOffers(billing, staffOf(request)) }),
  );

  api.post(
    '/offers',
    {
      schema: {
        tags: TAGS,
        summary: 'Make an offer on a paid tier',
        body: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 80 }),
            code: Type.Optional(Slug),
            tierId: Type.String({ maxLength: 100 }),
            cadence: Cadence,
            kind: Kind,
            percentOff: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
            amountsOff: Type.Optional(AmountsOff),
            duration: Type.Optional(Duration),
            durationMonths: Type.Optional(Type.Integer({ minimum: 1, maximum: 120 })),
            trialDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 730 })),
            redemptionLimit: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
          },
          { additionalProperties: false },
        ),
        response: { 201: OfferChangeJson, ...errors(409) },
      },
    },
    async (request, reply) => reply.code(201).send(await createOffer(billing, staffOf(request), request.body)),
  );

  api.post(
    '/offers/:id/archive',
    {
      schema: {
        tags: TAGS,
        summary: 'End an offer: its link says so; subscriptions made with it keep their discount',
        params: IdParams,
        response: { 200: OfferChangeJson },
      },
    },
    async (request) => archiveOffer(billing, staffOf(request), request.params.id),
  );
}
