import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeStaff, signIn } from '../testing/factories.ts';
import { startTestApp, TEST_DIALECT, type TestApp } from '../testing/harness.ts';
import type { Tier } from '../billing/tiers.presenter.ts';

describe(`admin API: tiers and prices on ${TEST_DIALECT}`, () => {
  let t: TestApp;
  let admin: Record<string, string>;
  let editor: Record<string, string>;
  before(async () => {
    t = await startTestApp();
    admin = await signIn(t, await makeStaff(t, 'admin'));
    editor = await signIn(t, await makeStaff(t, 'editor'));
  });
  after(() => t.close());

  const call = (headers: Record<string, string>, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    t.app.inject({ method, url: `/admin/api${url}`, headers, ...(payload ? { payload } : {}) });
  const tiers = async () => (await call(admin, 'GET', '/tiers')).json<{ tiers: Tier[]; stripeConfigured: boolean }>();

  it('starts with the one free tier, and says Stripe is not set up', async () => {
    const list = await tiers();
    assert.equal(list.stripeConfigured, false);
    assert.deepEqual(
      list.tiers.map((tier) => [tier.slug, tier.kind, tier.prices.length]),
      [['free', 'free', 0]],
    );
  });

  it('creates a paid tier with benefits and a trial, and changes it', async () => {
    const created = await call(admin, 'POST', '/tiers', {
      name: 'Supporter',
      description: 'Keep the newsroom going',
      benefits: ['Every story', '  ', 'The weekly letter '],
      trialDays: 14,
    });
    assert.equal(created.statusCode, 201, created.body);
    const { tier } = created.json<{ tier: Tier }>();
    assert.equal(tier.slug, 'supporter');
    assert.deepEqual(tier.benefits, ['Every story', 'The weekly letter'], 'blank lines dropped, lines trimmed');
    assert.equal(tier.trialDays, 14);
    assert.equal(tier.kind, 'paid');
    const changed = await call(admin, 'PATCH', `/tiers/${tier.id}`, { name: 'Patron', trialDays: 0 });
    assert.equal(changed.statusCode, 200, changed.body);
    assert.equal(changed.json<{ tier: Tier }>().tier.name, 'Patron');
    assert.equal(changed.json<{ tier: Tier }>().tier.slug, 'supporter', 'the address name stays');
  });

  it('refuses bad tiers with what to fix', async () => {
    const cases: Array<[object, number, string, string]> = [
      [{ name: '   ' }, 400, 'VALIDATION_FAILED', 'name'],
      [{ name: 'Trial', trialDays: 1000 }, 400, 'VALIDATION_FAILED', '/trialDays'],
      [{ name: 'Supporter' }, 409, 'SLUG_TAKEN', 'name'],
      [{ name: 'Other', slug: 'supporter' }, 409, 'SLUG_TAKEN', 'slug'],
      [{ name: 'Bad', slug: 'Not A Slug' }, 400, 'VALIDATION_FAILED', '/slug'],
    ];
    for (const [body, status, code, field] of cases) {
      const answer = await call(admin, 'POST', '/tiers', body);
      assert.equal(answer.statusCode, status, `${JSON.stringify(body)}: ${answer.body}`);
      const error = answer.json<{ error: { code: string; message: string; fields: Array<{ field: string }> } }>().error;
      assert.equal(error.code, code);
      assert.ok(
        error.fields.some((f) => f.field.endsWith(field)),
        `${field} named in ${JSON.stringify(error.fields)}`,
      );
      assert.ok(error.message.length > 10);
    }
    const free = (await tiers()).tiers.find((tier) => tier.kind === 'free');
    const trial = await call(admin, 'PATCH', `/tiers/${free?.id}`, { trialDays: 7 });
    assert.equal(trial.statusCode, 400, 'the free tier has no trial');
    const archive = await call(admin, 'POST', `/tiers/${free?.id}/archive`);
    assert.equal(archive.statusCode, 409, 'the free tier cannot be archived');
    const price = await call(admin, 'POST', `/tiers/${free?.id}/prices`, {
      currency: 'usd',
      interval: 'month',
      amount: 100,
    });
    assert.equal(price.statusCode, 409, 'the free tier has no prices');
  });

  it('adds prices; a new amount archives the old price instead of changing it', async () => {
    const paid = (await tiers()).tiers.find((tier) => tier.slug === 'supporter');
    assert.ok(paid);
    const add = (body: object) => call(admin, 'POST', `/tiers/${paid.id}/prices`, body);
    assert.equal((await add({ currency: 'USD', interval: 'month', amount: 500 })).statusCode, 200);
    assert.equal((await add({ currency: 'mxn', interval: 'year', amount: 90000 })).statusCode, 200);
    const raised = await add({ currency: 'usd', interval: 'month', amount: 700 });
    const prices = raised.json<{ tier: Tier }>().tier.prices;
    assert.deepEqual(
      prices.map((p) => [p.currency, p.interval, p.amount, p.archived]),
      [
        ['usd', 'month', 500, true],
        ['mxn', 'year', 90000, false],
        ['usd', 'month', 700, false],
      ],
    );
    const same = await add({ currency: 'usd', interval: 'month', amount: 700 });
    assert.equal(same.json<{ tier: Tier }>().tier.prices.length, 3, 'the same amount again adds nothing');
    for (const [body, field] of [
      [{ currency: 'xyz', interval: 'month', amount: 500 }, 'currency'],
      [{ currency: 'usd', interval: 'month', amount: 0 }, 'amount'],
      [{ currency: 'usd', interval: 'month', amount: -5 }, 'amount'],
      [{ currency: 'usd', interval: 'week', amount: 500 }, 'interval'],
    ] as const) {
      const refused = await add(body);
      assert.equal(refused.statusCode, 400, JSON.stringify(body));
      assert.ok(refused.body.includes(field), refused.body);
    }
    const archived = await call(admin, 'POST', `/tiers/${paid.id}/prices/${prices[1]?.id}/archive`);
    assert.equal(archived.statusCode, 200);
    assert.equal(archived.json<{ tier: Tier }>().tier.prices[1]?.archived, true);
  });

  it('reorders tiers, naming every tier once', async () => {
    const before = (await tiers()).tiers.map((tier) => tier.id);
    const reversed = [...before].reverse();
    const answer = await call(admin, 'POST', '/tiers/order', { ids: reversed });
    assert.equal(answer.statusCode, 200, answer.body);
    assert.deepEqual(
      (await tiers()).tiers.map((tier) => tier.id),
      reversed,
    );
    const partial = await call(admin, 'POST', '/tiers/order', { ids: reversed.slice(1) });
    assert.equal(partial.statusCode, 400);
  });

  it('lets editors look and only admins change', async () => {
    assert.equal((await call(editor, 'GET', '/tiers')).statusCode, 200);
    const refused = await call(editor, 'POST', '/tiers', { name: 'Sneaky' });
    assert.equal(refused.statusCode, 403);
    assert.equal(refused.json<{ error: { code: string } }>().error.code, 'FORBIDDEN');
    const author = await signIn(t, await makeStaff(t, 'author'));
    assert.equal((await call(author, 'GET', '/tiers')).statusCode, 403);
    assert.equal((await t.app.inject({ method: 'GET', url: '/admin/api/tiers' })).statusCode, 401);
  });
});
