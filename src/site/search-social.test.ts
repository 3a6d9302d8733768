import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse, type HTMLElement } from 'node-html-parser';
import { makeImage, makeSection, makeStaff, paragraphs, signIn } from '../testing/factories.ts';
import { startTestApp, type TestApp } from '../testing/harness.ts';

type Headers = Record<string, string>;

const meta = (page: HTMLElement, key: string): string | undefined =>
  (page.querySelector(`meta[property="${key}"]`) ?? page.querySelector(`meta[name="${key}"]`))?.getAttribute('content');
const jsonLd = (page: HTMLElement): Record<string, unknown> =>
  JSON.parse(page.querySelector('script[type="application/ld+json"]')?.text ?? '{}');

/** Item 5: search and social titles and descriptions, and the feature image's focal point, as readers get them. */
describe('search, social and feature-image fields on the reader site', () => {
  let t: TestApp;
  let editor: Headers;
  let sectionId: string;
  let imageId: string;

  const api = (method: 'POST' | 'PATCH', url: string, payload: unknown) =>
    t.app.inject({ method, url: `/admin/api${url}`, headers: editor, payload: payload as object });
  async function published(fields: Record<string, unknown>): Promise<{ id: string; slug: string }> {
    const created = await api('POST', '/articles', { sectionId, body: paragraphs('The opening words.'), ...fields });
    assert.equal(created.statusCode, 201, created.body);
    assert.equal((await api('POST', `/articles/${created.json().id}/publish`, {})).statusCode, 200);
    return created.json();
  }
  const page = async (slug: string) => parse((await t.app.inject(`/metro/${slug}`)).body);

  before(async () => {
    t = await startTestApp({ signInAttemptsPerMinute: 1000 });
    editor = await signIn(t, await makeStaff(t, 'editor'));
    sectionId = (await makeSection(t.database.handle.db, 'Metro')).id;
    imageId = (await makeImage(t)).id;
  });
  after(() => t.close());

  it('uses the search title and description the newsroom wrote, and the social ones for shared cards', async () => {
    const article = await published({
      headline: 'Council approves a 12 percent rise in water rates after a four-hour meeting',
      dek: 'The dek.',
      seoTitle: 'Water rates rise 12% in Metro',
      seoDescription: 'What the new water rates mean for your bill.',
      socialTitle: 'Your water bill is going up',
      socialDescription: 'Here is by how much.',
    });
    const html = await page(article.slug);
    assert.equal(html.querySelector('title')?.text, 'Water rates rise 12% in Metro', 'as written, whole');
    assert.equal(meta(html, 'description'), 'What the new water rates mean for your bill.');
    assert.equal(meta(html, 'og:title'), 'Your water bill is going up');
    assert.equal(meta(html, 'og:description'), 'Here is by how much.');
    assert.equal(meta(html, 'twitter:title'), 'Your water bill is going up');
    assert.equal(meta(html, 'twitter:description'), 'Here is by how much.');
    assert.equal(
      html.querySelector('h1')?.text,
      'Council approves a 12 percent rise in water rates after a four-hour meeting',
    );
    const data = jsonLd(html);
    assert.equal(data.headline, 'Council approves a 12 percent rise in water rates after a four-hour meeting');
    assert.equal(data.description, 'What the new water rates mean for your bill.');
  });

  it('falls back to the search fields for shared cards, and to the headline and dek as before', async () => {
    const searchOnly = await published({
      headline: 'Library hours extended',
      dek: 'Open until nine.',
      seoTitle: 'Metro library now open until 9 p.m.',
      seoDescription: 'New evening hours start Monday.',
    });
    let html = await page(searchOnly.slug);
    assert.equal(meta(html, 'og:title'), 'Metro library now open until 9 p.m.');
    assert.equal(meta(html, 'og:description'), 'New evening hours start Monday.');

    const plain = await published({ headline: 'Park reopens', dek: 'After two years.' });
    html = await page(plain.slug);
    assert.match(html.querySelector('title')?.text ?? '', /^Park reopens \| /);
    assert.equal(meta(html, 'description'), 'After two years.');
    assert.equal(meta(html, 'og:title'), 'Park reopens');
    assert.equal(meta(html, 'og:description'), 'After two years.');
    assert.equal(jsonLd(html).description, 'After two years.');

    const noDek = await published({ headline: 'Road closed', seoTitle: '   ' });
    html = await page(noDek.slug);
    assert.equal(meta(html, 'description'), 'The opening words.', 'the opening of the text, as before');
    assert.match(html.querySelector('title')?.text ?? '', /^Road closed \| /, 'a title of spaces is no title');
  });

  it('keeps the focal point in view wherever a card crops the feature image, and nowhere else', async () => {
    const off = await published({
      headline: 'Focal story',
      featureImage: { id: imageId, alt: 'A heron', focalPoint: { x: 0.12, y: 0.93 } },
    });
    const centred = await published({
      headline: 'Centred story',
      featureImage: { id: imageId, alt: 'A heron', focalPoint: { x: 0.5, y: 0.49 } },
    });
    const home = parse((await t.app.inject('/')).body);
    const cardImage = (headline: string) =>
      home
        .querySelectorAll('.card')
        .find((card) => card.querySelector('h2 a, h3 a')?.text === headline)
        ?.querySelector('img');
    assert.equal(cardImage('Focal story')?.getAttribute('class'), 'fx-10 fy-95', 'in steps of 5%');
    assert.equal(cardImage('Centred story')?.getAttribute('class'), undefined, 'the centre needs no class');
    const section = parse((await t.app.inject('/metro')).body);
    assert.ok(section.querySelector('.card img.fx-10.fy-95'), 'the section page too');
    // The article page shows the whole image: nothing is cropped there.
    const article = await page(off.slug);
    assert.equal(article.querySelector('figure img')?.getAttribute('class'), undefined);
    assert.ok(centred.id);
    // The stylesheet the page links to (its address carries the accent colour).
    const STYLESHEET = (await t.app.inject(home.querySelector('link[rel="stylesheet"]')?.getAttribute('href') ?? ''))
      .body;
    assert.match(
      STYLESHEET,
      /\.card img,\.inline-card img\{aspect-ratio:16\/9;object-fit:cover;object-position:var\(--fx,50%\) var\(--fy,50%\)\}/,
    );
    assert.match(STYLESHEET, /\.fx-10\{--fx:10%\}/);
    assert.match(STYLESHEET, /\.fy-95\{--fy:95%\}/);
  });

  it('validates the fields with limits, and gives them back in the admin API', async () => {
    const tooLong = await api('POST', '/articles', { headline: 'x', seoTitle: 'a'.repeat(71) });
    assert.equal(tooLong.statusCode, 400);
    assert.match(JSON.stringify(tooLong.json().error.fields), /seoTitle/);
    assert.equal((await api('POST', '/articles', { headline: 'x', seoDescription: 'a'.repeat(301) })).statusCode, 400);
    assert.equal((await api('POST', '/articles', { headline: 'x', socialTitle: 'a'.repeat(201) })).statusCode, 400);
    assert.equal(
      (await api('POST', '/articles', { headline: 'x', socialDescription: 'a'.repeat(301) })).statusCode,
      400,
    );
    const outside = await api('POST', '/articles', {
      headline: 'x',
      featureImage: { id: imageId, focalPoint: { x: 1.5, y: 0 } },
    });
    assert.equal(outside.statusCode, 400);
    assert.match(JSON.stringify(outside.json().error.fields), /focalPoint/);
    const created = await api('POST', '/articles', {
      headline: 'Round trip',
      seoTitle: 'Search',
      seoDescription: 'Search description',
      socialTitle: 'Social',
      socialDescription: 'Social description',
      featureImage: { id: imageId, focalPoint: { x: 0, y: 1 } },
    });
    const article = created.json();
    assert.deepEqual(
      [article.seoTitle, article.seoDescription, article.socialTitle, article.socialDescription],
      ['Search', 'Search description', 'Social', 'Social description'],
    );
    assert.deepEqual(article.featureImage.focalPoint, { x: 0, y: 1 });
    const cleared = await api('PATCH', `/articles/${article.id}`, { featureImage: { id: imageId }, socialTitle: '' });
    assert.equal(cleared.json().featureImage.focalPoint, null, 'no focal point is the centre');
    assert.equal(cleared.json().socialTitle, '');
  });
});
