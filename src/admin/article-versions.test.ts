import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'node-html-parser';
import { SYSTEM } from '../staff/actor.ts';
import type { StaffActor } from '../staff/staff.service.ts';
import { publishDueArticles } from '../content/publishing.service.ts';
import { makeImage, makeSection, makeStaff, makeTag, paragraphs, signIn } from '../testing/factories.ts';
import { startTestApp, type TestApp } from '../testing/harness.ts';

type Headers = Record<string, string>;

/**
 * Items 1 and 2 of the editorial workflow: saves name the version they edit, and revisions say what
 * each change was without autosaves flooding them. Driven through the admin API as the web app does.
 */
describe('conflict-safe saves and revisions that do not flood', () => {
  let t: TestApp;
  let editor: StaffActor;
  let editorHeaders: Headers;
  let author: StaffActor;
  let authorHeaders: Headers;

  const api = (headers: Headers, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url: `/admin/api${url}`,
      headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const revisions = async (id: string) =>
    (await api(editorHeaders, 'GET', `/articles/${id}/revisions`)).json().revisions as Array<{
      id: string;
      action: string;
      autosave: boolean;
      version: number;
      staff: { id: string; name: string } | null;
      system: string | null;
      createdAt: string;
      updatedAt: string | null;
      snapshot: Record<string, unknown>;
    }>;

  before(async () => {
    t = await startTestApp({ signInAttemptsPerMinute: 1000 });
    editor = await makeStaff(t, 'editor');
    author = await makeStaff(t, 'author');
    editorHeaders = await signIn(t, editor);
    authorHeaders = await signIn(t, author);
  });
  after(() => t.close());

  it('gives every article a version that grows with every change, and says who made the last one', async () => {
    const created = await api(authorHeaders, 'POST', '/articles', { headline: 'Well levels fall' });
    const id = created.json().id as string;
    assert.equal(created.json().version, 1);
    assert.deepEqual(created.json().modifiedBy, { id: author.id, name: author.name });
    const edited = await api(editorHeaders, 'PATCH', `/articles/${id}`, { dek: 'A dry spring.', baseVersion: 1 });
    assert.equal(edited.statusCode, 200, edited.body);
    assert.equal(edited.json().version, 2);
    assert.deepEqual(edited.json().modifiedBy, { id: editor.id, name: editor.name });
    const versions = [2];
    const publishAt = new Date(Date.now() + 3600_000).toISOString();
    for (const [method, url, payload] of [
      ['POST', `/articles/${id}/publish`, { publishAt }],
      ['POST', `/articles/${id}/publish`, {}],
      ['POST', `/articles/${id}/corrections`, { kind: 'correction', body: 'The level is in metres.' }],
      ['POST', `/articles/${id}/unpublish`, undefined],
    ] as const) {
      const response = await api(editorHeaders, method, url, payload);
      assert.ok(response.statusCode < 300, response.body);
      versions.push((await api(editorHeaders, 'GET', `/articles/${id}`)).json().version);
    }
    assert.deepEqual(versions, [2, 3, 4, 5, 6], 'schedule, publish, correction and unpublish each add one');
  });

  it('refuses a save on a stale version with who changed it, when, and the version now, and writes nothing', async () => {
    const id = (
      await api(authorHeaders, 'POST', '/articles', { headline: 'Council vote', body: paragraphs('Mine.') })
    ).json().id as string;
    // Two tabs open version 1; the editor saves first.
    const first = await api(editorHeaders, 'PATCH', `/articles/${id}`, {
      body: paragraphs('The editor’s text.'),
      baseVersion: 1,
    });
    assert.equal(first.statusCode, 200);
    const second = await api(authorHeaders, 'PATCH', `/articles/${id}`, {
      headline: 'The author’s headline',
      body: paragraphs('The author’s text.'),
      baseVersion: 1,
    });
    assert.equal(second.statusCode, 409);
    const error = second.json().error;
    assert.equal(error.code, 'ARTICLE_CHANGED');
    assert.equal(error.details.version, 2);
    assert.deepEqual(error.details.modifiedBy, { id: editor.id, name: editor.name });
    assert.equal(error.details.modifiedAt, first.json().modifiedAt);
    assert.match(error.message, new RegExp(`changed by ${editor.name}`));
    const now = (await api(editorHeaders, 'GET', `/articles/${id}`)).json();
    assert.equal(now.version, 2, 'nothing was written');
    assert.equal(now.headline, 'Council vote');
    assert.equal(now.body.content[0].content[0].text, 'The editor’s text.');
    assert.equal((await revisions(id)).length, 2, 'and no revision was kept');
    // Saved again on the current version, it goes through.
    const retried = await api(authorHeaders, 'PATCH', `/articles/${id}`, { headline: 'Council votes', baseVersion: 2 });
    assert.equal(retried.statusCode, 200);
    assert.equal(retried.json().version, 3);
  });

  it('refuses two saves of one version made at the same moment: exactly one goes through', async () => {
    const id = (await api(editorHeaders, 'POST', '/articles', { headline: 'Race' })).json().id as string;
    const answers = await Promise.all(
      ['one', 'two', 'three'].map((dek) => api(editorHeaders, 'PATCH', `/articles/${id}`, { dek, baseVersion: 1 })),
    );
    assert.deepEqual(answers.map((a) => a.statusCode).sort(), [200, 409, 409]);
    assert.equal((await api(editorHeaders, 'GET', `/articles/${id}`)).json().version, 2);
  });

  it('names the system when the scheduler published since, and keeps baseVersion optional for scripts', async () => {
    const id = (await api(editorHeaders, 'POST', '/articles', { headline: 'Scheduled story' })).json().id as string;
    const publishAt = new Date(Date.now() + 60_000).toISOString();
    const scheduled = await api(editorHeaders, 'POST', `/articles/${id}/publish`, { publishAt, baseVersion: 1 });
    assert.equal(scheduled.json().version, 2);
    await publishDueArticles({ db: t.database.handle.db, invalidation: t.invalidation }, SYSTEM.scheduler, publishAt);
    const live = (await api(editorHeaders, 'GET', `/articles/${id}`)).json();
    assert.equal(live.status, 'published');
    assert.deepEqual(live.modifiedBy, { system: 'scheduler' });
    assert.equal(live.modifiedAt, publishAt, 'dated at its publication, so readers’ “modified” does not move');
    const stale = await api(editorHeaders, 'PATCH', `/articles/${id}`, { dek: 'x', baseVersion: 2 });
    assert.equal(stale.statusCode, 409);
    assert.deepEqual(stale.json().error.details.modifiedBy, { system: 'scheduler' });
    const script = await api(editorHeaders, 'PATCH', `/articles/${id}`, { dek: 'From a script' });
    assert.equal(script.statusCode, 200, 'without baseVersion the change applies to the current version');
    assert.equal(script.json().version, 4);
    const wrongPublish = await api(editorHeaders, 'POST', `/articles/${id}/unpublish`, { baseVersion: 2 });
    assert.equal(wrongPublish.statusCode, 409, 'publishing and withdrawing are conflict-safe too');
  });

  it('folds a staff member’s autosaves within 5 minutes into one revision; explicit saves always add one', async () => {
    const id = (await api(authorHeaders, 'POST', '/articles', { headline: 'Autosaved' })).json().id as string;
    let version = 1;
    const save = async (headers: Headers, dek: string, autosave: boolean) => {
      const response = await api(headers, 'PATCH', `/articles/${id}`, { dek, autosave, baseVersion: version });
      assert.equal(response.statusCode, 200, response.body);
      version = response.json().version;
    };
    await save(authorHeaders, 'a', true);
    await save(authorHeaders, 'ab', true);
    await save(authorHeaders, 'abc', true);
    let list = await revisions(id);
    assert.deepEqual(
      list.map((r) => r.action),
      ['autosave', 'create'],
      'three autosaves, one revision',
    );
    assert.equal(list[0]?.snapshot.dek, 'abc', 'holding the last autosave');
    assert.equal(list[0]?.version, 4);
    assert.equal(list[0]?.autosave, true);
    assert.ok(list[0]?.updatedAt && list[0].updatedAt >= list[0].createdAt);
    assert.deepEqual(list[0]?.staff, { id: author.id, name: author.name });

    await save(authorHeaders, 'abcd', false);
    await save(authorHeaders, 'abcde', true);
    list = await revisions(id);
    assert.deepEqual(
      list.map((r) => r.action),
      ['autosave', 'save', 'autosave', 'create'],
      'an explicit save adds one, and an autosave after it starts a new one',
    );

    await save(editorHeaders, 'abcdef', true);
    list = await revisions(id);
    assert.deepEqual(
      list.slice(0, 2).map((r) => [r.action, r.staff?.id]),
      [
        ['autosave', editor.id],
        ['autosave', author.id],
      ],
      'another staff member’s autosave is a revision of its own',
    );

    // The editor's autosave revision was started more than 5 minutes ago: the next one starts afresh.
    const sixMinutesAgo = new Date(Date.now() - 6 * 60_000).toISOString();
    await t.database.handle.db
      .updateTable('revisions')
      .set({ created_at: sixMinutesAgo })
      .where('id', '=', list[0]?.id ?? '')
      .execute();
    await save(editorHeaders, 'abcdefg', true);
    list = await revisions(id);
    assert.equal(list.length, 6, 'a new revision');
    assert.equal(list[0]?.snapshot.dek, 'abcdefg');
    assert.ok(
      list.some((r) => r.snapshot.dek === 'abcdef'),
      'the old one kept what it held',
    );
  });

  it('gives one revision whole, lists them without bodies, and restores one as a new revision', async () => {
    const db = t.database.handle.db;
    const section = await makeSection(db, 'Water desk');
    const tag = await makeTag(db, 'Drought');
    const image = await makeImage(t);
    const created = await api(authorHeaders, 'POST', '/articles', {
      headline: 'First headline',
      sectionId: section.id,
      tagIds: [tag.id],
      body: paragraphs('First version of the text.'),
      featureImage: { id: image.id, alt: 'A well', focalPoint: { x: 0.2, y: 0.8 } },
      seoTitle: 'First search title',
    });
    const id = created.json().id as string;
    const firstRevision = (await revisions(id))[0];
    assert.ok(firstRevision);
    assert.equal(firstRevision.snapshot.body, undefined, 'the list carries no bodies');
    const whole = await api(editorHeaders, 'GET', `/articles/${id}/revisions/${firstRevision.id}`);
    assert.equal(whole.statusCode, 200);
    assert.equal(whole.json().snapshot.body.content[0].content[0].text, 'First version of the text.');
    assert.equal(whole.json().snapshot.headline, 'First headline');

    await api(authorHeaders, 'PATCH', `/articles/${id}`, {
      headline: 'Second headline',
      body: paragraphs('Second version.'),
      tagIds: [],
      featureImage: null,
      seoTitle: '',
      baseVersion: 1,
    });
    const stale = await api(authorHeaders, 'POST', `/articles/${id}/revisions/${firstRevision.id}/restore`, {
      baseVersion: 1,
    });
    assert.equal(stale.statusCode, 409, 'a restore is conflict-safe');
    assert.equal(stale.json().error.code, 'ARTICLE_CHANGED');
    const restored = await api(authorHeaders, 'POST', `/articles/${id}/revisions/${firstRevision.id}/restore`, {
      baseVersion: 2,
    });
    assert.equal(restored.statusCode, 200, restored.body);
    const article = restored.json();
    assert.equal(article.version, 3);
    assert.equal(article.headline, 'First headline');
    assert.equal(article.body.content[0].content[0].text, 'First version of the text.');
    assert.deepEqual(article.tagIds, [tag.id]);
    assert.deepEqual(article.featureImage.focalPoint, { x: 0.2, y: 0.8 });
    assert.equal(article.seoTitle, 'First search title');
    const list = await revisions(id);
    assert.deepEqual(
      list.map((r) => r.action),
      ['restore', 'save', 'create'],
    );
    const restore = (await api(editorHeaders, 'GET', `/articles/${id}/revisions/${list[0]?.id}`)).json();
    assert.equal(restore.restoredFrom, firstRevision.id);
    assert.equal(
      (await api(editorHeaders, 'GET', `/articles/${id}/revisions/${created.json().id}`)).statusCode,
      404,
      'an id that is not one of its revisions',
    );
    const contributor = await signIn(t, await makeStaff(t, 'contributor'));
    assert.equal(
      (await api(contributor, 'POST', `/articles/${id}/revisions/${firstRevision.id}/restore`, {})).statusCode,
      403,
      'restoring is editing: a contributor may not restore someone else’s story',
    );
  });

  it('still saves a story whose inline card names an article deleted since, and shows readers the rest', async () => {
    const db = t.database.handle.db;
    const gone = (await api(editorHeaders, 'POST', '/articles', { headline: 'Soon deleted' })).json().id as string;
    const id = (
      await api(editorHeaders, 'POST', '/articles', {
        headline: 'Refers to a deleted story',
        body: { type: 'doc', version: 1, content: [{ type: 'related', articleId: gone }] },
      })
    ).json().id as string;
    await db.deleteFrom('articles').where('id', '=', gone).execute();
    const saved = await api(editorHeaders, 'PATCH', `/articles/${id}`, {
      body: {
        type: 'doc',
        version: 1,
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: 'Kept.' }] },
          { type: 'related', articleId: gone },
        ],
      },
    });
    assert.equal(saved.statusCode, 200, saved.body);
    const newMissing = await api(editorHeaders, 'PATCH', `/articles/${id}`, {
      body: {
        type: 'doc',
        version: 1,
        content: [{ type: 'related', articleId: '0190b6b2-0000-7000-8000-000000000000' }],
      },
    });
    assert.equal(newMissing.statusCode, 400, 'a new reference to nothing is still refused');
    await api(editorHeaders, 'POST', `/articles/${id}/publish`, {});
    const page = parse((await t.app.inject(`/news/${saved.json().slug}`)).body);
    assert.equal(page.querySelector('.body p')?.text, 'Kept.');
  });

  it('documents baseVersion and ARTICLE_CHANGED in the OpenAPI description', async () => {
    const doc = (await t.app.inject('/admin/api/openapi.json')).json();
    const patch = doc.paths['/admin/api/articles/{id}'].patch;
    assert.match(patch.description, /baseVersion/);
    assert.match(patch.description, /ARTICLE_CHANGED/);
    assert.ok(patch.responses['409']);
    assert.ok(patch.requestBody.content['application/json'].schema.properties.baseVersion);
    assert.ok(patch.requestBody.content['application/json'].schema.properties.autosave);
  });
});
