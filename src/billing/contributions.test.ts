import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'node-html-parser';
import { memberHistory } from '../members/history.ts';
import { findMemberByEmail } from '../members/members.service.ts';
import { paymentsOf } from '../members/subscriptions.ts';
import { updateSettings } from '../settings/settings.service.ts';
import { SYSTEM } from '../staff/actor.ts';
import { makeStaff, signIn } from '../testing/factories.ts';
import { listenOnLoopback, startTestApp, TEST_DIALECT, type TestApp } from '../testing/harness.ts';
import { signedInMember } from '../testing/member-browser.ts';
import { ReaderBrowser } from '../testing/reader-browser.ts';
import { startTestSmtp, type TestSmtp } from '../testing/smtp.ts';
import {
  startStripeStandIn,
  STRIPE_TEST_KEY,
  STRIPE_TEST_WEBHOOK_SECRET,
  type StripeStandIn,
} from '../testing/stripe.ts';
import { stripeCustomerOf } from './customers.ts';

const texts = (body: string, selector: string): string[] =>
  parse(body)
    .querySelectorAll(selector)
    .map((node) => node.textContent.replace(/\s+/g, ' ').trim());
const sessionIdOf = (location: string | undefined) => /\/checkout\/(cs_test_\w+)$/.exec(location ?? '')?.[1] ?? '';

describe(`contributing without Stripe keys on ${TEST_DIALECT}`, () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  it('says contributions are not open yet, and the footer still leads there', async () => {
    const page = await new ReaderBrowser(t).get('/contribute');
    assert.equal(page.statusCode, 503);
    assert.deepEqual(texts(page.body, 'h1'), ['Contributions are not open yet']);
    const home = await new ReaderBrowser(t).get('/');
    assert.deepEqual(texts(home.body, '.site-footer a[href="/contribute"]'), ['Support us']);
  });
});

describe(`one-time contributions through Stripe Checkout on ${TEST_DIALECT}`, () => {
  let smtp: TestSmtp;
  let stripe: StripeStandIn;
  let t: TestApp;
  let ip = 0;
  const db = () => t.database.handle.db;
  const reader = () => new ReaderBrowser(t, `10.14.0.${++ip}`);
  const receipts = (email: string) =>
    smtp.received.filter((m) => m.to.some((to) => to.toLowerCase() === email) && /contribu/i.test(m.subject));
  /** The form at /contribute (in `query`'s currency), sent with these fields. */
  const give = (browser: ReaderBrowser, fields: Record<string, string>, query = '') =>
    browser.submit(`/contribute${query}`, '/contribute', fields);

  before(async () => {
    smtp = await startTestSmtp();
    stripe = await startStripeStandIn();
    t = await startTestApp({
      smtpUrl: smtp.url,
      mailFrom: 'desk@news.example',
      stripeSecretKey: STRIPE_TEST_KEY,
      stripeWebhookSecret: STRIPE_TEST_WEBHOOK_SECRET,
      stripeApiUrl: stripe.url,
    });
    // Stripe's side tells Gaceta of the payment as Stripe does: a signed event to the webhook.
    stripe.webhookUrl = `${(await listenOnLoopback(t)).base}/webhooks/stripe`;
    const headers = await signIn(t, await makeStaff(t, 'admin'));
    const api = async (url: string, payload: object) => {
      const answer = await t.app.inject({ method: 'POST', url: `/admin/api${url}`, headers, payload });
      assert.ok(answer.statusCode < 300, answer.body);
      return answer.json<{ tier: { id: string } }>().tier;
    };
    const tier = await api('/tiers', { name: 'Supporter' });
    await api(`/tiers/${tier.id}/prices`, { currency: 'usd', interval: 'month', amount: 500 });
    await api(`/tiers/${tier.id}/prices`, { currency: 'mxn', interval: 'year', amount: 99000 });
  });
  after(async () => {
    await t.close();
    await stripe.stop();
    await smtp.close();
  });

  it('offers preset amounts in the tiers’ currencies, another amount and a note, in a protected form', async () => {
    const page = await reader().get('/contribute');
    assert.equal(page.statusCode, 200);
    assert.deepEqual(texts(page.body, 'h1'), ['Support our journalism']);
    assert.deepEqual(texts(page.body, 'label.preset'), ['$5.00', '$10.00', '$25.00', '$50.00']);
    assert.deepEqual(texts(page.body, '.currencies li'), ['USD', 'MXN']);
    const form = parse(page.body).querySelector('form[action="/contribute"]');
    assert.ok(form);
    assert.ok(form.querySelector('input[name="csrf"]')?.getAttribute('value'));
    assert.ok(form.querySelector('input[name="custom"]') && form.querySelector('textarea[name="note"]'));
    assert.equal(page.headers['cache-control'], 'no-store');
    assert.match(String(page.headers['content-security-policy']), new RegExp(`form-action [^;]*${stripe.url}`));
    const pesos = await reader().get('/contribute?currency=MXN');
    assert.deepEqual(texts(pesos.body, 'label.preset'), ['MX$50.00', 'MX$100.00', 'MX$250.00', 'MX$500.00']);
    assert.match(texts(pesos.body, '#custom-hint')[0] ?? '', /^From MX\$10\.00\.$/);
  });

  it('refuses an amount out of bounds or not a number, says why, and keeps what the reader wrote', async () => {
    const browser = reader();
    const before = stripe.requests.length;
    const cases: Array<[Record<string, string>, string]> = [
      [{ currency: 'usd' }, 'Choose an amount or write one.'],
      [{ currency: 'usd', custom: '0.49' }, 'The smallest contribution is $1.00.'],
      [{ currency: 'mxn', custom: '9.99' }, 'The smallest contribution is MX$10.00.'],
      [{ currency: 'usd', custom: '1000000' }, 'The largest contribution is $999,999.99.'],
      [{ currency: 'usd', custom: 'lots' }, 'Write the amount as a number, like 5.00.'],
      [{ currency: 'usd', custom: '5.001' }, 'Write the amount as a number, like 5.00.'],
      [{ currency: 'eur', custom: '5' }, 'Choose one of the currencies offered.'],
    ];
    for (const [fields, error] of cases) {
      const page = await give(browser, { note: 'For the water story', ...fields });
      assert.equal(page.statusCode, 400, JSON.stringify(fields));
      assert.deepEqual(texts(page.body, '.error'), [error]);
      assert.equal(parse(page.body).querySelector('textarea[name="note"]')?.textContent, 'For the water story');
      assert.equal(parse(page.body).querySelector('input[name="custom"]')?.getAttribute('value'), fields.custom ?? '');
    }
    assert.equal(stripe.requests.length, before, 'Stripe was asked nothing');
  });

  it('refuses a form without this browser’s token, and asks Stripe for nothing', async () => {
    const before = stripe.requests.length;
    const forged = await reader().request('POST', '/contribute', { csrf: 'forged', currency: 'usd', amount: '500' });
    assert.equal(forged.statusCode, 403);
    assert.deepEqual(texts(forged.body, 'h1'), ['This form has expired']);
    assert.equal(stripe.requests.length, before);
  });

  it('during a Stripe outage says nothing was charged, in a 503', async () => {
    const browser = reader();
    for (const outage of ['down', 'failing'] as const) {
      const sessions = stripe.list('checkout.sessions').length;
      stripe[outage] = true;
      const page = await give(browser, { currency: 'usd', amount: '1000' });
      stripe[outage] = false;
      assert.equal(page.statusCode, 503, outage);
      assert.deepEqual(texts(page.body, 'h1'), ['Payments are not available right now']);
      assert.match(page.body, /Nothing was charged\./);
      assert.equal(stripe.list('checkout.sessions').length, sessions);
    }
  });

  it('lets an anonymous reader give: Checkout, thanks, a member made, one payment and one receipt even on replays, shown on /account', async () => {
    const browser = reader();
    const sent = await give(
      browser,
      { currency: 'mxn', custom: '150,50', note: 'Por el reportaje del agua' },
      '?currency=mxn',
    );
    assert.equal(sent.statusCode, 303, sent.body);
    const sessionId = sessionIdOf(sent.headers.location);
    assert.equal(sent.headers.location, `${stripe.url}/checkout/${sessionId}`);
    const request = stripe.creations('/v1/checkout/sessions').at(-1);
    const metadata = { gaceta_kind: 'contribution', note: 'Por el reportaje del agua' };
    assert.deepEqual(request?.params, {
      mode: 'payment',
      line_items: [
        {
          price_data: { currency: 'mxn', unit_amount: '15050', product_data: { name: 'Contribution to Gaceta' } },
          quantity: '1',
        },
      ],
      customer_creation: 'always',
      metadata,
      payment_intent_data: { metadata },
      locale: 'en',
      success_url: 'https://news.example/contribute/thanks?session_id={CHECKOUT_SESSION_ID}',
      cancel_url: 'https://news.example/contribute',
    });

    const unpaid = await browser.get(`/contribute/thanks?session_id=${sessionId}`);
    assert.deepEqual(texts(unpaid.body, 'h1'), ['Your contribution is not finished']);
    const success = new URL(await stripe.billing.pay(sessionId, 'Donor@Example.com'));
    assert.equal(success.origin, 'https://news.example');
    const thanks = await browser.get(success.pathname + success.search);
    assert.equal(thanks.statusCode, 200, thanks.body);
    assert.deepEqual(texts(thanks.body, 'h1'), ['Thank you for your contribution']);
    assert.deepEqual(texts(thanks.body, '.given'), [
      'We received your contribution of MX$150.50. A receipt is on its way to your inbox.',
    ]);
    assert.equal((await browser.get('/contribute/thanks?session_id=cs_test_unknown')).statusCode, 404);
    assert.equal((await browser.get('/contribute/thanks?session_id=../v1/customers')).statusCode, 400);

    const member = await findMemberByEmail(db(), 'donor@example.com');
    assert.ok(member, 'the donor is a member now');
    const customer = stripe.list('customers').find((c) => c.email === 'Donor@Example.com');
    assert.equal(await stripeCustomerOf(db(), member.id), customer?.id);
    // Stripe sends the completion again (a retried delivery): nothing more is recorded or mailed.
    await stripe.billing.redeliverCompleted(sessionId);
    assert.deepEqual(
      stripe.deliveries
        .filter((d) => d.type === 'checkout.session.completed')
        .slice(-2)
        .map((d) => d.status),
      [200, 200],
    );
    const payments = await paymentsOf(db(), member.id);
    assert.deepEqual(
      payments.map((p) => [p.kind, p.amountPaid, p.currency, p.stripeInvoiceId]),
      [['contribution', 15050, 'mxn', sessionId]],
    );
    const history = (await memberHistory(db(), member.id)).map((e) => [e.kind, e.actor]);
    assert.deepEqual(history.sort(), [
      ['contribution', 'stripe'],
      ['signed-up', 'stripe'],
    ]);
    await t.outbox.settled();
    const mails = receipts('donor@example.com');
    assert.equal(mails.length, 1, 'one receipt');
    assert.equal(mails[0]?.subject, 'Your contribution to Gaceta: receipt');
    assert.match(mails[0]?.text ?? '', /Receipt: MX\$150\.50, paid on \w+day, [A-Z][a-z]+ \d+, \d{4}, to Gaceta\./);
    assert.ok(mails[0]?.links.includes('https://news.example/account'));

    // Signed in with the address they gave, the donor finds the contribution on the account page.
    const signIn = reader();
    await signIn.submit('/signin', '/signin', { email: 'donor@example.com' });
    await t.outbox.settled();
    const link = smtp.received.filter((m) => m.to.some((to) => to.toLowerCase() === 'donor@example.com')).at(-1)
      ?.links[0];
    assert.ok(link);
    const url = new URL(link);
    assert.equal((await signIn.get(url.pathname + url.search)).statusCode, 303);
    const account = await signIn.get('/account');
    const rows = parse(account.body)
      .querySelectorAll('.payments tbody tr')
      .map((row) =>
        row
          .querySelectorAll('td')
          .map((cell) => cell.textContent.trim())
          .slice(1),
      );
    assert.deepEqual(rows, [['MX$150.50', 'Contribution']]);
  });

  it('lets a member give as themselves, with their Stripe customer, and mails the receipt in Spanish on a Spanish site', async () => {
    await updateSettings({ db: db(), invalidation: t.invalidation }, SYSTEM.seed, { locale: 'es' });
    try {
      const { reader: member, memberId } = await signedInMember(t, 'socia@example.com');
      const page = await member.get('/contribute');
      assert.deepEqual(texts(page.body, 'h1'), ['Apoya nuestro periodismo']);
      assert.match(page.body, /Contribuyes como socia@example\.com\./);
      const sent = await give(member, { currency: 'usd', amount: '2500', from: '/politics/the-vote' });
      assert.equal(sent.statusCode, 303, sent.body);
      const customer = stripe.list('customers').find((c) => c.email === 'socia@example.com');
      const request = stripe.creations('/v1/checkout/sessions').at(-1);
      assert.ok(customer && request);
      assert.equal(request.params.customer, customer.id);
      assert.equal(request.params.client_reference_id, memberId);
      assert.equal(request.params.customer_creation, undefined);
      assert.deepEqual(request.params.metadata, {
        gaceta_kind: 'contribution',
        gaceta_member_id: memberId,
        attribution: '/politics/the-vote',
      });
      assert.equal(request.params.locale, 'es');
      const success = new URL(await stripe.billing.pay(sessionIdOf(sent.headers.location)));
      const thanks = await member.get(success.pathname + success.search);
      assert.deepEqual(texts(thanks.body, 'h1'), ['Gracias por tu contribución']);
      await t.outbox.settled();
      const mails = receipts('socia@example.com');
      assert.equal(mails.length, 1);
      assert.equal(mails[0]?.subject, 'Tu contribución a Gaceta: recibo');
      assert.match(mails[0]?.text ?? '', /Recibo: USD\s25\.00, pagado el /);
      const account = await member.get('/account');
      assert.deepEqual(texts(account.body, '.payments .kind'), ['Contribución']);
    } finally {
      await updateSettings({ db: db(), invalidation: t.invalidation }, SYSTEM.seed, { locale: 'en' });
    }
  });
});
