import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'node-html-parser';
import { makeStaff, signIn } from '../testing/factories.ts';
import { startTestApp, TEST_DIALECT, type TestApp } from '../testing/harness.ts';
import { startStripeStandIn, STRIPE_TEST_KEY, type StripeStandIn } from '../testing/stripe.ts';
import type { Tier } from '../billing/tiers.presenter.ts';

type Api = (method: 'POST' | 'PATCH', url: string, payload?: object) => Promise<{ tier: Tier }>;

/** A newsroom's paid tier, priced in dollars and pesos, as an admin would set it up. */
async function setUpTiers(t: TestApp): Promise<{ api: Api; supporter: Tier }> {
  const headers = await signIn(t, await makeStaff(t, 'admin'));
  const api: Api = async (method, url, payload) => {
    const answer = await t.app.inject({ method, url: `/admin/api${url}`, headers, ...(payload ? { payload } : {}) });
    assert.ok(answer.statusCode < 300, answer.body);
    return answer.json();
  };
  const { tier } = await api('POST', '/tiers', {
    name: 'Supporter',
    description: 'Keeps the lights on',
    benefits: ['Every story <b>unlocked</b>', 'The weekly letter'],
    trialDays: 7,
  });
  for (const [currency, interval, amount] of [
    ['usd', 'month', 500],
    ['usd', 'year', 5000],
    ['mxn', 'month', 9900],
    ['mxn', 'year', 99000],
  ] as const)
    await api('POST', `/tiers/${tier.id}/prices`, { currency, interval, amount });
  const archived = (await api('POST', '/tiers', { name: 'Old patron' })).tier;
  await api('POST', `/tiers/${archived.id}/prices`, { currency: 'usd', interval: 'month', amount: 2000 });
  await api('POST', `/tiers/${archived.id}/archive`);
  await api('POST', '/tiers', { name: 'Not priced yet' });
  return { api, supporter: tier };
}

const texts = (body: string, selector: string): string[] =>
  parse(body)
    .querySelectorAll(selector)
    .map((node) => node.textContent.replace(/\s+/g, ' ').trim());

describe(`the pricing page for anonymous readers on ${TEST_DIALECT}`, () => {
  let t: TestApp;
  let api: Api;
  let supporter: Tier;
  const purged: string[] = [];
  before(async () => {
    t = await startTestApp();
    ({ api, supporter } = await setUpTiers(t));
    t.invalidation.subscribe((keys) => purged.push(...keys));
  });
  after(() => t.close());

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

  it('shows the active tiers, benefits, prices with the yearly saving and trials, in the first currency', async () => {
    const page = await get('/pricing');
    assert.equal(page.statusCode, 200);
    assert.match(String(page.headers['cache-control']), /^public/);
    assert.ok(String(page.headers['surrogate-key']).split(' ').includes('pricing'));
    assert.deepEqual(
      texts(page.body, '.tier h2'),
      ['Free', 'Supporter'],
      'archived tiers, and tiers without a price, are not offered',
    );
    assert.deepEqual(texts(page.body, '#tier-supporter .price'), ['$5.00 a month', '$50.00 a year save 17%']);
    assert.deepEqual(texts(page.body, '#tier-supporter .trial'), ['7-day free trial']);
    assert.deepEqual(texts(page.body, '#tier-supporter .benefits li'), [
      'Every story <b>unlocked</b>',
      'The weekly letter',
    ]);
    assert.ok(page.body.includes('&lt;b&gt;'), 'benefits are escaped');
    assert.deepEqual(texts(page.body, '#tier-free .price'), ['Free']);
    assert.deepEqual(texts(page.body, '.currencies a'), ['USD', 'MXN']);
    assert.deepEqual(texts(page.body, '.currencies a[aria-current]'), ['USD']);
  });

  it('says plainly that subscriptions are not set up without Stripe, and offers no button', async () => {
    const page = await get('/pricing');
    assert.deepEqual(texts(page.body, '.notice'), ['Subscriptions are not set up yet. Come back soon.']);
    assert.equal(parse(page.body).querySelectorAll('a.button').length, 0);
  });

  it('is the same page whatever language the browser asks for; the currency is a query parameter', async () => {
    const plain = await get('/pricing');
    const spanish = await get('/pricing', { 'accept-language': 'es-MX,es;q=0.9' });
    assert.equal(spanish.body, plain.body);
    const pesos = await get('/pricing?currency=mxn');
    assert.deepEqual(texts(pesos.body, '#tier-supporter .price'), ['MX$99.00 a month', 'MX$990.00 a year save 17%']);
    assert.deepEqual(texts(pesos.body, '.currencies a[aria-current]'), ['MXN']);
    assert.equal((await get('/pricing?currency=MXN')).body, pesos.body, 'codes in any case');
    const unknown = await get('/pricing?currency=eur&utm_source=x');
    assert.equal(unknown.statusCode, 200);
    assert.equal(unknown.body, plain.body, 'a currency not offered shows the first');
    assert.equal((await get('/pricing?currency=<script>')).body, plain.body);
  });

  it('serves its currency script, which pages name only when there is a choice', async () => {
    const src = parse((await get('/pricing')).body)
      .querySelectorAll('script[src]')
      .map((node) => node.getAttribute('src') ?? '')
      .find((path) => path.startsWith('/assets/pricing.'));
    assert.ok(src, 'the page names the script');
    const script = await get(src);
    assert.equal(script.statusCode, 200);
    assert.match(String(script.headers['content-type']), /javascript/);
    assert.ok(script.body.includes('currency'));
  });

  it('is purged by a change to a tier or a price', async () => {
    await get('/pricing');
    purged.length = 0;
    await api('POST', `/tiers/${supporter.id}/prices`, { currency: 'usd', interval: 'month', amount: 600 });
    assert.ok(purged.includes('pricing'));
    assert.deepEqual(texts((await get('/pricing')).body, '#tier-supporter .price'), [
      '$6.00 a month',
      '$50.00 a year save 31%',
    ]);
    purged.length = 0;
    await api('PATCH', `/tiers/${supporter.id}`, { benefits: ['Everything'] });
    assert.ok(purged.includes('pricing'));
    assert.deepEqual(texts((await get('/pricing')).body, '#tier-supporter .benefits li'), ['Everything']);
  });

  it('speaks Spanish on a Spanish site', async () => {
    const headers = await signIn(t, await makeStaff(t, 'admin'));
    const changed = await t.app.inject({
      method: 'PATCH',
      url: '/admin/api/settings',
      headers,
      payload: { locale: 'es' },
    });
    assert.equal(changed.statusCode, 200, changed.body);
    const page = await get('/pricing?currency=mxn');
    assert.equal(parse(page.body).querySelector('html')?.getAttribute('lang'), 'es');
    assert.deepEqual(texts(page.body, 'h1'), ['Suscríbete']);
    assert.deepEqual(texts(page.body, '#tier-supporter .price'), ['$99.00 al mes', '$990.00 al año ahorras 17%']);
    assert.deepEqual(texts(page.body, '#tier-supporter .trial'), ['7 días de prueba gratis']);
    assert.deepEqual(texts(page.body, '.notice'), ['Las suscripciones todavía no están disponibles. Vuelve pronto.']);
  });
});

describe(`the pricing page with Stripe set up on ${TEST_DIALECT}`, () => {
  let stripe: StripeStandIn;
  let t: TestApp;
  before(async () => {
    stripe = await startStripeStandIn();
    t = await startTestApp({ stripeSecretKey: STRIPE_TEST_KEY, stripeApiUrl: stripe.url });
    await setUpTiers(t);
  });
  after(async () => {
    await t.close();
    await stripe.stop();
  });

  it('offers subscribe buttons for each interval of the chosen currency and no "not set up" notice', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/pricing?currency=mxn' });
    assert.equal(parse(page.body).querySelectorAll('.notice').length, 0);
    assert.deepEqual(texts(page.body, '#tier-supporter a.button'), ['Subscribe monthly', 'Subscribe yearly']);
    assert.deepEqual(texts(page.body, '#tier-free a.button'), [], 'the free tier is joined by signing up');
    assert.ok(stripe.list('prices').length >= 4, 'the prices are in Stripe');
  });
});
