import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'node-html-parser';
import { html } from '../http/html.ts';
import { translator } from '../i18n/i18n.ts';
import { billingSection, subscriptionStatus } from './account-billing.views.ts';
import type { PaymentSummary, SubscriptionSummary } from './subscriptions.ts';

/*
 * The account page's subscription part, rendered from what subscriptions.ts gives (the webhook work
 * fills it from Stripe's events). The HTTP tests of the page with a real subscription are in
 * src/billing/checkout.test.ts, enabled once that work is merged.
 */

const en = translator('en', 'UTC');
const es = translator('es', 'UTC');
const subscription = (changes: Partial<SubscriptionSummary> = {}): SubscriptionSummary => ({
  stripeSubscriptionId: 'sub_1',
  tierId: 'tier_1',
  tierName: 'Supporter',
  status: 'active',
  amount: 500,
  currency: 'usd',
  interval: 'month',
  currentPeriodEnd: '2026-12-30T12:00:00.000Z',
  cancelAtPeriodEnd: false,
  trialEnd: null,
  givesAccess: true,
  ...changes,
});
const payment = (changes: Partial<PaymentSummary> = {}): PaymentSummary => ({
  stripeInvoiceId: 'in_1',
  kind: 'subscription',
  number: 'ABC-0001',
  amountPaid: 500,
  amountRefunded: 0,
  currency: 'usd',
  status: 'paid',
  paidAt: '2026-11-30T12:00:00.000Z',
  hostedInvoiceUrl: 'https://invoice.stripe.com/i/abc',
  ...changes,
});
const csrf = html`<input type="hidden" name="csrf" value="token">`;
const texts = (markup: string, selector: string) =>
  parse(markup)
    .querySelectorAll(selector)
    .map((node) => node.textContent.replace(/\s+/g, ' ').trim());

describe('the account page’s subscription and payments', () => {
  it('says each state in words, with the date that matters', () => {
    const cases: Array<[Partial<SubscriptionSummary>, string, string]> = [
      [
        { status: 'trialing', trialEnd: '2026-12-07T12:00:00.000Z', currentPeriodEnd: '2026-12-07T12:00:00.000Z' },
        'Free trial until Monday, December 7, 2026, then $5.00 a month.',
        'Prueba gratis hasta el lunes, 7 de diciembre de 2026; después, USD\u00a05.00 al mes.',
      ],
      [
        {},
        'Renews on Wednesday, December 30, 2026 for $5.00 a month.',
        'Se renueva el miércoles, 30 de diciembre de 2026 por USD\u00a05.00 al mes.',
      ],
      [
        { cancelAtPeriodEnd: true },
        'Ends on Wednesday, December 30, 2026: cancelled at the end of the period.',
        'Termina el miércoles, 30 de diciembre de 2026: cancelada al final del periodo.',
      ],
      [
        { status: 'past_due' },
        'Your last payment failed. Update your card with “Manage billing” to keep reading.',
        'Tu último pago no pasó. Actualiza tu tarjeta con “Administrar pagos” para seguir leyendo.',
      ],
      [{ status: 'canceled', givesAccess: false }, 'Ended.', 'Terminada.'],
    ];
    for (const [changes, english, spanish] of cases) {
      assert.equal(subscriptionStatus(en, subscription(changes)), english);
      assert.equal(subscriptionStatus(es, subscription(changes)), spanish);
    }
  });

  it('lists the subscription, offers "Manage billing" to a member with a Stripe customer, and the payments', () => {
    const markup = billingSection(
      en,
      {
        subscriptions: [subscription()],
        payments: [
          payment(),
          payment({
            stripeInvoiceId: 'in_2',
            number: null,
            amountRefunded: 200,
            hostedInvoiceUrl: 'javascript:alert(1)',
          }),
          payment({
            stripeInvoiceId: 'cs_gift',
            kind: 'contribution',
            number: null,
            hostedInvoiceUrl: null,
            amountPaid: 2500,
          }),
        ],
        canManage: true,
      },
      csrf,
    ).toString();
    assert.deepEqual(texts(markup, '.subscriptions li p'), [
      'Supporter · $5.00 a month',
      'Renews on Wednesday, December 30, 2026 for $5.00 a month.',
    ]);
    const form = parse(markup).querySelector('form[action="/account/billing"]');
    assert.equal(form?.querySelector('input[name="csrf"]')?.getAttribute('value'), 'token');
    assert.deepEqual(texts(markup, 'form button'), ['Manage billing']);
    const rows = parse(markup)
      .querySelectorAll('.payments tbody tr')
      .map((row) => row.querySelectorAll('td').map((cell) => cell.textContent.replace(/\s+/g, ' ').trim()));
    assert.deepEqual(rows, [
      ['Monday, November 30, 2026', '$5.00', 'Invoice ABC-0001'],
      ['Monday, November 30, 2026', '$5.00 ($2.00 refunded)', ''],
      ['Monday, November 30, 2026', '$25.00', 'Contribution'],
    ]);
    assert.deepEqual(
      parse(markup)
        .querySelectorAll('.payments a')
        .map((a) => a.getAttribute('href')),
      ['https://invoice.stripe.com/i/abc'],
      'only web addresses become links',
    );
  });

  it('offers the plans to a member with no subscription, and no "Manage billing" without a Stripe customer', () => {
    const markup = billingSection(en, { subscriptions: [], payments: [], canManage: false }, csrf).toString();
    assert.deepEqual(texts(markup, 'p'), ['You have no subscription. See subscription plans']);
    assert.equal(parse(markup).querySelector('a')?.getAttribute('href'), '/pricing');
    assert.equal(parse(markup).querySelectorAll('form').length, 0);
    assert.equal(parse(markup).querySelectorAll('table').length, 0);
  });
});
