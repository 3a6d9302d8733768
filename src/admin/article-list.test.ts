import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { KyselyPlugin } from 'kysely';
import { buildApp, type GacetaApp } from '../app.ts';
import { makeArticle, makeAuthor, makeLabel, makeSection, makeStaff, signIn } from '../testing/factories.ts';
import { startTestApp, type TestApp } from '../testing/harness.ts';

type Headers = Record<string, string>;

/** Item 7: the newsroom's list, narrowed by status, trash, byline, section, label and headline, with a total. */
describe('the article list’s filters', () => {
  let t: TestApp;
  let editor: Headers;
  let ids: Record<string, string>;
  let refs: { ana: string; rosa: string; metro: string; sports: string; analysis: string };

  const list = async (query: string) => {
    const response = await t.app.inject({ url: `/admin/api/articles?${query}`, headers: editor });
    assert.equal(response.statusCode, 200, response.body);
    return response.json() as { articles: Array<Record<string, unknown>>; total: number };
  };
  const headlines = async (query: string) =>
    (await list(`${query}&limit=100`)).articles.map((a) => a.headline as string).sort();

  before(async () => {
    t = await startTestApp({ signInAttemptsPerMinute: 1000 });
    editor = await signIn(t, await makeStaff(t, 'editor'));
    const db = t.database.handle.db;
    const [ana, rosa] = [await makeAuthor(db, 'Ana Ruiz'), await makeAuthor(db, 'Rosa Cruz')];
    const [metro, sports] = [await makeSection(db, 'Metro'), await makeSection(db, 'Sports')];
    const analysis = await makeLabel(db, 'Analysis');
    refs = { ana: ana.id, rosa: rosa.id, metro: metro.id, sports: sports.id, analysis: analysis.id };
    ids = {
      metroAna: (await makeArticle(t, { headline: 'Metro by Ana', sectionId: metro.id, authorIds: [ana.id] })).id,
      metroBoth: (
        await makeArticle(t, {
          headline: 'Metro analysis by both',
          sectionId: metro.id,
          authorIds: [rosa.id, ana.id],
          labelId: analysis.id,
        })
      ).id,
      sportsRosa: (
        await makeArticle(t, {
          headline: 'Sports draft by Rosa',
          sectionId: sports.id,
          authorIds: [rosa.id],
          status: 'draft',
        })
      ).id,
    };
    for (let i = 0; i < 3; i++) await makeArticle(t, { headline: `Filler ${i}`, status: 'draft' });
    await t.app.inject({ method: 'DELETE', url: `/admin/api/articles/${ids.sportsRosa}`, headers: editor });
  });
  after(() => t.close());

  it('filters by byline, section, label, status and headline, together', async () => {
    assert.deepEqual(await headlines(`authorId=${refs.ana}`), ['Metro analysis by both', 'Metro by Ana']);
    assert.deepEqual(await headlines(`sectionId=${refs.metro}`), ['Metro analysis by both', 'Metro by Ana']);
    assert.deepEqual(await headlines(`labelId=${refs.analysis}`), ['Metro analysis by both']);
    assert.deepEqual(await headlines(`authorId=${refs.rosa}&sectionId=${refs.metro}`), ['Metro analysis by both']);
    assert.deepEqual(await headlines(`status=published&q=metro&authorId=${refs.ana}`), [
      'Metro analysis by both',
      'Metro by Ana',
    ]);
    assert.deepEqual(await headlines(`authorId=${refs.rosa}&trash=true`), ['Sports draft by Rosa']);
    assert.deepEqual(await headlines(`sectionId=${refs.sports}`), [], 'the trash is left out unless asked for');
    assert.deepEqual(await headlines('status=ready'), []);
    const badFilter = await t.app.inject({ url: '/admin/api/articles?sectionId=nope', headers: editor });
    assert.equal(badFilter.statusCode, 400);
  });

  it('says how many match in all, for pagination, and shows each row’s byline, section, label and last change', async () => {
    const first = await list('limit=2');
    assert.equal(first.articles.length, 2);
    assert.equal(first.total, 5, 'everything but the trash');
    const third = await list('limit=2&offset=4');
    assert.equal(third.articles.length, 1);
    assert.equal(third.total, 5);
    assert.equal((await list(`authorId=${refs.ana}&limit=1`)).total, 2);
    const row = (await list(`labelId=${refs.analysis}`)).articles[0];
    assert.deepEqual(row?.section, { id: refs.metro, name: 'Metro' });
    assert.deepEqual(row?.label, { id: refs.analysis, name: 'Analysis' });
    assert.deepEqual(
      (row?.authors as Array<{ name: string }>).map((a) => a.name),
      ['Rosa Cruz', 'Ana Ruiz'],
    );
    assert.deepEqual(row?.modifiedBy, { system: 'seed' });
    assert.equal(row?.version, 2);
    assert.equal(row?.trashedAt, null);
  });

  it('reads a page in one query and counts in one more', async () => {
    let count = 0;
    const counter: KyselyPlugin = {
      transformQuery: (args) => args.node,
      async transformResult(args) {
        count++;
        return args.result;
      },
    };
    const counted: GacetaApp = await buildApp({
      config: t.config,
      db: t.database.handle.db.withPlugin(counter),
      storage: t.storage,
      logger: false,
    });
    try {
      const url = `/admin/api/articles?authorId=${refs.ana}&sectionId=${refs.metro}&labelId=${refs.analysis}&q=metro&status=published`;
      assert.equal((await counted.app.inject({ url, headers: editor })).statusCode, 200);
      count = 0;
      const response = await counted.app.inject({ url, headers: editor });
      assert.equal(response.json().articles.length, 1);
      // Signing the request in is the session, and the site's two-factor rule for staff who have none;
      // the list is two.
      assert.equal(count, 4);
    } finally {
      await counted.app.close();
    }
  });
});
