import { html, type SafeHtml } from '../http/html.ts';
import type { MessageKey } from '../i18n/en.ts';
import type { Translator } from '../i18n/i18n.ts';
import type { PaymentSummary, SubscriptionSummary } from './subscriptions.ts';

/** What the account page shows of a member's billing: mirrored from Stripe, plus whether the portal can open. */
export interface AccountBilling {
  subscriptions: readonly SubscriptionSummary[];
  payments: readonly PaymentSummary[];
  /** The member has a Stripe customer, so "Manage billing" (Stripe's customer portal) has something to show. */
  canManage: boolean;
}

export const NO_BILLING: AccountBilling = { subscriptions: [], payments: [], canManage: false };

/** "$5.00 a month": the same words the pricing page uses. */
export function pricePerInterval(t: Translator, amount: number, currency: string, interval: 'month' | 'year'): string {
  return t.t(interval === 'month' ? 'pricing.perMonth' : 'pricing.perYear', { price: t.money(amount, currency) });
}

/** A subscription's state in the reader's words, with the date that matters for it. */
export function subscriptionStatus(t: Translator, sub: SubscriptionSummary): string {
  const date = (iso: string) => t.longDate(iso);
  const price = pricePerInterval(t, sub.amount, sub.currency, sub.interval);
  switch (sub.status) {
    case 'trialing':
      return sub.cancelAtPeriodEnd
        ? t.t('member.billing.endsOn', { date: date(sub.currentPeriodEnd) })
        : t.t('member.billing.trialUntil', { date: date(sub.trialEnd ?? sub.currentPeriodEnd), price });
    case 'active':
      return sub.cancelAtPeriodEnd
        ? t.t('member.billing.endsOn', { date: date(sub.currentPeriodEnd) })
        : t.t('member.billing.renewsOn', { date: date(sub.currentPeriodEnd), price });
    case 'past_due':
    case 'unpaid':
      return t.t('member.billing.paymentFailed');
    case 'incomplete':
      return t.t('member.billing.incomplete');
    case 'paused':
      return t.t('member.billing.paused');
    case 'canceled':
    case 'incomplete_expired':
      return t.t('member.billing.ended');
  }
}

/** The subscription part of the account page: each subscription, "Manage billing", and the payments. */
export function billingSection(t: Translator, billing: AccountBilling, csrfField: SafeHtml): SafeHtml {
  const { subscriptions, payments } = billing;
  return html`${
    subscriptions.length
      ? html`<ul class="subscriptions">${subscriptions.map(
          (sub) =>
            html`<li><p><strong>${sub.tierName}</strong> · ${pricePerInterval(t, sub.amount, sub.currency, sub.interval)}${sub.group ? html` · <span class="for-group">${t.t('member.billing.forGroup', { group: sub.group.name })}</span>` : ''}</p><p class="status">${subscriptionStatus(t, sub)}</p></li>`,
        )}</ul>`
      : html`<p>${t.t('member.billing.none')} <a href="/pricing">${t.t('member.billing.plans')}</a></p>`
  }
${
  billing.canManage
    ? html`<form method="post" action="/account/billing">${csrfField}<p>${t.t('member.billing.manageHint')}</p><p><button type="submit">${t.t('member.billing.manage')}</button></p></form>`
    : ''
}
${payments.length ? paymentsTable(t, payments) : ''}`;
}

// Stripe's invoice pages are web addresses; anything else (a javascript: URL) is never a link.
const WEB_ADDRESS = /^https?:\/\//;

/** A paid invoice's page on Stripe (a contribution or a gift has none: its row says what it was instead). */
function invoiceLink(t: Translator, payment: PaymentSummary): SafeHtml | string {
  if (!payment.hostedInvoiceUrl || !WEB_ADDRESS.test(payment.hostedInvoiceUrl)) return '';
  return html`<a href="${payment.hostedInvoiceUrl}" rel="noopener">${payment.number ? t.t('member.billing.invoiceNumber', { number: payment.number }) : t.t('member.billing.invoice')}</a>`;
}

function paymentsTable(t: Translator, payments: readonly PaymentSummary[]): SafeHtml {
  const heading = (key: MessageKey) => html`<th scope="col">${t.t(key)}</th>`;
  return html`<h3>${t.t('member.billing.payments')}</h3>
<table class="payments"><thead><tr>${heading('member.billing.paidOn')}${heading('member.billing.amount')}${heading('member.billing.invoice')}</tr></thead><tbody>
${payments.map(
  (payment) =>
    html`<tr><td>${payment.paidAt ? html`<time datetime="${payment.paidAt}">${t.longDate(payment.paidAt)}</time>` : t.t('member.billing.unpaid')}</td><td>${t.money(payment.amountPaid, payment.currency)}${payment.amountRefunded > 0 ? html` <span class="refunded">${t.t('member.billing.refunded', { amount: t.money(payment.amountRefunded, payment.currency) })}</span>` : ''}</td><td>${payment.kind === 'subscription' ? invoiceLink(t, payment) : html`<span class="kind">${t.t(payment.kind === 'gift' ? 'member.billing.gift' : 'member.billing.contribution')}</span>`}</td></tr>`,
)}
</tbody></table>`;
}
