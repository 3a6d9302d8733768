import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { parse } from 'node-html-parser';
import { updateArticle } from '../content/articles.service.ts';
import { unpublishArticle } from '../content/publishing.service.ts';
import { SYSTEM } from '../staff/actor.ts';
import { startTestApp, type TestApp } from '../testing/harness.ts';
import {
  makeArticle,
  makeAuthor,
  makeCorrection,
  makeImage,
  makeLabel,
  makeSection,
  makeTag,
  paragraphs,
} from '../testing/factories.ts';

describe('article page', () => {
  let t: TestApp;
  let path: string;
  let relatedHeadline: string;
  let inlineId: string;

  before(async () => {
    t = await startTestApp();
    const db = t.database.handle.db;
    const section = await makeSection(db, 'Politics');
    const label = await makeLabel(db, 'Analysis');
    const ana = await makeAuthor(db, 'Ana Lucía Mendoza');
    const rosa = await makeAuthor(db, 'Rosa Cruz');
    const tag = await makeTag(db, 'Water');
    const feature = await makeImage(t, {
      alt: 'Council chamber at night',
      caption: 'Residents filled the chamber.',
      credit: 'Photo: María Ruiz',
    });
    const inlineImage = await makeImage(t, {
      alt: 'A dry well',
      caption: 'The Los Sabinos well.',
      credit: 'Photo: Juan Pérez',
    });
    const inline = await makeArticle(t, {
      headline: 'Valley wells run dry',
      dek: 'Three towns ration water.',
      sectionId: section.id,
      tagIds: [tag.id],
      featureImage: { id: feature.id },
    });
    inlineId = inline.id;
    const picked = await makeArticle(t, {
      headline: 'An editor-picked story',
      sectionId: (await makeSection(db, 'Culture')).id,
    });
    relatedHeadline = picked.headline;
    const article = await makeArticle(t, {
      headline: 'Council approves emergency <water> budget',
      dek: 'The 7-4 vote moves money into tanker trucks.',
      labelId: label.id,
      sectionId: section.id,
      authorIds: [ana.id, rosa.id],
      tagIds: [tag.id],
      dateline: 'SAN LORENZO OCOTAL, Oaxaca',
      attribution: 'With reports from NBC News',
      featureImage: { id: feature.id },
      relatedIds: [picked.id],
      publishedAt: '2025-11-04T18:00:00.000Z',
      body: {
        type: 'doc',
        version: 1,
        content: [
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: 'The council voted ' },
              { type: 'text', text: 'shortly after midnight', marks: [{ type: 'bold' }] },
              { type: 'text', text: '.' },
            ],
          },
          { type: 'heading', level: 2, content: [{ type: 'text', text: 'What the money covers' }] },
          {
            type: 'list',
            ordered: false,
            items: [
              { content: [{ type: 'text', text: 'Tanker deliveries' }] },
              { content: [{ type: 'text', text: 'Pump repairs' }] },
            ],
          },
          {
            type: 'quote',
            paragraphs: [[{ type: 'text', text: 'We are buying time.' }]],
            cite: 'Councilwoman Herminia Bautista',
          },
          { type: 'image', imageId: inlineImage.id },
          { type: 'related', articleId: inline.id },
          {
            type: 'paragraph',
            content: [{ type: 'text', text: 'evil', marks: [{ type: 'link', href: 'javascript:alert(1)' }] }],
          },
        ],
      },
    });
    await makeCorrection(t, article.id, 'correction', 'An earlier version misstated the vote count.');
    await makeCorrection(t, article.id, 'clarification', 'The budget line was for paving, not lighting.');
    path = `/politics/${article.slug}`;
  });
  after(() => t.close());

  it('shows everything a newsroom article needs', async () => {
    const response = await t.app.inject(path);
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /text\/html/);
    const doc = parse(response.body);
    const story = doc.querySelector('article.story');
    assert.ok(story);
    assert.equal(story.querySelector('.label')?.text, 'Analysis');
    assert.equal(story.querySelector('h1')?.text, 'Council approves emergency <water> budget');
    assert.ok(response.body.includes('Council approves emergency &lt;water&gt; budget'), 'headline is escaped');
    assert.equal(story.querySelector('.dek')?.text, 'The 7-4 vote moves money into tanker trucks.');
    const byline = story.querySelectorAll('.byline a');
    assert.deepEqual(
      byline.map((a) => a.text),
      ['Ana Lucía Mendoza', 'Rosa Cruz'],
    );
    assert.equal(byline[0]?.getAttribute('href'), '/author/ana-luc-a-mendoza');
    const time = story.querySelector('.dates time');
    assert.equal(time?.getAttribute('datetime'), '2025-11-04T18:00:00.000Z');
    assert.equal(
      time?.text,
      'Tuesday, November 4, 2025',
      'date written out in the site time zone (America/Mexico_City)',
    );
    const figure = story.querySelector('figure.figure');
    assert.equal(figure?.querySelector('img')?.getAttribute('alt'), 'Council chamber at night');
    assert.equal(figure?.querySelector('.caption')?.text, 'Residents filled the chamber.');
    assert.equal(figure?.querySelector('.credit')?.text, 'Photo: María Ruiz');
    assert.match(figure?.querySelector('source')?.getAttribute('srcset') ?? '', /\.webp 320w/);
    assert.equal(story.querySelector('.dateline')?.text, 'SAN LORENZO OCOTAL, Oaxaca');
    const body = story.querySelector('.body');
    assert.equal(body?.querySelector('h2')?.text, 'What the money covers');
    assert.equal(body?.querySelectorAll('ul li').length, 2);
    assert.equal(body?.querySelector('blockquote cite')?.text, 'Councilwoman Herminia Bautista');
    assert.equal(body?.querySelector('strong')?.text, 'shortly after midnight');
    assert.equal(body?.querySelectorAll('figure').at(0)?.querySelector('.credit')?.text, 'Photo: Juan Pérez');
    assert.equal(
      body?.querySelector('img')?.getAttribute('loading'),
      'lazy',
      'inline images below the fold load lazily',
    );
    const inlineCard = body?.querySelector('.inline-card');
    assert.equal(inlineCard?.querySelector('a')?.text, 'Valley wells run dry');
    assert.equal(inlineCard?.querySelector('a')?.getAttribute('href'), '/politics/valley-wells-run-dry');
    assert.equal(inlineCard?.querySelector('.dek')?.text, 'Three towns ration water.');
    assert.equal(
      inlineCard?.querySelector('img')?.getAttribute('alt'),
      'Council chamber at night',
      "the referenced story's own image",
    );
    assert.ok(!response.body.includes('javascript:'), 'javascript: links never reach the page');
    assert.equal(story.querySelector('.attribution')?.text, 'With reports from NBC News');
    const notices = story.querySelectorAll('.notice');
    assert.ok(notices[0]?.classList.contains('correction'), 'correction near the top');
    assert.ok(notices[1]?.classList.contains('clarification'), 'clarification at the foot');
    assert.ok(story.innerHTML.indexOf('correction') < story.innerHTML.indexOf('class="body"'));
    assert.equal(story.querySelector('.tags a')?.getAttribute('href'), '/tag/water');
    const related = doc.querySelectorAll('.related .card h3 a').map((a) => a.text);
    assert.equal(related[0], relatedHeadline, 'editor-picked story first');
    assert.ok(related.includes('Valley wells run dry'), 'computed from shared section and tag');
    assert.ok(doc.querySelector('.related .comment-count'));
    const computed = doc
      .querySelectorAll('.related .card')
      .find((card) => card.querySelector('h3 a')?.text === 'Valley wells run dry');
    assert.ok(computed?.querySelector('picture img[srcset]'), 'related stories show a thumbnail');
    assert.equal(computed?.querySelector('.dek')?.text, 'Three towns ration water.');
    const dates = story.querySelectorAll('.notice time').map((time) => time.getAttribute('datetime'));
    assert.equal(dates.length, 2, 'each correction and clarification carries its date');
    assert.ok(dates.every((date) => date && !Number.isNaN(Date.parse(date))));
  });

  it('carries standards metadata: canonical, Open Graph, Twitter and NewsArticle JSON-LD', async () => {
    const doc = parse((await t.app.inject(path)).body);
    assert.equal(doc.querySelector('link[rel=canonical]')?.getAttribute('href'), `https://news.example${path}`);
    assert.equal(doc.querySelector('meta[property="og:type"]')?.getAttribute('content'), 'article');
    assert.match(
      doc.querySelector('meta[property="og:image"]')?.getAttribute('content') ?? '',
      /^https:\/\/news\.example\/media\/images\//,
    );
    assert.equal(doc.querySelector('meta[name="twitter:card"]')?.getAttribute('content'), 'summary_large_image');
    const data = JSON.parse(doc.querySelector('script[type="application/ld+json"]')?.text ?? '{}');
    assert.equal(data['@type'], 'NewsArticle');
    assert.equal(data.headline, 'Council approves emergency <water> budget');
    assert.equal(data.datePublished, '2025-11-04T18:00:00.000Z');
    assert.ok(!Number.isNaN(Date.parse(data.dateModified)), 'dateModified is a date');
    assert.equal(data.dateline, 'SAN LORENZO OCOTAL, Oaxaca');
    assert.deepEqual(
      data.author.map((a: { name: string }) => a.name),
      ['Ana Lucía Mendoza', 'Rosa Cruz'],
    );
    assert.equal(data.publisher.name, 'Gaceta');
    assert.equal(data.correction.length, 2);
    assert.ok(data.image[0].startsWith('https://news.example/media/'));
  });

  it('shows "Updated" after a material change and the current headline of inline cards', async () => {
    await updateArticle({ db: t.database.handle.db, invalidation: t.invalidation }, SYSTEM.seed, inlineId, {
      headline: 'Valley wells run dry, again',
    });
    const before = parse((await t.app.inject(path)).body);
    assert.equal(
      before.querySelector('.body .inline-card a')?.text,
      'Valley wells run dry, again',
      'cache purged when a related article changes',
    );
    assert.equal(before.querySelector('.updated'), null);
    const slug = path.split('/')[2] ?? '';
    const row = await t.database.handle.db
      .selectFrom('articles')
      .select('id')
      .where('slug', '=', slug)
      .executeTakeFirstOrThrow();
    await updateArticle({ db: t.database.handle.db, invalidation: t.invalidation }, SYSTEM.seed, row.id, {
      dek: 'A new dek.',
      materialUpdate: true,
    });
    const updated = parse((await t.app.inject(path)).body);
    assert.match(updated.querySelector('.updated')?.text ?? '', /^Updated .*20\d\d/);
    assert.ok(updated.querySelector('.updated time')?.getAttribute('datetime'));
  });

  it('answers 410 for an unpublished article and 404 for unknown ones, with the site navigation', async () => {
    const gone = await makeArticle(t, { headline: 'Withdrawn story' });
    await unpublishArticle({ db: t.database.handle.db, invalidation: t.invalidation }, SYSTEM.seed, gone.id);
    const response = await t.app.inject(`/news/${gone.slug}`);
    assert.equal(response.statusCode, 410);
    assert.ok(parse(response.body).querySelector('nav a[href="/politics"]'));
    const missing = await t.app.inject('/politics/no-such-story');
    assert.equal(missing.statusCode, 404);
    assert.ok(parse(missing.body).querySelector('nav a[href="/politics"]'));
    assert.equal((await t.app.inject('/politics/Bad%20Slug')).statusCode, 404);
    const draft = await makeArticle(t, { headline: 'A draft', status: 'draft' });
    assert.equal((await t.app.inject(`/news/${draft.slug}`)).statusCode, 404, 'drafts are never shown');
  });

  it('answers 301 to the new address when a published slug changes', async () => {
    const article = await makeArticle(t, { headline: 'Old headline', body: paragraphs('Text.') });
    await updateArticle({ db: t.database.handle.db, invalidation: t.invalidation }, SYSTEM.seed, article.id, {
      slug: 'new-headline',
    });
    const response = await t.app.inject(`/news/${article.slug}`);
    assert.equal(response.statusCode, 301);
    assert.equal(response.headers.location, '/news/new-headline');
    assert.equal((await t.app.inject('/news/new-headline')).statusCode, 200);
  });

  it('serves ETag with 304, cache headers and surrogate keys', async () => {
    const first = await t.app.inject(path);
    const etag = String(first.headers.etag);
    assert.match(etag, /^"/);
    assert.match(String(first.headers['cache-control']), /public/);
    assert.match(String(first.headers['surrogate-key']), /article:/);
    assert.match(String(first.headers['content-security-policy']), /object-src 'none'/);
    assert.equal(first.headers['x-content-type-options'], 'nosniff');
    const second = await t.app.inject({ url: path, headers: { 'if-none-match': etag } });
    assert.equal(second.statusCode, 304);
    assert.equal(second.body, '');
  });

  it('sends cached pages compressed to readers whose browsers accept it', async () => {
    const plain = await t.app.inject(path);
    for (const [encoding, decode] of [
      ['br', brotliDecompressSync],
      ['gzip', gunzipSync],
    ] as const) {
      const response = await t.app.inject({ url: path, headers: { 'accept-encoding': `gzip, deflate, ${encoding}` } });
      assert.equal(response.headers['content-encoding'], encoding);
      assert.match(String(response.headers.vary), /Accept-Encoding/);
      assert.notEqual(response.headers.etag, plain.headers.etag, 'each encoding has its own ETag');
      assert.equal(decode(response.rawPayload).toString(), plain.body);
      assert.ok(response.rawPayload.length < plain.rawPayload.length / 2);
      const again = await t.app.inject({
        url: path,
        headers: { 'accept-encoding': encoding, 'if-none-match': String(response.headers.etag) },
      });
      assert.equal(again.statusCode, 304);
    }
  });
});
