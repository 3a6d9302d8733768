import { html, type Renderable } from '../http/html.ts';
import type { MessageKey } from '../i18n/en.ts';
import type { Translator } from '../i18n/i18n.ts';
import { memberPage } from '../members/members.views.ts';
import type { SiteContext } from '../site/site-context.ts';
import type { GiftFormInput } from './gift-order.ts';
import type { GiftChoice } from './gift-prices.ts';
import type { GiftView } from './gift-redemption.ts';
import { GIFT_MONTHS } from './gifts.table.ts';

/** Stripe keeps a metadata value of at most 500 characters; a gift's message is kept to the same. */
export const GIFT_MESSAGE_MAX = 500;

const MONTHS: Record<number, MessageKey> = { 1: 'gift.months.1', 6: 'gift.months.6', 12: 'gift.months.12' };

/** "6 months" / "6 meses". */
export const monthsWords = (t: Translator, months: number): string => t.t(MONTHS[months] ?? 'gift.months.12');

/** What the gift form shows: the choices, and what the buyer sent when it comes back with an error. */
export interface GiftForm extends GiftFormInput {
  csrf: string;
  currencies: readonly string[];
  choices: readonly GiftChoice[];
  /** The signed-in member's address, or null for an anonymous buyer. */
  memberEmail: string | null;
  error: string | null;
}

function giftPage(site: SiteContext, title: string, path: string, main: Renderable): string {
  return memberPage(site, title, path, html`<h1>${title}</h1>${main}`);
}

function currencyChoice(site: SiteContext, form: GiftForm): Renderable {
  if (form.currencies.length < 2) return '';
  return html`<nav class="currencies" aria-label="${site.t.t('gift.currency')}"><ul>${form.currencies.map((currency) =>
    currency === form.currency
      ? html`<li><strong aria-current="true">${currency.toUpperCase()}</strong></li>`
      : html`<li><a href="/gift?currency=${currency}">${currency.toUpperCase()}</a></li>`,
  )}</ul></nav>`;
}

/** One plan's choice and its price for each length (a length it lacks says so). */
function planChoice(site: SiteContext, form: GiftForm, choice: GiftChoice): Renderable {
  const { t } = site;
  const id = `tier-${choice.tier.id}`;
  return html`<li><input type="radio" name="tier" id="${id}" value="${choice.tier.id}"${choice.tier.id === form.tier ? html` checked` : ''}> <label for="${id}"><strong>${choice.tier.name}</strong></label>
<ul class="gift-prices">${GIFT_MONTHS.map((months) => {
    const price = choice.prices[months];
    return html`<li>${monthsWords(t, months)}: ${price === null ? t.t('gift.notOffered') : t.money(price, form.currency)}</li>`;
  })}</ul></li>\n`;
}

/** /gift: plan, length, the recipient, a message, and (signed out) the buyer's address, then Stripe. */
export function giftFormPage(site: SiteContext, form: GiftForm): string {
  const { t } = site;
  const field = (name: string, label: MessageKey, value: string, type = 'text', required = false) =>
    html`<p><label for="${name}">${t.t(label)}</label><br><input id="${name}" name="${name}" type="${type}" maxlength="320" value="${value}"${required ? html` required` : ''}></p>`;
  return giftPage(
    site,
    t.t('gift.title'),
    '/gift',
    html`<p>${t.t('gift.intro')}</p>
${form.error ? html`<p class="error" role="alert" id="gift-error">${form.error}</p>` : ''}
${currencyChoice(site, form)}
<form method="post" action="/gift" class="gift"><input type="hidden" name="csrf" value="${form.csrf}"><input type="hidden" name="currency" value="${form.currency}">
<fieldset><legend>${t.t('gift.plan')} (${form.currency.toUpperCase()})</legend><ul class="gift-plans">
${form.choices.map((choice) => planChoice(site, form, choice))}</ul></fieldset>
<fieldset><legend>${t.t('gift.length')}</legend>
${GIFT_MONTHS.map(
  (months) =>
    html`<label class="length"><input type="radio" name="months" value="${String(months)}"${String(months) === form.months ? html` checked` : ''}> ${monthsWords(t, months)}</label>\n`,
)}</fieldset>
${field('recipient_email', 'gift.recipientEmail', form.recipientEmail, 'email', true)}
${field('recipient_name', 'gift.recipientName', form.recipientName)}
<p><label for="message">${t.t('gift.message')}</label><br><textarea id="message" name="message" rows="3" maxlength="${String(GIFT_MESSAGE_MAX)}">${form.message}</textarea></p>
${form.memberEmail ? html`<p>${t.t('gift.asMember', { email: form.memberEmail })}</p>` : field('buyer_email', 'gift.buyerEmail', form.buyerEmail, 'email', true)}
<p>${t.t('gift.next')}</p>
<p><button type="submit">${t.t('gift.submit')}</button></p>
</form>`,
  );
}

/** /gift/done: to whom the gift went and where the receipt is. */
export function giftDonePage(
  site: SiteContext,
  done: { recipientName: string; recipientEmail: string; buyerEmail: string },
): string {
  const { t } = site;
  const recipient = done.recipientName ? `${done.recipientName} (${done.recipientEmail})` : done.recipientEmail;
  return giftPage(
    site,
    t.t('gift.done.title'),
    '/gift/done',
    html`<p class="sent">${t.t('gift.done.body', { recipient, email: done.buyerEmail })}</p>
<p>${t.t('gift.done.account')} <a href="/account">${t.t('nav.account')}</a></p>`,
  );
}

/** A gift as its recipient reads it: from whom, what, the message (escaped), and until when. */
function giftSummary(site: SiteContext, gift: GiftView): Renderable {
  const { t } = site;
  return html`<p class="gift-from">${t.t('gift.redeem.from', { from: gift.from, months: monthsWords(t, gift.months), tier: gift.tierName })}</p>
${gift.message ? html`<figure class="gift-message"><figcaption>${t.t('gift.redeem.message')}</figcaption><blockquote>${gift.message}</blockquote></figure>` : ''}
<p>${t.t('gift.redeem.until', { date: t.longDate(gift.expiresAt) })}</p>`;
}

/** /gift/redeem/<token>: the gift and, signed in, the button that redeems it; signed out, the way to sign in. */
export function giftRedeemPage(
  site: SiteContext,
  gift: GiftView,
  input: { csrf: string; path: string; signedInAs: string | null },
): string {
  const { t } = site;
  const action = input.signedInAs
    ? html`<form method="post" action="${input.path}"><input type="hidden" name="csrf" value="${input.csrf}">
<p>${t.t('gift.redeem.as', { email: input.signedInAs })}</p>
<p><button type="submit">${t.t('gift.redeem.submit')}</button></p></form>`
    : html`<form method="post" action="${input.path}/signin"><input type="hidden" name="csrf" value="${input.csrf}">
<p>${t.t('gift.redeem.signIn')}</p>
<p><label for="email">${t.t('gift.redeem.email')}</label><br><input id="email" name="email" type="email" autocomplete="email" required maxlength="320"></p>
<p><button type="submit">${t.t('gift.redeem.send')}</button></p></form>`;
  return giftPage(site, t.t('gift.redeem.title'), '/gift/redeem', html`${giftSummary(site, gift)}\n${action}`);
}

/** After redeeming: what the member reads now, and until when. */
export function giftRedeemedPage(site: SiteContext, redeemed: { tierName: string; endsAt: string }): string {
  const { t } = site;
  return giftPage(
    site,
    t.t('gift.redeemed.title'),
    '/gift/redeem',
    html`<p class="redeemed">${t.t('gift.redeemed.body', { tier: redeemed.tierName, date: t.longDate(redeemed.endsAt) })}</p>
<p><a href="/">${t.t('nav.home')}</a> · <a href="/account">${t.t('nav.account')}</a></p>`,
  );
}

/** /gift/redeem: the gifts addressed to the signed-in member's email, each with its redeem button. */
export function giftsWaitingPage(
  site: SiteContext,
  input: { csrf: string; email: string; gifts: readonly GiftView[] },
): string {
  const { t } = site;
  return giftPage(
    site,
    t.t('gift.waiting.title'),
    '/gift/redeem',
    input.gifts.length === 0
      ? html`<p>${t.t('gift.waiting.none', { email: input.email })}</p>`
      : html`<ul class="gifts-waiting">${input.gifts.map(
          (gift) =>
            html`<li>${giftSummary(site, gift)}<form method="post" action="/gift/redeem"><input type="hidden" name="csrf" value="${input.csrf}"><input type="hidden" name="gift" value="${gift.id}"><button type="submit">${t.t('gift.redeem.submit')}</button></form></li>\n`,
        )}</ul>`,
  );
}
