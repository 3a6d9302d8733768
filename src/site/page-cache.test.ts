import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Fastify from 'fastify';
import { createDraft } from '../content/articles.service.ts';
import { insertPage } from '../content/pages.service.ts';
import { newId, nowIso } from '../db/ids.ts';
import { publishArticle, publishDueArticles, unpublishArticle } from '../content/publishing.service.ts';
import { Invalidation, LIST_PAGES } from '../http/invalidation.ts';
import { PageCache } from '../http/page-cache.ts';
import { SYSTEM } from '../staff/actor.ts';
import { servePage } from './serve-page.ts';
import { startTestApp, type TestApp } from '../testing/harness.ts';
import { makeArticle, makeSection, makeStaff, paragraphs, signIn } from '../testing/factories.ts';

const HOUR = 3600_000;

describe('cached pages follow every article they referenced', () => {
  let t: TestApp;
  let renders = 0;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  /** A story scheduled an hour from now, not yet visible to readers. */
  async function scheduled(headline: string): Promise<{ id: string }> {
    const deps = { db: t.database.handle.db, invalidation: t.invalidation };
    const draft = await createDraft(deps, SYSTEM.seed, { headline, body: paragraphs('Text.') });
    return publishArticle(deps, SYSTEM.seed, draft.id, new Date(Date.now() + HOUR).toISOString());
  }
  const get = async (path: string) => {
    const response = await t.app.inject(path);
    assert.equal(response.statusCode, 200, path);
    return response.body;
  };
  const deps = () => ({ db: t.database.handle.db, invalidation: t.invalidation });

  it('a story linking an inline card to a scheduled story shows it once the scheduler publishes it, and drops it when withdrawn', async () => {
    const later = await scheduled('Results are in at six');
    const section = await makeSection(t.database.handle.db, 'Elections');
    const linking = await makeArticle(t, {
      headline: 'Polls close across the valley',
      sectionId: section.id,
      body: {
        type: 'doc',
        version: 1,
        content: [...paragraphs('Voting ended.').content, { type: 'related', articleId: later.id }],
      },
    });
    const path = `/elections/${linking.slug}`;
    assert.doesNotMatch(await get(path), /Results are in at six/);
    assert.equal(await get(path), await get(path), 'the page is cached');

    // Six o'clock comes: the scheduler publishes the story, and the page that referred to it follows.
    assert.deepEqual(
      await publishDueArticles(deps(), SYSTEM.scheduler, new Date(Date.now() + 2 * HOUR).toISOString()),
      [later.id],
    );
    assert.match(await get(path), /Results are in at six/);

    await unpublishArticle(deps(), SYSTEM.seed, later.id);
    assert.doesNotMatch(await get(path), /Results are in at six/);
  });

  it("an editor's pick of a scheduled story appears when it goes live, and goes when it is withdrawn", async () => {
    const later = await scheduled('Turnout breaks a record');
    const section = await makeSection(t.database.handle.db, 'Turnout');
    const picking = await makeArticle(t, {
      headline: 'Lines at every polling station',
      sectionId: section.id,
      relatedIds: [later.id],
    });
    const path = `/turnout/${picking.slug}`;
    assert.doesNotMatch(await get(path), /Turnout breaks a record/);

    assert.deepEqual(
      await publishDueArticles(deps(), SYSTEM.scheduler, new Date(Date.now() + 2 * HOUR).toISOString()),
      [later.id],
    );
    assert.match(await get(path), /Turnout breaks a record/);

    await unpublishArticle(deps(), SYSTEM.seed, later.id);
    assert.doesNotMatch(await get(path), /Turnout breaks a record/);
  });

  it('a static page depends on every story it links to', async () => {
    const later = await scheduled('New water rates take effect');
    await insertPage(t.database.handle.db, {
      id: newId(),
      slug: 'water-guide',
      title: 'Water guide',
      body: { type: 'doc', version: 1, content: [{ type: 'related', articleId: later.id }] },
      status: 'published',
      at: nowIso(),
    });
    const first = t.app.inject('/water-guide');
    assert.equal((await first).statusCode, 200);
    const keys = String((await first).headers['surrogate-key']);
    // Static pages render related blocks once section 3 of issue 12 lands; the key is there already.
    assert.match(keys, new RegExp(`article:${later.id}`));
    const paged = await t.app.inject('/water-guide?page=3');
    assert.equal(paged.statusCode, 301, 'a static page has one address, whatever ?page says');
    assert.equal(paged.headers.location, '/water-guide');
  });

  it('a page that changes with time alone is kept by a shared cache no longer than by Gaceta', async () => {
    const news = await t.app.inject('/sitemaps/news.xml');
    assert.match(String(news.headers['cache-control']), /s-maxage=60\b/);
    assert.match(String((await t.app.inject('/sitemaps/news.xml')).headers['cache-control']), /s-maxage=60\b/);
  });

  it('a new tag, label or author purges the lists only; a new section, every page', async () => {
    const section = await makeSection(t.database.handle.db, 'Courts');
    const article = await makeArticle(t, { headline: 'Judge rules on the dam', sectionId: section.id });
    const path = `/courts/${article.slug}`;
    const headers = await signIn(t, await makeStaff(t, 'editor'));
    const create = async (table: string, name: string) => {
      const response = await t.app.inject({ method: 'POST', url: `/admin/api/${table}`, headers, payload: { name } });
      assert.equal(response.statusCode, 201, response.body);
    };
    await get(path);
    await get('/sitemaps/pages.xml');
    let renders = 0;
    const counting = t.cache.set.bind(t.cache);
    t.cache.set = (key, page) => {
      renders++;
      counting(key, page);
    };
    try {
      await create('tags', 'Water rights');
      await create('labels', 'Explainer');
      await create('authors', 'Inés Robles');
      await get(path);
      assert.equal(renders, 0, 'the article page stayed cached');
      // The pages sitemap names a tag or author only once a story readers can see carries it (reader-scope.ts).
      const sitemap = await get('/sitemaps/pages.xml');
      assert.doesNotMatch(sitemap, /\/tag\/water-rights</);
      assert.doesNotMatch(sitemap, /\/author\/ines-robles</);
      await create('sections', 'Opinion');
      assert.match(await get(path), /href="\/opinion"/, 'a new section is in the navigation of every page');
    } finally {
      t.cache.set = counting;
    }
  });

  it('query parameters a page does not read make no new cache entry, render or ETag; ?page does', async () => {
    const section = await makeSection(t.database.handle.db, 'Weather');
    for (let i = 0; i < 22; i++) await makeArticle(t, { headline: `Weather story ${i}`, sectionId: section.id });
    const article = await makeArticle(t, { headline: 'Rain on Sunday', sectionId: section.id });
    const before = t.cache.size;
    renders = 0;
    const counting = t.cache.set.bind(t.cache);
    t.cache.set = (key, page) => {
      renders++;
      counting(key, page);
    };
    try {
      for (const path of [`/weather/${article.slug}`, '/weather']) {
        const etags = new Set<string>();
        for (const query of [
          '',
          '?utm_source=a',
          '?utm_source=b&utm_medium=email',
          '?fbclid=x1',
          '?utm_campaign=z&x=1',
        ]) {
          const response = await t.app.inject(path + query);
          assert.equal(response.statusCode, 200);
          etags.add(String(response.headers.etag));
        }
        assert.equal(etags.size, 1, `one ETag for every variant of ${path}`);
      }
      assert.equal(renders, 2, 'one render per page');
      assert.equal(t.cache.size, before + 2, 'one entry per page');
      const second = await t.app.inject('/weather?page=2&utm_source=a');
      assert.equal(second.statusCode, 200);
      assert.match(second.body, /Weather story 0\b/);
      assert.equal((await t.app.inject('/weather?page=2')).body, second.body);
      assert.equal((await t.app.inject('/weather?page=1')).headers.etag, (await t.app.inject('/weather')).headers.etag);
      assert.equal(renders, 3, '?page=2 is a page of its own; ?page=1 is the first page');
      assert.equal((await t.app.inject('/weather?page=x')).statusCode, 400);
    } finally {
      t.cache.set = counting;
    }
  });
});

describe('a page rendered while a purge goes by', () => {
  it('is sent but kept by no cache, since it may show what was just changed', async () => {
    const invalidation = new Invalidation();
    const cache = new PageCache({ enabled: true, capacity: 10, invalidation });
    const app = Fastify();
    let renders = 0;
    app.get('/story', (request, reply) =>
      servePage(request, reply, cache, async () => {
        renders++;
        // An editor's change commits while this render is reading the old row.
        if (renders === 1) invalidation.purge([LIST_PAGES]);
        return { kind: 'page', body: `<p>render ${renders}</p>`, keys: [LIST_PAGES] };
      }),
    );
    const first = await app.inject('/story');
    assert.equal(first.headers['cache-control'], 'no-store');
    assert.equal(cache.size, 0);
    const second = await app.inject('/story');
    assert.match(String(second.headers['cache-control']), /s-maxage=86400/);
    assert.equal((await app.inject('/story')).body, '<p>render 2</p>');
    assert.equal(renders, 2);
    await app.close();
  });
});

describe('reader routes carry no admin API work', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  it("runs only the security-header hook on a reader page: the cookie, multipart and rate-limit plugins stay in the admin API's context", async () => {
    await t.app.ready();
    const routes = t.app.printRoutes({ commonPrefix: false, includeHooks: true, method: 'GET' });
    // printRoutes lists each route's hooks on the lines under it, up to the next route.
    const hooksOf = (route: RegExp): string => {
      const lines = routes.split('\n');
      const at = lines.findIndex((line) => route.test(line));
      assert.ok(at >= 0, `no ${route} in\n${routes}`);
      const rest = lines.slice(at + 1);
      const end = rest.findIndex((line) => /\(GET\)/.test(line));
      return rest.slice(0, end < 0 ? undefined : end).join('\n');
    };
    for (const route of [/:slug \(GET\)/, /feed\.xml \(GET\)/]) {
      const hooks = hooksOf(route);
      assert.doesNotMatch(hooks, /cookie/i, `${route}: ${hooks}`);
      assert.doesNotMatch(hooks, /onResponse|onSend|preValidation/, `${route}: ${hooks}`);
    }
    assert.match(hooksOf(/api\/articles \(GET\)/), /fastifyCookieHandler/);
  });
});
