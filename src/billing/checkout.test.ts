import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'node-html-parser';
import { updateSettings } from '../settings/settings.service.ts';
import { SYSTEM } from '../staff/actor.ts';
import { makeStaff, signIn } from '../testing/factories.ts';
import { startTestApp, TEST_DIALECT, type TestApp } from '../testing/harness.ts';
import { signedInMember } from '../testing/member-browser.ts';
import { ReaderBrowser } from '../testing/reader-browser.ts';
import { startStripeStandIn, STRIPE_TEST_KEY, type StripeStandIn } from '../testing/stripe.ts';
import type { Tier } from './tiers.presenter.ts';

const texts = (body: string, selector: string): string[] =>
  parse(body)
    .querySelectorAll(selector)
    .map((node) => node.textContent.replace(/\s+/g, ' ').trim());
const hrefs = (body: string, selector = 'main a'): string[] =>
  parse(body)
    .querySelectorAll(selector)
    .map((node) => decodeURIComponent(node.getAttribute('href') ?? ''));

/** A paid tier with a trial, priced monthly in dollars, and a tier since archived, as an admin sets them up. */
async function setUpTiers(t: TestApp) {
  const headers = await signIn(t, await makeStaff(t, 'admin'));
  const api = async (url: string, payload?: object) => {
    const answer = await t.app.inject({ method: 'POST', url: `/admin/api${url}`, headers, payload: payload ?? {} });
    assert.ok(answer.statusCode < 300, answer.body);
    return answer.json<{ tier: Tier }>().tier;
  };
  const supporter = await api('/tiers', { name: 'Supporter', description: 'Keeps the lights on', trialDays: 7 });
  const priced = await api(`/tiers/${supporter.id}/prices`, { currency: 'usd', interval: 'month', amount: 500 });
  const yearly = await api(`/tiers/${supporter.id}/prices`, { currency: 'mxn', interval: 'year', amount: 99000 });
  const patron = await api('/tiers', { name: 'Patron' });
  const patronPrice = await api(`/tiers/${patron.id}/prices`, { currency: 'usd', interval: 'year', amount: 10000 });
  await api(`/tiers/${patron.id}/archive`);
  const monthly = priced.prices.find((p) => p.interval === 'month');
  const mxn = yearly.prices.find((p) => p.currency === 'mxn');
  const archived = patronPrice.prices[0];
  assert.ok(monthly?.stripePriceId && mxn && archived);
  return { api, supporter, monthly, mxn, archived };
}

describe(`subscribing without Stripe keys on ${TEST_DIALECT}`, () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  it('says subscriptions are not set up yet, and the account has no billing to manage', async () => {
    const page = await new ReaderBrowser(t).get('/subscribe?price=anything');
    assert.equal(page.statusCode, 503);
    assert.deepEqual(texts(page.body, 'main p').slice(0, 1), ['Subscriptions are not set up yet. Come back soon.']);
    assert.ok(hrefs(page.body).includes('/pricing'));
    const { reader } = await signedInMember(t, 'nokeys@example.com');
    const portal = await reader.submit('/account', '/account/billing', {});
    assert.equal(portal.statusCode, 303);
    assert.equal(portal.headers.location, '/account?done=no-billing');
  });
});

describe(`subscribing through Stripe Checkout on ${TEST_DIALECT}`, () => {
  let stripe: StripeStandIn;
  let t: TestApp;
  let tiers: Awaited<ReturnType<typeof setUpTiers>>;
  const db = () => t.database.handle.db;
  const subscribePath = () => `/subscribe?price=${tiers.monthly.id}`;
  /** A member's way to Checkout: the confirmation page's form, sent. */
  const toCheckout = async (reader: ReaderBrowser, query = '') =>
    reader.submit(`${subscribePath()}${query}`, '/subscribe', {
      price: tiers.monthly.id,
      from: /name="from" value="([^"]*)"/.exec((await reader.get(`${subscribePath()}${query}`)).body)?.[1] ?? '',
    });
  const sessionIdOf = (location: string | undefined) => /\/checkout\/(cs_test_\w+)$/.exec(location ?? '')?.[1] ?? '';

  before(async () => {
    stripe = await startStripeStandIn();
    t = await startTestApp({ stripeSecretKey: STRIPE_TEST_KEY, stripeApiUrl: stripe.url });
    tiers = await setUpTiers(t);
  });
  after(async () => {
    await t.close();
    await stripe.stop();
  });

  it('answers an unknown or archived price with a 404 that leads to the plans', async () => {
    for (const url of ['/subscribe?price=nope', `/subscribe?price=${tiers.archived.id}`, '/subscribe']) {
      const page = await new ReaderBrowser(t).get(url);
      assert.equal(page.statusCode, 404, url);
      assert.deepEqual(texts(page.body, 'h1'), ['This plan is not offered']);
      assert.ok(hrefs(page.body).includes('/pricing'));
      assert.equal(page.headers['cache-control'], 'no-store');
    }
  });

  it('asks an anonymous reader to create an account or sign in, and to come back here after the emailed link', async () => {
    const page = await new ReaderBrowser(t).get(subscribePath());
    assert.equal(page.statusCode, 200);
    assert.deepEqual(texts(page.body, 'h1'), ['Subscribe to Supporter']);
    assert.deepEqual(texts(page.body, '.offer'), ['Supporter · $5.00 a month']);
    assert.deepEqual(hrefs(page.body, 'main p a').slice(0, 2), [
      `/signup?from=${subscribePath()}`,
      `/signin?from=${subscribePath()}`,
    ]);
    assert.equal(parse(page.body).querySelectorAll('form[action="/subscribe"]').length, 0);
    // The sign-up form carries the way back, so the emailed link returns the reader here.
    const signup = await new ReaderBrowser(t).get(`/signup?from=${encodeURIComponent(subscribePath())}`);
    assert.match(signup.body, new RegExp(`name="from" value="${subscribePath().replace('?', '\\?')}"`));
  });

  it('shows a member what they are about to pay, with the trial and a protected form', async () => {
    const { reader } = await signedInMember(t, 'confirm@example.com');
    const page = await reader.get(subscribePath());
    assert.equal(page.statusCode, 200);
    assert.deepEqual(texts(page.body, '.offer'), ['Supporter · $5.00 a month']);
    assert.deepEqual(texts(page.body, '.trial'), [
      'Your first 7 days are free: cancel before then and you pay nothing.',
    ]);
    const form = parse(page.body).querySelector('form[action="/subscribe"]');
    assert.ok(form);
    assert.ok(form.querySelector('input[name="csrf"]')?.getAttribute('value'));
    assert.equal(form.querySelector('input[name="price"]')?.getAttribute('value'), tiers.monthly.id);
    assert.deepEqual(texts(page.body, 'form button'), ['Continue to payment']);
    assert.ok(
      String(page.headers['content-security-policy']).includes(
        `form-action 'self' https://checkout.stripe.com https://billing.stripe.com ${stripe.url};`,
      ),
      'the form may lead to Stripe Checkout',
    );
    const yearly = await reader.get(`/subscribe?price=${tiers.mxn.id}`);
    assert.deepEqual(texts(yearly.body, '.offer'), ['Supporter · MX$990.00 a year']);
  });

  it('refuses a form without this browser’s token, and asks Stripe for nothing', async () => {
    const { reader } = await signedInMember(t, 'forged@example.com');
    const before = stripe.requests.length;
    const forged = await reader.request('POST', '/subscribe', { price: tiers.monthly.id, csrf: 'forged' });
    assert.equal(forged.statusCode, 403);
    assert.deepEqual(texts(forged.body, 'h1'), ['This form has expired']);
    assert.equal(stripe.requests.length, before);
  });

  it('makes the customer once, then a Checkout session for the price, the member, the trial and the story they came from', async () => {
    const { reader, memberId } = await signedInMember(t, 'payer@example.com');
    const sent = await toCheckout(reader, '&from=/politics/the-vote');
    assert.equal(sent.statusCode, 303, sent.body);
    const sessionId = sessionIdOf(sent.headers.location);
    assert.equal(sent.headers.location, `${stripe.url}/checkout/${sessionId}`);
    const [customerRequest] = stripe.creations('/v1/customers').filter((r) => r.idempotencyKey?.includes(memberId));
    assert.ok(customerRequest);
    assert.equal(customerRequest.idempotencyKey, `gaceta-customer-${memberId}`);
    assert.deepEqual(customerRequest.params, { email: 'payer@example.com', metadata: { gaceta_member_id: memberId } });
    const customer = stripe.list('customers').find((c) => c.email === 'payer@example.com');
    const request = stripe.creations('/v1/checkout/sessions').at(-1);
    assert.ok(customer && request);
    const metadata = {
      gaceta_member_id: memberId,
      gaceta_tier_id: tiers.supporter.id,
      gaceta_price_id: tiers.monthly.id,
      attribution: '/politics/the-vote',
    };
    assert.deepEqual(request.params, {
      mode: 'subscription',
      customer: customer.id,
      client_reference_id: memberId,
      line_items: [{ price: tiers.monthly.stripePriceId, quantity: '1' }],
      subscription_data: { metadata, trial_period_days: '7' },
      metadata,
      locale: 'en',
      success_url: 'https://news.example/subscribe/done?session_id={CHECKOUT_SESSION_ID}',
      cancel_url: 'https://news.example/pricing',
    });
    // Trying again (the reader went back from Checkout) finds the same customer: one, not two.
    assert.equal((await toCheckout(reader)).statusCode, 303);
    assert.equal(stripe.list('customers').filter((c) => c.email === 'payer@example.com').length, 1);
  });

  it('during a Stripe outage says nothing was charged, in a 503, and leaves nothing made', async () => {
    const { reader } = await signedInMember(t, 'outage@example.com');
    const sessions = stripe.list('checkout.sessions').length;
    for (const outage of ['down', 'failing'] as const) {
      stripe[outage] = true;
      const page = await toCheckout(reader);
      stripe[outage] = false;
      assert.equal(page.statusCode, 503, outage);
      assert.deepEqual(texts(page.body, 'h1'), ['Payments are not available right now']);
      assert.match(page.body, /Nothing was charged\. Please try again in a few minutes\./);
    }
    assert.equal(stripe.list('customers').filter((c) => c.email === 'outage@example.com').length, 0);
    assert.equal(stripe.list('checkout.sessions').length, sessions, 'no session was made');
    // Stripe falls over after making the customer, before the session: the next try makes no second customer.
    stripe.answersBeforeOutage = 1;
    assert.equal((await toCheckout(reader)).statusCode, 503);
    stripe.answersBeforeOutage = Infinity;
    assert.equal((await toCheckout(reader)).statusCode, 303);
    assert.equal(stripe.list('customers').filter((c) => c.email === 'outage@example.com').length, 1);
  });

  it('welcomes the member back from Checkout with the tier, the trial and the way back to the story', async () => {
    const { reader } = await signedInMember(t, 'back@example.com');
    const sessionId = sessionIdOf((await toCheckout(reader, '&from=/politics/the-vote')).headers.location);
    const unpaid = await reader.get(`/subscribe/done?session_id=${sessionId}`);
    assert.equal(unpaid.statusCode, 200);
    assert.deepEqual(texts(unpaid.body, 'h1'), ['Your payment is not finished']);
    const success = new URL(await stripe.billing.pay(sessionId));
    assert.equal(success.origin, 'https://news.example');
    const done = await reader.get(success.pathname + success.search);
    assert.equal(done.statusCode, 200, done.body);
    assert.deepEqual(texts(done.body, 'h1'), ['Thank you for subscribing']);
    assert.match(
      texts(done.body, 'main p')[0] ?? '',
      /^Your free trial of Supporter has started and runs until \w+day, /,
    );
    assert.ok(hrefs(done.body).includes('/politics/the-vote'));
    const retrieved = stripe.requests.filter(
      (r) => r.method === 'GET' && r.path === `/v1/checkout/sessions/${sessionId}`,
    );
    assert.deepEqual(retrieved.at(-1)?.params, { expand: ['subscription'] });

    // Another member, a made-up session, an anonymous reader.
    const { reader: other } = await signedInMember(t, 'nosy@example.com');
    assert.equal((await other.get(success.pathname + success.search)).statusCode, 404);
    assert.equal((await reader.get('/subscribe/done?session_id=cs_test_unknown')).statusCode, 404);
    assert.equal((await reader.get('/subscribe/done?session_id=../v1/customers')).statusCode, 400);
    const anonymous = await new ReaderBrowser(t).get(success.pathname + success.search);
    assert.equal(anonymous.statusCode, 303);
    assert.equal(anonymous.headers.location, `/signin?from=${encodeURIComponent(success.pathname + success.search)}`);
  });

  it('sends a member without a Stripe customer back to the account from "Manage billing", and refuses a forged form', async () => {
    const { reader } = await signedInMember(t, 'portal@example.com');
    const answer = await reader.submit('/account', '/account/billing', {});
    assert.equal(answer.statusCode, 303);
    assert.equal(answer.headers.location, '/account?done=no-billing');
    const account = await reader.get('/account?done=no-billing');
    assert.deepEqual(texts(account.body, '.notice'), ['There is no billing to manage yet: you have not subscribed.']);
    assert.equal((await reader.request('POST', '/account/billing', { csrf: 'forged' })).statusCode, 403);
  });

  it('speaks the site’s language: Spanish amounts, Checkout in Spanish, the outage page in Spanish', async () => {
    await updateSettings({ db: db(), invalidation: t.invalidation }, SYSTEM.seed, { locale: 'es' });
    try {
      const { reader } = await signedInMember(t, 'lectora@example.com');
      const page = await reader.get(`/subscribe?price=${tiers.mxn.id}`);
      assert.deepEqual(texts(page.body, 'h1'), ['Suscríbete a Supporter']);
      assert.deepEqual(texts(page.body, '.offer'), ['Supporter · $990.00 al año']);
      assert.equal((await toCheckout(reader)).statusCode, 303);
      assert.equal(stripe.creations('/v1/checkout/sessions').at(-1)?.params.locale, 'es');
      stripe.down = true;
      const down = await toCheckout(reader);
      stripe.down = false;
      assert.equal(down.statusCode, 503);
      assert.match(down.body, /No se cobró nada\./);
    } finally {
      await updateSettings({ db: db(), invalidation: t.invalidation }, SYSTEM.seed, { locale: 'en' });
    }
  });

  it('tries the catalogue sync for a price Stripe does not have yet, and says so while Stripe is down', async () => {
    stripe.down = true;
    const late = await tiers.api(`/tiers/${tiers.supporter.id}/prices`, {
      currency: 'eur',
      interval: 'month',
      amount: 400,
    });
    const price = late.prices.find((p) => p.currency === 'eur');
    assert.ok(price && !price.stripePriceId);
    const { reader } = await signedInMember(t, 'early@example.com');
    const waiting = await reader.get(`/subscribe?price=${price.id}`);
    stripe.down = false;
    assert.equal(waiting.statusCode, 503);
    assert.deepEqual(texts(waiting.body, 'h1'), ['Payments are not available right now']);
    const ready = await reader.get(`/subscribe?price=${price.id}`);
    assert.equal(ready.statusCode, 200);
    assert.deepEqual(texts(ready.body, '.offer'), ['Supporter · €4.00 a month']);
  });
});

describe(`a subscribed member on ${TEST_DIALECT}`, () => {
  let stripe: StripeStandIn;
  let t: TestApp;
  let tiers: Awaited<ReturnType<typeof setUpTiers>>;
  before(async () => {
    stripe = await startStripeStandIn();
    t = await startTestApp({ stripeSecretKey: STRIPE_TEST_KEY, stripeApiUrl: stripe.url });
    tiers = await setUpTiers(t);
  });
  after(async () => {
    await t.close();
    await stripe.stop();
  });

  it('is told they already subscribe, sees the subscription on the account page, manages billing and cannot delete the account', async () => {
    const { reader, memberId } = await signedInMember(t, 'subscriber@example.com');
    const subscribe = `/subscribe?price=${tiers.monthly.id}`;
    // The confirmation page's token, kept as a reader keeps the page open in another tab.
    const csrf = /name="csrf" value="([^"]+)"/.exec((await reader.get(subscribe)).body)?.[1] ?? '';
    const sent = await reader.request('POST', '/subscribe', { price: tiers.monthly.id, csrf });
    const sessionId = /\/checkout\/(cs_test_\w+)$/.exec(sent.headers.location ?? '')?.[1] ?? '';
    const success = new URL(await stripe.billing.pay(sessionId));
    assert.equal((await reader.get(success.pathname + success.search)).statusCode, 200);

    const sessions = stripe.list('checkout.sessions').length;
    const second = await reader.request('POST', '/subscribe', { price: tiers.monthly.id, csrf });
    assert.equal(second.statusCode, 303);
    assert.equal(second.headers.location, subscribe, 'no second checkout while a subscription gives access');
    assert.equal(stripe.list('checkout.sessions').length, sessions);
    const again = await reader.get(subscribe);
    assert.deepEqual(texts(again.body, 'h1'), ['You already subscribe']);
    assert.deepEqual(texts(again.body, 'form[action="/account/billing"] button'), ['Manage billing']);

    const account = await reader.get('/account');
    assert.deepEqual(texts(account.body, '.subscriptions li p')[0], 'Supporter · $5.00 a month');
    assert.match(texts(account.body, '.subscriptions .status')[0] ?? '', /^Free trial until /);
    const portal = await reader.submit('/account', '/account/billing', {});
    assert.equal(portal.statusCode, 303);
    assert.match(portal.headers.location ?? '', new RegExp(`^${stripe.url}/portal/bps_`));
    const customer = stripe.list('customers').find((c) => c.email === 'subscriber@example.com');
    assert.equal(stripe.list('billing_portal.sessions').at(-1)?.customer, customer?.id);

    const refused = await reader.submit('/account', '/account/delete', { confirm: 'subscriber@example.com' });
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /Cancel it first with “Manage billing”/);
    const still = await t.database.handle.db.selectFrom('members').select('id').where('id', '=', memberId).execute();
    assert.equal(still.length, 1, 'the account is kept');
  });
});
