import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { createDraft } from '../content/articles.service.ts';
import { publishArticle, publishDueArticles } from '../content/publishing.service.ts';
import { storeImage, updateImageDetails } from '../media/images.service.ts';
import { updateSettings } from '../settings/settings.service.ts';
import { SYSTEM } from '../staff/actor.ts';
import { createStaff, listStaff, type StaffActor } from '../staff/staff.service.ts';
import { makeStaff, paragraphs, pngBytes, signIn, TEST_PASSWORD } from '../testing/factories.ts';
import { startTestApp, type TestApp } from '../testing/harness.ts';

type Headers = Record<string, string>;

describe('authorization: the system as an actor, access levels, headlines', () => {
  let t: TestApp;
  let editor: StaffActor;
  const as = {} as Record<'contributor' | 'author' | 'editor' | 'admin', Headers>;

  const api = (
    headers: Headers,
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    payload?: unknown,
  ): Promise<LightMyRequestResponse> =>
    t.app.inject({
      method,
      url: `/admin/api${url}`,
      headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const content = () => ({ db: t.database.handle.db, invalidation: t.invalidation });
  const accessOf = async (id: string): Promise<string> =>
    (await api(as.editor, 'GET', `/articles/${id}`)).json().access;

  before(async () => {
    t = await startTestApp();
    editor = await makeStaff(t, 'editor');
    as.editor = await signIn(t, editor);
    for (const role of ['contributor', 'author', 'admin'] as const)
      as[role] = await signIn(t, await makeStaff(t, role));
  });
  after(() => t.close());

  describe('access level is its own action: editors and admins only', () => {
    it('refuses an author who would make their own paid story free, and keeps it paid', async () => {
      const story = (await api(as.author, 'POST', '/articles', { headline: 'Inside the water deal' })).json();
      assert.equal(story.access, 'public');
      assert.equal((await api(as.editor, 'PATCH', `/articles/${story.id}`, { access: 'paid' })).statusCode, 200);

      const refused = await api(as.author, 'PATCH', `/articles/${story.id}`, { access: 'public', dek: 'Free now' });
      assert.equal(refused.statusCode, 403);
      assert.equal(refused.json().error.code, 'FORBIDDEN');
      assert.match(refused.json().error.message, /author may not change an article's access level/);
      assert.equal(await accessOf(story.id), 'paid', 'nothing changed');
      const after = (await api(as.editor, 'GET', `/articles/${story.id}`)).json();
      assert.equal(after.dek, '', 'a refused request changes nothing, not even its other fields');

      // Saving every field, access unchanged, is an ordinary edit.
      const resaved = await api(as.author, 'PATCH', `/articles/${story.id}`, { access: 'paid', dek: 'Still paid' });
      assert.equal(resaved.statusCode, 200, resaved.body);
      assert.equal(resaved.json().dek, 'Still paid');
    });

    it('refuses an author who would lock their own public story, and a contributor too', async () => {
      const story = (await api(as.author, 'POST', '/articles', { headline: 'Council minutes' })).json();
      assert.equal((await api(as.author, 'PATCH', `/articles/${story.id}`, { access: 'paid' })).statusCode, 403);
      assert.equal((await api(as.author, 'PATCH', `/articles/${story.id}`, { access: 'members' })).statusCode, 403);
      const draft = (await api(as.contributor, 'POST', '/articles', { headline: 'Bus routes' })).json();
      assert.equal((await api(as.contributor, 'PATCH', `/articles/${draft.id}`, { access: 'paid' })).statusCode, 403);
      assert.equal(await accessOf(story.id), 'public');
      assert.equal(await accessOf(draft.id), 'public');
    });

    it('lets editors and admins change it both ways', async () => {
      const story = (await api(as.author, 'POST', '/articles', { headline: 'Hospital budget' })).json();
      assert.equal((await api(as.admin, 'PATCH', `/articles/${story.id}`, { access: 'members' })).statusCode, 200);
      assert.equal(await accessOf(story.id), 'members');
      assert.equal((await api(as.editor, 'PATCH', `/articles/${story.id}`, { access: 'public' })).statusCode, 200);
      assert.equal(await accessOf(story.id), 'public');
    });

    it('refuses a draft created locked by an author, and creates nothing; the default level is fine', async () => {
      const before = (await api(as.editor, 'GET', '/articles?limit=100')).json().articles.length;
      const locked = await api(as.author, 'POST', '/articles', { headline: 'Locked from the start', access: 'paid' });
      assert.equal(locked.statusCode, 403);
      assert.match(locked.json().error.message, /access level/);
      assert.equal((await api(as.editor, 'GET', '/articles?limit=100')).json().articles.length, before);
      const open = await api(as.author, 'POST', '/articles', { headline: 'Open by default', access: 'public' });
      assert.equal(open.statusCode, 201);
      const byEditor = await api(as.editor, 'POST', '/articles', { headline: 'Members first', access: 'members' });
      assert.equal(byEditor.statusCode, 201);
      assert.equal(byEditor.json().access, 'members');
    });
  });

  describe('a headline of only spaces', () => {
    it('is refused on create with a message naming the headline', async () => {
      const response = await api(as.editor, 'POST', '/articles', { headline: '   \t  ' });
      assert.equal(response.statusCode, 400);
      const { error } = response.json();
      assert.equal(error.code, 'VALIDATION_FAILED');
      assert.match(error.message, /headline/i);
      assert.deepEqual(
        error.fields.map((f: { field: string }) => f.field),
        ['headline'],
      );
      const listed = (await api(as.editor, 'GET', '/articles?limit=100')).json().articles;
      assert.ok(!listed.some((a: { slug: string }) => a.slug.startsWith('untitled')), 'nothing stored as untitled');
    });

    it('is refused on update, and the headline stays', async () => {
      const story = (await api(as.editor, 'POST', '/articles', { headline: 'Rain expected' })).json();
      const response = await api(as.editor, 'PATCH', `/articles/${story.id}`, { headline: '    ' });
      assert.equal(response.statusCode, 400);
      assert.match(response.json().error.message, /headline/i);
      assert.equal((await api(as.editor, 'GET', `/articles/${story.id}`)).json().headline, 'Rain expected');
    });
  });

  describe('the system is an explicit actor', () => {
    it("records the scheduler's publication as the system's, and the editor's changes as the editor's", async () => {
      const story = (await api(as.editor, 'POST', '/articles', { headline: 'Polls open at eight' })).json();
      const at = new Date(Date.now() + 3600_000).toISOString();
      assert.equal((await api(as.editor, 'POST', `/articles/${story.id}/publish`, { publishAt: at })).statusCode, 200);
      // The scheduler's run an hour later.
      const due = await publishDueArticles(content(), SYSTEM.scheduler, new Date(Date.now() + 3700_000).toISOString());
      assert.ok(due.includes(story.id));

      const revisions = (await api(as.editor, 'GET', `/articles/${story.id}/revisions`)).json().revisions;
      assert.deepEqual(
        revisions.map((r: { staffId: string | null; system: string | null; snapshot: { status: string } }) => [
          r.snapshot.status,
          r.staffId,
          r.system,
        ]),
        [
          ['published', null, 'scheduler'],
          ['scheduled', editor.id, null],
          ['draft', editor.id, null],
        ],
      );
    });

    it('lets each system task do only its own work', async () => {
      const draft = await createDraft(content(), SYSTEM.seed, { headline: 'Seeded', body: paragraphs('Text.') });
      await assert.rejects(publishArticle(content(), SYSTEM.scheduler, draft.id), /scheduler\) may not publish/);
      await assert.rejects(createDraft(content(), SYSTEM.scheduler, { headline: 'No' }), /scheduler\) may not create/);
      await assert.rejects(
        createStaff(t.database.handle.db, SYSTEM.seed, {
          email: 'seeded@newsroom.example',
          name: 'Seeded',
          role: 'admin',
          password: TEST_PASSWORD,
        }),
        /seed\) may not manage staff/,
      );
      const first = await createStaff(t.database.handle.db, SYSTEM.operator, {
        email: 'first-admin@newsroom.example',
        name: 'First admin',
        role: 'admin',
        password: TEST_PASSWORD,
      });
      assert.equal(first.role, 'admin');
      await assert.rejects(
        updateSettings(content(), SYSTEM.scheduler, { title: 'No' }),
        /may not change site settings/,
      );
    });

    it('accepts no missing actor: every service refuses null instead of skipping authorization', async () => {
      const nobody = null as never;
      const db = t.database.handle.db;
      await assert.rejects(createDraft(content(), nobody, { headline: 'By nobody' }));
      const draft = await createDraft(content(), SYSTEM.seed, { headline: 'Someone’s draft' });
      await assert.rejects(publishArticle(content(), nobody, draft.id));
      await assert.rejects(storeImage({ db, storage: t.storage }, nobody, await pngBytes(), {}));
      await assert.rejects(updateSettings(content(), nobody, { title: 'By nobody' }));
      await assert.rejects(listStaff(db, nobody));
      assert.equal((await api(as.editor, 'GET', `/articles/${draft.id}`)).json().status, 'draft');
    });
  });

  describe('staff, media and settings are authorized by their services, whoever calls them', () => {
    it('refuses an editor who calls the staff, settings and image services directly', async () => {
      const db = t.database.handle.db;
      await assert.rejects(listStaff(db, editor), /editor may not manage staff/);
      await assert.rejects(
        createStaff(db, editor, { email: 'x@newsroom.example', name: 'X', role: 'admin', password: TEST_PASSWORD }),
        /editor may not manage staff/,
      );
      await assert.rejects(
        updateSettings(content(), editor, { title: 'Editor’s title' }),
        /may not change site settings/,
      );
      const contributor = await makeStaff(t, 'contributor');
      const image = await storeImage({ db, storage: t.storage }, editor, await pngBytes(), { alt: 'Before' });
      await assert.rejects(
        updateImageDetails(content(), contributor, image.id, { alt: 'After' }),
        /contributor may not change this image's details/,
      );
      const mine = await storeImage({ db, storage: t.storage }, contributor, await pngBytes(), { alt: 'Mine' });
      assert.equal(
        (await updateImageDetails(content(), contributor, mine.id, { alt: 'Still mine' })).alt,
        'Still mine',
      );
    });
  });
});
