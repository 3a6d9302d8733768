import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { parse } from 'node-html-parser';
import Parser from 'rss-parser';
import { startTestApp, type TestApp } from '../testing/harness.ts';
import { makeArticle, makeAuthor, makeImage, makeSection, makeTag, paragraphs } from '../testing/factories.ts';

const rss = new Parser({
  customFields: {
    item: [
      ['media:content', 'media', { keepArray: false }],
      ['dc:creator', 'creator'],
    ],
  },
});
const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['url', 'sitemap'].includes(name) });
const HOUR = 3600_000;

describe('feeds, sitemaps and robots.txt', () => {
  let t: TestApp;
  let recentSlug: string;

  before(async () => {
    t = await startTestApp();
    const db = t.database.handle.db;
    const section = await makeSection(db, 'Environment');
    const tag = await makeTag(db, 'Drought');
    const author = await makeAuthor(db, 'Rosa Cruz');
    const image = await makeImage(t, { alt: 'Cracked earth' });
    const recent = await makeArticle(t, {
      headline: 'Rain returns & the <valley> breathes',
      dek: 'First storm in months.',
      sectionId: section.id,
      tagIds: [tag.id],
      authorIds: [author.id],
      featureImage: { id: image.id },
      publishedAt: new Date(Date.now() - 2 * HOUR).toISOString(),
    });
    recentSlug = recent.slug;
    await makeArticle(t, {
      headline: 'Old drought story',
      sectionId: section.id,
      tagIds: [tag.id],
      authorIds: [author.id],
      publishedAt: '2025-03-10T12:00:00.000Z',
    });
    await makeArticle(t, {
      headline: 'Three days ago',
      sectionId: section.id,
      publishedAt: new Date(Date.now() - 72 * HOUR).toISOString(),
    });
    await makeArticle(t, { headline: 'Unpublished draft', sectionId: section.id, status: 'draft' });
  });
  after(() => t.close());

  it('serves RSS 2.0 for the site, a section, a tag and an author, readable by a feed parser', async () => {
    for (const [path, count] of [
      ['/feed.xml', 3],
      ['/environment/feed.xml', 3],
      ['/tag/drought/feed.xml', 2],
      ['/author/rosa-cruz/feed.xml', 2],
    ] as const) {
      const response = await t.app.inject(path);
      assert.equal(response.statusCode, 200, path);
      assert.match(String(response.headers['content-type']), /application\/rss\+xml/);
      const feed = await rss.parseString(response.body);
      assert.equal(feed.items.length, count, path);
      const first = feed.items[0];
      assert.equal(first?.title, 'Rain returns & the <valley> breathes');
      assert.equal(first?.link, `https://news.example/environment/${recentSlug}`);
      assert.ok(first?.pubDate && !Number.isNaN(Date.parse(first.pubDate)));
      assert.ok(!feed.items.some((item) => item.title === 'Unpublished draft'));
    }
    const feed = await rss.parseString((await t.app.inject('/feed.xml')).body);
    const item = feed.items[0] as unknown as {
      media: { $: { url: string; medium: string; width: string } };
      creator: string;
    };
    assert.match(item.media.$.url, /^https:\/\/news\.example\/media\/images\/.+\.png$/);
    assert.equal(item.media.$.medium, 'image');
    assert.equal(item.creator, 'Rosa Cruz');
    assert.equal((await t.app.inject('/tag/nothing-here/feed.xml')).statusCode, 404);
  });

  it('serves a sitemap index pointing at monthly sitemaps, the pages sitemap and the news sitemap', async () => {
    const index = xml.parse((await t.app.inject('/sitemap.xml')).body);
    const locs: string[] = index.sitemapindex.sitemap.map((s: { loc: string }) => s.loc);
    assert.ok(locs.includes('https://news.example/sitemaps/news.xml'));
    assert.ok(locs.includes('https://news.example/sitemaps/2025-03.xml'));
    const month = xml.parse((await t.app.inject('/sitemaps/2025-03.xml')).body);
    assert.equal(month.urlset['@_xmlns'], 'http://www.sitemaps.org/schemas/sitemap/0.9');
    assert.equal(month.urlset.url.length, 1);
    assert.match(month.urlset.url[0].loc, /^https:\/\/news\.example\/environment\/old-drought-story$/);
    assert.ok(month.urlset.url[0].lastmod);
    assert.equal((await t.app.inject('/sitemaps/2024-13.xml')).statusCode, 404);
    assert.equal((await t.app.inject('/sitemaps/1999-01.xml')).statusCode, 404);
    const pages = xml.parse((await t.app.inject('/sitemaps/pages.xml')).body);
    const pageLocs = pages.urlset.url.map((u: { loc: string }) => u.loc);
    assert.ok(pageLocs.includes('https://news.example/environment'));
    assert.ok(pageLocs.includes('https://news.example/tag/drought'));
    assert.ok(pageLocs.includes('https://news.example/author/rosa-cruz'));
  });

  it('lists only the last 48 hours in the Google News sitemap, with its required elements', async () => {
    const news = xml.parse((await t.app.inject('/sitemaps/news.xml')).body);
    assert.equal(news.urlset['@_xmlns:news'], 'http://www.google.com/schemas/sitemap-news/0.9');
    assert.equal(news.urlset.url.length, 1);
    const entry = news.urlset.url[0];
    assert.equal(entry.loc, `https://news.example/environment/${recentSlug}`);
    assert.equal(entry['news:news']['news:publication']['news:name'], 'Gaceta');
    assert.equal(entry['news:news']['news:publication']['news:language'], 'en');
    assert.ok(entry['news:news']['news:publication_date']);
    assert.equal(entry['news:news']['news:title'], 'Rain returns & the <valley> breathes');
  });

  it('sends small cached pages uncompressed, never labelled as compressed', async () => {
    const empty = await startTestApp();
    try {
      const response = await empty.app.inject({
        url: '/sitemaps/news.xml',
        headers: { 'accept-encoding': 'br, gzip' },
      });
      assert.ok(response.rawPayload.length < 1024);
      assert.equal(response.headers['content-encoding'], undefined);
      assert.ok(xml.parse(response.body).urlset, 'the body is plain XML');
    } finally {
      await empty.close();
    }
  });

  it('names the sitemaps in robots.txt', async () => {
    const response = await t.app.inject('/robots.txt');
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /^Sitemap: https:\/\/news\.example\/sitemap\.xml$/m);
    assert.match(response.body, /^Sitemap: https:\/\/news\.example\/sitemaps\/news\.xml$/m);
    assert.match(response.body, /^Disallow: \/admin\/$/m);
  });
});

describe('full-text feeds', () => {
  let t: TestApp;

  before(async () => {
    t = await startTestApp();
    const db = t.database.handle.db;
    const section = await makeSection(db, 'Valley');
    const image = await makeImage(t, { alt: 'The dam at dawn', caption: 'The dam', credit: 'Photo: Ana' });
    const older = await makeArticle(t, {
      headline: 'Older story',
      slug: 'older-story',
      sectionId: section.id,
      publishedAt: new Date(Date.now() - 3 * HOUR).toISOString(),
    });
    await makeArticle(t, {
      headline: 'Full text story',
      sectionId: section.id,
      publishedAt: new Date(Date.now() - HOUR).toISOString(),
      body: {
        type: 'doc',
        version: 1,
        content: [
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: 'Fish & <chips> at the ' },
              { type: 'text', text: 'older story', marks: [{ type: 'link', href: '/valley/older-story' }] },
              { type: 'text', text: ' and ]]> too.' },
            ],
          },
          { type: 'image', imageId: image.id },
          { type: 'related', articleId: older.id },
          {
            type: 'embed',
            html: '<iframe src="https://www.youtube-nocookie.com/embed/abc?start=1&amp;end=9" title="Video"></iframe>',
            caption: 'The council meeting',
          },
        ],
      },
    });
    await makeArticle(t, {
      headline: 'Members story',
      sectionId: section.id,
      access: 'members',
      body: paragraphs('zxmembersonlywords are for members.'),
    });
  });
  after(() => t.close());

  it('carries the whole readable body as HTML in content:encoded, with absolute addresses and embeds as links', async () => {
    const response = await t.app.inject('/feed.xml');
    const feed = await rss.parseString(response.body);
    const item = feed.items.find((i) => i.title === 'Full text story') as Record<string, string> | undefined;
    const body = parse(item?.['content:encoded'] ?? '');
    assert.match(body.querySelector('p')?.text ?? '', /^Fish & <chips> at the older story and \]\]> too\.$/);
    assert.equal(body.querySelector('p a')?.getAttribute('href'), 'https://news.example/valley/older-story');
    const img = body.querySelector('figure img');
    assert.match(img?.getAttribute('src') ?? '', /^https:\/\/news\.example\/media\/images\//);
    for (const candidate of (img?.getAttribute('srcset') ?? '').split(', '))
      assert.match(candidate, /^https:\/\/news\.example\/media\/images\/\S+ \d+w$/);
    assert.equal(img?.getAttribute('alt'), 'The dam at dawn');
    assert.equal(body.querySelector('.inline-card a')?.getAttribute('href'), 'https://news.example/valley/older-story');
    assert.equal(body.querySelector('iframe'), null, 'no frames in a feed');
    const embed = body.querySelectorAll('a').find((a) => a.text === 'The council meeting');
    assert.equal(embed?.getAttribute('href'), 'https://www.youtube-nocookie.com/embed/abc?start=1&end=9');
  });

  it('gives a locked story only its free preview: nothing of its body reaches the feed', async () => {
    const response = await t.app.inject('/feed.xml');
    const feed = await rss.parseString(response.body);
    const item = feed.items.find((i) => i.title === 'Members story') as Record<string, string> | undefined;
    assert.ok(item, 'the locked story is listed');
    assert.equal(item['content:encoded'], undefined);
    assert.ok(!response.body.includes('zxmembersonlywords'));
  });
});
