import type { Translator } from '../i18n/i18n.ts';
import { parseEmail } from '../members/members.service.ts';
import { type giftCatalogue, isGiftMonths } from './gift-prices.ts';
import type { GiftOrder } from './gifts.service.ts';
import { monthsWords } from './gifts.views.ts';

/** What the gift form sends, as typed (kept to show the form again with its error). */
export interface GiftFormInput {
  currency: string;
  tier: string;
  months: string;
  recipientEmail: string;
  recipientName: string;
  message: string;
  buyerEmail: string;
}

type Catalogue = Awaited<ReturnType<typeof giftCatalogue>>;

/**
 * The gift the form asks for, priced from the catalogue (never from the form), or what is wrong
 * with it in the buyer's words. A member's own address takes the place of the buyer's field.
 */
export function checkGiftOrder(
  t: Translator,
  catalogue: Catalogue,
  input: GiftFormInput,
  memberEmail: string | null,
): GiftOrder | string {
  if (!catalogue.currency || catalogue.currency !== input.currency) return t.t('gift.error.currency');
  const choice = catalogue.choices.find((candidate) => candidate.tier.id === input.tier);
  if (!choice) return t.t('gift.error.tier');
  const months = Number(input.months);
  if (!/^\d{1,2}$/.test(input.months) || !isGiftMonths(months)) return t.t('gift.error.months');
  const amount = choice.prices[months];
  if (amount === null)
    return t.t('gift.error.length', {
      tier: choice.tier.name,
      months: monthsWords(t, months),
      currency: input.currency.toUpperCase(),
    });
  const recipient = parseEmail(input.recipientEmail);
  if (!recipient) return t.t('gift.error.recipient');
  const buyer = memberEmail ?? parseEmail(input.buyerEmail)?.email;
  if (!buyer) return t.t('gift.error.buyer');
  return {
    tier: { id: choice.tier.id, name: choice.tier.name },
    months,
    currency: input.currency,
    amount,
    recipient: { ...recipient, name: input.recipientName.slice(0, 120) },
    message: input.message,
    buyerEmail: buyer,
  };
}
