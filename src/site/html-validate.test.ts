import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { HtmlValidate } from 'html-validate';
import { insertPage } from '../content/pages.service.ts';
import { newId, nowIso } from '../db/ids.ts';
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
import { readArticle } from '../content/reading.service.ts';
import { DEFAULT_SETTINGS } from '../settings/settings.ts';
import { siteContextLoader } from './site-context.ts';
import { articlePage } from './views/article.ts';
import { documentTitle, TITLE_LIMIT } from './views/layout.ts';

// The W3C-minded checks a standards reviewer runs; "recommended" is html-validate's strictest preset.
const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });

describe('reader pages are valid HTML (html-validate, recommended preset)', () => {
  let t: TestApp;
  let articlePath: string;
  let paidSlug: string;

  before(async () => {
    t = await startTestApp();
    const db = t.database.handle.db;
    const section = await makeSection(db, 'Environment');
    const tag = await makeTag(db, 'Drought');
    const label = await makeLabel(db, 'Report');
    const author = await makeAuthor(db, 'Rosa Itzel Cruz');
    const image = await makeImage(t, {
      alt: 'A dry riverbed',
      caption: 'The Atoyac in October.',
      credit: 'Photo: M. Ruiz',
    });
    const related = await Promise.all(
      ['Farmers count the cost of a dry season', 'Tanker trucks reach the upper valley'].map((headline) =>
        makeArticle(t, { headline, sectionId: section.id, tagIds: [tag.id], featureImage: { id: image.id } }),
      ),
    );
    const article = await makeArticle(t, {
      // Long enough that "headline | site name" would pass the 70 characters a title may have.
      headline: 'Valley wells run dry as the rains fail and three towns ration water for a third week',
      dek: 'Three towns now ration water.',
      labelId: label.id,
      sectionId: section.id,
      tagIds: [tag.id],
      authorIds: [author.id],
      featureImage: { id: image.id },
      dateline: 'OAXACA, Oaxaca',
      attribution: 'With reports from the Associated Press',
      body: {
        type: 'doc',
        version: 1,
        content: [
          ...paragraphs('The council met at midnight.').content,
          { type: 'heading', level: 2, content: [{ type: 'text', text: 'What the money covers' }] },
          { type: 'image', imageId: image.id, caption: 'The Los Sabinos well.' },
          { type: 'related', articleId: related[0]?.id ?? '' },
          { type: 'quote', paragraphs: [[{ type: 'text', text: 'We have no water.' }]], cite: 'A resident' },
          { type: 'list', ordered: true, items: [{ content: [{ type: 'text', text: 'Tankers' }] }] },
          {
            type: 'embed',
            html: '<iframe src="https://www.youtube-nocookie.com/embed/abc123" title="The council vote"></iframe>',
            caption: 'The vote, as streamed.',
          },
          { type: 'related', articleId: related[1]?.id ?? '' },
          { type: 'divider' },
        ],
      },
    });
    articlePath = `/environment/${article.slug}`;
    const paid = await makeArticle(t, {
      headline: 'Who owns the wells',
      sectionId: section.id,
      access: 'paid',
      body: paragraphs('The registry is public.', 'Few have read it.', 'Three families own most of the wells.'),
    });
    paidSlug = paid.slug;
    await makeCorrection(t, article.id, 'correction', 'An earlier version gave the wrong number of towns.');
    await makeCorrection(t, article.id, 'correction', 'The vote was 7-4.');
    await makeCorrection(t, article.id, 'clarification', 'The mayor did not vote.');
    await insertPage(db, {
      id: newId(),
      slug: 'about',
      title: 'About us',
      body: paragraphs('We are a small newsroom.'),
      status: 'published',
      at: nowIso(),
    });
  });
  after(() => t.close());

  it('finds no error on the home and article pages, archives, a static page and error pages', async () => {
    for (const [url, status] of [
      ['/', 200],
      [articlePath, 200],
      ['/environment', 200],
      ['/tag/drought', 200],
      ['/author/rosa-itzel-cruz', 200],
      ['/about', 200],
      ['/corrections', 200],
      ['/pricing', 200],
      ['/no-such-page', 404],
      [`/environment/${paidSlug}`, 200],
    ] as const) {
      const response = await t.app.inject(url);
      assert.equal(response.statusCode, status, url);
      const report = await validator.validateString(response.body);
      const problems = report.results.flatMap((result) =>
        result.messages.map((m) => `${m.ruleId} (line ${m.line}): ${m.message}`),
      );
      assert.deepEqual(problems, [], `${url} is not valid HTML`);
    }
  });

  it('finds no error in a locked story as a subscriber reads it, its locked part marked', async () => {
    const found = await readArticle(
      t.database.handle.db,
      'environment',
      paidSlug,
      { kind: 'member', paid: true, tierIds: [] },
      DEFAULT_SETTINGS.previewParagraphs,
    );
    assert.equal(found.kind, 'found');
    if (found.kind !== 'found') return;
    const page = articlePage(
      found.article,
      await siteContextLoader(t.database.handle.db, 'https://news.example', t.invalidation)(),
    );
    assert.match(page, /class="locked-part"/);
    const report = await validator.validateString(page);
    assert.deepEqual(
      report.results.flatMap((result) => result.messages.map((m) => `${m.ruleId} (line ${m.line}): ${m.message}`)),
      [],
    );
  });

  it('keeps page titles within 70 characters, the headline first', () => {
    assert.equal(documentTitle('Short story', 'Gaceta'), 'Short story | Gaceta');
    const long = 'Valley wells run dry as the rains fail and three towns ration water for a third week';
    const title = documentTitle(long, 'The Valley Gazette');
    assert.ok(title.length <= TITLE_LIMIT, title);
    assert.equal(title, 'Valley wells run dry as the rains fail and three towns ration water…');
    const fits = 'Council approves the emergency water budget, 7 votes to 4';
    assert.equal(documentTitle(fits, 'The Valley Gazette'), fits, 'the site name goes before the headline is cut');
  });
});
