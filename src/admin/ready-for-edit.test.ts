import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { StaffActor } from '../staff/staff.service.ts';
import { makeStaff, paragraphs, signIn } from '../testing/factories.ts';
import { startTestApp, type TestApp } from '../testing/harness.ts';

type Headers = Record<string, string>;

/** Item 3 (ready for edit) and item 4 (TK blocks publishing), as the newsroom's roles use them. */
describe('ready for edit, and TK blocking publication', () => {
  let t: TestApp;
  let contributor: StaffActor;
  let contributorHeaders: Headers;
  let authorHeaders: Headers;
  let editorHeaders: Headers;

  const api = (headers: Headers, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url: `/admin/api${url}`,
      headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const queue = async (): Promise<string[]> =>
    (await api(editorHeaders, 'GET', '/articles?status=ready&limit=100'))
      .json()
      .articles.map((a: { headline: string }) => a.headline);

  before(async () => {
    t = await startTestApp({ signInAttemptsPerMinute: 1000 });
    contributor = await makeStaff(t, 'contributor');
    contributorHeaders = await signIn(t, contributor);
    authorHeaders = await signIn(t, await makeStaff(t, 'author'));
    editorHeaders = await signIn(t, await makeStaff(t, 'editor'));
  });
  after(() => t.close());

  it('lets a contributor submit a draft but never publish it; editors see the queue and publish from it', async () => {
    const draft = (
      await api(contributorHeaders, 'POST', '/articles', {
        headline: 'School board race heats up',
        body: paragraphs('Three candidates.'),
      })
    ).json();
    assert.equal((await api(contributorHeaders, 'POST', `/articles/${draft.id}/publish`, {})).statusCode, 403);
    const submitted = await api(contributorHeaders, 'POST', `/articles/${draft.id}/submit`, { baseVersion: 1 });
    assert.equal(submitted.statusCode, 200, submitted.body);
    assert.equal(submitted.json().status, 'ready');
    assert.ok(submitted.json().submittedAt);
    assert.equal(submitted.json().version, 2);
    assert.deepEqual(await queue(), ['School board race heats up']);

    assert.equal(
      (await api(contributorHeaders, 'PATCH', `/articles/${draft.id}`, { dek: 'More' })).statusCode,
      403,
      'once submitted, it is the editors’',
    );
    assert.equal((await api(contributorHeaders, 'POST', `/articles/${draft.id}/publish`, {})).statusCode, 403);
    const publishAt = new Date(Date.now() + 3600_000).toISOString();
    assert.equal(
      (await api(contributorHeaders, 'POST', `/articles/${draft.id}/publish`, { publishAt })).statusCode,
      403,
      'nor schedule it',
    );
    assert.equal(
      (await api(contributorHeaders, 'POST', `/articles/${draft.id}/submit`, {})).statusCode,
      409,
      'only a draft can be submitted',
    );
    assert.equal((await t.app.inject(`/news/${draft.slug}`)).statusCode, 404, 'readers never see it');

    const published = await api(editorHeaders, 'POST', `/articles/${draft.id}/publish`, {});
    assert.equal(published.statusCode, 200, published.body);
    assert.equal(published.json().status, 'published');
    assert.deepEqual(await queue(), [], 'out of the queue');
    assert.equal((await t.app.inject(`/news/${draft.slug}`)).statusCode, 200);
    const actions = (await api(editorHeaders, 'GET', `/articles/${draft.id}/revisions`))
      .json()
      .revisions.map((r: { action: string }) => r.action);
    assert.deepEqual(actions, ['publish', 'submit', 'create']);
  });

  it('sends a story back to draft with a note its writer sees, until they submit it again', async () => {
    const draft = (await api(contributorHeaders, 'POST', '/articles', { headline: 'Bridge repairs' })).json();
    await api(contributorHeaders, 'POST', `/articles/${draft.id}/submit`);
    assert.equal(
      (await api(contributorHeaders, 'POST', `/articles/${draft.id}/return`, { note: 'no' })).statusCode,
      200,
      'its writer may take it back',
    );
    await api(contributorHeaders, 'POST', `/articles/${draft.id}/submit`);
    assert.equal(
      (await api(authorHeaders, 'POST', `/articles/${draft.id}/return`, {})).statusCode,
      403,
      'an author may not send back someone else’s story',
    );
    const returned = await api(editorHeaders, 'POST', `/articles/${draft.id}/return`, {
      note: '  Get a quote from the contractor.  ',
    });
    assert.equal(returned.statusCode, 200, returned.body);
    assert.equal(returned.json().status, 'draft');
    const mine = (await api(contributorHeaders, 'GET', `/articles/${draft.id}`)).json();
    assert.equal(mine.returnNote, 'Get a quote from the contractor.');
    const revision = (await api(contributorHeaders, 'GET', `/articles/${draft.id}/revisions`)).json().revisions[0];
    assert.equal(revision.action, 'return');
    assert.equal(revision.note, 'Get a quote from the contractor.');
    assert.equal(
      (await api(editorHeaders, 'POST', `/articles/${draft.id}/return`, {})).statusCode,
      409,
      'a draft is not ready for edit',
    );
    assert.equal((await api(contributorHeaders, 'PATCH', `/articles/${draft.id}`, { dek: 'Quoted.' })).statusCode, 200);
    const again = await api(contributorHeaders, 'POST', `/articles/${draft.id}/submit`, {});
    assert.equal(again.json().returnNote, null, 'the note is done with');
  });

  it('lets an author publish their own story from ready, and refuses a submission on a stale version', async () => {
    const own = (await api(authorHeaders, 'POST', '/articles', { headline: 'Author files' })).json();
    await api(editorHeaders, 'PATCH', `/articles/${own.id}`, { dek: 'Edited' });
    const stale = await api(authorHeaders, 'POST', `/articles/${own.id}/submit`, { baseVersion: 1 });
    assert.equal(stale.statusCode, 409);
    assert.equal(stale.json().error.code, 'ARTICLE_CHANGED');
    await api(authorHeaders, 'POST', `/articles/${own.id}/submit`, { baseVersion: 2 });
    assert.equal((await api(authorHeaders, 'POST', `/articles/${own.id}/publish`, {})).statusCode, 200);
  });

  it('refuses to publish or schedule while TK remains, saying how many and where; then publishes', async () => {
    const draft = (
      await api(editorHeaders, 'POST', '/articles', {
        headline: 'Turnout hits TK percent',
        dek: 'No placeholder here',
        body: {
          type: 'doc',
          version: 1,
          content: [
            { type: 'paragraph', content: [{ type: 'text', text: 'Polls closed at 8. TKO is a boxing term.' }] },
            { type: 'paragraph', content: [{ type: 'text', text: 'The mayor said TK and [TK].' }] },
          ],
        },
      })
    ).json();
    const refused = await api(editorHeaders, 'POST', `/articles/${draft.id}/publish`, {});
    assert.equal(refused.statusCode, 422);
    const error = refused.json().error;
    assert.equal(error.code, 'TK_REMAINING');
    assert.equal(error.details.count, 3);
    assert.deepEqual(error.details.places, [
      { field: 'headline', count: 1 },
      { field: 'body', block: 1, count: 2 },
    ]);
    assert.match(error.message, /3 TK placeholders \(headline, body block 2\)/);
    assert.deepEqual(
      error.fields.map((f: { field: string }) => f.field),
      ['headline', 'body/1'],
    );
    const publishAt = new Date(Date.now() + 3600_000).toISOString();
    assert.equal(
      (await api(editorHeaders, 'POST', `/articles/${draft.id}/publish`, { publishAt })).statusCode,
      422,
      'scheduling too',
    );
    const untouched = (await api(editorHeaders, 'GET', `/articles/${draft.id}`)).json();
    assert.equal(untouched.status, 'draft');
    assert.equal(untouched.version, 1, 'a refused publication changes nothing');

    await api(editorHeaders, 'PATCH', `/articles/${draft.id}`, {
      headline: 'Turnout hits 61 percent',
      body: paragraphs('Polls closed at 8. TKO is a boxing term.', 'The mayor said it was a record.'),
    });
    const dekTk = await api(editorHeaders, 'PATCH', `/articles/${draft.id}`, { seoDescription: 'Turnout was TKTK' });
    assert.equal(dekTk.statusCode, 200, 'saving with TK is always allowed');
    const stillRefused = await api(editorHeaders, 'POST', `/articles/${draft.id}/publish`, {});
    assert.deepEqual(stillRefused.json().error.details.places, [{ field: 'seoDescription', count: 1 }]);
    await api(editorHeaders, 'PATCH', `/articles/${draft.id}`, { seoDescription: '' });
    const published = await api(editorHeaders, 'POST', `/articles/${draft.id}/publish`, {});
    assert.equal(published.statusCode, 200, published.body);
  });
});
