import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { parse } from 'node-html-parser';
import { createDraft } from '../content/articles.service.ts';
import { addCorrection, publishArticle, publishDueArticles, unpublishArticle } from '../content/publishing.service.ts';
import { storeImage } from '../media/images.service.ts';
import { startTestApp, type TestApp } from '../testing/harness.ts';
import { makeArticle, makeCorrection, makeSection, paragraphs, pngBytes } from '../testing/factories.ts';
import { SYSTEM } from '../staff/actor.ts';

const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['url', 'sitemap', 'item'].includes(name) });
const meta = (page: ReturnType<typeof parse>, property: string): string | undefined =>
  page.querySelector(`meta[property="${property}"]`)?.getAttribute('content');
const jsonLd = (page: ReturnType<typeof parse>): Record<string, unknown> =>
  JSON.parse(page.querySelector('script[type="application/ld+json"]')?.text ?? '{}') as Record<string, unknown>;

describe('what an article page and its feeds declare', () => {
  let t: TestApp;
  let deps: { db: TestApp['database']['handle']['db']; invalidation: TestApp['invalidation'] };

  before(async () => {
    t = await startTestApp();
    deps = { db: t.database.handle.db, invalidation: t.invalidation };
  });
  after(() => t.close());

  it('lists each rendition of an upload wider than 1920 px once, and declares the shared rendition’s own size', async () => {
    const wide = await storeImage({ db: deps.db, storage: t.storage }, SYSTEM.seed, await pngBytes(2400, 1350), {
      alt: 'Wide',
    });
    assert.deepEqual(JSON.parse(wide.widths), [320, 640, 960, 1280, 1920]);
    const section = await makeSection(deps.db, 'Photo');
    const article = await makeArticle(t, {
      headline: 'A panorama',
      sectionId: section.id,
      featureImage: { id: wide.id },
    });
    const page = parse((await t.app.inject(`/photo/${article.slug}`)).body);
    for (const srcset of [
      page.querySelector('figure.figure source')?.getAttribute('srcset'),
      page.querySelector('figure.figure img')?.getAttribute('srcset'),
    ]) {
      const widths = (srcset ?? '').split(', ').map((entry) => entry.split(' ')[1]);
      assert.deepEqual(widths, ['320w', '640w', '960w', '1280w', '1920w']);
    }
    assert.match(meta(page, 'og:image') ?? '', /\/1280\.png$/);
    assert.equal(meta(page, 'og:image:width'), '1280');
    assert.equal(meta(page, 'og:image:height'), '720');

    const feed = xml.parse((await t.app.inject('/photo/feed.xml')).body);
    const media = feed.rss.channel.item[0]['media:content'];
    assert.match(media['@_url'], /\/1280\.png$/);
    assert.equal(media['@_width'], '1280');
    assert.equal(media['@_height'], '720');
  });

  it('shows images stored before the fix (1920 listed twice) with each width once', async () => {
    const wide = await storeImage({ db: deps.db, storage: t.storage }, SYSTEM.seed, await pngBytes(2400, 1350), {});
    await deps.db
      .updateTable('images')
      .set({ widths: '[320,640,960,1280,1920,1920]' })
      .where('id', '=', wide.id)
      .execute();
    const article = await makeArticle(t, { headline: 'An older panorama', featureImage: { id: wide.id } });
    const srcset = parse((await t.app.inject(`/news/${article.slug}`)).body)
      .querySelector('figure.figure img')
      ?.getAttribute('srcset');
    assert.equal((srcset ?? '').match(/1920w/g)?.length, 1);
  });

  it('has one "modified" time on every surface: never before publication, moved by a correction', async () => {
    const section = await makeSection(deps.db, 'Schedule');
    const draft = await createDraft(deps, SYSTEM.seed, {
      headline: 'Polls open at eight',
      sectionId: section.id,
      body: paragraphs('Voting starts.'),
    });
    const goesLive = new Date(Date.now() + 60_000).toISOString();
    await publishArticle(deps, SYSTEM.seed, draft.id, goesLive);
    await publishDueArticles(deps, SYSTEM.scheduler, new Date(Date.now() + 120_000).toISOString());
    const path = `/schedule/${draft.slug}`;
    const month = goesLive.slice(0, 7);

    const surfaces = async (): Promise<Record<string, unknown>> => {
      const page = parse((await t.app.inject(path)).body);
      const monthFile = xml.parse((await t.app.inject(`/sitemaps/${month}.xml`)).body);
      const index = xml.parse((await t.app.inject('/sitemap.xml')).body);
      return {
        openGraph: meta(page, 'article:modified_time'),
        jsonLd: jsonLd(page).dateModified,
        sitemap: monthFile.urlset.url.find((u: { loc: string }) => u.loc.endsWith(path))?.lastmod,
        sitemapIndex: index.sitemapindex.sitemap.find((s: { loc: string }) => s.loc.endsWith(`${month}.xml`))?.lastmod,
        published: meta(page, 'article:published_time'),
      };
    };
    const scheduled = await surfaces();
    assert.equal(scheduled.published, goesLive);
    assert.deepEqual(scheduled, {
      openGraph: goesLive,
      jsonLd: goesLive,
      sitemap: goesLive,
      sitemapIndex: goesLive,
      published: goesLive,
    });

    // The correction is dated after publication, as it would be in a newsroom.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await addCorrection(deps, SYSTEM.seed, draft.id, 'correction', 'Polls open at 8 a.m., not 8 p.m.');
    const modified = (
      await deps.db.selectFrom('articles').select('modified_at').where('id', '=', draft.id).executeTakeFirstOrThrow()
    ).modified_at;
    const corrected = await surfaces();
    // The row was saved before the scheduled time, so the rule still says publication...
    const expected = modified > goesLive ? modified : goesLive;
    assert.deepEqual(corrected, {
      openGraph: expected,
      jsonLd: expected,
      sitemap: expected,
      sitemapIndex: expected,
      published: goesLive,
    });

    // ...and for a story published in the past, the correction moves every surface together.
    const past = await makeArticle(t, { headline: 'Turnout was high', sectionId: section.id });
    await makeCorrection(t, past.id, 'correction', 'Turnout was 61%, not 71%.');
    const page = parse((await t.app.inject(`/schedule/${past.slug}`)).body);
    const correctedAt = (
      await deps.db.selectFrom('articles').select('modified_at').where('id', '=', past.id).executeTakeFirstOrThrow()
    ).modified_at;
    assert.ok(correctedAt > (meta(page, 'article:published_time') ?? ''));
    assert.equal(meta(page, 'article:modified_time'), correctedAt);
    assert.equal(jsonLd(page).dateModified, correctedAt);
  });

  it('names the correction and clarification notices, one landmark each', async () => {
    const article = await makeArticle(t, { headline: 'The budget vote' });
    await makeCorrection(t, article.id, 'correction', 'The vote was 7-4.');
    await makeCorrection(t, article.id, 'correction', 'The meeting was on Tuesday.');
    await makeCorrection(t, article.id, 'clarification', 'The mayor did not vote.');
    const page = parse((await t.app.inject(`/news/${article.slug}`)).body);
    const asides = page.querySelectorAll('aside.notice');
    assert.deepEqual(
      asides.map((aside) => aside.getAttribute('aria-label')),
      ['Correction', 'Clarification'],
    );
    assert.equal(asides[0]?.querySelectorAll('p').length, 2, 'both corrections under one named landmark');
  });

  it('keeps a withdrawn story’s corrections on /corrections, with its headline and no link', async () => {
    const article = await makeArticle(t, { headline: 'A story we took down' });
    await makeCorrection(t, article.id, 'correction', 'The figures were wrong.');
    const listed = parse((await t.app.inject('/corrections')).body);
    assert.ok(listed.querySelectorAll('.corrections-list a').some((a) => a.text === 'A story we took down'));

    await unpublishArticle(deps, SYSTEM.seed, article.id);
    const after = parse((await t.app.inject('/corrections')).body);
    const item = after
      .querySelectorAll('.corrections-list li')
      .find((li) => li.text.includes('The figures were wrong.'));
    assert.ok(item, 'the correction is still listed');
    assert.equal(item.querySelector('cite')?.text, 'A story we took down');
    assert.match(item.text, /story withdrawn/);
    assert.equal(item.querySelector('a'), null, 'no link to an address that answers 410');

    await deps.db.insertInto('settings').values({ key: 'locale', value: '"es"' }).execute();
    t.invalidation.purge(['all']);
    const spanish = parse((await t.app.inject('/corrections')).body);
    assert.match(spanish.querySelector('.corrections-list')?.text ?? '', /A story we took down \(nota retirada\)/);
    await deps.db.deleteFrom('settings').where('key', '=', 'locale').execute();
    t.invalidation.purge(['all']);
  });
});
