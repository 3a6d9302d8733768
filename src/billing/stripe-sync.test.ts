import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeStaff, signIn } from '../testing/factories.ts';
import { startTestApp, TEST_DIALECT, type TestApp } from '../testing/harness.ts';
import {
  signedWebhook,
  startStripeStandIn,
  STRIPE_TEST_KEY,
  STRIPE_TEST_WEBHOOK_SECRET,
  type StripeStandIn,
} from '../testing/stripe.ts';
import Stripe from 'stripe';
import type { Tier } from './tiers.presenter.ts';

describe(`catalogue sync against the Stripe stand-in on ${TEST_DIALECT}`, () => {
  let stripe: StripeStandIn;
  let t: TestApp;
  let admin: Record<string, string>;
  before(async () => {
    stripe = await startStripeStandIn();
    t = await startTestApp({ stripeSecretKey: STRIPE_TEST_KEY, stripeApiUrl: stripe.url });
    admin = await signIn(t, await makeStaff(t, 'admin'));
  });
  after(async () => {
    await t.close();
    await stripe.stop();
  });

  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    t.app.inject({ method, url: `/admin/api${url}`, headers: admin, ...(payload ? { payload } : {}) });
  type Change = { tier: Tier; stripeProblem?: string };

  it('makes a paid tier a product and each price a price, naming Gaceta ids', async () => {
    const { tier } = (await call('POST', '/tiers', { name: 'Member', description: 'All stories' })).json<Change>();
    assert.equal(tier.stripeSynced, true);
    const product = stripe.find('products', tier.stripeProductId ?? '');
    assert.ok(product, 'the product exists in Stripe');
    assert.equal(product.name, 'Member');
    assert.deepEqual(product.metadata, { gaceta_tier_id: tier.id, gaceta_tier_slug: 'member' });
    const priced = (
      await call('POST', `/tiers/${tier.id}/prices`, { currency: 'mxn', interval: 'year', amount: 99900 })
    ).json<Change>();
    const price = priced.tier.prices[0];
    assert.ok(price?.stripePriceId && price.stripeSynced);
    const made = stripe.find('prices', price.stripePriceId);
    assert.equal(made?.unit_amount, 99900);
    assert.equal(made?.currency, 'mxn');
    assert.deepEqual(made?.recurring, { interval: 'year', interval_count: 1 });
    assert.equal(made?.product, tier.stripeProductId);
    assert.equal(made?.lookup_key, `gaceta_price_${price.id}`);
    assert.deepEqual(made?.metadata, { gaceta_price_id: price.id, gaceta_tier_id: tier.id });
    for (const request of stripe.creations('/v1/prices')) assert.ok(request.idempotencyKey?.includes(price.id));
  });

  it('changes the product with the tier, and a new amount archives the old Stripe price', async () => {
    const tier = (await call('GET', '/tiers')).json<{ tiers: Tier[] }>().tiers.find((x) => x.slug === 'member');
    assert.ok(tier);
    await call('PATCH', `/tiers/${tier.id}`, { name: 'Member+' });
    assert.equal(stripe.find('products', tier.stripeProductId ?? '')?.name, 'Member+');
    const old = tier.prices[0];
    const { tier: after } = (
      await call('POST', `/tiers/${tier.id}/prices`, { currency: 'mxn', interval: 'year', amount: 120000 })
    ).json<Change>();
    assert.equal(stripe.find('prices', old?.stripePriceId ?? '')?.active, false, 'the old price is archived in Stripe');
    const current = after.prices.find((p) => !p.archived);
    assert.equal(stripe.find('prices', current?.stripePriceId ?? '')?.unit_amount, 120000);
    await call('POST', `/tiers/${tier.id}/archive`);
    assert.equal(stripe.find('products', tier.stripeProductId ?? '')?.active, false);
  });

  it('keeps a change made during an outage, says so, and a retry makes nothing twice', async () => {
    const productsBefore = stripe.list('products').length;
    stripe.down = true;
    const answer = await call('POST', '/tiers', { name: 'Patron' });
    assert.equal(answer.statusCode, 201, 'the tier is saved in Gaceta');
    const { tier, stripeProblem } = answer.json<Change>();
    assert.match(stripeProblem ?? '', /Stripe could not be reached.*saved in Gaceta/);
    assert.equal(tier.stripeSynced, false);
    const priced = await call('POST', `/tiers/${tier.id}/prices`, { currency: 'usd', interval: 'month', amount: 800 });
    assert.equal(priced.json<Change>().tier.prices[0]?.stripeSynced, false);
    const retry = await call('POST', '/tiers/stripe-sync');
    assert.equal(retry.statusCode, 503);
    assert.equal(retry.json<{ error: { code: string } }>().error.code, 'STRIPE_UNAVAILABLE');
    assert.equal(stripe.list('products').length, productsBefore, 'nothing reached Stripe');

    // Stripe comes back but falls over again after making the product, before the price.
    stripe.down = false;
    stripe.answersBeforeOutage = 1;
    assert.equal((await call('POST', '/tiers/stripe-sync')).statusCode, 503);
    stripe.answersBeforeOutage = Infinity;
    const synced = await call('POST', '/tiers/stripe-sync');
    assert.equal(synced.statusCode, 200, synced.body);
    const patron = synced.json<{ tiers: Tier[] }>().tiers.find((x) => x.id === tier.id);
    assert.ok(patron?.stripeSynced && patron.prices.every((p) => p.stripeSynced && p.stripePriceId));
    const products = stripe
      .list('products')
      .filter((p) => (p.metadata as Record<string, string>).gaceta_tier_id === tier.id);
    assert.equal(products.length, 1, 'one product, however many tries');
    const prices = stripe
      .list('prices')
      .filter((p) => (p.metadata as Record<string, string>).gaceta_tier_id === tier.id);
    assert.equal(prices.length, 1, 'one price, however many tries');
    assert.equal((await call('POST', '/tiers/stripe-sync')).statusCode, 200);
    assert.equal(stripe.list('prices').length, prices.length + 2, 'a sync with nothing out of sync makes nothing');
  });

  it('makes nothing twice when Stripe made a thing but its answer was lost', async () => {
    // The stripe package retries once on a dropped connection (with the same idempotency key): both lost.
    stripe.answersToLose = 2;
    const { tier, stripeProblem } = (await call('POST', '/tiers', { name: 'Sustainer' })).json<Change>();
    assert.ok(stripeProblem, 'the admin hears the product may not be there');
    assert.equal(stripe.list('products').filter((p) => p.name === 'Sustainer').length, 1, 'Stripe made it');
    // Renamed before the retry: the idempotency key now carries other fields, and Stripe refuses it.
    await call('PATCH', `/tiers/${tier.id}`, { name: 'Sustainer club', description: 'Monthly' });
    stripe.answersToLose = 2;
    const priced = await call('POST', `/tiers/${tier.id}/prices`, { currency: 'usd', interval: 'year', amount: 5000 });
    assert.ok(priced.json<Change>().stripeProblem, 'the price was made, its answer lost');
    const synced = (await call('POST', '/tiers/stripe-sync'))
      .json<{ tiers: Tier[] }>()
      .tiers.find((x) => x.id === tier.id);
    assert.ok(synced?.stripeSynced);
    const products = stripe
      .list('products')
      .filter((p) => (p.metadata as Record<string, string>).gaceta_tier_id === tier.id);
    assert.deepEqual(
      products.map((p) => [p.name, p.description]),
      [['Sustainer club', 'Monthly']],
      'one product, brought up to date',
    );
    const prices = stripe
      .list('prices')
      .filter((p) => (p.metadata as Record<string, string>).gaceta_tier_id === tier.id);
    assert.equal(prices.length, 1, 'one price: the retry carried the same idempotency key');
    assert.equal(synced.prices[0]?.stripePriceId, prices[0]?.id);
  });

  it('answers as Stripe does: a used idempotency key with other fields, a wrong key', async () => {
    const port = Number(new URL(stripe.url).port);
    const client = new Stripe(STRIPE_TEST_KEY, { host: '127.0.0.1', port, protocol: 'http', maxNetworkRetries: 0 });
    const product = await client.products.create({ name: 'Loose' });
    const request = {
      product: product.id,
      currency: 'usd',
      unit_amount: 300,
      recurring: { interval: 'month' as const },
    };
    const first = await client.prices.create(request, { idempotencyKey: 'k1' });
    assert.equal((await client.prices.create(request, { idempotencyKey: 'k1' })).id, first.id);
    await assert.rejects(
      client.prices.create({ ...request, unit_amount: 301 }, { idempotencyKey: 'k1' }),
      (error: unknown) => error instanceof Stripe.errors.StripeIdempotencyError,
    );
    const stranger = new Stripe('sk_test_wrong', { host: '127.0.0.1', port, protocol: 'http', maxNetworkRetries: 0 });
    await assert.rejects(
      stranger.products.retrieve(product.id),
      (error: unknown) => error instanceof Stripe.errors.StripeAuthenticationError,
    );
  });

  it('signs webhook events as Stripe does', () => {
    const { payload, headers } = signedWebhook({ type: 'product.updated', data: { object: { id: 'prod_1' } } });
    const event = Stripe.webhooks.constructEvent(
      payload,
      headers['stripe-signature'] ?? '',
      STRIPE_TEST_WEBHOOK_SECRET,
    );
    assert.equal(event.type, 'product.updated');
    assert.throws(() => Stripe.webhooks.constructEvent(payload, headers['stripe-signature'] ?? '', 'whsec_other'));
  });
});
