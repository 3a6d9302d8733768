import { html, type Renderable } from '../http/html.ts';
import type { MessageKey } from '../i18n/en.ts';
import { pricePerInterval } from '../members/account-billing.views.ts';
import { memberPage } from '../members/members.views.ts';
import type { SiteContext } from '../site/site-context.ts';
import type { Offer } from './checkout.service.ts';
import type { OfferRow } from './offers.table.ts';
import { offerTerms, subscribeWithOffer } from './offers.views.ts';

const csrfField = (csrf: string) => html`<input type="hidden" name="csrf" value="${csrf}">`;
const plansLink = (site: SiteContext) => html`<p><a href="/pricing">${site.t.t('checkout.plans')}</a></p>`;

/** A checkout page: a title and what follows it, in the site's chrome, never indexed. */
function checkoutPage(site: SiteContext, title: string, path: string, main: Renderable): string {
  return memberPage(site, title, path, html`<h1>${title}</h1>${main}`);
}

/** A page that explains why there is no checkout (unknown plan, not set up, Stripe down), with the plans. */
export function checkoutMessage(site: SiteContext, title: MessageKey, body: MessageKey, path: string): string {
  return checkoutPage(site, site.t.t(title), path, html`<p>${site.t.t(body)}</p>${plansLink(site)}`);
}

/** The subscribe page's own address: its price, and the offer (discount link) it came with, if any. */
const subscribePath = (offer: Offer, discount?: OfferRow) =>
  discount ? subscribeWithOffer(offer.price.id, discount.code) : `/subscribe?price=${offer.price.id}`;

function offerSummary(site: SiteContext, offer: Offer, discount?: OfferRow): Renderable {
  const { t } = site;
  // An offer's longer trial replaces the tier's, and says so in its terms.
  const trialDays = discount?.kind === 'trial' ? 0 : Number(offer.tier.trial_days);
  return html`<p class="offer"><strong>${offer.tier.name}</strong> · ${pricePerInterval(t, Number(offer.price.amount), offer.price.currency, offer.price.interval)}</p>
${discount ? html`<p class="discount">${t.t('offer.applied', { name: discount.name, terms: offerTerms(t, discount, offer.price.currency) })}</p>` : ''}
${trialDays > 0 ? html`<p class="trial">${t.t('checkout.trial', { days: trialDays })}</p>` : ''}`;
}

/** For a reader not signed in: an account comes first, and the emailed link brings them back here. */
export function signInFirstPage(site: SiteContext, offer: Offer, discount?: OfferRow): string {
  const { t } = site;
  const back = encodeURIComponent(subscribePath(offer, discount));
  return checkoutPage(
    site,
    t.t('checkout.title', { tier: offer.tier.name }),
    subscribePath(offer, discount),
    html`${offerSummary(site, offer, discount)}<p>${t.t('checkout.signInFirst')}</p>
<p><a class="button" href="/signup?from=${back}">${t.t('checkout.signUp')}</a> <a href="/signin?from=${back}">${t.t('checkout.signIn')}</a></p>`,
  );
}

/** For a member whose subscription already gives access: no second one, but the way to change it. */
export function alreadySubscribedPage(
  site: SiteContext,
  offer: Offer,
  subscribed: { tierName: string; accountCsrf: string | null },
): string {
  const { t } = site;
  return checkoutPage(
    site,
    t.t('checkout.already.title'),
    subscribePath(offer),
    html`<p>${t.t('checkout.already.body', { tier: subscribed.tierName })}</p>
${
  subscribed.accountCsrf
    ? html`<form method="post" action="/account/billing">${csrfField(subscribed.accountCsrf)}<p><button type="submit">${t.t('member.billing.manage')}</button></p></form>`
    : html`<p><a href="/account">${t.t('nav.account')}</a></p>`
}`,
  );
}

/** The confirmation: what the reader is about to pay, and the button that takes them to Stripe. */
export function confirmPage(
  site: SiteContext,
  offer: Offer,
  form: { csrf: string; from: string; discount?: OfferRow },
): string {
  const { t } = site;
  const { discount } = form;
  return checkoutPage(
    site,
    t.t('checkout.title', { tier: offer.tier.name }),
    subscribePath(offer, discount),
    html`${offerSummary(site, offer, discount)}${offer.tier.description ? html`<p>${offer.tier.description}</p>` : ''}
<p>${t.t('checkout.confirm.next')}</p>
<form method="post" action="/subscribe">${csrfField(form.csrf)}<input type="hidden" name="price" value="${offer.price.id}"><input type="hidden" name="from" value="${form.from}">${discount ? html`<input type="hidden" name="offer" value="${discount.code}">` : ''}
<p><button type="submit">${t.t('checkout.confirm.pay')}</button></p>
</form>
<p><a href="/pricing">${t.t('checkout.otherPlans')}</a></p>`,
  );
}

/** After Checkout: thanks, what happens next, and the way back to the story the reader came from. */
export function thankYouPage(
  site: SiteContext,
  done: { tierName: string; trialEnd: string | null; attribution: string },
): string {
  const { t } = site;
  return checkoutPage(
    site,
    t.t('checkout.done.title'),
    '/subscribe/done',
    html`<p>${done.trialEnd ? t.t('checkout.done.trial', { tier: done.tierName, date: t.longDate(done.trialEnd) }) : t.t('checkout.done.body', { tier: done.tierName })}</p>
<p>${t.t('checkout.done.next')}</p>
<p>${done.attribution ? html`<a class="button" href="${done.attribution}">${t.t('checkout.done.back')}</a> ` : ''}<a href="/account">${t.t('nav.account')}</a></p>`,
  );
}
