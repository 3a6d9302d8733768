import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildApp, type GacetaApp } from '../app.ts';
import { forgetStalePresence } from '../content/presence.service.ts';
import type { StaffActor } from '../staff/staff.service.ts';
import { makeStaff, signIn } from '../testing/factories.ts';
import { startTestApp, type TestApp } from '../testing/harness.ts';

type Headers = Record<string, string>;

/** Item 9: who else has an article open, kept in the database so every process sees it. */
describe('presence: who else has the article open', () => {
  let t: TestApp;
  let second: GacetaApp;
  let ana: StaffActor;
  let rosa: StaffActor;
  let anaHeaders: Headers;
  let rosaHeaders: Headers;
  let articleId: string;

  const call = (app: GacetaApp, headers: Headers, method: 'POST' | 'DELETE', id = articleId) =>
    app.app.inject({ method, url: `/admin/api/articles/${id}/presence`, headers });
  const others = async (app: GacetaApp, headers: Headers) =>
    (await call(app, headers, 'POST')).json().others.map((o: { name: string }) => o.name);

  before(async () => {
    t = await startTestApp({ signInAttemptsPerMinute: 1000 });
    // A second process on the same database: its own app, nothing shared in memory.
    second = await buildApp({ config: t.config, db: t.database.handle.db, storage: t.storage, logger: false });
    ana = await makeStaff(t, 'author');
    rosa = await makeStaff(t, 'editor');
    anaHeaders = await signIn(t, ana);
    rosaHeaders = await signIn(t, rosa);
    articleId = (
      await t.app.inject({
        method: 'POST',
        url: '/admin/api/articles',
        headers: anaHeaders,
        payload: { headline: 'Open' },
      })
    ).json().id;
  });
  after(async () => {
    await second.app.close();
    await t.close();
  });

  it('answers who else has it open, across processes, and forgets whoever leaves or goes quiet', async () => {
    assert.deepEqual(await others(t, anaHeaders), [], 'alone at first');
    assert.deepEqual(await others(second, rosaHeaders), [ana.name], 'another process sees Ana');
    const seen = (await call(t, anaHeaders, 'POST')).json().others;
    assert.deepEqual(
      seen.map((o: { id: string; name: string; role: string }) => [o.id, o.name, o.role]),
      [[rosa.id, rosa.name, 'editor']],
    );
    assert.ok(seen[0].seenAt);

    assert.equal((await call(second, rosaHeaders, 'DELETE')).statusCode, 204);
    assert.deepEqual(await others(t, anaHeaders), [], 'Rosa closed it');

    await others(second, rosaHeaders);
    // Rosa's tab stopped saying so (closed without a word, or crashed) 46 seconds ago.
    await t.database.handle.db
      .updateTable('article_presence')
      .set({ seen_at: new Date(Date.now() - 46_000).toISOString() })
      .where('staff_id', '=', rosa.id)
      .execute();
    assert.deepEqual(await others(t, anaHeaders), [], 'not heard from in 45 seconds: gone');
    await forgetStalePresence(t.database.handle.db, Date.now() + 3600_000);
    const rows = await t.database.handle.db.selectFrom('article_presence').selectAll().execute();
    assert.deepEqual(rows, [], 'the scheduler’s housekeeping forgets old rows');
  });

  it('answers 404 for an article that does not exist', async () => {
    assert.equal((await call(t, anaHeaders, 'POST', '0190b6b2-0000-7000-8000-000000000000')).statusCode, 404);
  });
});
