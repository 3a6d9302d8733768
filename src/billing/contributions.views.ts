import { html, type Renderable } from '../http/html.ts';
import { memberPage } from '../members/members.views.ts';
import type { SiteContext } from '../site/site-context.ts';
import { amountRule } from './contribution-amounts.ts';

/** What the contribution form shows: the choices, and what the reader sent when it comes back with an error. */
export interface ContributionForm {
  csrf: string;
  currencies: readonly string[];
  currency: string;
  /** The preset chosen (minor units as text), or ''. */
  amount: string;
  /** The custom amount as the reader typed it. */
  custom: string;
  note: string;
  from: string;
  /** The signed-in member's address, or null for an anonymous reader. */
  memberEmail: string | null;
  /** What was wrong with the last try, in the reader's words. */
  error: string | null;
}

/** Stripe keeps a metadata value of at most 500 characters. */
export const NOTE_MAX = 500;

function contributionPage(site: SiteContext, title: string, path: string, main: Renderable): string {
  return memberPage(site, title, path, html`<h1>${title}</h1>${main}`);
}

/** Links that reload the form in another currency: the preset amounts change with it, without JavaScript. */
function currencyChoice(site: SiteContext, form: ContributionForm): Renderable {
  if (form.currencies.length < 2) return '';
  return html`<nav class="currencies" aria-label="${site.t.t('contribute.currency')}"><ul>${form.currencies.map(
    (currency) =>
      currency === form.currency
        ? html`<li><strong aria-current="true">${currency.toUpperCase()}</strong></li>`
        : html`<li><a href="/contribute?currency=${currency}">${currency.toUpperCase()}</a></li>`,
  )}</ul></nav>`;
}

/** /contribute: preset amounts in the chosen currency, another amount, a note, and the button to Stripe. */
export function contributionFormPage(site: SiteContext, form: ContributionForm): string {
  const { t } = site;
  const rule = amountRule(form.currency);
  return contributionPage(
    site,
    t.t('contribute.title'),
    '/contribute',
    html`<p>${t.t('contribute.intro')}</p>
${form.error ? html`<p class="error" role="alert" id="contribute-error">${form.error}</p>` : ''}
${currencyChoice(site, form)}
<form method="post" action="/contribute" class="contribute"><input type="hidden" name="csrf" value="${form.csrf}"><input type="hidden" name="currency" value="${form.currency}"><input type="hidden" name="from" value="${form.from}">
<fieldset><legend>${t.t('contribute.amount')} (${form.currency.toUpperCase()})</legend>
${rule.presets.map(
  (amount) =>
    html`<label class="preset"><input type="radio" name="amount" value="${String(amount)}"${String(amount) === form.amount ? html` checked` : ''}> ${t.money(amount, form.currency)}</label>\n`,
)}
<p><label for="custom">${t.t('contribute.custom')}</label><br><input id="custom" name="custom" type="text" inputmode="decimal" autocomplete="off" maxlength="20" value="${form.custom}" aria-describedby="custom-hint${form.error ? ' contribute-error' : ''}"> <span id="custom-hint">${t.t('contribute.customHint', { minimum: t.money(rule.minimum, form.currency) })}</span></p>
</fieldset>
<p><label for="note">${t.t('contribute.note')}</label><br><textarea id="note" name="note" rows="3" maxlength="${String(NOTE_MAX)}">${form.note}</textarea></p>
<p>${form.memberEmail ? t.t('contribute.asMember', { email: form.memberEmail }) : t.t('contribute.anonymous')}</p>
<p>${t.t('contribute.next')}</p>
<p><button type="submit">${t.t('contribute.submit')}</button></p>
</form>`,
  );
}

/** /contribute/thanks: the amount given, and where to find it later. */
export function contributionThanksPage(site: SiteContext, given: { amount: number; currency: string }): string {
  const { t } = site;
  return contributionPage(
    site,
    t.t('contribute.thanks.title'),
    '/contribute/thanks',
    html`<p class="given">${t.t('contribute.thanks.body', { amount: t.money(given.amount, given.currency) })}</p>
<p>${t.t('contribute.thanks.account')} <a href="/account">${t.t('nav.account')}</a></p>`,
  );
}
