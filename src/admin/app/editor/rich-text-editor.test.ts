import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { documentProblems } from '../../../content/document.ts';
import { axeViolations, screenshot, skipWithoutChromium } from '../../../testing/browser.ts';
import { signIn } from '../../../testing/factories.ts';
import { openSignedIn, webAppSuite } from '../../../testing/web-app.ts';

const text = (value: string, ...marks: Array<'bold' | 'italic' | { href: string }>) =>
  marks.length
    ? {
        type: 'text',
        text: value,
        marks: marks.map((mark) => (typeof mark === 'string' ? { type: mark } : { type: 'link', href: mark.href })),
      }
    : { type: 'text', text: value };

describe('the rich-text editor from the keyboard', { skip: skipWithoutChromium }, () => {
  const web = webAppSuite('editor');
  let headers: Record<string, string>;

  before(async () => {
    headers = await signIn(web.t, web.staff);
  });

  const stored = async (page: Page) => {
    const id = new URL(page.url()).pathname.split('/').at(-1) ?? '';
    const response = await web.t.app.inject({ url: `/admin/api/articles/${id}`, headers });
    return response.json<{ headline: string; body: { content: unknown[] } }>();
  };
  const saved = (page: Page) =>
    page
      .getByRole('status')
      .filter({ hasText: /^Saved$/ })
      .waitFor();

  it('writes with markdown shortcuts, the slash menu, keyboard shortcuts and the link editor; highlights and counts TK', async () => {
    const context = await web.browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
    const page = await openSignedIn(context, web.base, web.staff, '/admin/articles/new');
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.getByRole('heading', { name: 'New article', level: 1 }).waitFor();
    assert.ok(await page.getByRole('link', { name: 'New article' }).isVisible(), 'the navigation offers a new article');
    await page.getByLabel('Headline').fill('Keyboard test');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Article text');

    const type = (keys: string) => page.keyboard.type(keys);
    const press = (key: string) => page.keyboard.press(key);
    await type('## Council meets');
    await press('Enter');
    await type('Water is ');
    await press('ControlOrMeta+b');
    await type('rationed');
    await press('ControlOrMeta+b');
    await type(' from Monday, TK and TKTK but not TKO.');
    await press('Enter');
    await type('- gardens');
    await press('Enter');
    await type('pools');
    await press('Enter');
    await press('Enter');
    await type('1. first');
    await press('Enter');
    await press('Enter');
    await type('> We will get through this');
    await press('ControlOrMeta+Alt+a');
    await type('Mayor Ruiz');
    await press('Enter');
    await type('---');

    // The slash menu: "/" at the start of an empty paragraph, filtered by typing, chosen with the arrows.
    await type('/sub');
    const menu = page.getByRole('listbox', { name: 'Blocks' });
    await menu.waitFor();
    assert.deepEqual(await menu.getByRole('option').allTextContents(), [
      'Subheading',
      'Smaller subheading',
      'Smallest subheading',
    ]);
    assert.equal(
      await page.evaluate(() => document.activeElement?.getAttribute('aria-activedescendant')),
      await menu.getByRole('option').first().getAttribute('id'),
      'the text box points at the highlighted option',
    );
    await screenshot(page, 'editor-slash-menu.png');
    await press('ArrowDown');
    assert.equal(await menu.getByRole('option', { selected: true }).textContent(), 'Smaller subheading');
    await press('Enter');
    await menu.waitFor({ state: 'detached' });
    await type('Where to read more');
    await press('Enter');

    // The link editor: Mod-k on a selection; an address readers could not follow is refused with a reason.
    await type('Read the report');
    for (let i = 0; i < 'report'.length; i += 1) await press('Shift+ArrowLeft');
    await press('ControlOrMeta+k');
    const linkDialog = page.getByRole('dialog', { name: 'Link' });
    await linkDialog.getByLabel('Link address').waitFor();
    await type('javascript:alert(1)');
    await press('Enter');
    assert.match((await linkDialog.getByRole('alert').textContent()) ?? '', /cannot be a link/);
    await page.getByLabel('Link address').fill('example.org/report');
    await press('Enter');
    await linkDialog.waitFor({ state: 'detached' });
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Article text');
    await press('End');

    // Undo and redo.
    await page.waitForTimeout(600); // a new undo step starts after a pause in typing (ProseMirror's newGroupDelay)
    await type(' oops');
    await press('ControlOrMeta+z');
    assert.doesNotMatch((await page.getByLabel('Article text').textContent()) ?? '', /oops/);
    await press('ControlOrMeta+Shift+z');
    assert.match((await page.getByLabel('Article text').textContent()) ?? '', /oops/);
    await press('ControlOrMeta+z');

    // TK: highlighted where it is a placeholder, and counted.
    assert.deepEqual(await page.locator('.prose .tk').allTextContents(), ['TK', 'TKTK']);
    await page.getByText('TK left: 2').waitFor();
    await page.getByText('Words: ').waitFor();

    // The help sheet: from Mod-/ and from the toolbar (one tab stop; arrows, Home and End move in it).
    await press('ControlOrMeta+/');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    assert.match((await help.textContent()) ?? '', /Bold.*Italic.*Link/);
    assert.deepEqual(await axeViolations(page), [], 'help sheet');
    await screenshot(page, 'editor-shortcuts.png');
    await press('Escape');
    await help.waitFor({ state: 'detached' });
    await press('Shift+Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Paragraph');
    await press('ArrowRight');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Subheading, H2');
    await press('End');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Keyboard shortcuts');
    await press('Enter');
    await help.waitFor();
    await press('Escape');

    await press('ControlOrMeta+s');
    await saved(page);
    assert.match(page.url(), /\/admin\/articles\/[0-9a-f-]{36}$/, 'the new article has its own address now');
    assert.deepEqual(await axeViolations(page), [], 'editor screen');
    await screenshot(page, 'editor-keyboard.png');

    const article = await stored(page);
    assert.equal(article.headline, 'Keyboard test');
    assert.equal(documentProblems(article.body), null);
    assert.deepEqual(article.body.content, [
      { type: 'heading', level: 2, content: [text('Council meets')] },
      {
        type: 'paragraph',
        content: [text('Water is '), text('rationed', 'bold'), text(' from Monday, TK and TKTK but not TKO.')],
      },
      { type: 'list', ordered: false, items: [{ content: [text('gardens')] }, { content: [text('pools')] }] },
      { type: 'list', ordered: true, items: [{ content: [text('first')] }] },
      { type: 'quote', paragraphs: [[text('We will get through this')]], cite: 'Mayor Ruiz' },
      { type: 'divider' },
      { type: 'heading', level: 3, content: [text('Where to read more')] },
      { type: 'paragraph', content: [text('Read the '), text('report', { href: 'https://example.org/report' })] },
    ]);
    assert.deepEqual(errors, [], 'no script error on the page');
    await context.close();
  });
  it('turns **bold**, *italic* and _italic_ typed in a line into bold and italic text, with no asterisks left', async () => {
    const context = await web.browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
    const page = await openSignedIn(context, web.base, web.staff, '/admin/articles/new');
    await page.getByLabel('Headline').fill('Markdown marks');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Prices **rose sharply** and *fell* then _steadied_ in 2*3 rows of snake_case_names.');
    await page.getByLabel('Article text').locator('strong').getByText('rose sharply').waitFor();
    assert.deepEqual(await page.getByLabel('Article text').locator('em').allTextContents(), ['fell', 'steadied']);
    await page.keyboard.press('ControlOrMeta+/');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    const markdown = help.getByRole('table', { name: 'Typed anywhere in a line' });
    assert.match((await markdown.textContent()) ?? '', /\*\*bold\*\*Bold\*italic\*Italic_italic_Italic/);
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
    await page.keyboard.press('ControlOrMeta+s');
    await saved(page);

    const article = await stored(page);
    assert.equal(documentProblems(article.body), null);
    assert.deepEqual(article.body.content, [
      {
        type: 'paragraph',
        content: [
          text('Prices '),
          text('rose sharply', 'bold'),
          text(' and '),
          text('fell', 'italic'),
          text(' then '),
          text('steadied', 'italic'),
          text(' in 2*3 rows of snake_case_names.'),
        ],
      },
    ]);
    await context.close();
  });
});
