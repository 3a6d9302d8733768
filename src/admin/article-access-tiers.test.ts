import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { listTierRows } from '../billing/tiers.repository.ts';
import { makeStaff, makeTier, signIn } from '../testing/factories.ts';
import { startTestApp, TEST_DIALECT, type TestApp } from '../testing/harness.ts';

type Headers = Record<string, string>;

/** Choosing tiers for a story through the admin API, as the web app and scripts do. */
describe(`the admin API: stories for chosen tiers on ${TEST_DIALECT}`, () => {
  let t: TestApp;
  let editor: Headers;
  let author: Headers;
  let supporter = '';
  let patron = '';
  let freeTier = '';

  const api = (headers: Headers, method: 'POST' | 'PATCH' | 'GET', url: string, payload?: object) =>
    t.app.inject({ method, url: `/admin/api${url}`, headers, ...(payload ? { payload } : {}) });
  const refusal = (response: LightMyRequestResponse) =>
    response.json<{ error: { code: string; message: string; fields: Array<{ field: string }> } }>().error;

  before(async () => {
    t = await startTestApp();
    editor = await signIn(t, await makeStaff(t, 'editor'));
    author = await signIn(t, await makeStaff(t, 'author'));
    supporter = await makeTier(t, 'Supporter');
    patron = await makeTier(t, 'Patron');
    freeTier = (await listTierRows(t.database.handle.db)).find((tier) => tier.kind === 'free')?.id ?? '';
  });
  after(() => t.close());

  it('creates and changes a story for chosen tiers, keeping the tiers sorted and dropping them with another level', async () => {
    const created = await api(editor, 'POST', '/articles', {
      headline: 'For supporters and patrons',
      access: 'tiers',
      accessTierIds: [supporter, patron],
    });
    assert.equal(created.statusCode, 201, created.body);
    const story = created.json<{ id: string; access: string; accessTierIds: string[] }>();
    assert.equal(story.access, 'tiers');
    assert.deepEqual(story.accessTierIds, [supporter, patron].sort());

    const narrowed = await api(editor, 'PATCH', `/articles/${story.id}`, { accessTierIds: [patron] });
    assert.equal(narrowed.statusCode, 200, narrowed.body);
    assert.deepEqual(narrowed.json<{ accessTierIds: string[] }>().accessTierIds, [patron]);

    const paid = await api(editor, 'PATCH', `/articles/${story.id}`, { access: 'paid' });
    assert.deepEqual(paid.json<{ access: string; accessTierIds: string[] }>(), {
      ...paid.json<object>(),
      access: 'paid',
      accessTierIds: [],
    });
  });

  it('refuses no tier, an unknown or a free tier, and tiers for another level, with 422 naming the field', async () => {
    const cases: object[] = [
      { access: 'tiers' },
      { access: 'tiers', accessTierIds: [] },
      { access: 'tiers', accessTierIds: ['0190a1b2-0000-7000-8000-000000000000'] },
      { access: 'tiers', accessTierIds: [freeTier] },
      { access: 'paid', accessTierIds: [supporter] },
    ];
    for (const fields of cases) {
      const answer = await api(editor, 'POST', '/articles', { headline: 'Refused', ...fields });
      assert.equal(answer.statusCode, 422, JSON.stringify(fields));
      const error = refusal(answer);
      assert.equal(error.code, 'INVALID_ACCESS_TIERS');
      assert.deepEqual(
        error.fields.map((problem) => problem.field),
        ['accessTierIds'],
      );
    }
    const list = await api(editor, 'GET', '/articles?q=Refused');
    assert.doesNotMatch(list.body, /"headline":"Refused"/, 'nothing was made');
  });

  it('takes the same tiers sent again as an ordinary edit, and refuses an author who would choose other tiers', async () => {
    const mine = (await api(author, 'POST', '/articles', { headline: 'My own story' })).json<{ id: string }>();
    const locked = await api(editor, 'PATCH', `/articles/${mine.id}`, { access: 'tiers', accessTierIds: [supporter] });
    assert.equal(locked.statusCode, 200, locked.body);
    // A client that saves every field sends the tiers unchanged: that is the author's ordinary edit.
    const resaved = await api(author, 'PATCH', `/articles/${mine.id}`, {
      access: 'tiers',
      accessTierIds: [supporter],
      dek: 'Still for supporters',
    });
    assert.equal(resaved.statusCode, 200, resaved.body);
    const refused = await api(author, 'PATCH', `/articles/${mine.id}`, { accessTierIds: [patron] });
    assert.equal(refused.statusCode, 403);
    assert.match(refusal(refused).message, /may not change an article's access level/);
    const stored = await api(editor, 'GET', `/articles/${mine.id}`);
    assert.deepEqual(stored.json<{ accessTierIds: string[] }>().accessTierIds, [supporter]);
  });
});
