import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'node-html-parser';
import { updateSettings } from '../settings/settings.service.ts';
import { SYSTEM } from '../staff/actor.ts';
import { makeStaff, signIn } from '../testing/factories.ts';
import { startTestApp, TEST_DIALECT, type TestApp } from '../testing/harness.ts';
import { signedInMember } from '../testing/member-browser.ts';
import { ReaderBrowser } from '../testing/reader-browser.ts';
import {
  startStripeStandIn,
  STRIPE_TEST_KEY,
  STRIPE_TEST_WEBHOOK_SECRET,
  type StripeStandIn,
} from '../testing/stripe.ts';
import { signedWebhook } from '../testing/stripe-wire.ts';
import type { OfferView } from './offers.service.ts';
import type { Tier } from './tiers.presenter.ts';

const texts = (body: string, selector: string): string[] =>
  parse(body)
    .querySelectorAll(selector)
    .map((node) => node.textContent.replace(/\s+/g, ' ').trim());
const hrefs = (body: string, selector = 'main a'): string[] =>
  parse(body)
    .querySelectorAll(selector)
    .map((node) => decodeURIComponent(node.getAttribute('href') ?? ''));
const sessionIdOf = (location: string | undefined) => /\/checkout\/(cs_test_\w+)$/.exec(location ?? '')?.[1] ?? '';

describe(`offers on ${TEST_DIALECT}`, () => {
  let stripe: StripeStandIn;
  let t: TestApp;
  let admin: Record<string, string>;
  let editor: Record<string, string>;
  let tier: Tier;
  const db = () => t.database.handle.db;
  const api = (method: 'GET' | 'POST', url: string, headers: Record<string, string>, payload?: object) =>
    t.app.inject({ method, url: `/admin/api${url}`, headers, ...(payload ? { payload } : {}) });
  const makeOffer = async (payload: object): Promise<OfferView> => {
    const answer = await api('POST', '/offers', admin, { tierId: tier.id, cadence: 'both', ...payload });
    assert.equal(answer.statusCode, 201, answer.body);
    return answer.json<{ offer: OfferView }>().offer;
  };
  const priceOf = (currency: string, interval: string) => {
    const price = tier.prices.find((p) => p.currency === currency && p.interval === interval && !p.archived);
    assert.ok(price);
    return price;
  };
  /** A member's way to Checkout with an offer: the offer page's button, then the confirmation's form. */
  const checkoutWith = async (reader: ReaderBrowser, code: string, priceId: string) => {
    const offerPage = await reader.get(`/offer/${code}`);
    const link = hrefs(offerPage.body, '.offer-price a').find((href) => href.includes(priceId));
    assert.ok(link, offerPage.body);
    const confirm = await reader.get(link);
    assert.equal(confirm.statusCode, 200, confirm.body);
    return { confirm, sent: await reader.submit(link, '/subscribe', { price: priceId, offer: code, from: '' }) };
  };
  const webhook = (payload: string, headers: Record<string, string>) =>
    t.app.inject({ method: 'POST', url: '/webhooks/stripe', headers, payload });
  const redemptionsOf = async (id: string) =>
    (await api('GET', '/offers', admin)).json<{ offers: OfferView[] }>().offers.find((o) => o.id === id)?.redemptions;

  before(async () => {
    stripe = await startStripeStandIn();
    t = await startTestApp({
      stripeSecretKey: STRIPE_TEST_KEY,
      stripeApiUrl: stripe.url,
      stripeWebhookSecret: STRIPE_TEST_WEBHOOK_SECRET,
    });
    admin = await signIn(t, await makeStaff(t, 'admin'));
    editor = await signIn(t, await makeStaff(t, 'editor'));
    const post = async (url: string, payload: object) => {
      const answer = await api('POST', url, admin, payload);
      assert.ok(answer.statusCode < 300, answer.body);
      return answer.json<{ tier: Tier }>().tier;
    };
    const made = await post('/tiers', { name: 'Supporter', description: 'Keeps the lights on', trialDays: 7 });
    await post(`/tiers/${made.id}/prices`, { currency: 'usd', interval: 'month', amount: 500 });
    await post(`/tiers/${made.id}/prices`, { currency: 'usd', interval: 'year', amount: 5000 });
    tier = await post(`/tiers/${made.id}/prices`, { currency: 'mxn', interval: 'month', amount: 9000 });
  });
  after(async () => {
    await t.close();
    await stripe.stop();
  });

  it('lets admins make offers, synced to Stripe as coupons for the tier, and editors only look', async () => {
    const half = await makeOffer({
      name: 'Half off',
      code: 'half-off',
      kind: 'percent',
      percentOff: 50,
      duration: 'repeating',
      durationMonths: 3,
    });
    assert.equal(half.stripeCouponId, `gaceta_offer_${half.id}`);
    assert.ok(half.stripeSynced);
    const coupon = stripe.list('coupons').find((c) => c.id === half.stripeCouponId);
    assert.ok(coupon);
    assert.deepEqual(
      [coupon.percent_off, coupon.duration, coupon.duration_in_months, coupon.applies_to],
      [50, 'repeating', 3, { products: [tier.stripeProductId] }],
    );
    const request = stripe.creations('/v1/coupons').find((r) => r.params.id === half.stripeCouponId);
    assert.equal(request?.idempotencyKey, `gaceta-coupon-${half.id}`);

    const dollars = await makeOffer({
      name: 'Two dollars off',
      kind: 'amount',
      amountsOff: { usd: 200, mxn: 3000 },
      duration: 'forever',
    });
    assert.equal(dollars.code, 'two-dollars-off');
    const amountCoupon = stripe.list('coupons').find((c) => c.id === dollars.stripeCouponId);
    assert.deepEqual(
      [amountCoupon?.amount_off, amountCoupon?.currency, amountCoupon?.currency_options],
      [200, 'usd', { mxn: { amount_off: '3000' } }],
    );
    const trial = await makeOffer({
      name: 'Month free',
      code: 'month-free',
      kind: 'trial',
      trialDays: 30,
      cadence: 'month',
    });
    assert.equal(trial.stripeCouponId, null, 'a trial needs no coupon');
    assert.ok(trial.stripeSynced);

    const listed = await api('GET', '/offers', editor);
    assert.equal(listed.statusCode, 200);
    assert.deepEqual(
      listed.json<{ offers: OfferView[] }>().offers.map((o) => [o.code, o.redemptions]),
      [
        ['month-free', 0],
        ['two-dollars-off', 0],
        ['half-off', 0],
      ],
    );
    const refused = await api('POST', '/offers', editor, {
      name: 'Mine',
      tierId: tier.id,
      cadence: 'both',
      kind: 'trial',
      trialDays: 5,
    });
    assert.equal(refused.statusCode, 403);
    assert.match(refused.json<{ error: { message: string } }>().error.message, /may not make or end offers/);
    assert.equal((await api('POST', `/offers/${half.id}/archive`, editor)).statusCode, 403);
  });

  it('keeps an offer made during a Stripe outage, refuses checkouts with it, and makes its coupon once when Stripe is back', async () => {
    stripe.down = true;
    let made: { offer: OfferView; stripeProblem?: string };
    try {
      const answer = await api('POST', '/offers', admin, {
        name: 'Outage sale',
        tierId: tier.id,
        cadence: 'both',
        kind: 'percent',
        percentOff: 10,
        duration: 'forever',
      });
      assert.equal(answer.statusCode, 201, answer.body);
      made = answer.json();
      assert.match(made.stripeProblem ?? '', /Stripe could not be reached/);
      assert.equal(made.offer.stripeSynced, false);
      const { reader } = await signedInMember(t, 'outage@example.com');
      const page = await reader.get(`/subscribe?price=${priceOf('usd', 'month').id}&offer=outage-sale`);
      assert.equal(page.statusCode, 503);
    } finally {
      stripe.down = false;
    }
    // Stripe makes the coupon but the answer is lost (the stripe package retries once, lost too):
    // the next sync finds it, and no second is made.
    stripe.answersToLose = 2;
    const lost = await api('POST', '/tiers/stripe-sync', admin);
    assert.equal(lost.statusCode, 503, lost.body);
    assert.equal((await api('POST', '/tiers/stripe-sync', admin)).statusCode, 200);
    const synced = (await api('GET', '/offers', admin))
      .json<{ offers: OfferView[] }>()
      .offers.find((o) => o.id === made.offer.id);
    assert.ok(synced?.stripeSynced);
    assert.equal(stripe.list('coupons').filter((c) => c.id === `gaceta_offer_${made.offer.id}`).length, 1);
    assert.equal((await api('POST', `/offers/${made.offer.id}/archive`, admin)).statusCode, 200);
  });

  it('refuses an offer that does not make sense, naming each field, and a code already taken', async () => {
    const wrong = async (payload: object, fields: string[]) => {
      const answer = await api('POST', '/offers', admin, {
        name: 'Wrong',
        tierId: tier.id,
        cadence: 'both',
        ...payload,
      });
      assert.ok(answer.statusCode === 400 || answer.statusCode === 422, answer.body);
      for (const field of fields) assert.ok(answer.body.includes(field), `${field} in ${answer.body}`);
    };
    await wrong({ kind: 'percent', percentOff: 101, duration: 'once' }, ['percentOff']);
    await wrong({ kind: 'percent', percentOff: 10 }, ['duration']);
    await wrong({ kind: 'percent', percentOff: 10, duration: 'repeating' }, ['durationMonths']);
    await wrong({ kind: 'amount', amountsOff: { eur: 100 }, duration: 'once' }, ['amountsOff']);
    await wrong({ kind: 'amount', duration: 'once' }, ['amountsOff']);
    await wrong({ kind: 'trial' }, ['trialDays']);
    const free = (await api('GET', '/tiers', admin)).json<{ tiers: Tier[] }>().tiers.find((x) => x.kind === 'free');
    await wrong({ kind: 'trial', trialDays: 10, tierId: free?.id }, ['tierId']);
    const taken = await api('POST', '/offers', admin, {
      name: 'Again',
      code: 'half-off',
      tierId: tier.id,
      cadence: 'both',
      kind: 'trial',
      trialDays: 5,
    });
    assert.equal(taken.statusCode, 409);
  });

  it('shows the offer on the tier’s prices, in the site’s language, with buttons into /subscribe', async () => {
    const page = await new ReaderBrowser(t).get('/offer/half-off');
    assert.equal(page.statusCode, 200);
    assert.deepEqual(texts(page.body, 'h1'), ['Half off']);
    assert.deepEqual(texts(page.body, '.offer-price p:first-child'), [
      '$5.00 a month · 50% off every payment in your first 3 months',
      '$50.00 a year · 50% off every payment in your first 3 months',
      'MX$90.00 a month · 50% off every payment in your first 3 months',
    ]);
    assert.ok(
      hrefs(page.body, '.offer-price a').includes(`/subscribe?price=${priceOf('usd', 'month').id}&offer=half-off`),
    );
    // An amount off names only the currencies it has; a trial for monthly prices, only those.
    const dollars = await new ReaderBrowser(t).get('/offer/two-dollars-off');
    assert.deepEqual(texts(dollars.body, '.offer-price .terms'), [
      '$2.00 off every payment, for as long as you subscribe',
      '$2.00 off every payment, for as long as you subscribe',
      'MX$30.00 off every payment, for as long as you subscribe',
    ]);
    const trial = await new ReaderBrowser(t).get('/offer/month-free');
    assert.deepEqual(texts(trial.body, '.offer-price .terms'), [
      '30 days free before your first payment',
      '30 days free before your first payment',
    ]);
    await updateSettings({ db: db(), invalidation: t.invalidation }, SYSTEM.seed, { locale: 'es' });
    try {
      const spanish = await new ReaderBrowser(t).get('/offer/month-free');
      assert.deepEqual(texts(spanish.body, '.offer-price .terms').slice(0, 1), [
        '30 días gratis antes de tu primer pago',
      ]);
      const unknown = await new ReaderBrowser(t).get('/offer/nope');
      assert.deepEqual(texts(unknown.body, 'h1'), ['Esta oferta no existe']);
    } finally {
      await updateSettings({ db: db(), invalidation: t.invalidation }, SYSTEM.seed, { locale: 'en' });
    }
  });

  it('asks an anonymous reader to sign up or sign in first, and brings them back to the offer', async () => {
    const link = `/subscribe?price=${priceOf('usd', 'month').id}&offer=half-off`;
    const page = await new ReaderBrowser(t).get(link);
    assert.equal(page.statusCode, 200);
    assert.deepEqual(texts(page.body, '.discount'), [
      'Offer “Half off”: 50% off every payment in your first 3 months.',
    ]);
    assert.deepEqual(hrefs(page.body, 'main p a').slice(0, 2), [`/signup?from=${link}`, `/signin?from=${link}`]);
  });

  it('says an unknown offer is not there (404), with the plans, also on /subscribe', async () => {
    const page = await new ReaderBrowser(t).get('/offer/no-such-offer');
    assert.equal(page.statusCode, 404);
    assert.deepEqual(texts(page.body, 'h1'), ['This offer does not exist']);
    assert.ok(hrefs(page.body).includes('/pricing'));
    const { reader } = await signedInMember(t, 'unknown-offer@example.com');
    const subscribe = await reader.get(`/subscribe?price=${priceOf('usd', 'month').id}&offer=no-such-offer`);
    assert.equal(subscribe.statusCode, 404);
    // A price the offer is not for (the trial is for monthly prices only).
    const yearly = await reader.get(`/subscribe?price=${priceOf('usd', 'year').id}&offer=month-free`);
    assert.equal(yearly.statusCode, 404);
  });

  it('carries the coupon into Checkout, counts the redemption once when Stripe says the subscription was made, even on replays', async () => {
    const half = (await api('GET', '/offers', admin))
      .json<{ offers: OfferView[] }>()
      .offers.find((o) => o.code === 'half-off');
    assert.ok(half);
    const { reader } = await signedInMember(t, 'half@example.com');
    const { confirm, sent } = await checkoutWith(reader, 'half-off', priceOf('usd', 'month').id);
    assert.deepEqual(texts(confirm.body, '.discount'), [
      'Offer “Half off”: 50% off every payment in your first 3 months.',
    ]);
    assert.equal(sent.statusCode, 303, sent.body);
    const sessionId = sessionIdOf(sent.headers.location);
    const request = stripe.creations('/v1/checkout/sessions').at(-1);
    assert.deepEqual(request?.params.discounts, [{ coupon: half.stripeCouponId }]);
    assert.equal(stripe.billing.couponOf(sessionId)?.id, half.stripeCouponId);
    const data = stripe.billing.subscriptionDataOf(sessionId) as {
      metadata: Record<string, string>;
      trial_period_days?: string;
    };
    assert.equal(data.metadata.gaceta_offer, half.id);
    assert.equal(data.trial_period_days, '7', 'a discount keeps the tier’s own trial');

    // Paying makes the subscription; Stripe's event for it counts the offer.
    await stripe.billing.pay(sessionId);
    const subscription = stripe.list('subscriptions').at(-1);
    assert.ok(subscription);
    assert.equal((subscription.discount as { coupon: { id: string } }).coupon.id, half.stripeCouponId);
    const created = signedWebhook({ type: 'customer.subscription.created', data: { object: subscription } });
    assert.equal((await webhook(created.payload, created.headers)).statusCode, 200);
    assert.equal(await redemptionsOf(half.id), 1);
    // The same event again, and another event about the same subscription: still one.
    assert.equal((await webhook(created.payload, created.headers)).statusCode, 200);
    const again = signedWebhook({ type: 'customer.subscription.created', data: { object: subscription } });
    assert.equal((await webhook(again.payload, again.headers)).statusCode, 200);
    const updated = signedWebhook({ type: 'customer.subscription.updated', data: { object: subscription } });
    assert.equal((await webhook(updated.payload, updated.headers)).statusCode, 200);
    assert.equal(await redemptionsOf(half.id), 1);
  });

  it('gives the offer’s longer trial instead of the tier’s, and no coupon', async () => {
    const { reader } = await signedInMember(t, 'trial@example.com');
    const { confirm, sent } = await checkoutWith(reader, 'month-free', priceOf('usd', 'month').id);
    assert.deepEqual(texts(confirm.body, '.discount'), ['Offer “Month free”: 30 days free before your first payment.']);
    assert.deepEqual(texts(confirm.body, '.trial'), [], 'the tier’s 7-day trial is not offered beside it');
    const sessionId = sessionIdOf(sent.headers.location);
    const request = stripe.creations('/v1/checkout/sessions').at(-1);
    assert.equal(request?.params.discounts, undefined);
    assert.equal(stripe.billing.subscriptionDataOf(sessionId)?.trial_period_days, '30');
  });

  it('ends an offer at its redemption limit, and an archived one: 410 pages that lead to the plans, and no checkout', async () => {
    const limited = await makeOffer({
      name: 'First two',
      code: 'first-two',
      kind: 'percent',
      percentOff: 20,
      duration: 'once',
      redemptionLimit: 2,
    });
    for (const email of ['one@example.com', 'two@example.com']) {
      const { reader } = await signedInMember(t, email);
      const { sent } = await checkoutWith(reader, 'first-two', priceOf('usd', 'month').id);
      await stripe.billing.pay(sessionIdOf(sent.headers.location));
      const subscription = stripe.list('subscriptions').at(-1);
      assert.ok(subscription);
      const event = signedWebhook({ type: 'customer.subscription.created', data: { object: subscription } });
      assert.equal((await webhook(event.payload, event.headers)).statusCode, 200);
    }
    assert.equal(await redemptionsOf(limited.id), 2);
    const { reader } = await signedInMember(t, 'three@example.com');
    const page = await reader.get('/offer/first-two');
    assert.equal(page.statusCode, 410);
    assert.deepEqual(texts(page.body, 'h1'), ['This offer has ended']);
    assert.ok(hrefs(page.body).includes('/pricing'));
    const sessions = stripe.list('checkout.sessions').length;
    const link = `/subscribe?price=${priceOf('usd', 'month').id}&offer=first-two`;
    assert.equal((await reader.get(link)).statusCode, 410);
    // A confirmation page shown before the limit was reached: its form is refused too.
    const late = await reader.submit(`/subscribe?price=${priceOf('usd', 'month').id}`, '/subscribe', {
      price: priceOf('usd', 'month').id,
      offer: 'first-two',
      from: '',
    });
    assert.equal(late.statusCode, 410);
    assert.equal(stripe.list('checkout.sessions').length, sessions, 'no session was made');

    const archived = await api('POST', `/offers/${limited.id}/archive`, admin);
    assert.equal(archived.statusCode, 200);
    assert.ok(archived.json<{ offer: OfferView }>().offer.archived);
    const dollars = (await api('GET', '/offers', admin))
      .json<{ offers: OfferView[] }>()
      .offers.find((o) => o.code === 'two-dollars-off');
    assert.equal((await api('POST', `/offers/${dollars?.id}/archive`, admin)).statusCode, 200);
    assert.equal((await new ReaderBrowser(t).get('/offer/two-dollars-off')).statusCode, 410);
  });
});
