import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { newId, nowIso } from '../db/ids.ts';
import { createDraft } from '../content/articles.service.ts';
import { insertPage } from '../content/pages.service.ts';
import { recordRedirect } from '../content/redirects.service.ts';
import { publishArticle } from '../content/publishing.service.ts';
import { trashArticle } from '../content/trash.service.ts';
import { submitArticle } from '../content/workflow.service.ts';
import type { TaxonomyTable } from '../content/taxonomy.repository.ts';
import { storeImage } from '../media/images.service.ts';
import { ensureMember } from '../members/members.service.ts';
import { SYSTEM } from '../staff/actor.ts';
import { createApiKey, startSession, type StaffActor } from '../staff/staff.service.ts';
import type { StaffRole } from '../staff/staff.table.ts';
import {
  makeAuthor,
  makeLabel,
  makeSection,
  makeStaff,
  makeTag,
  paragraphs,
  pngBytes,
  signIn,
  TEST_PASSWORD,
} from '../testing/factories.ts';
import { startTestApp, type TestApp } from '../testing/harness.ts';

/**
 * The role tables of src/content/policy.test.ts, src/staff/policy.ts and src/members/policy.test.ts,
 * driven through the JSON admin API the way a client uses it. Expected statuses come from the policy functions: where the
 * policy says no, the API must answer 403 and change nothing; where it says yes, the change must
 * be visible afterwards (in the API, or on the reader site).
 */

const ROLES: readonly StaffRole[] = ['contributor', 'author', 'editor', 'admin'];
type Statuses = readonly [contributor: number, author: number, editor: number, admin: number];
type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
type Headers = Record<string, string>;

interface Caller {
  role: StaffRole;
  actor: StaffActor;
  headers: Headers;
}
interface Row {
  action: string;
  expect: Statuses;
  /** Sets up what it needs, makes one request as `who`, checks the effect (or its absence), returns the status. */
  run: (who: Caller) => Promise<number>;
}

const isOk = (status: number): boolean => status >= 200 && status < 300;

// Only the form parts the image route reads: one file, plus the alt text.
function multipartImage(file: Buffer, alt: string): { payload: Buffer; headers: Headers } {
  const boundary = '----gaceta-roles-boundary';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="alt"\r\n\r\n${alt}\r\n`),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="picture.png"\r\nContent-Type: image/png\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('admin API: every role against every action', () => {
  let t: TestApp;
  const callers = {} as Record<StaffRole, Caller>;
  /** Owns the "someone else's" articles and images; never signs in. */
  let other: StaffActor;
  let png: Buffer;

  let counter = 0;
  // Prefixes the factories do not use, so slugs never collide with theirs.
  const unique = (what: string): string => `roles ${what} ${++counter}`;
  const slugOf = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]+/g, '-');

  const api = (headers: Headers, method: Method, url: string, payload?: unknown): Promise<LightMyRequestResponse> =>
    t.app.inject({
      method,
      url: `/admin/api${url}`,
      headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const reader = (path: string): Promise<LightMyRequestResponse> => t.app.inject(path);
  const content = () => ({ db: t.database.handle.db, invalidation: t.invalidation });

  // Fixtures go through the services, not the API, so setting up never depends on the policy under test
  // (creating a draft is open to every role; publishing here is the seed's, as loading a newsroom is).
  async function story(owner: StaffActor, status: 'draft' | 'published'): Promise<{ id: string; path: string }> {
    const draft = await createDraft(content(), owner, { headline: unique('story'), body: paragraphs('A paragraph.') });
    if (status === 'published') await publishArticle(content(), SYSTEM.seed, draft.id);
    return { id: draft.id, path: `/news/${draft.slug}` };
  }
  async function articleJson(id: string): Promise<{ status: string; dek: string; trashedAt: string | null }> {
    return (await api(callers.admin.headers, 'GET', `/articles/${id}`)).json();
  }
  async function image(owner: StaffActor): Promise<string> {
    return (await storeImage({ db: t.database.handle.db, storage: t.storage }, owner, png, { alt: 'Before' })).id;
  }
  async function listed(who: Caller, table: string): Promise<Array<{ id: string; name?: string; title?: string }>> {
    const response = await api(who.headers, 'GET', `/${table}`);
    assert.equal(response.statusCode, 200, response.body);
    return response.json()[table];
  }
  async function publishedPage(): Promise<{ id: string; slug: string }> {
    const page = {
      id: newId(),
      slug: slugOf(unique('page')),
      title: 'A static page',
      body: paragraphs('About us.'),
      status: 'published' as const,
      at: nowIso(),
    };
    await insertPage(t.database.handle.db, page);
    return page;
  }
  async function redirect(): Promise<{ id: string; fromPath: string }> {
    const id = newId();
    const fromPath = `/${slugOf(unique('old address'))}`;
    await recordRedirect(t.database.handle.db, fromPath, '/', id, nowIso());
    return { id, fromPath };
  }
  /** A staff member to act upon, reachable with both a session and an API key that bypass the sign-in rate limit. */
  async function target(role: StaffRole): Promise<{ id: string; session: Headers; key: Headers }> {
    const staff = await makeStaff(t, role);
    const session = await startSession(t.database.handle.db, staff.id);
    const { key } = await createApiKey(t.database.handle.db, staff, 'target');
    return {
      id: staff.id,
      session: { cookie: `gaceta_staff=${session.token}` },
      key: { authorization: `Bearer ${key}` },
    };
  }
  const whoAmI = async (headers: Headers): Promise<LightMyRequestResponse> => api(headers, 'GET', '/session');

  /** Every answer the admin API gave in this suite, as "METHOD /route status", checked against its OpenAPI document at the end. */
  const answered = new Set<string>();

  before(async () => {
    t = await startTestApp();
    t.app.addHook('onResponse', (request, reply, done) => {
      const route = request.routeOptions.url;
      if (route?.startsWith('/admin/api') && route !== '/admin/api/openapi.json')
        answered.add(`${request.method} ${route} ${reply.statusCode}`);
      done();
    });
    for (const role of ROLES) {
      const actor = await makeStaff(t, role);
      // Signed in like the admin UI: session cookie plus CSRF token on every change.
      callers[role] = { role, actor, headers: await signIn(t, actor) };
    }
    other = await makeStaff(t, 'author');
    png = await pngBytes(400, 300);
  });
  after(() => t.close());

  const articleRows: Row[] = [
    {
      action: 'list articles',
      expect: [200, 200, 200, 200],
      run: async (who) => (await api(who.headers, 'GET', '/articles')).statusCode,
    },
    {
      action: "read someone else's draft",
      expect: [200, 200, 200, 200],
      run: async (who) => {
        const { id } = await story(other, 'draft');
        const response = await api(who.headers, 'GET', `/articles/${id}`);
        if (isOk(response.statusCode)) assert.equal(response.json().id, id);
        return response.statusCode;
      },
    },
    {
      action: "read the revisions of someone else's draft",
      expect: [200, 200, 200, 200],
      run: async (who) => {
        const { id } = await story(other, 'draft');
        const response = await api(who.headers, 'GET', `/articles/${id}/revisions`);
        if (isOk(response.statusCode)) assert.equal(response.json().revisions.length, 1);
        return response.statusCode;
      },
    },
    {
      action: 'create a draft',
      expect: [201, 201, 201, 201],
      run: async (who) => {
        const response = await api(who.headers, 'POST', '/articles', { headline: unique('draft') });
        if (isOk(response.statusCode)) {
          const article = await articleJson(response.json().id);
          assert.equal(article.status, 'draft');
          assert.equal(response.json().createdBy, who.actor.id, 'the draft is owned by whoever created it');
        }
        return response.statusCode;
      },
    },
  ];

  // Edits, publishing, unpublishing and corrections differ by ownership and by status.
  const editRow = (action: string, owner: 'own' | 'other', status: 'draft' | 'published', expect: Statuses): Row => ({
    action,
    expect,
    run: async (who) => {
      const { id } = await story(owner === 'own' ? who.actor : other, status);
      const dek = unique('dek');
      const response = await api(who.headers, 'PATCH', `/articles/${id}`, { dek });
      assert.equal(
        (await articleJson(id)).dek === dek,
        isOk(response.statusCode),
        'the edit is saved exactly when allowed',
      );
      return response.statusCode;
    },
  });
  const publishRow = (action: string, owner: 'own' | 'other', expect: Statuses): Row => ({
    action,
    expect,
    run: async (who) => {
      const { id, path } = await story(owner === 'own' ? who.actor : other, 'draft');
      const response = await api(who.headers, 'POST', `/articles/${id}/publish`, {});
      assert.equal(
        (await reader(path)).statusCode,
        isOk(response.statusCode) ? 200 : 404,
        'readers see it exactly when publishing was allowed',
      );
      return response.statusCode;
    },
  });
  const unpublishRow = (action: string, owner: 'own' | 'other', expect: Statuses): Row => ({
    action,
    expect,
    run: async (who) => {
      const { id, path } = await story(owner === 'own' ? who.actor : other, 'published');
      assert.equal((await reader(path)).statusCode, 200);
      const response = await api(who.headers, 'POST', `/articles/${id}/unpublish`);
      assert.equal(
        (await reader(path)).statusCode,
        isOk(response.statusCode) ? 410 : 200,
        'the address answers 410 exactly when withdrawing was allowed',
      );
      return response.statusCode;
    },
  });
  const correctRow = (action: string, owner: 'own' | 'other', expect: Statuses): Row => ({
    action,
    expect,
    run: async (who) => {
      const { id, path } = await story(owner === 'own' ? who.actor : other, 'published');
      assert.equal((await reader(path)).statusCode, 200, 'cached before the correction, so a missing purge would show');
      const body = unique('correction text');
      const response = await api(who.headers, 'POST', `/articles/${id}/corrections`, { kind: 'correction', body });
      assert.equal(
        (await reader(path)).body.includes(body),
        isOk(response.statusCode),
        'readers see the correction exactly when it was allowed',
      );
      return response.statusCode;
    },
  });

  // Ready for edit, the trash, preview links, presence and bulk actions (the editorial workflow).
  async function readyStory(owner: StaffActor): Promise<{ id: string; path: string }> {
    const made = await story(owner, 'draft');
    await submitArticle(content(), SYSTEM.seed, made.id);
    return made;
  }
  const workflowRows: Row[] = [
    ...(['own', 'other'] as const).map((owner): Row => ({
      action: `submit ${owner === 'own' ? 'own' : "someone else's"} draft for edit`,
      expect: owner === 'own' ? [200, 200, 200, 200] : [403, 403, 200, 200],
      run: async (who) => {
        const { id } = await story(owner === 'own' ? who.actor : other, 'draft');
        const response = await api(who.headers, 'POST', `/articles/${id}/submit`);
        assert.equal((await articleJson(id)).status, isOk(response.statusCode) ? 'ready' : 'draft');
        return response.statusCode;
      },
    })),
    ...(['own', 'other'] as const).map((owner): Row => ({
      action: `publish ${owner === 'own' ? 'own' : "someone else's"} story from the ready queue`,
      expect: owner === 'own' ? [403, 200, 200, 200] : [403, 403, 200, 200],
      run: async (who) => {
        const { id, path } = await readyStory(owner === 'own' ? who.actor : other);
        const response = await api(who.headers, 'POST', `/articles/${id}/publish`, {});
        assert.equal((await reader(path)).statusCode, isOk(response.statusCode) ? 200 : 404);
        return response.statusCode;
      },
    })),
    {
      action: "send someone else's story back to draft",
      expect: [403, 403, 200, 200],
      run: async (who) => {
        const { id } = await readyStory(other);
        const response = await api(who.headers, 'POST', `/articles/${id}/return`, { note: 'More sources.' });
        assert.equal((await articleJson(id)).status, isOk(response.statusCode) ? 'draft' : 'ready');
        return response.statusCode;
      },
    },
    ...(
      [
        ['own', 'draft', [204, 204, 204, 204]],
        ['own', 'published', [403, 204, 204, 204]],
        ['other', 'published', [403, 403, 204, 204]],
      ] as const
    ).map(([owner, status, expect]): Row => ({
      action: `move ${owner === 'own' ? 'own' : "someone else's"} ${status} article to the trash`,
      expect,
      run: async (who) => {
        const { id, path } = await story(owner === 'own' ? who.actor : other, status);
        if (status === 'published') assert.equal((await reader(path)).statusCode, 200);
        const response = await api(who.headers, 'DELETE', `/articles/${id}`);
        const trashed = (await api(callers.admin.headers, 'GET', `/articles/${id}`)).json().trashedAt !== null;
        assert.equal(trashed, isOk(response.statusCode));
        if (status === 'published')
          assert.equal((await reader(path)).statusCode, isOk(response.statusCode) ? 410 : 200);
        return response.statusCode;
      },
    })),
    {
      action: "restore someone else's article from the trash",
      expect: [403, 403, 200, 200],
      run: async (who) => {
        const { id } = await story(other, 'draft');
        await trashArticle(content(), SYSTEM.seed, id);
        const response = await api(who.headers, 'POST', `/articles/${id}/restore-from-trash`);
        assert.equal((await articleJson(id)).trashedAt === null, isOk(response.statusCode));
        return response.statusCode;
      },
    },
    {
      action: "bulk-unpublish someone else's article (each one answered on its own)",
      expect: [200, 200, 200, 200],
      run: async (who) => {
        const { id, path } = await story(other, 'published');
        const response = await api(who.headers, 'POST', '/articles/bulk', { ids: [id], action: 'unpublish' });
        const [result] = response.json().results;
        const allowed = who.role === 'editor' || who.role === 'admin';
        assert.equal(result.ok, allowed);
        if (!allowed) assert.equal(result.error.code, 'FORBIDDEN');
        assert.equal((await reader(path)).statusCode, allowed ? 410 : 200);
        return response.statusCode;
      },
    },
    ...(['own', 'other'] as const).map((owner): Row => ({
      action: `make a preview link of ${owner === 'own' ? 'own' : "someone else's"} draft`,
      expect: owner === 'own' ? [201, 201, 201, 201] : [403, 403, 201, 201],
      run: async (who) => {
        const { id } = await story(owner === 'own' ? who.actor : other, 'draft');
        const response = await api(who.headers, 'POST', `/articles/${id}/preview-links`, {});
        if (isOk(response.statusCode))
          assert.equal((await reader(new URL(response.json().url).pathname)).statusCode, 200);
        const links = (await api(callers.admin.headers, 'GET', `/articles/${id}/preview-links`)).json().links;
        assert.equal(links.length, isOk(response.statusCode) ? 1 : 0);
        return response.statusCode;
      },
    })),
    {
      action: "revoke a preview link of someone else's draft",
      expect: [403, 403, 204, 204],
      run: async (who) => {
        const { id } = await story(other, 'draft');
        const made = (await api(callers.admin.headers, 'POST', `/articles/${id}/preview-links`, { days: 1 })).json();
        const response = await api(who.headers, 'DELETE', `/articles/${id}/preview-links/${made.id}`);
        assert.equal((await reader(new URL(made.url).pathname)).statusCode, isOk(response.statusCode) ? 410 : 200);
        return response.statusCode;
      },
    },
    {
      action: "say they have someone else's draft open, and leave it",
      expect: [200, 200, 200, 200],
      run: async (who) => {
        const { id } = await story(other, 'draft');
        const response = await api(who.headers, 'POST', `/articles/${id}/presence`);
        const observer = who.role === 'admin' ? callers.editor : callers.admin;
        const seen = await api(observer.headers, 'POST', `/articles/${id}/presence`);
        assert.deepEqual(
          seen.json().others.map((o: { id: string }) => o.id),
          isOk(response.statusCode) ? [who.actor.id] : [],
        );
        assert.equal((await api(who.headers, 'DELETE', `/articles/${id}/presence`)).statusCode, 204);
        return response.statusCode;
      },
    },
  ];

  const publishingRows: Row[] = [
    editRow('edit own draft', 'own', 'draft', [200, 200, 200, 200]),
    editRow('edit own published article', 'own', 'published', [403, 200, 200, 200]),
    editRow("edit someone else's draft", 'other', 'draft', [403, 403, 200, 200]),
    editRow("edit someone else's published article", 'other', 'published', [403, 403, 200, 200]),
    publishRow('publish own draft', 'own', [403, 200, 200, 200]),
    publishRow("publish someone else's draft", 'other', [403, 403, 200, 200]),
    unpublishRow('unpublish own article', 'own', [403, 200, 200, 200]),
    unpublishRow("unpublish someone else's article", 'other', [403, 403, 200, 200]),
    correctRow('correct own article', 'own', [403, 201, 201, 201]),
    correctRow("correct someone else's article", 'other', [403, 403, 201, 201]),
  ];

  const mediaRows: Row[] = [
    {
      action: 'upload an image',
      expect: [201, 201, 201, 201],
      run: async (who) => {
        const alt = unique('alt');
        const form = multipartImage(png, alt);
        const response = await t.app.inject({
          method: 'POST',
          url: '/admin/api/media/images',
          payload: form.payload,
          headers: { ...who.headers, ...form.headers },
        });
        if (isOk(response.statusCode))
          assert.equal((await api(who.headers, 'GET', `/media/images/${response.json().id}`)).json().alt, alt);
        return response.statusCode;
      },
    },
    {
      action: "see someone else's image details",
      expect: [200, 200, 200, 200],
      run: async (who) => {
        const id = await image(other);
        const response = await api(who.headers, 'GET', `/media/images/${id}`);
        if (isOk(response.statusCode)) {
          assert.equal(response.json().alt, 'Before');
          assert.ok(response.json().srcset, 'the renditions come with the details');
        }
        return response.statusCode;
      },
    },
    {
      action: 'change own image details',
      expect: [200, 200, 200, 200],
      run: async (who) => {
        const id = await image(who.actor);
        const response = await api(who.headers, 'PATCH', `/media/images/${id}`, { alt: 'After' });
        assert.equal(
          (await api(who.headers, 'GET', `/media/images/${id}`)).json().alt,
          isOk(response.statusCode) ? 'After' : 'Before',
        );
        return response.statusCode;
      },
    },
    {
      action: "change someone else's image details",
      expect: [403, 403, 200, 200],
      run: async (who) => {
        const id = await image(other);
        const response = await api(who.headers, 'PATCH', `/media/images/${id}`, { alt: 'After' });
        assert.equal(
          (await api(who.headers, 'GET', `/media/images/${id}`)).json().alt,
          isOk(response.statusCode) ? 'After' : 'Before',
        );
        return response.statusCode;
      },
    },
    {
      action: 'browse the media library and see where an image is used',
      expect: [200, 200, 200, 200],
      run: async (who) => {
        const id = await image(other);
        const list = await api(who.headers, 'GET', '/media/images?limit=100');
        if (isOk(list.statusCode)) assert.ok(list.json().images.some((one: { id: string }) => one.id === id));
        const uses = await api(who.headers, 'GET', `/media/images/${id}/uses`);
        assert.equal(uses.statusCode, list.statusCode);
        return list.statusCode;
      },
    },
    {
      action: 'delete an unused image of their own',
      expect: [204, 204, 204, 204],
      run: async (who) => {
        const id = await image(who.actor);
        const response = await api(who.headers, 'DELETE', `/media/images/${id}`);
        assert.equal(
          (await api(who.headers, 'GET', `/media/images/${id}`)).statusCode,
          isOk(response.statusCode) ? 404 : 200,
        );
        return response.statusCode;
      },
    },
    {
      action: "delete someone else's unused image",
      expect: [403, 403, 204, 204],
      run: async (who) => {
        const id = await image(other);
        const response = await api(who.headers, 'DELETE', `/media/images/${id}`);
        assert.equal(
          (await api(who.headers, 'GET', `/media/images/${id}`)).statusCode,
          isOk(response.statusCode) ? 404 : 200,
        );
        return response.statusCode;
      },
    },
  ];

  // Sections, tags, labels and authors share one route shape and one policy action (taxonomy.manage),
  // except that every role may create a tag (tag.create).
  const FIXTURE: Record<
    TaxonomyTable,
    (db: TestApp['database']['handle']['db']) => Promise<{ id: string; slug: string }>
  > = {
    sections: (db) => makeSection(db),
    tags: (db) => makeTag(db),
    labels: (db) => makeLabel(db),
    authors: (db) => makeAuthor(db),
  };
  // Where readers see each kind; labels have no page of their own.
  const READER_PATH: Record<TaxonomyTable, ((slug: string) => string) | undefined> = {
    sections: (slug) => `/${slug}`,
    tags: (slug) => `/tag/${slug}`,
    labels: undefined,
    authors: (slug) => `/author/${slug}`,
  };
  const taxonomyRows = (table: TaxonomyTable): Row[] => [
    {
      action: `list ${table}`,
      expect: [200, 200, 200, 200],
      run: async (who) => (await api(who.headers, 'GET', `/${table}`)).statusCode,
    },
    {
      action: `create ${table}`,
      // Anyone who tags a story may make a new tag (tag.create); the rest is the editors'.
      expect: table === 'tags' ? [201, 201, 201, 201] : [403, 403, 201, 201],
      run: async (who) => {
        const name = unique(table);
        const response = await api(who.headers, 'POST', `/${table}`, { name });
        assert.equal(
          (await listed(who, table)).some((item) => item.name === name),
          isOk(response.statusCode),
          'listed exactly when creating was allowed',
        );
        const path = READER_PATH[table]?.(slugOf(name));
        if (path) assert.equal((await reader(path)).statusCode, isOk(response.statusCode) ? 200 : 404);
        return response.statusCode;
      },
    },
    {
      action: `update ${table}`,
      expect: [403, 403, 200, 200],
      run: async (who) => {
        const { id } = await FIXTURE[table](t.database.handle.db);
        const name = unique(`renamed ${table}`);
        const response = await api(who.headers, 'PATCH', `/${table}/${id}`, { name });
        const item = (await listed(who, table)).find((i) => i.id === id);
        assert.equal(item?.name === name, isOk(response.statusCode), 'renamed exactly when updating was allowed');
        return response.statusCode;
      },
    },
    {
      action: `delete ${table}`,
      expect: [403, 403, 204, 204],
      run: async (who) => {
        const { id, slug } = await FIXTURE[table](t.database.handle.db);
        const path = READER_PATH[table]?.(slug);
        // Rendered first, so the page cache holds it and a missing purge would show.
        if (path) assert.equal((await reader(path)).statusCode, 200);
        const response = await api(who.headers, 'DELETE', `/${table}/${id}`);
        assert.equal(
          (await listed(who, table)).some((item) => item.id === id),
          !isOk(response.statusCode),
          'gone exactly when deleting was allowed',
        );
        if (path) assert.equal((await reader(path)).statusCode, isOk(response.statusCode) ? 404 : 200);
        return response.statusCode;
      },
    },
  ];

  const siteRows: Row[] = [
    {
      action: 'list static pages',
      expect: [200, 200, 200, 200],
      run: async (who) => (await api(who.headers, 'GET', '/pages')).statusCode,
    },
    {
      action: 'read a static page with its body',
      expect: [200, 200, 200, 200],
      run: async (who) => {
        const page = await publishedPage();
        const response = await api(who.headers, 'GET', `/pages/${page.id}`);
        if (isOk(response.statusCode)) assert.equal(response.json().body.content[0].content[0].text, 'About us.');
        return response.statusCode;
      },
    },
    {
      action: 'create a static page',
      expect: [403, 403, 201, 201],
      run: async (who) => {
        const title = unique('page');
        const response = await api(who.headers, 'POST', '/pages', {
          title,
          status: 'published',
          body: paragraphs('Who we are.'),
        });
        assert.equal((await reader(`/${slugOf(title)}`)).statusCode, isOk(response.statusCode) ? 200 : 404);
        return response.statusCode;
      },
    },
    {
      action: 'update a static page',
      expect: [403, 403, 200, 200],
      run: async (who) => {
        const { id } = await publishedPage();
        const title = unique('new title');
        const response = await api(who.headers, 'PATCH', `/pages/${id}`, { title });
        assert.equal((await listed(who, 'pages')).find((p) => p.id === id)?.title === title, isOk(response.statusCode));
        return response.statusCode;
      },
    },
    {
      action: 'delete a static page',
      expect: [403, 403, 204, 204],
      run: async (who) => {
        const { id, slug } = await publishedPage();
        assert.equal(
          (await reader(`/${slug}`)).statusCode,
          200,
          'cached before the delete, so a missing purge would show',
        );
        const response = await api(who.headers, 'DELETE', `/pages/${id}`);
        assert.equal((await reader(`/${slug}`)).statusCode, isOk(response.statusCode) ? 404 : 200);
        return response.statusCode;
      },
    },
    {
      action: 'list redirects',
      expect: [200, 200, 200, 200],
      run: async (who) => (await api(who.headers, 'GET', '/redirects')).statusCode,
    },
    {
      action: 'create a redirect',
      expect: [403, 403, 201, 201],
      run: async (who) => {
        const fromPath = `/${slugOf(unique('moved'))}`;
        const response = await api(who.headers, 'POST', '/redirects', { fromPath, toPath: '/' });
        assert.equal((await reader(fromPath)).statusCode, isOk(response.statusCode) ? 301 : 404);
        return response.statusCode;
      },
    },
    {
      action: 'delete a redirect',
      expect: [403, 403, 204, 204],
      run: async (who) => {
        const { id, fromPath } = await redirect();
        assert.equal((await reader(fromPath)).statusCode, 301);
        const response = await api(who.headers, 'DELETE', `/redirects/${id}`);
        assert.equal((await reader(fromPath)).statusCode, isOk(response.statusCode) ? 404 : 301);
        return response.statusCode;
      },
    },
    {
      action: 'read site settings',
      expect: [200, 200, 200, 200],
      run: async (who) => {
        const response = await api(who.headers, 'GET', '/settings');
        if (isOk(response.statusCode)) assert.ok(response.json().title);
        return response.statusCode;
      },
    },
    {
      action: 'change site settings',
      expect: [403, 403, 403, 200],
      run: async (who) => {
        const title = unique('Gazette');
        const response = await api(who.headers, 'PATCH', '/settings', { title });
        assert.equal((await api(who.headers, 'GET', '/settings')).json().title === title, isOk(response.statusCode));
        return response.statusCode;
      },
    },
  ];

  const staffRows: Row[] = [
    {
      action: 'list staff',
      expect: [403, 403, 403, 200],
      run: async (who) => {
        const response = await api(who.headers, 'GET', '/staff');
        if (isOk(response.statusCode))
          assert.ok(response.json().staff.some((s: { email: string }) => s.email === who.actor.email));
        return response.statusCode;
      },
    },
    {
      action: 'create a staff account',
      expect: [403, 403, 403, 201],
      run: async (who) => {
        const email = `${slugOf(unique('new'))}@newsroom.example`;
        const response = await api(who.headers, 'POST', '/staff', {
          email,
          name: 'New hire',
          role: 'author',
          password: TEST_PASSWORD,
        });
        const everyone = (await api(callers.admin.headers, 'GET', '/staff')).json().staff as Array<{ email: string }>;
        assert.equal(
          everyone.some((s) => s.email === email),
          isOk(response.statusCode),
        );
        return response.statusCode;
      },
    },
    {
      action: "change someone's role",
      expect: [403, 403, 403, 200],
      run: async (who) => {
        const promoted = await target('contributor');
        const response = await api(who.headers, 'PATCH', `/staff/${promoted.id}`, { role: 'editor' });
        // Roles are read on every request, so the change applies to sessions already open.
        assert.equal(
          (await whoAmI(promoted.session)).json().staff.role,
          isOk(response.statusCode) ? 'editor' : 'contributor',
        );
        return response.statusCode;
      },
    },
    {
      action: 'disable someone',
      expect: [403, 403, 403, 200],
      run: async (who) => {
        const disabled = await target('editor');
        const response = await api(who.headers, 'PATCH', `/staff/${disabled.id}`, { disabled: true });
        const expected = isOk(response.statusCode) ? 401 : 200;
        assert.equal((await whoAmI(disabled.session)).statusCode, expected, 'their open session');
        assert.equal((await whoAmI(disabled.key)).statusCode, expected, 'their API key');
        return response.statusCode;
      },
    },
    {
      action: 'create an API key of their own',
      expect: [201, 201, 201, 201],
      run: async (who) => {
        const response = await api(who.headers, 'POST', '/api-keys', { name: 'script' });
        if (isOk(response.statusCode)) {
          const me = await whoAmI({ authorization: `Bearer ${response.json().key}` });
          assert.equal(me.json().staff.id, who.actor.id, 'the key acts as its owner, with their role');
          assert.equal(me.json().staff.role, who.role);
        }
        return response.statusCode;
      },
    },
    {
      action: 'list their own API keys, and only theirs',
      expect: [200, 200, 200, 200],
      run: async (who) => {
        const mine = await createApiKey(t.database.handle.db, who.actor, unique('mine'));
        const theirs = await createApiKey(t.database.handle.db, other, unique('theirs'));
        const response = await api(who.headers, 'GET', '/api-keys');
        const keys = response.json().apiKeys as Array<{ id: string; key?: string }>;
        assert.ok(keys.some((key) => key.id === mine.id));
        assert.ok(!keys.some((key) => key.id === theirs.id), "never another's");
        assert.ok(
          keys.every((key) => key.key === undefined),
          'never a key itself',
        );
        return response.statusCode;
      },
    },
    {
      action: 'revoke an API key of their own',
      expect: [204, 204, 204, 204],
      run: async (who) => {
        const { id, key } = await createApiKey(t.database.handle.db, who.actor, 'script');
        const response = await api(who.headers, 'DELETE', `/api-keys/${id}`);
        assert.equal(
          (await whoAmI({ authorization: `Bearer ${key}` })).statusCode,
          isOk(response.statusCode) ? 401 : 200,
        );
        return response.statusCode;
      },
    },
  ];

  // The members policy (src/members/policy.test.ts): editors and admins read members and decide who reads for free.
  async function newMember(): Promise<string> {
    const email = `${slugOf(unique('reader'))}@example.com`;
    return (await ensureMember(t.database.handle.db, { email, normalized: email })).id;
  }
  const memberRows: Row[] = [
    {
      action: 'list members',
      expect: [403, 403, 200, 200],
      run: async (who) => (await api(who.headers, 'GET', '/members')).statusCode,
    },
    {
      action: "read a member's account and history",
      expect: [403, 403, 200, 200],
      run: async (who) => {
        const id = await newMember();
        const response = await api(who.headers, 'GET', `/members/${id}`);
        if (isOk(response.statusCode)) assert.equal(response.json().history[0].kind, 'signed-up');
        return response.statusCode;
      },
    },
    {
      action: 'read the revenue dashboard',
      expect: [403, 403, 200, 200],
      run: async (who) => (await api(who.headers, 'GET', '/revenue?weeks=2')).statusCode,
    },
    {
      action: 'export members as CSV',
      expect: [403, 403, 200, 200],
      run: async (who) => (await api(who.headers, 'GET', '/members/export.csv')).statusCode,
    },
    {
      action: 'give and remove complimentary access',
      expect: [403, 403, 204, 204],
      run: async (who) => {
        const id = await newMember();
        const endsAt = new Date(Date.now() + 86_400_000).toISOString();
        const granted = await api(who.headers, 'POST', `/members/${id}/complimentary`, { endsAt });
        const grants = (await api(callers.admin.headers, 'GET', `/members/${id}`)).json().grants as Array<{
          id: string;
        }>;
        assert.equal(grants.length, isOk(granted.statusCode) ? 1 : 0, 'granted exactly when allowed');
        if (!isOk(granted.statusCode)) return granted.statusCode;
        return (await api(who.headers, 'DELETE', `/members/${id}/complimentary/${grants[0]?.id}`)).statusCode;
      },
    },
    {
      action: 'import members',
      expect: [403, 403, 200, 200],
      run: async (who) => {
        const email = `${slugOf(unique('imported'))}@example.com`;
        const response = await t.app.inject({
          method: 'POST',
          url: '/admin/api/members/import',
          headers: { ...who.headers, 'content-type': 'text/csv' },
          payload: `email\r\n${email}\r\n`,
        });
        const found = await api(callers.admin.headers, 'GET', `/members?q=${encodeURIComponent(email)}`);
        assert.equal(found.json().total, isOk(response.statusCode) ? 1 : 0, 'imported exactly when allowed');
        return response.statusCode;
      },
    },
  ];

  const TABLE: Row[] = [
    ...articleRows,
    ...publishingRows,
    ...workflowRows,
    ...mediaRows,
    ...taxonomyRows('sections'),
    ...taxonomyRows('tags'),
    ...taxonomyRows('labels'),
    ...taxonomyRows('authors'),
    ...siteRows,
    ...staffRows,
    ...memberRows,
  ];

  for (const row of TABLE) {
    describe(row.action, () => {
      ROLES.forEach((role, column) => {
        const expected = row.expect[column];
        it(`${role}: ${expected}`, async () => {
          assert.equal(await row.run(callers[role]), expected);
        });
      });
    });
  }

  it('lets no admin demote or disable themself, so a site always keeps its admin', async () => {
    const admin = await makeStaff(t, 'admin');
    const session = await startSession(t.database.handle.db, admin.id);
    const headers = { cookie: `gaceta_staff=${session.token}`, 'x-csrf-token': session.csrfToken };
    assert.equal((await api(headers, 'PATCH', `/staff/${admin.id}`, { role: 'editor' })).statusCode, 409);
    assert.equal((await api(headers, 'PATCH', `/staff/${admin.id}`, { disabled: true })).statusCode, 409);
    assert.equal((await whoAmI(headers)).json().staff.role, 'admin');
  });

  it('treats a staff change with no fields as changing nothing, as the other PATCH routes do', async () => {
    const admin = await makeStaff(t, 'admin');
    const session = await startSession(t.database.handle.db, admin.id);
    const headers = { cookie: `gaceta_staff=${session.token}`, 'x-csrf-token': session.csrfToken };
    const colleague = await makeStaff(t, 'author');
    assert.equal((await api(headers, 'PATCH', `/staff/${colleague.id}`, {})).statusCode, 200);
    assert.equal(
      (await api(headers, 'PATCH', `/staff/${newId()}`, {})).statusCode,
      404,
      'an unknown id is still unknown',
    );
    const listed = (
      (await api(headers, 'GET', '/staff')).json() as { staff: Array<{ id: string; role: string; disabled: boolean }> }
    ).staff;
    assert.deepEqual(
      listed.filter((member) => member.id === colleague.id).map(({ role, disabled }) => ({ role, disabled })),
      [{ role: 'author', disabled: false }],
    );
  });

  it('lets a contributor make a new tag while tagging, and refuses them every other change to the lists', async () => {
    const { headers } = callers.contributor;
    const made = await api(headers, 'POST', '/tags', { name: unique('Heatwave') });
    assert.equal(made.statusCode, 201, made.body);
    const tag = made.json() as { id: string; name: string };
    assert.ok((await listed(callers.contributor, 'tags')).some((item) => item.id === tag.id));
    const refusals = [
      await api(headers, 'PATCH', `/tags/${tag.id}`, { name: unique('renamed') }),
      await api(headers, 'DELETE', `/tags/${tag.id}`),
      await api(headers, 'POST', '/sections', { name: unique('Weather') }),
    ];
    for (const refusal of refusals) {
      assert.equal(refusal.statusCode, 403);
      assert.equal(refusal.json().error.code, 'FORBIDDEN');
    }
    assert.match(
      refusals[0]?.json().error.message ?? '',
      /A contributor may not manage sections, tags, labels or authors/,
    );
    const kept = (await listed(callers.contributor, 'tags')).find((item) => item.id === tag.id);
    assert.equal(kept?.name, tag.name, 'neither renamed nor deleted');
  });

  // Runs last (node:test keeps declaration order), after every row above has made its requests.
  it('gives only answers its OpenAPI document lists, for every route and status seen above', async () => {
    const doc = (await t.app.inject('/admin/api/openapi.json')).json() as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    const undocumented = [...answered].filter((answer) => {
      const [method = '', route = '', status = ''] = answer.split(' ');
      const path = route.replace(/:(\w+)/g, '{$1}');
      return !doc.paths[path]?.[method.toLowerCase()]?.responses[status];
    });
    assert.ok(answered.size > 40, `the suite exercised the API (${answered.size} route answers)`);
    assert.deepEqual(undocumented, []);
  });
});
