import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { GIFT_MONTHS, type GiftMonths } from './gifts.table.ts';
import type { Tier } from './tiers.presenter.ts';
import { offeredTiers } from './tiers.service.ts';

/**
 * What a gift costs (docs/decisions.md, "Gift subscriptions"): 1 month is the tier's monthly price,
 * 6 months six of them, 12 months the yearly price (its saving is the reason to give a year), or
 * twelve monthly prices when the tier has no yearly one. A length whose price the tier lacks in the
 * currency is not offered.
 */
export function giftPrice(tier: Tier, currency: string, months: GiftMonths): number | null {
  const active = (interval: 'month' | 'year') =>
    tier.prices.find((price) => !price.archived && price.currency === currency && price.interval === interval);
  const monthly = active('month');
  if (months === 12) return active('year')?.amount ?? (monthly ? monthly.amount * 12 : null);
  return monthly ? monthly.amount * months : null;
}

/** A paid tier as the gift form offers it: its name and, per length, its price (null: not offered). */
export interface GiftChoice {
  tier: Tier;
  prices: Record<GiftMonths, number | null>;
}

/** What may be given: the currencies of the pricing page, and the paid tiers with a price in `currency`. */
export async function giftCatalogue(
  db: Kysely<Database>,
  currency?: string,
): Promise<{ currencies: string[]; currency: string | undefined; choices: GiftChoice[] }> {
  const { tiers, currencies } = await offeredTiers(db);
  const chosen = currency && currencies.includes(currency) ? currency : currencies[0];
  if (!chosen) return { currencies, currency: undefined, choices: [] };
  const choices = tiers
    .filter((tier) => tier.kind === 'paid')
    .map((tier) => ({
      tier,
      prices: Object.fromEntries(GIFT_MONTHS.map((months) => [months, giftPrice(tier, chosen, months)])) as Record<
        GiftMonths,
        number | null
      >,
    }))
    .filter((choice) => GIFT_MONTHS.some((months) => choice.prices[months] !== null));
  return { currencies, currency: chosen, choices };
}

export const isGiftMonths = (value: number): value is GiftMonths => (GIFT_MONTHS as readonly number[]).includes(value);
