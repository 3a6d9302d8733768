import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { parse } from 'node-html-parser';
import type { Page } from 'playwright-core';
import { documentProblems } from '../../../content/document.ts';
import { axeViolations, screenshot, skipWithoutChromium } from '../../../testing/browser.ts';
import { makeArticle, pngBytes, signIn } from '../../../testing/factories.ts';
import {
  imagePicker,
  insertEmbed,
  insertImage,
  insertRelatedStory,
  openSignedIn,
  pasteHtml,
  slashCommand,
  webAppSuite,
} from '../../../testing/web-app.ts';

const UPLOAD_LIMIT = 300 * 1024;

describe('the article editor screen', { skip: skipWithoutChromium }, () => {
  const web = webAppSuite('editor', { uploadLimitBytes: UPLOAD_LIMIT });
  let headers: Record<string, string>;
  let png: Buffer;

  before(async () => {
    headers = await signIn(web.t, web.staff);
    await makeArticle(web.t, { headline: 'Valley wells run dry' });
    png = await pngBytes(800, 450);
  });

  const idOf = (page: Page) => new URL(page.url()).pathname.split('/').at(-1) ?? '';
  const stored = async (id: string) =>
    (await web.t.app.inject({ url: `/admin/api/articles/${id}`, headers })).json<{
      headline: string;
      body: { content: Array<Record<string, unknown>> };
      url: string | null;
    }>();
  const saved = (page: Page) =>
    page
      .getByRole('status')
      .filter({ hasText: /^Saved$/ })
      .waitFor();
  const editorText = (page: Page) => page.getByLabel('Article text');
  /** Back to the end of the text, from wherever the keyboard is. */
  async function toEnd(page: Page): Promise<void> {
    await editorText(page).focus();
    await page.keyboard.press('ControlOrMeta+End');
  }

  it('writes an article with a subheading, a quote, a list, a link, an image, a related story and an embed that readers see exactly as written', async () => {
    const context = await web.browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 1000 } });
    const page = await openSignedIn(context, web.base, web.staff, '/admin');
    await page.getByRole('link', { name: 'New article' }).click();
    await page.getByLabel('Headline').fill('Drought: the council’s plan');
    await page.keyboard.press('Enter');
    const type = (keys: string) => page.keyboard.type(keys);
    const press = (key: string) => page.keyboard.press(key);
    await type('## What the council decided');
    await press('Enter');
    await type('Water will be rationed.');
    await press('Enter');
    await type('> Every drop counts');
    await press('ControlOrMeta+Alt+a');
    await type('Mayor Ruiz');
    await press('Enter');
    await type('- Gardens');
    await press('Enter');
    await type('Pools');
    await press('Enter');
    await press('Enter');
    await type('Read the report');
    for (let i = 0; i < 'report'.length; i += 1) await press('Shift+ArrowLeft');
    await press('ControlOrMeta+k');
    await page.getByLabel('Link address').waitFor();
    await type('https://example.org/report');
    await press('Enter');
    await press('End');
    await press('Enter');

    // An image uploaded in the image picker, with a progress bar, captioned and credited in place.
    await insertImage(
      page,
      { name: 'well.png', mimeType: 'image/png', buffer: png },
      { alt: 'A stone well in a dry field', caption: 'The village well', credit: 'Ana Gómez' },
    );

    // A related story found by its headline.
    await toEnd(page);
    await insertRelatedStory(page, 'wells', 'Valley wells run dry');

    // An embed by its address, shown as readers will see it: behind the click-to-load facade.
    await toEnd(page);
    const embed = await insertEmbed(page, 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'YouTube');
    assert.equal(await embed.locator('iframe').count(), 0, 'nothing loads from YouTube until asked');
    await embed.getByLabel('Caption').fill('The council meeting');

    await press('ControlOrMeta+s');
    await saved(page);
    assert.deepEqual(await axeViolations(page), [], 'editor screen with every kind of block');
    await screenshot(page, 'article-editor-full.png');

    const id = idOf(page);
    const article = await stored(id);
    assert.equal(article.headline, 'Drought: the council’s plan');
    assert.equal(documentProblems(article.body), null);
    const imageId = article.body.content.find((block) => block.type === 'image')?.imageId;
    const relatedId = article.body.content.find((block) => block.type === 'related')?.articleId;
    assert.ok(typeof imageId === 'string' && typeof relatedId === 'string');
    const plain = (text: string) => ({ type: 'text', text });
    assert.deepEqual(article.body.content, [
      { type: 'heading', level: 2, content: [plain('What the council decided')] },
      { type: 'paragraph', content: [plain('Water will be rationed.')] },
      { type: 'quote', paragraphs: [[plain('Every drop counts')]], cite: 'Mayor Ruiz' },
      { type: 'list', ordered: false, items: [{ content: [plain('Gardens')] }, { content: [plain('Pools')] }] },
      {
        type: 'paragraph',
        content: [
          plain('Read the '),
          { type: 'text', text: 'report', marks: [{ type: 'link', href: 'https://example.org/report' }] },
        ],
      },
      { type: 'image', imageId, alt: 'A stone well in a dry field', caption: 'The village well', credit: 'Ana Gómez' },
      { type: 'related', articleId: relatedId },
      {
        type: 'embed',
        html: '<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" width="560" height="315" title="YouTube video" allowfullscreen loading="lazy"></iframe>',
        caption: 'The council meeting',
      },
      { type: 'paragraph', content: [] },
    ]);

    // The workflow buttons come later: publish through the API, then read it as a reader.
    const published = await web.t.app.inject({ method: 'POST', url: `/admin/api/articles/${id}/publish`, headers });
    assert.equal(published.statusCode, 200);
    const path = new URL(published.json<{ url: string }>().url).pathname;
    const reader = await web.t.app.inject(path);
    assert.equal(reader.statusCode, 200);
    const body = parse(reader.body).querySelector('article .body');
    assert.ok(body);
    const blocks = body.childNodes
      .filter((node) => 'tagName' in node)
      .map((node) => parse(node.toString()).firstChild as unknown as { tagName: string; text: string });
    assert.deepEqual(
      blocks.map((block) => block.tagName),
      ['H2', 'P', 'BLOCKQUOTE', 'UL', 'P', 'FIGURE', 'ASIDE', 'FIGURE', 'P'],
    );
    assert.equal(body.querySelector('h2')?.text, 'What the council decided');
    assert.equal(body.querySelector('blockquote p')?.text, 'Every drop counts');
    assert.equal(body.querySelector('blockquote footer cite')?.text, 'Mayor Ruiz');
    assert.deepEqual(
      body.querySelectorAll('ul li').map((li) => li.text),
      ['Gardens', 'Pools'],
    );
    assert.equal(body.querySelector('a[href="https://example.org/report"]')?.text, 'report');
    assert.equal(body.querySelector('figure.figure img')?.getAttribute('alt'), 'A stone well in a dry field');
    assert.equal(body.querySelector('figure.figure figcaption .caption')?.text, 'The village well');
    assert.equal(body.querySelector('figure.figure figcaption .credit')?.text, 'Ana Gómez');
    assert.equal(body.querySelector('aside.inline-card a')?.text, 'Valley wells run dry');
    assert.equal(body.querySelector('figure.embed .embed-facade')?.getAttribute('data-provider'), 'YouTube');
    assert.match(
      body.querySelector('figure.embed template')?.innerHTML ?? '',
      /youtube-nocookie\.com\/embed\/dQw4w9WgXcQ/,
    );
    assert.equal(body.querySelector('figure.embed figcaption')?.text, 'The council meeting');
    await page.goto(web.base + path);
    await screenshot(page, 'article-editor-as-published.png');
    await context.close();
  });

  it('refuses a non-image, an oversized image and an unknown embed address in words, and keeps the text', async () => {
    const context = await web.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await openSignedIn(context, web.base, web.staff, '/admin/articles/new');
    await page.getByLabel('Headline').fill('Bad input');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Text that must survive.');
    await page.keyboard.press('Enter');

    await slashCommand(page, 'image');
    const picker = imagePicker(page);
    const upload = picker.getByLabel('Choose images to upload');
    const refusal = picker.getByRole('alert');
    await upload.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not an image') });
    await refusal
      .getByText('notes.txt is not an image Gaceta takes: upload a JPEG, PNG, WebP, GIF or AVIF file.')
      .waitFor();
    await upload.setInputFiles({ name: 'huge.png', mimeType: 'image/png', buffer: Buffer.alloc(UPLOAD_LIMIT + 1) });
    await refusal.getByText('huge.png is larger than 300 KB: export it smaller and upload it again.').waitFor();
    // A file that says it is an image but is not: the server refuses it after the upload.
    await upload.setInputFiles({ name: 'fake.png', mimeType: 'image/png', buffer: Buffer.from('no pixels here') });
    await refusal
      .getByText('fake.png is not an image Gaceta takes: upload a JPEG, PNG, WebP, GIF or AVIF file.')
      .waitFor();
    await page.keyboard.press('Escape');
    await picker.waitFor({ state: 'detached' });

    // Pasted into the text, the same refusal in the same words, and no progress bar left behind.
    const alert = page.locator('.editor-alert[role="alert"]');
    await pasteHtml(page, '', [{ name: 'notes.txt', type: 'text/plain', bytes: [...Buffer.from('not an image')] }]);
    await alert
      .getByText('notes.txt is not an image Gaceta takes: upload a JPEG, PNG, WebP, GIF or AVIF file.')
      .waitFor();
    assert.equal(await page.locator('.upload-placeholder').count(), 0, 'the progress bar is gone');

    await toEnd(page);
    await slashCommand(page, 'embed');
    await page.getByLabel('Address of the post, video, chart, document or map').fill('https://example.com/some/video');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Embed from another site' });
    await dialog
      .getByRole('alert')
      .getByText(/^That address cannot be embedded\. Embeds come from YouTube, Vimeo, X/)
      .waitFor();
    await screenshot(page, 'article-editor-bad-embed.png');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    assert.match((await editorText(page).textContent()) ?? '', /Text that must survive\./);
    await page.keyboard.press('ControlOrMeta+s');
    await saved(page);
    const article = await stored(idOf(page));
    assert.deepEqual(article.body.content[0], {
      type: 'paragraph',
      content: [{ type: 'text', text: 'Text that must survive.' }],
    });
    await context.close();
  });
});
