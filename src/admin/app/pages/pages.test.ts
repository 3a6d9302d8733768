import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { newId, nowIso } from '../../../db/ids.ts';
import { insertPage } from '../../../content/pages.service.ts';
import type { StaffActor } from '../../../staff/staff.service.ts';
import { axeViolations, launchChromium, screenshot, skipWithoutChromium } from '../../../testing/browser.ts';
import { makeSection, makeStaff, paragraphs } from '../../../testing/factories.ts';
import { listenOnLoopback, startTestApp, type TestApp } from '../../../testing/harness.ts';
import { openWebApp, tabTo, waitForFocus } from '../../../testing/web-app.ts';

describe('static pages in a real browser', { skip: skipWithoutChromium }, () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let editor: StaffActor;

  before(async () => {
    t = await startTestApp();
    editor = await makeStaff(t, 'editor');
    await makeSection(t.database.handle.db, 'Politics');
    ({ base } = await listenOnLoopback(t));
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  const readerStatus = async (path: string): Promise<{ status: number; heading: string }> => {
    const page = await browser.newPage();
    const response = await page.goto(`${base}${path}`);
    const heading = ((await page.locator('h1').first().textContent()) ?? '').trim();
    await page.close();
    return { status: response?.status() ?? 0, heading };
  };

  it('creates a draft page, refuses a taken or reserved slug next to the field, publishes it under a new slug, and deletes it', async () => {
    const { context, page } = await openWebApp(browser, base, editor, '/admin/pages', 'Static pages');
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

  it('shows a page’s text as readers read it, escaped, until the editor is wired in', async () => {
    const id = newId();
    await insertPage(t.database.handle.db, {
      id,
      slug: 'ethics-policy',
      title: 'Ethics policy',
      body: paragraphs('We correct our mistakes.', 'We never <b>pay</b> sources.'),
      status: 'published',
      at: nowIso(),
    });
    const { context, page } = await openWebApp(browser, base, editor, `/admin/pages/${id}`, 'Page: Ethics policy');
    const text = page.getByRole('region', { name: 'Text' });
    assert.match((await text.textContent()) ?? '', /edited with the article editor, which will open here/);
    assert.deepEqual(await text.locator('.read-only-body p').allTextContents(), [
      'We correct our mistakes.',
      'We never <b>pay</b> sources.',
    ]);
    await screenshot(page, 'page-read-only-body.png');
    await context.close();
  });
});
