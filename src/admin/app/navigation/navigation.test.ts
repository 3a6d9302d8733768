import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { newId, nowIso } from '../../../db/ids.ts';
import { insertPage } from '../../../content/pages.service.ts';
import { axeViolations, screenshot, skipWithoutChromium } from '../../../testing/browser.ts';
import { makeSection, makeStaff, paragraphs } from '../../../testing/factories.ts';
import { tabTo, waitForFocus, webAppSuite } from '../../../testing/web-app.ts';

describe('the navigation screen in a real browser', { skip: skipWithoutChromium }, () => {
  const web = webAppSuite('admin');

  before(async () => {
    await makeSection(web.t.database.handle.db, 'Politics');
    await makeSection(web.t.database.handle.db, 'Sports');
    await insertPage(web.t.database.handle.db, {
      id: newId(),
      slug: 'about',
      title: 'About us',
      body: paragraphs('Who we are.'),
      status: 'published',
      at: nowIso(),
    });
  });

  /** The links of the reader site's header and footer now (a new browser: no HTTP cache). */
  async function readerNavigation(): Promise<{ header: string[]; footer: string[] }> {
    const page = await web.browser.newPage();
    await page.goto(`${web.base}/`);
    const header = await page.locator('header.masthead nav a').allTextContents();
    const footer = await page.locator('footer nav a').allTextContents();
    await page.close();
    return { header, footer };
  }

  it('replaces the default header with chosen links, reorders them from the keyboard, refuses a bad address beside it, and readers see the result', async () => {
    assert.deepEqual((await readerNavigation()).header, ['Politics', 'Sports']);
    const { context, page } = await web.open('/admin/navigation', 'Navigation');
    assert.deepEqual(await axeViolations(page), [], 'navigation screen (defaults)');
    const header = page.getByRole('region', { name: 'Header navigation' });
    await header.getByRole('button', { name: 'Choose the links' }).click();
    await header.getByLabel('Link 2: section').waitFor();

    await tabTo(page, header.getByRole('button', { name: 'Move link 2 up' }));
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Link moved to place 1.' }).waitFor();
    // The keyboard stays with the moved link.
    await waitForFocus(page, '[id$="-down"]');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Move link 1 down');
    assert.equal(await header.getByLabel('Link 1: section').locator('option:checked').textContent(), 'Sports');

    await header.getByRole('button', { name: 'Add a web address' }).click();
    // The new link takes the keyboard.
    await waitForFocus(page, 'input[type="url"]');
    await page.keyboard.type('shop.example');
    await header.getByRole('button', { name: 'Save the header navigation' }).click();
    const urlError = header.locator('.field-error').first();
    await urlError.waitFor();
    assert.deepEqual(await header.locator('.field-error').allTextContents(), [
      'Write the whole address, starting with https://',
      'A web address needs the words to show (at most 80 characters).',
    ]);
    assert.equal(await header.getByLabel('Link 3: address').inputValue(), 'shop.example', 'nothing typed is lost');
    assert.deepEqual(await axeViolations(page), [], 'navigation screen with refusals');
    await screenshot(page, 'navigation-refused.png');

    await header.getByLabel('Link 3: address').fill('https://shop.example/');
    await header.getByLabel('Link 3: words shown').fill('Shop');
    await header.getByLabel('Link 2: words shown').fill('Elections');
    await header.getByRole('button', { name: 'Save the header navigation' }).click();
    await page.getByRole('status').filter({ hasText: 'The header navigation was saved.' }).waitFor();
    assert.deepEqual((await readerNavigation()).header, ['Sports', 'Elections', 'Shop']);
    await screenshot(page, 'navigation-saved.png');
    await context.close();
  });

  it('chooses the footer’s links and goes back to the default header', async () => {
    const { context, page } = await web.open('/admin/navigation', 'Navigation');
    const footer = page.getByRole('region', { name: 'Footer navigation' });
    await footer.getByRole('button', { name: 'Choose the links' }).click();
    await footer.getByLabel('Link 3: page').waitFor();
    await footer.getByRole('button', { name: 'Remove link 1' }).click();
    await footer.getByRole('button', { name: 'Remove link 1' }).click();
    await waitForFocus(page, '#footer-nav-add-section');
    await footer.getByRole('button', { name: 'Save the footer navigation' }).click();
    await page.getByRole('status').filter({ hasText: 'The footer navigation was saved.' }).waitFor();
    assert.deepEqual((await readerNavigation()).footer, [
      'About us',
      'Support us',
      'Corrections and clarifications',
      'RSS feed',
    ]);

    const header = page.getByRole('region', { name: 'Header navigation' });
    await header.getByRole('button', { name: 'Go back to the default' }).click();
    await page.getByRole('status').filter({ hasText: 'The header navigation was saved.' }).waitFor();
    await header.getByText('Using the default: every section').waitFor();
    assert.deepEqual((await readerNavigation()).header, ['Politics', 'Sports']);
    await context.close();
  });

  it('is not offered to editors, whose role may not change site settings', async () => {
    const editor = await makeStaff(web.t, 'editor');
    const { context, page } = await web.open('/admin', 'Dashboard', editor);
    const links = await page.getByRole('navigation', { name: 'Newsroom' }).getByRole('link').allTextContents();
    assert.ok(links.includes('Sections') && links.includes('Redirects'), links.join(', '));
    assert.ok(!links.includes('Navigation') && !links.includes('Site settings'), links.join(', '));
    await context.close();
  });
});
