import { Type } from '@sinclair/typebox';
import type { TypedFastify } from '../http/typed-fastify.ts';
import { stripeClient } from '../billing/stripe-client.ts';
import {
  addPrice,
  archivePrice,
  type BillingDeps,
  createTier,
  listTiers,
  reorderTiers,
  sendCatalogueToStripe,
  setTierArchived,
  updateTier,
} from '../billing/tiers.service.ts';
import { SlugSchema as Slug } from '../content/articles.schemas.ts';
import type { AdminDeps } from './auth.ts';
import { staffOf } from './auth.ts';
import { errors, IdParams, ListOf, Open } from './schemas.ts';

const Interval = Type.Union([Type.Literal('month'), Type.Literal('year')]);
const PriceJson = Open(
  {
    id: Type.String(),
    currency: Type.String({ description: 'ISO 4217 code in lower case: usd, mxn' }),
    interval: Interval,
    amount: Type.Integer({ description: "in the currency's smallest unit (cents)" }),
    archived: Type.Boolean(),
    stripePriceId: Type.Union([Type.String(), Type.Null()]),
    stripeSynced: Type.Boolean({ description: 'Stripe has this price as it is in Gaceta' }),
  },
  'A price of a paid tier; never changed in place',
);
const TierJson = Open(
  {
    id: Type.String(),
    slug: Type.String(),
    name: Type.String(),
    description: Type.String(),
    benefits: Type.Array(Type.String()),
    kind: Type.Union([Type.Literal('free'), Type.Literal('paid')]),
    archived: Type.Boolean(),
    position: Type.Integer(),
    trialDays: Type.Integer(),
    stripeProductId: Type.Union([Type.String(), Type.Null()]),
    stripeSynced: Type.Boolean(),
    prices: Type.Array(PriceJson),
  },
  'A tier readers join, with its prices (archived ones too)',
);
const TierChangeJson = Type.Object(
  {
    tier: TierJson,
    stripeProblem: Type.Optional(
      Type.String({ description: 'Stripe could not be told; the change is kept in Gaceta, send it again later' }),
    ),
  },
  { description: 'The tier as changed' },
);
const tierFields = {
  slug: Type.Optional(Slug),
  description: Type.Optional(Type.String({ maxLength: 1000 })),
  benefits: Type.Optional(Type.Array(Type.String({ maxLength: 200 }), { maxItems: 20 })),
  trialDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 730, description: 'days of free trial; 0 for none' })),
};
const Name = Type.String({ minLength: 1, maxLength: 80 });
const TierPriceParams = Type.Object({ id: Type.String({ format: 'uuid' }), priceId: Type.String({ format: 'uuid' }) });
const TAGS = ['tiers'];

/** Tiers and their prices (admins change them; editors see them), and sending them to Stripe. */
export function registerTierRoutes(api: TypedFastify, deps: AdminDeps): void {
  const billing: BillingDeps = { db: deps.db, invalidation: deps.invalidation, stripe: stripeClient(deps.config) };
  const stripeConfigured = billing.stripe !== undefined;

  api.get(
    '/tiers',
    {
      schema: {
        tags: TAGS,
        summary: 'Every tier with its prices',
        response: {
          200: Type.Object(
            { ...ListOf('tiers', TierJson, '').properties, stripeConfigured: Type.Boolean() },
            { description: 'Tiers in order, and whether Stripe is set up' },
          ),
        },
      },
    },
    async (request) => ({ tiers: await listTiers(billing, staffOf(request)), stripeConfigured }),
  );

  api.post(
    '/tiers',
    {
      schema: {
        tags: TAGS,
        summary: 'Add a paid tier',
        body: Type.Object({ name: Name, ...tierFields }, { additionalProperties: false }),
        response: { 201: TierChangeJson, ...errors(409) },
      },
    },
    async (request, reply) => reply.code(201).send(await createTier(billing, staffOf(request), request.body)),
  );

  api.patch(
    '/tiers/:id',
    {
      schema: {
        tags: TAGS,
        summary: 'Change a tier',
        params: IdParams,
        body: Type.Object({ name: Type.Optional(Name), ...tierFields }, { additionalProperties: false }),
        response: { 200: TierChangeJson, ...errors(409) },
      },
    },
    async (request) => updateTier(billing, staffOf(request), request.params.id, request.body),
  );

  for (const [action, archived] of [
    ['archive', true],
    ['restore', false],
  ] as const)
    api.post(
      `/tiers/:id/${action}`,
      {
        schema: {
          tags: TAGS,
          summary: archived ? 'Take a paid tier off the pricing page' : 'Offer an archived tier again',
          params: IdParams,
          response: { 200: TierChangeJson, ...errors(409) },
        },
      },
      async (request) => setTierArchived(billing, staffOf(request), request.params.id, archived),
    );

  api.post(
    '/tiers/order',
    {
      schema: {
        tags: TAGS,
        summary: 'Put the tiers in this order (every tier once)',
        body: Type.Object(
          { ids: Type.Array(Type.String({ format: 'uuid' }), { maxItems: 200 }) },
          { additionalProperties: false },
        ),
        response: { 200: ListOf('tiers', TierJson, 'Tiers in their new order') },
      },
    },
    async (request) => ({ tiers: await reorderTiers(billing, staffOf(request), request.body.ids) }),
  );

  api.post(
    '/tiers/:id/prices',
    {
      schema: {
        tags: TAGS,
        summary: "Set a paid tier's price for a currency and interval",
        description:
          'Prices are never changed in place: a new amount for a currency and interval archives the price it replaces (subscribers keep theirs).',
        params: IdParams,
        body: Type.Object(
          {
            currency: Type.String({ minLength: 3, maxLength: 3, description: 'ISO 4217: usd, mxn' }),
            interval: Interval,
            amount: Type.Integer({ description: "in the currency's smallest unit (cents)" }),
          },
          { additionalProperties: false },
        ),
        response: { 200: TierChangeJson, ...errors(409) },
      },
    },
    async (request) => addPrice(billing, staffOf(request), request.params.id, request.body),
  );

  api.post(
    '/tiers/:id/prices/:priceId/archive',
    {
      schema: {
        tags: TAGS,
        summary: 'Stop offering a price',
        params: TierPriceParams,
        response: { 200: TierChangeJson },
      },
    },
    async (request) => archivePrice(billing, staffOf(request), request.params.id, request.params.priceId),
  );

  api.post(
    '/tiers/stripe-sync',
    {
      schema: {
        tags: TAGS,
        summary: 'Send to Stripe what it does not have yet (after an outage)',
        response: { 200: ListOf('tiers', TierJson, 'Tiers as Stripe now has them'), ...errors(409, 503) },
      },
    },
    async (request) => ({ tiers: await sendCatalogueToStripe(billing, staffOf(request)) }),
  );
}
