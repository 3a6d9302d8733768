import { html } from '../http/html.ts';
import type { Translator } from '../i18n/i18n.ts';
import { pricePerInterval } from '../members/account-billing.views.ts';
import { memberPage } from '../members/members.views.ts';
import type { SiteContext } from '../site/site-context.ts';
import type { OfferForReaders } from './offers-redemption.ts';
import type { OfferRow } from './offers.table.ts';

/** The link that subscribes at a price with an offer: the /subscribe flow, carrying the offer's code. */
export const subscribeWithOffer = (priceId: string, code: string): string =>
  `/subscribe?price=${encodeURIComponent(priceId)}&offer=${encodeURIComponent(code)}`;

/** What an offer gives, in the reader's words, for a price in `currency`: "50% off your first 3 months". */
export function offerTerms(t: Translator, offer: OfferRow, currency: string): string {
  if (offer.kind === 'trial') return t.t('offer.trial', { days: Number(offer.trial_days) });
  const discount =
    offer.kind === 'percent'
      ? new Intl.NumberFormat(t.locale, { style: 'percent' }).format(Number(offer.percent_off) / 100)
      : t.money((JSON.parse(offer.amounts_off) as Record<string, number>)[currency] ?? 0, currency);
  if (offer.duration === 'forever') return t.t('offer.forever', { discount });
  if (offer.duration !== 'repeating') return t.t('offer.once', { discount });
  const months = Number(offer.duration_months);
  const period = months === 1 ? t.t('offer.oneMonth') : t.t('offer.nMonths', { months });
  return t.t('offer.repeating', { discount, period });
}

/** The offer's link: what it gives on each of the tier's prices, each with its Subscribe button. */
export function offerPage(site: SiteContext, found: OfferForReaders): string {
  const { t } = site;
  const { offer, tier } = found;
  return memberPage(
    site,
    offer.name,
    `/offer/${offer.code}`,
    html`<h1>${offer.name}</h1>
<p>${t.t('offer.intro', { tier: tier.name })}</p>
${tier.description ? html`<p>${tier.description}</p>` : ''}
<ul class="offer-prices">${found.prices.map(
      (price) =>
        html`<li class="offer-price"><p><strong>${pricePerInterval(t, Number(price.amount), price.currency, price.interval)}</strong> · <span class="terms">${offerTerms(t, offer, price.currency)}</span></p>
<p><a class="button" href="${subscribeWithOffer(price.id, offer.code)}">${t.t('offer.subscribe')}</a></p></li>`,
    )}</ul>`,
  );
}
