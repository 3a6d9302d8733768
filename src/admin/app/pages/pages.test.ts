import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { newId, nowIso } from '../../../db/ids.ts';
import { insertPage } from '../../../content/pages.service.ts';
import { axeViolations, screenshot, skipWithoutChromium } from '../../../testing/browser.ts';
import { emptyExpiredTrash } from '../../../content/trash.service.ts';
import { SYSTEM } from '../../../staff/actor.ts';
import { makeArticle, makeSection, paragraphs, pngBytes, signIn } from '../../../testing/factories.ts';
import {
  insertEmbed,
  insertImage,
  insertRelatedStory,
  tabTo,
  waitForFocus,
  webAppSuite,
} from '../../../testing/web-app.ts';

describe('static pages in a real browser', { skip: skipWithoutChromium }, () => {
  const web = webAppSuite('editor');

  before(async () => {
    await makeSection(web.t.database.handle.db, 'Politics');
  });

  const readerStatus = async (path: string): Promise<{ status: number; heading: string }> => {
    const page = await web.browser.newPage();
    const response = await page.goto(`${web.base}${path}`);
    const heading = ((await page.locator('h1').first().textContent()) ?? '').trim();
    await page.close();
    return { status: response?.status() ?? 0, heading };
  };

  it('creates a draft page, refuses a taken or reserved slug next to the field, publishes it under a new slug, and deletes it', async () => {
    const { context, page } = await web.open('/admin/pages', 'Static pages');
    assert.deepEqual(await axeViolations(page), [], 'pages screen');
    await page.keyboard.press('Tab');
    await page.keyboard.type('About us');
    await page.keyboard.press('Tab');
    await page.keyboard.type('politics');
    await page.keyboard.press('Enter');
    await page.getByText('That address is taken by another page or a section: choose another slug.').waitFor();
    await waitForFocus(page, '#new-page-slug');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('corrections');
    await page.keyboard.press('Enter');
    await page.getByText('That slug is reserved for Gaceta’s own pages: choose another.').waitFor();
    assert.equal(await page.getByLabel('Title').inputValue(), 'About us', 'nothing typed is lost');
    await screenshot(page, 'pages-refused-slug.png');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: '“About us” was created.' }).waitFor();
    assert.equal((await readerStatus('/about-us')).status, 404, 'a draft is not on the site');

    await tabTo(page, page.getByRole('link', { name: 'About us' }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Page: About us', level: 1 }).waitFor();
    await page.getByLabel('Slug').fill('about');
    await page.getByLabel('Status').selectOption('published');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: '“About us” was saved.' }).waitFor();
    assert.deepEqual(await readerStatus('/about'), { status: 200, heading: 'About us' });
    assert.deepEqual(await axeViolations(page), [], 'page screen');

    await page.getByRole('link', { name: 'All static pages' }).click();
    await page.getByRole('heading', { name: 'Static pages', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Delete About us' }).click();
    await page.getByRole('dialog', { name: 'Delete “About us”?' }).getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('status').filter({ hasText: '“About us” was deleted.' }).waitFor();
    assert.equal((await readerStatus('/about')).status, 404);
    await context.close();
  });

  /** The reader's page at `path`: its heading and each block of its text (tag, words, link addresses). */
  const readerText = async (path: string) => {
    const page = await web.browser.newPage();
    await page.goto(`${web.base}${path}`);
    const read = await page.locator('article.story').evaluate((story) => ({
      heading: story.querySelector('h1')?.textContent ?? '',
      blocks: Array.from(story.querySelectorAll('.body > *'), (block) => ({
        tag: block.tagName.toLowerCase(),
        text: block.textContent ?? '',
        links: Array.from(block.querySelectorAll('a'), (a) => `${a.textContent} → ${a.getAttribute('href')}`),
      })),
    }));
    await page.close();
    return read;
  };

  const ethicsPage = async (slug: string) => {
    const id = newId();
    await insertPage(web.t.database.handle.db, {
      id,
      slug,
      title: 'Ethics policy',
      body: paragraphs('We correct our mistakes.'),
      status: 'published',
      at: nowIso(),
    });
    return id;
  };

  it('writes a page’s text with the article editor (a paragraph, a subheading, a link) and readers read exactly that', async () => {
    const id = await ethicsPage('ethics-policy');
    const { context, page } = await web.open(`/admin/pages/${id}`, 'Page: Ethics policy');
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const text = page.getByRole('textbox', { name: 'Page text' });
    assert.equal(await text.textContent(), 'We correct our mistakes.');
    await text.click();
    const type = (keys: string) => page.keyboard.type(keys);
    const press = (key: string) => page.keyboard.press(key);
    await press('ControlOrMeta+End');
    await press('Enter');

    // A page has no paywall: the blocks on offer leave out the free-preview marker.
    await type('/preview');
    const menu = page.getByRole('listbox', { name: 'Blocks' });
    assert.deepEqual(await menu.getByRole('option').allTextContents(), ['No block matches']);
    for (let i = 0; i < '/preview'.length; i += 1) await press('Backspace');
    await menu.waitFor({ state: 'detached' });

    await type('## How we correct');
    await press('Enter');
    await type('Write to the standards editor');
    for (let i = 0; i < 'the standards editor'.length; i += 1) await press('Shift+ArrowLeft');
    await press('ControlOrMeta+k');
    const linkDialog = page.getByRole('dialog', { name: 'Link' });
    await linkDialog.getByLabel('Link address').waitFor();
    await type('example.org/standards');
    await press('Enter');
    await linkDialog.waitFor({ state: 'detached' });
    await press('End');
    await type('.');
    assert.deepEqual(await axeViolations(page), [], 'page editing screen');
    await screenshot(page, 'page-editor.png');

    // Leaving with the text unsaved asks first; staying keeps everything typed.
    const asked: string[] = [];
    page.once('dialog', (dialog) => {
      asked.push(dialog.message());
      void dialog.dismiss();
    });
    await page.getByRole('link', { name: 'Static pages', exact: true }).click();
    assert.deepEqual(asked, ['This page has changes that are not saved. Leave without saving them?']);
    assert.match(page.url(), new RegExp(`/admin/pages/${id}$`));
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Page: Ethics policy');
    await text.click();

    await press('ControlOrMeta+s');
    await page.getByRole('status').filter({ hasText: '“Ethics policy” was saved.' }).waitFor();
    assert.deepEqual(await readerText('/ethics-policy'), {
      heading: 'Ethics policy',
      blocks: [
        { tag: 'p', text: 'We correct our mistakes.', links: [] },
        { tag: 'h2', text: 'How we correct', links: [] },
        {
          tag: 'p',
          text: 'Write to the standards editor.',
          links: ['the standards editor → https://example.org/standards'],
        },
      ],
    });
    // Saved, the screen is left without a question.
    page.once('dialog', (dialog) => {
      asked.push(dialog.message());
      void dialog.dismiss();
    });
    await page.getByRole('link', { name: 'Static pages', exact: true }).click();
    await page.getByRole('heading', { name: 'Static pages', level: 1 }).waitFor();
    assert.equal(asked.length, 1, 'no second question');
    assert.deepEqual(errors, [], 'no script error on the page');
    await context.close();
  });

  it('keeps everything typed when a save is refused: a taken slug, then a colleague’s save in another tab', async () => {
    const id = await ethicsPage('ethics');
    const { context, page } = await web.open(`/admin/pages/${id}`, 'Page: Ethics policy');
    const text = page.getByRole('textbox', { name: 'Page text' });
    await text.click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Mine: we answer every complaint.');
    await page.getByLabel('Slug').fill('politics');
    const save = page.getByRole('button', { name: 'Save', exact: true });
    await save.click();
    await page.getByText('That address is taken by another page or a section: choose another slug.').waitFor();
    await waitForFocus(page, '#edit-page-slug');
    assert.equal(await text.textContent(), 'We correct our mistakes.Mine: we answer every complaint.');
    await page.getByLabel('Slug').fill('ethics');

    // A colleague opens the same page in another tab and saves first.
    const other = await context.newPage();
    await other.goto(`${web.base}/admin/pages/${id}`);
    await other.getByRole('textbox', { name: 'Page text' }).click();
    await other.keyboard.press('ControlOrMeta+End');
    await other.keyboard.type(' Theirs.');
    await other.getByRole('button', { name: 'Save', exact: true }).click();
    await other.getByRole('status').filter({ hasText: '“Ethics policy” was saved.' }).waitFor();
    assert.deepEqual((await readerText('/ethics')).blocks, [
      { tag: 'p', text: 'We correct our mistakes. Theirs.', links: [] },
    ]);

    await save.click();
    const refusal = page.getByRole('alert').filter({ hasText: 'Someone else saved this page after you opened it' });
    await refusal.waitFor();
    await waitForFocus(page, '.refusal');
    assert.equal(
      await text.textContent(),
      'We correct our mistakes.Mine: we answer every complaint.',
      'my text is kept',
    );
    assert.deepEqual((await readerText('/ethics')).blocks.length, 1, 'nothing of mine was saved');
    assert.deepEqual(await axeViolations(page), [], 'refused save');
    await screenshot(page, 'page-editor-refused.png');

    await page.getByRole('button', { name: 'Save mine over theirs' }).click();
    await page.getByRole('status').filter({ hasText: '“Ethics policy” was saved.' }).waitFor();
    await refusal.waitFor({ state: 'detached' });
    assert.deepEqual((await readerText('/ethics')).blocks, [
      { tag: 'p', text: 'We correct our mistakes.', links: [] },
      { tag: 'p', text: 'Mine: we answer every complaint.', links: [] },
    ]);
    await context.close();
  });

  it('puts an image, a related story and an embed on a page; a story deleted for good meanwhile is refused by the text, which is kept', async () => {
    const wells = await makeArticle(web.t, { headline: 'Valley wells run dry' });
    const dam = await makeArticle(web.t, { headline: 'Old dam report' });
    const id = await ethicsPage('how-we-work');
    const { context, page } = await web.open(`/admin/pages/${id}`, 'Page: Ethics policy');
    const text = page.getByRole('textbox', { name: 'Page text' });
    const toEnd = async () => {
      await text.focus();
      await page.keyboard.press('ControlOrMeta+End');
    };
    await toEnd();
    await page.keyboard.press('Enter');

    await insertImage(
      page,
      { name: 'desk.png', mimeType: 'image/png', buffer: await pngBytes(800, 450) },
      { alt: 'The newsroom’s desk' },
    );
    for (const [words, headline] of [
      ['wells', 'Valley wells run dry'],
      ['dam', 'Old dam report'],
    ] as const) {
      await toEnd();
      await insertRelatedStory(page, words, headline);
    }
    await toEnd();
    await insertEmbed(page, 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'YouTube');

    // While the page is open, the dam story goes to the trash and the trash is emptied.
    const headers = await signIn(web.t, web.staff);
    const trashed = await web.t.app.inject({ method: 'DELETE', url: `/admin/api/articles/${dam.id}`, headers });
    assert.equal(trashed.statusCode, 204);
    const deps = { db: web.t.database.handle.db, invalidation: web.t.invalidation };
    assert.deepEqual(await emptyExpiredTrash(deps, SYSTEM.scheduler, Date.now() + 31 * 24 * 3600 * 1000), [dam.id]);

    const save = page.getByRole('button', { name: 'Save', exact: true });
    await save.click();
    await page.getByRole('alert').filter({ hasText: 'This was not saved: check the fields marked below.' }).waitFor();
    await page
      .getByRole('region', { name: 'Text' })
      .getByRole('alert')
      .filter({ hasText: 'an image or related story in it no longer exists' })
      .waitFor();
    assert.equal(await page.locator('.editor-card').count(), 2, 'the text is kept as it was');
    assert.equal(await page.locator('.editor-image img').count(), 1);
    await screenshot(page, 'page-editor-text-refused.png');

    await page
      .locator('.editor-card', { hasText: 'Old dam report' })
      .getByRole('button', { name: 'Remove related story' })
      .click();
    await save.click();
    await page.getByRole('status').filter({ hasText: '“Ethics policy” was saved.' }).waitFor();
    const reader = await web.browser.newPage();
    await reader.goto(`${web.base}/how-we-work`);
    const body = reader.locator('article.story .body');
    assert.equal(await body.locator('figure.figure img').getAttribute('alt'), 'The newsroom’s desk');
    assert.deepEqual(await body.locator('aside.inline-card a').allTextContents(), [wells.headline]);
    assert.equal(await body.locator('figure.embed .embed-facade').getAttribute('data-provider'), 'YouTube');
    await reader.close();
    await context.close();
  });
});
