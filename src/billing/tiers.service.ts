import type { Kysely } from 'kysely';
import type Stripe from 'stripe';
import type { Database } from '../db/schema.ts';
import { newId, nowIso } from '../db/ids.ts';
import { AppError, type FieldProblem } from '../http/errors.ts';
import { type Invalidation, PRICING_PAGE } from '../http/invalidation.ts';
import { slugify } from '../content/urls.ts';
import type { Actor } from '../staff/actor.ts';
import { authorizeBilling } from './policy.ts';
import { syncCatalogue } from './stripe-sync.ts';
import { presentTier, type Tier } from './tiers.presenter.ts';
import * as repo from './tiers.repository.ts';
import type { PriceInterval, TierRow } from './tiers.table.ts';

export interface BillingDeps {
  db: Kysely<Database>;
  invalidation: Invalidation;
  /** Undefined without Stripe keys: tiers and prices are kept in Gaceta only. */
  stripe: Stripe | undefined;
}

export interface TierInput {
  name: string;
  slug?: string;
  description?: string;
  benefits?: string[];
  trialDays?: number;
}

/** What a change answers: the tier, and when Stripe could not be told, why (the change is kept). */
export interface TierChange {
  tier: Tier;
  stripeProblem?: string;
}

const MAX_TRIAL_DAYS = 730; // Stripe's longest trial
const MAX_AMOUNT = 99_999_999; // Stripe's largest unit_amount (eight digits)
const CURRENCIES = new Set(Intl.supportedValuesOf('currency').map((code) => code.toLowerCase()));

/** Every tier with every price (archived ones too), in the newsroom's order. */
export async function listTiers(deps: Pick<BillingDeps, 'db'>, actor: Actor): Promise<Tier[]> {
  authorizeBilling(actor, 'tiers.read');
  return allTiers(deps.db);
}

/** What the pricing page shows: the tiers offered and the currencies they are priced in. */
export interface Offer {
  tiers: Tier[];
  /** In the order the newsroom first priced them (archived prices count), so the first stays the default. */
  currencies: string[];
}

/**
 * What the pricing page offers (no actor: readers see it): the free tier and the active paid tiers
 * that have an active price (one without is not for sale yet), with their active prices.
 */
export async function offeredTiers(db: Kysely<Database>): Promise<Offer> {
  const all = await allTiers(db);
  const tiers = all
    .filter((tier) => !tier.archived)
    .map((tier) => ({ ...tier, prices: tier.prices.filter((price) => !price.archived) }))
    .filter((tier) => tier.kind === 'free' || tier.prices.length > 0);
  const offered = new Set(tiers.flatMap((tier) => tier.prices.map((price) => price.currency)));
  const everPriced = all.flatMap((tier) => tier.prices).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return { tiers, currencies: [...new Set(everPriced.map((price) => price.currency))].filter((c) => offered.has(c)) };
}

async function allTiers(db: Kysely<Database>): Promise<Tier[]> {
  const [tiers, prices] = await Promise.all([repo.listTierRows(db), repo.listPriceRows(db)]);
  return tiers.map((tier) => presentTier(tier, prices));
}

/** Adds a paid tier (the one free tier exists from the start), last in the order. */
export async function createTier(deps: BillingDeps, actor: Actor, input: TierInput): Promise<TierChange> {
  authorizeBilling(actor, 'tiers.manage');
  const fields = checkTier(input, 'paid');
  const slug = fields.slug ?? slugify(fields.name);
  if (!slug) refuse([{ field: 'slug', message: 'must have letters or digits' }]);
  if (await repo.findTierBySlug(deps.db, slug))
    // The slug made from the name is the name's problem: a form without a slug field can say so.
    throw new AppError('SLUG_TAKEN', `Another tier already has the address name "${slug}".`, [
      { field: fields.slug ? 'slug' : 'name', message: 'gives an address name another tier has' },
    ]);
  const id = newId();
  await repo.insertTier(deps.db, {
    id,
    slug,
    name: fields.name,
    description: fields.description ?? '',
    benefits: JSON.stringify(fields.benefits ?? []),
    kind: 'paid',
    position: await repo.nextTierPosition(deps.db),
    trial_days: fields.trialDays ?? 0,
    created_at: nowIso(),
    archived_at: null,
    stripe_product_id: null,
    stripe_synced_at: null,
  });
  return changed(deps, id);
}

/** Changes a tier's name, address name, description, benefits or trial. */
export async function updateTier(
  deps: BillingDeps,
  actor: Actor,
  id: string,
  input: Partial<TierInput>,
): Promise<TierChange> {
  authorizeBilling(actor, 'tiers.manage');
  const tier = await tierOrThrow(deps.db, id);
  const fields = checkTier({ name: tier.name, ...input }, tier.kind);
  if (fields.slug && fields.slug !== tier.slug) {
    const other = await repo.findTierBySlug(deps.db, fields.slug);
    if (other)
      throw new AppError('SLUG_TAKEN', `Another tier already has the address name "${fields.slug}".`, [
        { field: 'slug', message: 'is taken by another tier' },
      ]);
  }
  await repo.updateTierRow(deps.db, id, {
    name: fields.name,
    ...(fields.slug !== undefined ? { slug: fields.slug } : {}),
    ...(fields.description !== undefined ? { description: fields.description } : {}),
    ...(fields.benefits !== undefined ? { benefits: JSON.stringify(fields.benefits) } : {}),
    ...(fields.trialDays !== undefined ? { trial_days: fields.trialDays } : {}),
    stripe_synced_at: null,
  });
  return changed(deps, id);
}

/** Takes a paid tier off the pricing page (its subscribers keep it), or offers it again. */
export async function setTierArchived(
  deps: BillingDeps,
  actor: Actor,
  id: string,
  archived: boolean,
): Promise<TierChange> {
  authorizeBilling(actor, 'tiers.manage');
  const tier = await tierOrThrow(deps.db, id);
  if (tier.kind === 'free')
    throw new AppError('CONFLICT', 'The free tier cannot be archived: every reader who signs up joins it.');
  await repo.updateTierRow(deps.db, id, { archived_at: archived ? nowIso() : null, stripe_synced_at: null });
  return changed(deps, id);
}

/** Puts the tiers in this order; the list must name every tier once. */
export async function reorderTiers(deps: BillingDeps, actor: Actor, ids: readonly string[]): Promise<Tier[]> {
  authorizeBilling(actor, 'tiers.manage');
  const tiers = await repo.listTierRows(deps.db);
  const known = new Set(tiers.map((tier) => tier.id));
  if (ids.length !== known.size || new Set(ids).size !== ids.length || !ids.every((id) => known.has(id)))
    refuse([{ field: 'ids', message: 'must name every tier exactly once' }]);
  await deps.db.transaction().execute(async (trx) => {
    for (const [position, id] of ids.entries()) await repo.updateTierRow(trx, id, { position });
  });
  deps.invalidation.purge([PRICING_PAGE]);
  return allTiers(deps.db);
}

/**
 * Sets a paid tier's price for a currency and interval. Prices are never changed in place (Stripe's
 * cannot be, and subscribers keep the one they chose): a new amount archives the price it replaces.
 */
export async function addPrice(
  deps: BillingDeps,
  actor: Actor,
  tierId: string,
  input: { currency: string; interval: PriceInterval; amount: number },
): Promise<TierChange> {
  authorizeBilling(actor, 'tiers.manage');
  const tier = await tierOrThrow(deps.db, tierId);
  if (tier.kind === 'free') throw new AppError('CONFLICT', 'The free tier has no prices: it costs nothing.');
  const currency = input.currency.trim().toLowerCase();
  const problems: FieldProblem[] = [];
  if (!CURRENCIES.has(currency))
    problems.push({ field: 'currency', message: 'must be an ISO 4217 currency code such as usd or mxn' });
  if (!Number.isInteger(input.amount) || input.amount < 1 || input.amount > MAX_AMOUNT)
    problems.push({
      field: 'amount',
      message: `must be a whole number of the currency's smallest unit (cents) from 1 to ${MAX_AMOUNT}`,
    });
  if (problems.length) refuse(problems);
  await deps.db.transaction().execute(async (trx) => {
    const current = await repo.findActivePrice(trx, tierId, currency, input.interval);
    if (current && Number(current.amount) === input.amount) return;
    const at = nowIso();
    if (current) await repo.updatePriceRow(trx, current.id, { archived_at: at, stripe_synced_at: null });
    await repo.insertPrice(trx, {
      id: newId(),
      tier_id: tierId,
      currency,
      interval: input.interval,
      amount: input.amount,
      created_at: at,
      archived_at: null,
      stripe_price_id: null,
      stripe_synced_at: null,
    });
  });
  return changed(deps, tierId);
}

/** Stops offering a price; readers who pay it keep paying it. */
export async function archivePrice(
  deps: BillingDeps,
  actor: Actor,
  tierId: string,
  priceId: string,
): Promise<TierChange> {
  authorizeBilling(actor, 'tiers.manage');
  const price = await repo.findPriceRow(deps.db, tierId, priceId);
  if (!price) throw new AppError('NOT_FOUND', 'This tier has no such price.');
  if (price.archived_at === null)
    await repo.updatePriceRow(deps.db, priceId, { archived_at: nowIso(), stripe_synced_at: null });
  return changed(deps, tierId);
}

/** Sends to Stripe whatever it does not have yet (after an outage); STRIPE_UNAVAILABLE if it still cannot. */
export async function sendCatalogueToStripe(deps: BillingDeps, actor: Actor): Promise<Tier[]> {
  authorizeBilling(actor, 'tiers.manage');
  if (!deps.stripe) throw new AppError('CONFLICT', 'Stripe is not set up: set STRIPE_SECRET_KEY on the server first.');
  await syncCatalogue(deps.db, deps.stripe);
  return allTiers(deps.db);
}

/** After a change: the pricing page is purged and Stripe told; Stripe being down does not undo the change. */
async function changed(deps: BillingDeps, tierId: string): Promise<TierChange> {
  deps.invalidation.purge([PRICING_PAGE]);
  let stripeProblem: string | undefined;
  if (deps.stripe)
    try {
      await syncCatalogue(deps.db, deps.stripe);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      stripeProblem = error.message;
    }
  const tier = (await allTiers(deps.db)).find((t) => t.id === tierId);
  if (!tier) throw new AppError('NOT_FOUND', 'No tier has this id.');
  return { tier, ...(stripeProblem ? { stripeProblem } : {}) };
}

async function tierOrThrow(db: Kysely<Database>, id: string): Promise<TierRow> {
  const tier = await repo.findTierRow(db, id);
  if (!tier) throw new AppError('NOT_FOUND', 'No tier has this id.');
  return tier;
}

function checkTier(input: Partial<TierInput> & { name: string }, kind: TierRow['kind']): TierInput {
  const problems: FieldProblem[] = [];
  const name = input.name.trim();
  if (!name || name.length > 80) problems.push({ field: 'name', message: 'must have 1 to 80 characters' });
  const benefits = input.benefits?.map((line) => line.trim()).filter(Boolean);
  if (benefits && (benefits.length > 20 || benefits.some((line) => line.length > 200)))
    problems.push({ field: 'benefits', message: 'must be at most 20 lines of at most 200 characters' });
  const trialDays = input.trialDays;
  if (trialDays !== undefined && (!Number.isInteger(trialDays) || trialDays < 0 || trialDays > MAX_TRIAL_DAYS))
    problems.push({ field: 'trialDays', message: `must be a whole number of days from 0 to ${MAX_TRIAL_DAYS}` });
  if (kind === 'free' && trialDays) problems.push({ field: 'trialDays', message: 'must be 0: the free tier is free' });
  if (problems.length) refuse(problems);
  return {
    name,
    ...(input.slug !== undefined ? { slug: input.slug } : {}),
    ...(input.description !== undefined ? { description: input.description.trim() } : {}),
    ...(benefits ? { benefits } : {}),
    ...(trialDays !== undefined ? { trialDays } : {}),
  };
}

function refuse(problems: FieldProblem[]): never {
  throw new AppError(
    'VALIDATION_FAILED',
    `The tier was not changed: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}.`,
    problems,
  );
}
