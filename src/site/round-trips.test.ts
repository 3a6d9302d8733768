import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { KyselyPlugin } from 'kysely';
import { buildApp, type GacetaApp } from '../app.ts';
import { startTestApp, TEST_DIALECT, type TestApp } from '../testing/harness.ts';
import {
  makeArticle,
  makeAuthor,
  makeCorrection,
  makeImage,
  makeSection,
  makeTag,
  paragraphs,
} from '../testing/factories.ts';

/** Counts the queries a Kysely instance runs (every query's result passes through transformResult). */
function queryCounter(): KyselyPlugin & { count: number } {
  return {
    count: 0,
    transformQuery: (args) => args.node,
    async transformResult(args) {
      this.count++;
      return args.result;
    },
  };
}

// On PostgreSQL every query is a round trip that costs Node about as much as rendering a page
// (docs/benchmarks.md), so reader pages are held to the queries they need.
describe(`round trips per reader page on ${TEST_DIALECT}`, () => {
  let t: TestApp;
  let counted: GacetaApp;
  const counter = queryCounter();
  let path: string;

  before(async () => {
    t = await startTestApp({ pageCache: false });
    const db = t.database.handle.db;
    const section = await makeSection(db, 'Politics');
    const [ana, rosa] = [await makeAuthor(db, 'Ana Mendoza'), await makeAuthor(db, 'Rosa Cruz')];
    const [water, budget] = [await makeTag(db, 'Water'), await makeTag(db, 'Budget')];
    const image = await makeImage(t);
    for (let i = 0; i < 3; i++)
      await makeArticle(t, {
        headline: `Earlier story ${i}`,
        sectionId: section.id,
        tagIds: [water.id],
        featureImage: { id: image.id, focalPoint: { x: 0.25, y: 0.75 } },
      });
    // Search and social fields and the focal point are columns the page's queries already read.
    const article = await makeArticle(t, {
      headline: 'The council votes on the water budget',
      sectionId: section.id,
      authorIds: [ana.id, rosa.id],
      tagIds: [water.id, budget.id],
      body: paragraphs('The vote is on Tuesday.'),
      seoTitle: 'Water budget vote: what to know',
      socialTitle: 'Your water bill is on the ballot',
      featureImage: { id: image.id, focalPoint: { x: 0.1, y: 0.2 } },
    });
    await makeCorrection(t, article.id, 'correction', 'The vote is on Wednesday.');
    path = `/politics/${article.slug}`;
    counted = await buildApp({
      config: t.config,
      db: db.withPlugin(counter),
      storage: t.storage,
      logger: false,
    });
  });
  after(async () => {
    await counted.app.close();
    await t.close();
  });

  it('reads an article with its bylines, tags and corrections in one query, and its related stories in one more', async () => {
    assert.equal((await counted.app.inject(path)).statusCode, 200); // loads the site context once
    counter.count = 0;
    const page = await counted.app.inject(path);
    assert.equal(page.statusCode, 200);
    for (const shown of [
      'Ana Mendoza',
      'Rosa Cruz',
      'Water',
      'Budget',
      'on Wednesday',
      'Earlier story',
      '<title>Water budget vote: what to know</title>',
      '<meta property="og:title" content="Your water bill is on the ballot">',
      'class="fx-25 fy-75"',
    ])
      assert.ok(page.body.includes(shown), `the page shows ${shown}`);
    assert.equal(counter.count, 2, 'queries for one uncached article page');
  });

  it('lists a section in one query: the section itself comes from the site context', async () => {
    assert.equal((await counted.app.inject('/politics')).statusCode, 200);
    counter.count = 0;
    const page = await counted.app.inject('/politics');
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes('Earlier story 2'));
    assert.ok(page.body.includes('class="fx-25 fy-75"'), 'cards keep the focal point in view');
    assert.equal(counter.count, 1, 'queries for one uncached section page');
  });

  it('reads a feed in two queries: its cards, then their bodies with bylines (a body that refers to nothing needs no more)', async () => {
    assert.equal((await counted.app.inject('/feed.xml')).statusCode, 200);
    counter.count = 0;
    const feed = await counted.app.inject('/feed.xml');
    assert.equal(feed.statusCode, 200);
    for (const shown of [
      '<dc:creator>Ana Mendoza</dc:creator>',
      '<dc:creator>Rosa Cruz</dc:creator>',
      'The vote is on Tuesday.',
    ])
      assert.ok(feed.body.includes(shown), `the feed shows ${shown}`);
    assert.equal(counter.count, 2, 'queries for one uncached feed');
  });
});
