import { newId, nowIso } from '../db/ids.ts';
import { AppError, type FieldProblem } from '../http/errors.ts';
import { slugify } from '../content/urls.ts';
import type { Actor } from '../staff/actor.ts';
import { authorizeBilling } from './policy.ts';
import * as repo from './offers.repository.ts';
import type { OfferCadence, OfferDuration, OfferKind, OfferRow } from './offers.table.ts';
import { syncCatalogue } from './stripe-sync.ts';
import type { BillingDeps } from './tiers.service.ts';
import { findTierRow, listPriceRows } from './tiers.repository.ts';
import type { TierPriceRow, TierRow } from './tiers.table.ts';

/** An offer as the admin API shows it. */
export interface OfferView {
  id: string;
  code: string;
  name: string;
  tierId: string;
  cadence: OfferCadence;
  kind: OfferKind;
  percentOff: number | null;
  amountsOff: Record<string, number>;
  duration: OfferDuration | null;
  durationMonths: number | null;
  trialDays: number | null;
  redemptionLimit: number | null;
  redemptions: number;
  archived: boolean;
  createdAt: string;
  stripeCouponId: string | null;
  stripeSynced: boolean;
}

export interface OfferInput {
  name: string;
  code?: string;
  tierId: string;
  cadence: OfferCadence;
  kind: OfferKind;
  percentOff?: number;
  amountsOff?: Record<string, number>;
  duration?: OfferDuration;
  durationMonths?: number;
  trialDays?: number;
  redemptionLimit?: number | null;
}

/** What a change answers: the offer, and when Stripe could not be told, why (the offer is kept). */
export interface OfferChange {
  offer: OfferView;
  stripeProblem?: string;
}

const MAX_TRIAL_DAYS = 730; // Stripe's longest trial
const MAX_MONTHS = 120;
const MAX_AMOUNT = 99_999_999;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Every offer, newest first, with its redemptions so far. */
export async function listOffers(deps: Pick<BillingDeps, 'db'>, actor: Actor): Promise<OfferView[]> {
  authorizeBilling(actor, 'tiers.read');
  return (await repo.listOfferRows(deps.db)).map(presentOffer);
}

/** Makes an offer on a paid tier and sends its coupon to Stripe (kept in Gaceta if Stripe is down). */
export async function createOffer(deps: BillingDeps, actor: Actor, input: OfferInput): Promise<OfferChange> {
  authorizeBilling(actor, 'offers.manage');
  const tier = await findTierRow(deps.db, input.tierId);
  const prices = (await listPriceRows(deps.db)).filter((p) => p.tier_id === input.tierId && p.archived_at === null);
  const row = checkOffer(input, tier, prices);
  if (await repo.findOfferByCode(deps.db, row.code))
    throw new AppError('SLUG_TAKEN', `Another offer already has the code "${row.code}".`, [
      { field: input.code ? 'code' : 'name', message: 'gives a code another offer has' },
    ]);
  await repo.insertOffer(deps.db, row);
  return changed(deps, row.id);
}

/** Ends an offer: its link says so from now on; subscriptions made with it keep their discount. */
export async function archiveOffer(deps: BillingDeps, actor: Actor, id: string): Promise<OfferChange> {
  authorizeBilling(actor, 'offers.manage');
  if (!(await repo.findOfferRow(deps.db, id))) throw new AppError('NOT_FOUND', 'No offer has this id.');
  await repo.archiveOfferRow(deps.db, id, nowIso());
  return changed(deps, id);
}

async function changed(deps: BillingDeps, id: string): Promise<OfferChange> {
  let stripeProblem: string | undefined;
  if (deps.stripe)
    try {
      await syncCatalogue(deps.db, deps.stripe);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      stripeProblem = error.message;
    }
  const offer = (await repo.listOfferRows(deps.db)).find((row) => row.id === id);
  if (!offer) throw new AppError('NOT_FOUND', 'No offer has this id.');
  return { offer: presentOffer(offer), ...(stripeProblem ? { stripeProblem } : {}) };
}

function presentOffer(row: OfferRow & { redemptions: number }): OfferView {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    tierId: row.tier_id,
    cadence: row.cadence,
    kind: row.kind,
    percentOff: row.percent_off === null ? null : Number(row.percent_off),
    amountsOff: JSON.parse(row.amounts_off) as Record<string, number>,
    duration: row.duration,
    durationMonths: row.duration_months === null ? null : Number(row.duration_months),
    trialDays: row.trial_days === null ? null : Number(row.trial_days),
    redemptionLimit: row.redemption_limit === null ? null : Number(row.redemption_limit),
    redemptions: row.redemptions,
    archived: row.archived_at !== null,
    createdAt: row.created_at,
    stripeCouponId: row.stripe_coupon_id,
    stripeSynced: row.stripe_synced_at !== null,
  };
}

const inRange = (value: number | undefined, min: number, max: number): value is number =>
  value !== undefined && Number.isInteger(value) && value >= min && value <= max;

/** The row an admin's input makes, or VALIDATION_FAILED naming every field that is wrong. */
function checkOffer(input: OfferInput, tier: TierRow | undefined, prices: TierPriceRow[]): OfferRow {
  const problems: FieldProblem[] = [];
  const name = input.name.trim();
  if (!name || name.length > 80) problems.push({ field: 'name', message: 'must have 1 to 80 characters' });
  const code = input.code?.trim() || slugify(name);
  if (!SLUG.test(code) || code.length > 100)
    problems.push({ field: input.code ? 'code' : 'name', message: 'must give lower-case letters, digits and hyphens' });
  if (!tier || tier.kind !== 'paid' || tier.archived_at !== null)
    problems.push({ field: 'tierId', message: 'must be an active paid tier' });
  const discounted = input.kind !== 'trial';
  if (input.kind === 'percent' && !inRange(input.percentOff, 1, 100))
    problems.push({ field: 'percentOff', message: 'must be a whole number from 1 to 100' });
  const amounts = Object.entries(input.amountsOff ?? {}).map(([c, a]) => [c.toLowerCase(), a] as const);
  if (input.kind === 'amount') {
    const priced = new Set(prices.map((p) => p.currency));
    if (amounts.length === 0) problems.push({ field: 'amountsOff', message: 'must give an amount in a currency' });
    for (const [currency, amount] of amounts) {
      if (!priced.has(currency))
        problems.push({ field: 'amountsOff', message: `${currency} is not a currency this tier is priced in` });
      if (!inRange(amount, 1, MAX_AMOUNT))
        problems.push({ field: 'amountsOff', message: `${currency} must be a positive amount in cents` });
    }
  }
  if (discounted && !input.duration)
    problems.push({ field: 'duration', message: 'must say how long the discount lasts' });
  if (discounted && input.duration === 'repeating' && !inRange(input.durationMonths, 1, MAX_MONTHS))
    problems.push({ field: 'durationMonths', message: `must be from 1 to ${MAX_MONTHS} months` });
  if (input.kind === 'trial' && !inRange(input.trialDays, 1, MAX_TRIAL_DAYS))
    problems.push({ field: 'trialDays', message: `must be from 1 to ${MAX_TRIAL_DAYS} days` });
  const limit = input.redemptionLimit ?? null;
  if (limit !== null && !inRange(limit, 1, 1_000_000))
    problems.push({ field: 'redemptionLimit', message: 'must be a positive whole number, or none' });
  if (problems.length)
    throw new AppError(
      'VALIDATION_FAILED',
      `The offer was not made: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}.`,
      problems,
    );
  return {
    id: newId(),
    code,
    name,
    tier_id: input.tierId,
    cadence: input.cadence,
    kind: input.kind,
    percent_off: input.kind === 'percent' ? (input.percentOff ?? null) : null,
    amounts_off: JSON.stringify(input.kind === 'amount' ? Object.fromEntries(amounts) : {}),
    duration: discounted ? (input.duration ?? null) : null,
    duration_months: discounted && input.duration === 'repeating' ? (input.durationMonths ?? null) : null,
    trial_days: input.kind === 'trial' ? (input.trialDays ?? null) : null,
    redemption_limit: limit,
    created_at: nowIso(),
    archived_at: null,
    stripe_coupon_id: null,
    stripe_synced_at: null,
  };
}
