import assert from 'node:assert/strict';
import fs from 'node:fs';
import { build } from 'esbuild';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { documentProblems } from '../../../content/document.ts';
import { screenshot, skipWithoutChromium } from '../../../testing/browser.ts';
import { pngBytes, signIn } from '../../../testing/factories.ts';
import { openSignedIn, pasteHtml, webAppSuite } from '../../../testing/web-app.ts';

const fixture = (name: string) => fs.readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const text = (value: string, ...marks: Array<'bold' | 'italic' | { href: string }>) =>
  marks.length
    ? {
        type: 'text',
        text: value,
        marks: marks.map((mark) => (typeof mark === 'string' ? { type: mark } : { type: 'link', href: mark.href })),
      }
    : { type: 'text', text: value };
const paragraph = (...content: unknown[]) => ({ type: 'paragraph', content });
const items = (...contents: unknown[][]) => contents.map((content) => ({ content }));

describe('pasting into the editor', { skip: skipWithoutChromium }, () => {
  const web = webAppSuite('author');
  let headers: Record<string, string>;

  before(async () => {
    headers = await signIn(web.t, web.staff);
  });

  /** Pastes into a new article's text, saves it, and gives the body the server stored, and the page. */
  async function pasteAndSave(html: string, headline: string): Promise<{ body: { content: unknown[] }; page: Page }> {
    const context = await web.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await openSignedIn(context, web.base, web.staff, '/admin/articles/new');
    await page.getByLabel('Headline').fill(headline);
    await page.keyboard.press('Enter');
    await pasteHtml(page, html);
    await page.keyboard.press('ControlOrMeta+s');
    await page
      .getByRole('status')
      .filter({ hasText: /^Saved$/ })
      .waitFor();
    const id = new URL(page.url()).pathname.split('/').at(-1) ?? '';
    const body = (await web.t.app.inject({ url: `/admin/api/articles/${id}`, headers })).json<{
      body: { content: unknown[] };
    }>().body;
    assert.equal(documentProblems(body), null);
    return { body, page };
  }

  it('cleans HTML on its own: structure kept, styles, attributes, comments and active content gone', async () => {
    // The cleaner alone, in a blank page of the same browser (it needs the browser's DOMParser).
    const bundle = await build({
      entryPoints: [new URL('./paste-cleaning.ts', import.meta.url).pathname],
      bundle: true,
      write: false,
      format: 'iife',
      globalName: 'pasteCleaning',
    });
    const page = await web.browser.newPage();
    await page.addScriptTag({ content: bundle.outputFiles[0]?.text ?? '' });
    const clean = (html: string) =>
      page.evaluate(
        (dirty) =>
          (
            window as unknown as { pasteCleaning: { cleanPastedHtml(h: string): string } }
          ).pasteCleaning.cleanPastedHtml(dirty),
        html,
      );
    assert.equal(
      (await clean(fixture('hostile.html'))).trim(),
      '<p>Safe <b>bold</b>click <a href="https://ok.example/">ok</a> again</p><p>styled <strong>loud</strong></p>data link',
    );
    const docs = await clean(fixture('google-docs.html'));
    assert.doesNotMatch(docs, /style=|class=|id=|dir=|role=|<span|<b |docs-internal-guid|<table|<td|google\.com\/url/);
    assert.match(
      docs,
      /^<h2>The council’s plan<\/h2><p>Water will be rationed from <strong>Monday<\/strong>, the council <em>said<\/em>/,
    );
    assert.equal(
      await clean('<ul><li>One<ul><li>Two</li></ul></li><li>Three</li></ul><p><br></p><p>&nbsp;</p>'),
      '<ul><li>One</li><li>Two</li><li>Three</li></ul>',
      'nested lists flattened, empty paragraphs dropped',
    );
    await page.close();
  });

  it('keeps the structure of a Google Docs clipboard (headings, lists, links, bold, italic) and drops its styling', async () => {
    const { body, page } = await pasteAndSave(fixture('google-docs.html'), 'From Google Docs');
    await screenshot(page, 'editor-paste-google-docs.png');
    assert.deepEqual(body.content, [
      { type: 'heading', level: 2, content: [text('The council’s plan')] },
      paragraph(
        text('Water will be rationed from '),
        text('Monday', 'bold'),
        text(', the council '),
        text('said', 'italic'),
        text(', citing the '),
        text('drought report', { href: 'https://example.org/drought-report' }),
        text('.'),
      ),
      { type: 'heading', level: 3, content: [text('What changes')] },
      {
        type: 'list',
        ordered: false,
        items: items(
          [text('Gardens: no watering')],
          [text('Hoses included')],
          [text('Pools: '), text('closed', 'bold')],
        ),
      },
      {
        type: 'list',
        ordered: true,
        items: items(
          [text('Report a leak')],
          [text('Check the '), text('rota', { href: 'https://council.example/rota' })],
        ),
      },
      paragraph(text('North district')),
      paragraph(text('Mondays and Thursdays')),
      paragraph(text('Questions: '), text('desk@news.example', { href: 'mailto:desk@news.example' })),
    ]);
    await page.context().close();
  });

  it('makes Word’s paragraph lists into lists and leaves out its comments and list markers', async () => {
    const { body, page } = await pasteAndSave(fixture('word.html'), 'From Word');
    assert.deepEqual(body.content, [
      { type: 'heading', level: 2, content: [text('Budget vote')] },
      paragraph(text('The council voted '), text('yes', 'bold'), text(' on '), text('Tuesday', 'italic'), text('.')),
      {
        type: 'list',
        ordered: false,
        items: items(
          [text('Schools')],
          [text('Roads and '), text('bridges', { href: 'https://council.example/roads' })],
        ),
      },
      { type: 'list', ordered: true, items: items([text('First reading')], [text('Final vote')]) },
    ]);
    await page.context().close();
  });

  it('lets nothing hostile through: no script runs, no handler, frame, style, javascript: link or embed survives', async () => {
    const { body, page } = await pasteAndSave(fixture('hostile.html'), 'Hostile paste');
    assert.deepEqual(body.content, [
      paragraph(
        text('Safe '),
        text('bold', 'bold'),
        text('click '),
        text('ok', { href: 'https://ok.example/' }),
        text(' again'),
      ),
      paragraph(text('styled '), text('loud', 'bold')),
      paragraph(text('data link')),
    ]);
    assert.equal(
      await page.evaluate(() => (window as unknown as { pwned?: number }).pwned),
      undefined,
      'no pasted script ran',
    );
    assert.equal(await page.locator('.prose iframe, .prose script, .prose [onclick], .prose [style]').count(), 0);
    await page.context().close();
  });

  it('uploads an image pasted or dropped as a file, and puts it in the text', async () => {
    const context = await web.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await openSignedIn(context, web.base, web.staff, '/admin/articles/new');
    await page.getByLabel('Headline').fill('Pictures');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Before the pictures.');
    const bytes = [...(await pngBytes(320, 200))];
    await pasteHtml(page, '', [{ name: 'pasted.png', type: 'image/png', bytes }]);
    await page.locator('.editor-image img').first().waitFor();
    const box = await page.getByLabel('Article text').boundingBox();
    assert.ok(box);
    await page.evaluate(
      ({ bytes, x, y }) => {
        const data = new DataTransfer();
        data.items.add(new File([new Uint8Array(bytes)], 'dropped.png', { type: 'image/png' }));
        document
          .querySelector('.prose')
          ?.dispatchEvent(
            new DragEvent('drop', { dataTransfer: data, clientX: x, clientY: y, bubbles: true, cancelable: true }),
          );
      },
      { bytes, x: box.x + 20, y: box.y + 20 },
    );
    await page.locator('.editor-image img').nth(1).waitFor();
    await page.keyboard.press('ControlOrMeta+s');
    await page
      .getByRole('status')
      .filter({ hasText: /^Saved$/ })
      .waitFor();
    const id = new URL(page.url()).pathname.split('/').at(-1) ?? '';
    const body = (await web.t.app.inject({ url: `/admin/api/articles/${id}`, headers })).json<{
      body: { content: Array<{ type: string }> };
    }>().body;
    assert.deepEqual(
      body.content.map((block) => block.type),
      ['image', 'paragraph', 'image'],
      'the drop went where it was dropped (before the text), the paste after the paragraph it was in',
    );
    await context.close();
  });
});
