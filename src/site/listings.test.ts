import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'node-html-parser';
import { insertPage } from '../content/pages.service.ts';
import { updateArticle } from '../content/articles.service.ts';
import { publishArticle, unpublishArticle } from '../content/publishing.service.ts';
import { newId, nowIso } from '../db/ids.ts';
import { ALL_PAGES } from '../http/invalidation.ts';
import { writeSettings } from '../settings/settings.ts';
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

describe('home, archives, static pages and corrections', () => {
  let t: TestApp;
  let politics: { id: string; slug: string };
  let tag: { id: string; slug: string };
  let author: { id: string; slug: string };

  before(async () => {
    t = await startTestApp();
    const db = t.database.handle.db;
    politics = await makeSection(db, 'Politics');
    const economy = await makeSection(db, 'Economy');
    tag = await makeTag(db, 'Elections');
    author = await makeAuthor(db, 'Camila Herrera');
    const label = await makeLabel(db, 'Report');
    const image = await makeImage(t);
    // 25 politics stories, one hour apart, newest is "Politics story 25".
    for (let i = 1; i <= 25; i++) {
      await makeArticle(t, {
        headline: `Politics story ${i}`,
        dek: `Dek ${i}`,
        sectionId: politics.id,
        tagIds: [tag.id],
        authorIds: [author.id],
        labelId: label.id,
        featureImage: { id: image.id },
        publishedAt: new Date(Date.UTC(2025, 10, 1, i)).toISOString(),
      });
    }
    await makeArticle(t, {
      headline: 'Economy story',
      sectionId: economy.id,
      publishedAt: new Date(Date.UTC(2025, 9, 1)).toISOString(),
    });
    await db.updateTable('articles').set({ comment_count: 7 }).where('headline', '=', 'Politics story 25').execute();
    t.invalidation.purge([ALL_PAGES]);
  });
  after(() => t.close());

  it('home shows a lead story, the latest, a block per section, and cards with label, image, date and comment count', async () => {
    const response = await t.app.inject('/');
    assert.equal(response.statusCode, 200);
    const doc = parse(response.body);
    const lead = doc.querySelector('.card-lead');
    assert.equal(lead?.querySelector('h2 a')?.text, 'Politics story 25');
    assert.equal(lead?.querySelector('.label')?.text, 'Report');
    assert.equal(lead?.querySelector('.comment-count')?.text, '7 comments');
    assert.ok(lead?.querySelector('img[srcset]'));
    assert.match(
      lead?.querySelector('source')?.getAttribute('srcset') ?? '',
      /\.webp 800w/,
      'the lead lists every rendition',
    );
    const small = doc.querySelector('.card-small source')?.getAttribute('srcset') ?? '';
    assert.match(small, /\.webp 640w/);
    assert.doesNotMatch(small, /800w/, 'an 8rem thumbnail lists no rendition wider than 640');
    const smallImg = doc.querySelector('.card-small img');
    assert.equal(
      smallImg?.getAttribute('loading'),
      undefined,
      'the latest list sits beside the lead, above the fold: not lazy',
    );
    assert.equal(smallImg?.getAttribute('fetchpriority'), undefined, 'only the lead image is fetched first');
    assert.equal(lead?.querySelector('img')?.getAttribute('fetchpriority'), 'high');
    assert.equal(
      doc.querySelector('.card-normal img')?.getAttribute('loading'),
      'lazy',
      'section blocks are below the fold',
    );
    assert.ok(!lead?.querySelector('img')?.getAttribute('loading'), 'the lead image is not lazy');
    assert.equal(
      lead?.querySelector('time')?.getAttribute('datetime'),
      new Date(Date.UTC(2025, 10, 2, 1)).toISOString(),
    );
    assert.ok(doc.querySelector('#section-politics'));
    assert.ok(doc.querySelector('#section-economy'));
    const politicsBlock = doc.querySelector('#section-politics')?.parentNode;
    assert.deepEqual(
      politicsBlock?.querySelectorAll('.card h3 a').map((a) => a.text),
      ['Politics story 18', 'Politics story 17', 'Politics story 16', 'Politics story 15'],
      'newest four not already shown above (the lead, two under it, four latest)',
    );
    assert.equal(doc.querySelector('#section-economy')?.parentNode?.querySelector('.card h3 a')?.text, 'Economy story');
    const links = doc.querySelectorAll('.card h2 a, .card h3 a').map((a) => a.getAttribute('href'));
    assert.equal(new Set(links).size, links.length, 'no story appears twice on the home page');
    assert.ok(doc.querySelectorAll('.card .comment-count').every((c) => /comment/.test(c.text)));
    const latest = doc.querySelectorAll('.card-small');
    assert.equal(latest.length, 4, 'four in the latest list, beside the lead and the two stories under it');
    assert.ok(
      latest.every((card) => /^Dek \d+$/.test(card.querySelector('.dek')?.text ?? '')),
      'every card in the latest list shows its dek',
    );
    assert.equal(doc.querySelector('link[rel=canonical]')?.getAttribute('href'), 'https://news.example/');
    assert.equal(doc.querySelector('meta[property="og:type"]')?.getAttribute('content'), 'website');
    assert.equal(doc.querySelector('meta[property="og:url"]')?.getAttribute('content'), 'https://news.example/');
    assert.ok(doc.querySelector('meta[name="twitter:card"]'));
    const data = doc.querySelectorAll('script[type="application/ld+json"]').map((s) => JSON.parse(s.text)['@type']);
    assert.deepEqual(data, ['NewsMediaOrganization', 'WebSite']);
  });

  it('section, tag and author archives paginate', async () => {
    for (const base of [`/${politics.slug}`, `/tag/${tag.slug}`, `/author/${author.slug}`]) {
      const first = parse((await t.app.inject(base)).body);
      assert.equal(first.querySelectorAll('.grid .card').length, 20, base);
      assert.equal(first.querySelector('.card h2 a')?.text, 'Politics story 25');
      assert.equal(first.querySelector('a[rel=next]')?.getAttribute('href'), `${base}?page=2`);
      const second = await t.app.inject(`${base}?page=2`);
      assert.equal(second.statusCode, 200);
      const page2 = parse(second.body);
      assert.equal(page2.querySelectorAll('.grid .card').length, 5);
      assert.equal(page2.querySelector('a[rel=prev]')?.getAttribute('href'), base);
      assert.equal(
        page2.querySelector('link[rel=canonical]')?.getAttribute('href'),
        `https://news.example${base}?page=2`,
      );
      assert.equal((await t.app.inject(`${base}?page=3`)).statusCode, 404);
    }
  });

  it('keeps tag and author archives in step with publishing and retagging', async () => {
    const deps = { db: t.database.handle.db, invalidation: t.invalidation };
    const other = await makeTag(t.database.handle.db, 'Budget');
    const story = await makeArticle(t, {
      headline: 'Retagged story',
      sectionId: politics.id,
      tagIds: [tag.id],
      authorIds: [author.id],
    });
    const headlines = async (url: string) =>
      parse((await t.app.inject(url)).body)
        .querySelectorAll('.grid .card h2 a')
        .map((a) => a.text);
    assert.ok((await headlines(`/tag/${tag.slug}`)).includes('Retagged story'));
    await updateArticle(deps, SYSTEM.seed, story.id, { tagIds: [other.id] });
    assert.ok(!(await headlines(`/tag/${tag.slug}`)).includes('Retagged story'));
    assert.deepEqual(await headlines(`/tag/${other.slug}`), ['Retagged story']);
    await unpublishArticle(deps, SYSTEM.seed, story.id);
    assert.equal((await t.app.inject(`/tag/${other.slug}`)).statusCode, 200);
    assert.deepEqual(await headlines(`/tag/${other.slug}`), []);
    assert.ok(!(await headlines(`/author/${author.slug}`)).includes('Retagged story'));
  });

  it('refuses a malformed page number with a message, never a 500', async () => {
    for (const bad of ['abc', '0', '-1', '1.5']) {
      const response = await t.app.inject(`/${politics.slug}?page=${bad}`);
      assert.equal(response.statusCode, 400, bad);
      assert.match(String(response.headers['content-type']), /text\/html/);
      const doc = parse(response.body);
      assert.equal(doc.querySelector('h1')?.text, 'That address is not quite right');
      assert.match(doc.querySelector('.story p')?.text ?? '', /page number must be a whole number/);
      assert.ok(doc.querySelector('nav a[href="/politics"]'), 'with the site navigation');
    }
    await writeSettings(t.database.handle.db, { locale: 'es' });
    t.invalidation.purge([ALL_PAGES]);
    try {
      const spanish = parse((await t.app.inject(`/${politics.slug}?page=abc`)).body);
      assert.equal(spanish.querySelector('h1')?.text, 'Esa dirección no es del todo correcta');
    } finally {
      await writeSettings(t.database.handle.db, { locale: 'en' });
      t.invalidation.purge([ALL_PAGES]);
    }
  });

  it('serves static pages and a 404 with the site navigation for unknown paths', async () => {
    await insertPage(t.database.handle.db, {
      id: newId(),
      slug: 'ethics-policy',
      title: 'Ethics policy',
      body: paragraphs('We correct our errors.'),
      status: 'published',
      at: nowIso(),
    });
    const page = await t.app.inject('/ethics-policy');
    assert.equal(page.statusCode, 200);
    assert.equal(parse(page.body).querySelector('h1')?.text, 'Ethics policy');
    const missing = await t.app.inject('/no/such/page/here');
    assert.equal(missing.statusCode, 404);
    const doc = parse(missing.body);
    assert.equal(doc.querySelector('h1')?.text, 'Page not found');
    assert.ok(doc.querySelector('header nav a[href="/politics"]'));
    assert.equal((await t.app.inject('/unknown-thing')).statusCode, 404);
    const undecodable = await t.app.inject('/politics/%E0%A4%A');
    assert.equal(undecodable.statusCode, 400);
    assert.ok(
      parse(undecodable.body).querySelector('header nav a[href="/politics"]'),
      'a broken address gets the site page',
    );
  });

  it('collects corrections and clarifications on /corrections, newest first', async () => {
    const article = await makeArticle(t, { headline: 'Story with a correction', sectionId: politics.id });
    await makeCorrection(t, article.id, 'correction', 'An earlier version misspelled the mayor’s name.');
    await makeCorrection(t, article.id, 'clarification', 'The vote was held at night.');
    const doc = parse((await t.app.inject('/corrections')).body);
    const items = doc.querySelectorAll('.corrections-list li');
    assert.equal(items.length, 2);
    assert.match(items[0]?.text ?? '', /The vote was held at night/);
    assert.equal(items[1]?.querySelector('a')?.getAttribute('href'), `/politics/${article.slug}`);
  });

  it('links to the corrections and ethics policies only once those pages are published', async () => {
    const organization = async () =>
      JSON.parse(
        parse((await t.app.inject('/')).body).querySelector('script[type="application/ld+json"]')?.text ?? '{}',
      );
    const policyLink = async () =>
      parse((await t.app.inject('/corrections')).body).querySelector('a[href="/corrections-policy"]');
    assert.equal(await policyLink(), null, 'no link to a page that would answer 404');
    assert.equal((await organization()).correctionsPolicy, undefined);
    await insertPage(t.database.handle.db, {
      id: newId(),
      slug: 'corrections-policy',
      title: 'Corrections policy',
      body: paragraphs('We fix errors openly.'),
      status: 'published',
      at: nowIso(),
    });
    t.invalidation.purge([ALL_PAGES]);
    assert.ok(await policyLink());
    assert.equal((await organization()).correctionsPolicy, 'https://news.example/corrections-policy');
    assert.equal((await t.app.inject('/corrections-policy')).statusCode, 200);
  });

  it('publishing purges cached lists so the home page shows the new story at once', async () => {
    assert.ok(t.cache.enabled);
    await t.app.inject('/');
    const draft = await makeArticle(t, {
      headline: 'Breaking: late-night vote',
      sectionId: politics.id,
      status: 'draft',
    });
    const cached = parse((await t.app.inject('/')).body);
    assert.notEqual(cached.querySelector('.card-lead h2 a')?.text, 'Breaking: late-night vote');
    await publishArticle({ db: t.database.handle.db, invalidation: t.invalidation }, SYSTEM.seed, draft.id);
    const fresh = parse((await t.app.inject('/')).body);
    assert.equal(fresh.querySelector('.card-lead h2 a')?.text, 'Breaking: late-night vote');
  });

  it('speaks Spanish when the site language is Spanish', async () => {
    await writeSettings(t.database.handle.db, { locale: 'es' });
    t.invalidation.purge([ALL_PAGES]);
    const article = await makeArticle(t, {
      headline: 'Nota en español',
      sectionId: politics.id,
      publishedAt: '2025-11-04T18:00:00.000Z',
    });
    const doc = parse((await t.app.inject(`/politics/${article.slug}`)).body);
    assert.equal(doc.querySelector('html')?.getAttribute('lang'), 'es');
    assert.equal(doc.querySelector('.dates time')?.text, 'martes, 4 de noviembre de 2025');
    assert.equal(doc.querySelector('#related-title')?.text, 'Notas relacionadas');
    assert.match(doc.querySelector('.related .comment-count')?.text ?? '', /comentario/);
    await writeSettings(t.database.handle.db, { locale: 'en' });
    t.invalidation.purge([ALL_PAGES]);
  });
});

describe('home page with stories published in the same instant', () => {
  it('shows each story once: the section blocks continue exactly where the latest stop', async () => {
    const t = await startTestApp();
    try {
      const db = t.database.handle.db;
      const culture = await makeSection(db, 'Culture');
      const sameInstant = new Date(Date.UTC(2025, 10, 5, 12)).toISOString();
      for (let i = 1; i <= 9; i++)
        await makeArticle(t, { headline: `Festival note ${i}`, sectionId: culture.id, publishedAt: sameInstant });
      t.invalidation.purge([ALL_PAGES]);
      const doc = parse((await t.app.inject('/')).body);
      const above = doc.querySelectorAll('.lead .card h2 a, .lead .card h3 a').map((a) => a.text);
      const block =
        doc
          .querySelector('#section-culture')
          ?.parentNode?.querySelectorAll('.card h3 a')
          .map((a) => a.text) ?? [];
      assert.equal(above.length, 7);
      assert.equal(block.length, 2);
      assert.deepEqual(
        [...above, ...block].sort(),
        Array.from({ length: 9 }, (_, i) => `Festival note ${i + 1}`).sort(),
      );
    } finally {
      await t.close();
    }
  });

  it('with fewer stories than the latest list, shows them all there and no section blocks', async () => {
    const t = await startTestApp();
    try {
      const db = t.database.handle.db;
      const culture = await makeSection(db, 'Culture');
      for (let i = 1; i <= 3; i++)
        await makeArticle(t, {
          headline: `Small news ${i}`,
          sectionId: culture.id,
          publishedAt: new Date(Date.UTC(2025, 10, i)).toISOString(),
        });
      t.invalidation.purge([ALL_PAGES]);
      const doc = parse((await t.app.inject('/')).body);
      assert.deepEqual(
        doc.querySelectorAll('.lead .card h2 a, .lead .card h3 a').map((a) => a.text),
        ['Small news 3', 'Small news 2', 'Small news 1'],
      );
      assert.equal(doc.querySelector('#section-culture'), null);
    } finally {
      await t.close();
    }
  });
});

describe('reader errors when the database is unreachable', () => {
  it('answers with a plain error page from the message catalogue, not a stack trace', async () => {
    const t = await startTestApp();
    await t.database.handle.close();
    try {
      const response = await t.app.inject('/no-such-page');
      assert.equal(response.statusCode, 500);
      assert.match(String(response.headers['content-type']), /text\/html/);
      assert.equal(parse(response.body).querySelector('h1')?.text, 'Something went wrong');
      assert.doesNotMatch(response.body, /at |Error:/);
    } finally {
      await t.app.close();
      await t.database.drop();
    }
  });
});
