import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'node-html-parser';
import { publishArticle } from '../content/publishing.service.ts';
import { startTestApp, type TestApp } from '../testing/harness.ts';
import { makeArticle, makeImage, makeStaff, paragraphs, signIn } from '../testing/factories.ts';
import { SYSTEM } from '../staff/actor.ts';

describe('static pages', () => {
  let t: TestApp;
  let headers: Record<string, string>;
  const api = (method: 'POST' | 'PATCH', url: string, payload: unknown) =>
    t.app.inject({ method, url: `/admin/api${url}`, headers, payload: payload as object });

  before(async () => {
    t = await startTestApp();
    headers = await signIn(t, await makeStaff(t, 'editor'));
  });
  after(() => t.close());

  it('render image and related-story blocks as articles do, and a story going live appears at once', async () => {
    const image = await makeImage(t, { alt: 'The newsroom at night', caption: 'Our office.', credit: 'Photo: Staff' });
    const shown = await makeArticle(t, { headline: 'How we cover elections', dek: 'Our rules.' });
    const later = await makeArticle(t, { headline: 'A story still in draft', status: 'draft' });
    const created = await api('POST', '/pages', {
      title: 'About us',
      status: 'published',
      body: {
        type: 'doc',
        version: 1,
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: 'We are a small newsroom.' }] },
          { type: 'image', imageId: image.id, caption: 'Where we work.' },
          { type: 'related', articleId: shown.id },
          { type: 'related', articleId: later.id },
        ],
      },
    });
    assert.equal(created.statusCode, 201, created.body);

    const page = parse((await t.app.inject('/about-us')).body);
    const figure = page.querySelector('.body figure.figure');
    assert.ok(figure, 'the image block renders');
    assert.equal(figure.querySelector('img')?.getAttribute('alt'), 'The newsroom at night');
    assert.equal(figure.querySelector('.caption')?.textContent, 'Where we work.');
    assert.equal(figure.querySelector('.credit')?.textContent, 'Photo: Staff');
    const cards = page.querySelectorAll('.body .inline-card');
    assert.equal(cards.length, 1, 'only the published story gets a card');
    assert.equal(cards[0]?.querySelector('a')?.textContent, 'How we cover elections');
    assert.equal(cards[0]?.querySelector('.dek')?.textContent, 'Our rules.');
    assert.doesNotMatch(page.toString(), /still in draft/);

    await publishArticle(
      { db: t.database.handle.db, invalidation: t.invalidation },
      SYSTEM.seed,
      later.id,
      new Date().toISOString(),
    );
    const again = parse((await t.app.inject('/about-us')).body);
    assert.equal(again.querySelectorAll('.body .inline-card').length, 2, 'the cached page was purged');
  });

  it('sanitize embeds on save, as article bodies are', async () => {
    const created = await api('POST', '/pages', {
      title: 'Ethics policy',
      status: 'published',
      body: {
        type: 'doc',
        version: 1,
        content: [{ type: 'embed', html: '<p onclick="steal()">Our code</p><script>steal()</script>' }],
      },
    });
    assert.equal(created.statusCode, 201, created.body);
    const stored = await t.database.handle.db
      .selectFrom('pages')
      .select('body')
      .where('id', '=', created.json().id)
      .executeTakeFirstOrThrow();
    assert.match(stored.body, /Our code/);
    assert.doesNotMatch(stored.body, /script|onclick/, 'what is stored is already clean');

    const changed = await api('PATCH', `/pages/${created.json().id}`, {
      body: { type: 'doc', version: 1, content: [{ type: 'embed', html: '<a href="javascript:steal()">x</a>' }] },
    });
    assert.equal(changed.statusCode, 200);
    const restored = await t.database.handle.db
      .selectFrom('pages')
      .select('body')
      .where('id', '=', created.json().id)
      .executeTakeFirstOrThrow();
    assert.doesNotMatch(restored.body, /javascript/);
  });

  it('refuse images and stories that do not exist, saying which', async () => {
    const missingImage = '01900000-0000-7000-8000-000000000001';
    const missingStory = '01900000-0000-7000-8000-000000000002';
    const refused = await api('POST', '/pages', {
      title: 'Corrections policy',
      body: {
        type: 'doc',
        version: 1,
        content: [
          { type: 'image', imageId: missingImage },
          { type: 'related', articleId: missingStory },
        ],
      },
    });
    assert.equal(refused.statusCode, 400);
    const error = refused.json().error;
    assert.equal(error.code, 'VALIDATION_FAILED');
    assert.deepEqual(error.fields, [
      { field: 'body (image blocks)', message: `unknown id ${missingImage}` },
      { field: 'body (related blocks)', message: `unknown id ${missingStory}` },
    ]);

    const page = await api('POST', '/pages', { title: 'Masthead', body: paragraphs('Who we are.') });
    assert.equal(page.statusCode, 201);
    const patched = await api('PATCH', `/pages/${page.json().id}`, {
      body: { type: 'doc', version: 1, content: [{ type: 'related', articleId: missingStory }] },
    });
    assert.equal(patched.statusCode, 400);
    assert.equal(patched.json().error.fields[0].field, 'body (related blocks)');
  });

  it('and sections never share an address: each refuses the other, on create and on rename', async () => {
    const page = await api('POST', '/pages', { title: 'Donate', status: 'published', body: paragraphs('Give.') });
    assert.equal(page.statusCode, 201);
    const section = await api('POST', '/sections', { name: 'Opinion' });
    assert.equal(section.statusCode, 201);

    const sectionOnPage = await api('POST', '/sections', { name: 'Donations', slug: 'donate' });
    assert.equal(sectionOnPage.statusCode, 409);
    assert.match(sectionOnPage.json().error.message, /page "Donate"/);
    const renamedOnPage = await api('PATCH', `/sections/${section.json().id}`, { slug: 'donate' });
    assert.equal(renamedOnPage.statusCode, 409);
    assert.match(renamedOnPage.json().error.fields[0].message, /page "Donate"/);

    const pageOnSection = await api('POST', '/pages', { title: 'Opinion policy', slug: 'opinion' });
    assert.equal(pageOnSection.statusCode, 409);
    assert.match(pageOnSection.json().error.message, /section "Opinion"/);
    const pageRenamed = await api('PATCH', `/pages/${page.json().id}`, { slug: 'opinion' });
    assert.equal(pageRenamed.statusCode, 409);
    assert.match(pageRenamed.json().error.message, /section "Opinion"/);

    assert.match((await t.app.inject('/donate')).body, /Give\./, 'the page still answers at its address');
  });
});
