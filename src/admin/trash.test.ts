import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SYSTEM } from '../staff/actor.ts';
import { emptyExpiredTrash, TRASH_DAYS } from '../content/trash.service.ts';
import { makeArticle, makeCorrection, makeStaff, signIn } from '../testing/factories.ts';
import { startTestApp, type TestApp } from '../testing/harness.ts';

type Headers = Record<string, string>;
const DAY = 86_400_000;

/** Item 6: the trash (restorable for 30 days, then gone for good) and bulk actions. */
describe('the trash and bulk actions', () => {
  let t: TestApp;
  let editor: Headers;
  let author: Headers;
  let contributor: Headers;

  const api = (headers: Headers, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url: `/admin/api${url}`,
      headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const listed = async (query: string): Promise<string[]> =>
    (await api(editor, 'GET', `/articles?${query}&limit=100`)).json().articles.map((a: { id: string }) => a.id);

  before(async () => {
    t = await startTestApp({ signInAttemptsPerMinute: 1000 });
    editor = await signIn(t, await makeStaff(t, 'editor'));
    author = await signIn(t, await makeStaff(t, 'author'));
    contributor = await signIn(t, await makeStaff(t, 'contributor'));
  });
  after(() => t.close());

  it('withdraws a published story into the trash, where it is listed apart, and restores it withdrawn', async () => {
    const story = await makeArticle(t, { headline: 'Flood warning lifted' });
    await makeCorrection(t, story.id, 'correction', 'The river crested Tuesday.');
    const path = `/news/${story.slug}`;
    assert.equal((await t.app.inject(path)).statusCode, 200);
    assert.ok((await t.app.inject('/')).body.includes('Flood warning lifted'), 'the home page is cached with it');

    assert.equal((await api(editor, 'DELETE', `/articles/${story.id}`)).statusCode, 204);
    assert.equal((await t.app.inject(path)).statusCode, 410, 'as an unpublished story answers');
    assert.ok(!(await t.app.inject('/')).body.includes('Flood warning lifted'), 'purged from lists');
    assert.ok(
      (await t.app.inject('/corrections')).body.includes('Flood warning lifted'),
      'its correction stays on the record, as a withdrawn story’s does',
    );
    const trashed = (await api(editor, 'GET', `/articles/${story.id}`)).json();
    assert.equal(trashed.status, 'unpublished');
    assert.ok(trashed.trashedAt);
    assert.ok((await listed('trash=true')).includes(story.id));
    assert.ok(!(await listed('status=unpublished')).includes(story.id), 'the trash is left out of the list');

    assert.equal(
      (await api(editor, 'PATCH', `/articles/${story.id}`, { dek: 'x' })).json().error.code,
      'ARTICLE_IN_TRASH',
    );
    assert.equal((await api(editor, 'POST', `/articles/${story.id}/publish`, {})).statusCode, 409);
    assert.equal((await api(editor, 'DELETE', `/articles/${story.id}`)).statusCode, 409, 'already in the trash');

    const restored = await api(editor, 'POST', `/articles/${story.id}/restore-from-trash`, {});
    assert.equal(restored.statusCode, 200, restored.body);
    assert.equal(restored.json().trashedAt, null);
    assert.equal(restored.json().status, 'unpublished', 'it comes back withdrawn: publishing again is a decision');
    assert.equal((await api(editor, 'POST', `/articles/${story.id}/restore-from-trash`)).statusCode, 409);
    assert.equal((await api(editor, 'POST', `/articles/${story.id}/publish`, {})).statusCode, 200);
    assert.equal((await t.app.inject(path)).statusCode, 200);
    const actions = (await api(editor, 'GET', `/articles/${story.id}/revisions`))
      .json()
      .revisions.map((r: { action: string }) => r.action);
    assert.deepEqual(actions.slice(0, 3), ['publish', 'untrash', 'trash']);
  });

  it('sends a scheduled story back to draft in the trash, so it cannot go live from there', async () => {
    const story = await makeArticle(t, {
      headline: 'Scheduled then trashed',
      publishedAt: new Date(Date.now() + 3600_000).toISOString(),
    });
    await api(editor, 'DELETE', `/articles/${story.id}`);
    assert.equal((await api(editor, 'GET', `/articles/${story.id}`)).json().status, 'draft');
  });

  it('lets contributors trash their own drafts only, and authors their own stories', async () => {
    const mine = (await api(contributor, 'POST', '/articles', { headline: 'Contributor’s draft' })).json();
    const authors = (await api(author, 'POST', '/articles', { headline: 'Author’s draft' })).json();
    assert.equal((await api(contributor, 'DELETE', `/articles/${authors.id}`)).statusCode, 403);
    assert.equal((await api(author, 'DELETE', `/articles/${mine.id}`)).statusCode, 403);
    assert.equal((await api(contributor, 'DELETE', `/articles/${mine.id}`)).statusCode, 204);
    assert.equal((await api(contributor, 'POST', `/articles/${mine.id}/restore-from-trash`)).statusCode, 200);
  });

  it('deletes for good, with its revisions, what has been in the trash longer than 30 days, and nothing newer', async () => {
    const db = t.database.handle.db;
    const old = await makeArticle(t, { headline: 'Long in the trash' });
    const recent = await makeArticle(t, { headline: 'Recently trashed' });
    await api(editor, 'DELETE', `/articles/${old.id}`);
    await api(editor, 'DELETE', `/articles/${recent.id}`);
    await db
      .updateTable('articles')
      .set({ trashed_at: new Date(Date.now() - (TRASH_DAYS + 1) * DAY).toISOString() })
      .where('id', '=', old.id)
      .execute();
    await db
      .updateTable('articles')
      .set({ trashed_at: new Date(Date.now() - (TRASH_DAYS - 1) * DAY).toISOString() })
      .where('id', '=', recent.id)
      .execute();
    const deps = { db, invalidation: t.invalidation };
    await assert.rejects(emptyExpiredTrash(deps, SYSTEM.seed), /may not delete articles from the trash/);
    assert.deepEqual(await emptyExpiredTrash(deps, SYSTEM.scheduler), [old.id]);
    assert.equal((await api(editor, 'GET', `/articles/${old.id}`)).statusCode, 404);
    const leftovers = await Promise.all(
      (['revisions', 'article_bodies', 'corrections'] as const).map((table) =>
        db.selectFrom(table).select('article_id').where('article_id', '=', old.id).execute(),
      ),
    );
    assert.deepEqual(
      leftovers.map((rows) => rows.length),
      [0, 0, 0],
      'its revisions and body went with it',
    );
    assert.equal((await api(editor, 'GET', `/articles/${recent.id}`)).statusCode, 200, 'still restorable');
    assert.equal((await t.app.inject(`/news/${old.slug}`)).statusCode, 404);
  });

  it('does bulk actions article by article, through the same rules, answering for each', async () => {
    const own = (await api(author, 'POST', '/articles', { headline: 'Bulk own draft' })).json();
    const others = await makeArticle(t, { headline: 'Bulk someone else’s story' });
    const missing = '0190b6b2-0000-7000-8000-000000000000';
    const answer = await api(author, 'POST', '/articles/bulk', { ids: [own.id, others.id, missing], action: 'trash' });
    assert.equal(answer.statusCode, 200, answer.body);
    const results = answer.json().results;
    assert.deepEqual(
      results.map((r: { id: string; ok: boolean; error?: { code: string } }) => [r.id, r.ok, r.error?.code]),
      [
        [own.id, true, undefined],
        [others.id, false, 'FORBIDDEN'],
        [missing, false, 'ARTICLE_NOT_FOUND'],
      ],
    );
    assert.ok(results[0].trashedAt);
    assert.ok((await listed('trash=true')).includes(own.id));
    assert.equal((await t.app.inject(`/news/${others.slug}`)).statusCode, 200, 'the refused one is untouched');

    const restored = await api(author, 'POST', '/articles/bulk', { ids: [own.id], action: 'restore' });
    assert.equal(restored.json().results[0].ok, true);
    const submitted = await api(author, 'POST', '/articles/bulk', { ids: [own.id, others.id], action: 'submit' });
    assert.deepEqual(
      submitted
        .json()
        .results.map((r: { ok: boolean; status?: string; error?: { code: string } }) => r.status ?? r.error?.code),
      ['ready', 'FORBIDDEN'],
    );
    const unpublished = await api(editor, 'POST', '/articles/bulk', { ids: [others.id, own.id], action: 'unpublish' });
    assert.deepEqual(
      unpublished
        .json()
        .results.map((r: { ok: boolean; status?: string; error?: { code: string } }) => r.status ?? r.error?.code),
      ['unpublished', 'CONFLICT'],
    );
    assert.equal((await t.app.inject(`/news/${others.slug}`)).statusCode, 410);
    assert.equal((await api(editor, 'POST', '/articles/bulk', { ids: [], action: 'trash' })).statusCode, 400);
    assert.equal((await api(editor, 'POST', '/articles/bulk', { ids: [own.id], action: 'publish' })).statusCode, 400);
  });
});
