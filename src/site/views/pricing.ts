import { html, type SafeHtml } from '../../http/html.ts';
import type { Tier, TierPrice } from '../../billing/tiers.presenter.ts';
import type { SiteContext } from '../site-context.ts';
import { layout } from './layout.ts';

export interface PricingView {
  tiers: readonly Tier[];
  /** Currencies with a price on the page, in the order offered; the first is the default. */
  currencies: readonly string[];
  currency: string | undefined;
  /** Stripe is set up: subscribe buttons are shown. */
  subscriptionsOpen: boolean;
  scriptPath: string;
}

export const pricingPath = (currency?: string): string => (currency ? `/pricing?currency=${currency}` : '/pricing');

/** The pricing page: active tiers, their benefits, monthly and yearly prices in one currency, trials. */
export function pricingPage(view: PricingView, site: SiteContext): string {
  const { t } = site;
  const main = html`<article class="pricing">
<h1>${t.t('pricing.title')}</h1>
<p class="dek">${t.t('pricing.intro')}</p>
${view.subscriptionsOpen ? '' : html`<p class="notice" role="status">${t.t('pricing.notSetUp')}</p>`}
${view.currencies.length > 1 ? currencyChoice(view, site) : ''}
<ul class="tiers">
${view.tiers.map((tier) => tierCard(tier, view, site))}
</ul>
${view.subscriptionsOpen ? html`<p class="gift-link"><a href="${view.currency && view.currency !== view.currencies[0] ? `/gift?currency=${view.currency}` : '/gift'}">${t.t('gift.link')}</a></p>` : ''}
${view.subscriptionsOpen ? html`<p class="groups">${t.t('pricing.groups')} <a href="/groups/new">${t.t('pricing.groupsLink')}</a></p>` : ''}
</article>`;
  return layout(
    site,
    {
      title: t.t('pricing.title'),
      description: t.t('pricing.intro'),
      path: pricingPath(view.currency === view.currencies[0] ? undefined : view.currency),
      scripts: view.currencies.length > 1 ? [view.scriptPath] : [],
    },
    main,
  );
}

function currencyChoice(view: PricingView, site: SiteContext): SafeHtml {
  return html`<nav class="currencies" aria-label="${site.t.t('pricing.currency')}"><ul>
${view.currencies.map(
  (code) =>
    html`<li><a href="${pricingPath(code)}" data-currency="${code}"${code === view.currency ? html` aria-current="true"` : ''}>${code.toUpperCase()}</a></li>`,
)}
</ul></nav>`;
}

function tierCard(tier: Tier, view: PricingView, site: SiteContext): SafeHtml {
  const { t } = site;
  const inCurrency = (interval: TierPrice['interval']) =>
    tier.prices.find((price) => price.currency === view.currency && price.interval === interval);
  const monthly = inCurrency('month');
  const yearly = inCurrency('year');
  const saving =
    monthly && yearly ? Math.round(((monthly.amount * 12 - yearly.amount) / (monthly.amount * 12)) * 100) : 0;
  const prices =
    tier.kind === 'free'
      ? html`<p class="price">${t.t('pricing.free')}</p>`
      : !monthly && !yearly
        ? html`<p class="price unavailable">${t.t('pricing.unavailable', { currency: (view.currency ?? '').toUpperCase() })}</p>`
        : html`${monthly ? html`<p class="price">${t.t('pricing.perMonth', { price: t.money(monthly.amount, monthly.currency) })}</p>` : ''}
${yearly ? html`<p class="price">${t.t('pricing.perYear', { price: t.money(yearly.amount, yearly.currency) })}${saving > 0 ? html` <span class="saving">${t.t('pricing.saving', { percent: saving })}</span>` : ''}</p>` : ''}`;
  const subscribe = (price: TierPrice | undefined, label: string) =>
    view.subscriptionsOpen && price ? html`<a class="button" href="/subscribe?price=${price.id}">${label}</a>` : '';
  return html`<li class="tier" id="tier-${tier.slug}">
<h2>${tier.name}</h2>
${tier.description ? html`<p>${tier.description}</p>` : ''}
${prices}
${tier.kind === 'paid' && tier.trialDays > 0 && (monthly || yearly) ? html`<p class="trial">${t.t('pricing.trial', { days: tier.trialDays })}</p>` : ''}
${
  tier.benefits.length
    ? html`<h3 class="visually-hidden">${t.t('pricing.benefits')}</h3><ul class="benefits">${tier.benefits.map((line) => html`<li>${line}</li>`)}</ul>`
    : ''
}
${tier.kind === 'paid' && view.subscriptionsOpen ? html`<p class="subscribe">${subscribe(monthly, t.t('pricing.subscribeMonthly'))} ${subscribe(yearly, t.t('pricing.subscribeYearly'))}</p>` : ''}
</li>`;
}
