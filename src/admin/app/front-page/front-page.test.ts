import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { axeViolations, screenshot, skipWithoutChromium } from '../../../testing/browser.ts';
import { makeArticle } from '../../../testing/factories.ts';
import { tabTo, waitForFocus, webAppSuite } from '../../../testing/web-app.ts';

const MINUTE = 60_000;

describe('the home page screen in a real browser', { skip: skipWithoutChromium }, () => {
  const web = webAppSuite('editor');

  before(async () => {
    // The oldest first: without pins, the newest ("Traffic at noon") leads.
    const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * MINUTE).toISOString();
    await makeArticle(web.t, { headline: 'Dam report finds cracks', publishedAt: at(50) });
    await makeArticle(web.t, { headline: 'Market reopens after the fire', publishedAt: at(40) });
    await makeArticle(web.t, { headline: 'Rain returns to the valley', publishedAt: at(30) });
    await makeArticle(web.t, { headline: 'Traffic at noon', publishedAt: at(1) });
  });

  /** The home page as a reader sees it now: a new browser each time, so its HTTP cache (max-age=60) is empty. */
  async function homePage(): Promise<{ lead: string; secondary: string[] }> {
    const reader = await web.browser.newPage();
    await reader.goto(`${web.base}/`);
    const lead = ((await reader.locator('.lead-column .card-lead h2').textContent()) ?? '').trim();
    const secondary = (await reader.locator('.lead-column .secondary h3').allTextContents()).map((text) => text.trim());
    await reader.close();
    return { lead, secondary };
  }

  async function find(page: Page, words: string): Promise<void> {
    await page.getByLabel('Find a published story by its headline').fill(words);
    await page.keyboard.press('Enter');
    await page.getByRole('list', { name: 'Stories found' }).waitFor();
  }

  it('pins a lead and featured stories found by headline, reorders them from the keyboard, and readers see it', async () => {
    const { context, page } = await web.open('/admin/front-page', 'Home page');
    assert.equal((await homePage()).lead, 'Traffic at noon');
    await page.getByText('No lead is pinned: the newest story leads.').waitFor();
    assert.deepEqual(await axeViolations(page), [], 'home page screen');

    await find(page, 'dam');
    await tabTo(page, page.getByRole('button', { name: 'Pin as lead “Dam report finds cracks”' }));
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: '“Dam report finds cracks” is the lead.' }).waitFor();
    assert.equal((await homePage()).lead, 'Dam report finds cracks');

    await find(page, 'market');
    await page.getByRole('button', { name: 'Feature “Market reopens after the fire”' }).click();
    await page.getByRole('status').filter({ hasText: 'is featured.' }).waitFor();
    await find(page, 'RAIN');
    await page.getByRole('button', { name: 'Feature “Rain returns to the valley”' }).click();
    await page.getByRole('status').filter({ hasText: '“Rain returns to the valley” is featured.' }).waitFor();
    assert.deepEqual((await homePage()).secondary, ['Market reopens after the fire', 'Rain returns to the valley']);

    await tabTo(page, page.getByRole('button', { name: 'Move up “Rain returns to the valley”' }));
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: '“Rain returns to the valley” moved.' }).waitFor();
    // The keyboard stays with the moved story: at the top it has no Move up, so Move down has it.
    await waitForFocus(page, '[data-move^="down-"]');
    assert.match(
      (await page.evaluate(() => document.activeElement?.textContent)) ?? '',
      /Move down “Rain returns to the valley”/,
    );
    assert.deepEqual((await homePage()).secondary, ['Rain returns to the valley', 'Market reopens after the fire']);
    await screenshot(page, 'front-page-pinned.png');
    assert.deepEqual(await axeViolations(page), [], 'home page screen with pins');
    await context.close();
  });

  it('pins for a time given in the site’s time zone, refuses a time in the past next to its field, and unpins', async () => {
    const { context, page } = await web.open('/admin/front-page', 'Home page');
    await find(page, 'traffic');
    await page.getByLabel('Pinned until').fill('2001-01-01T10:00');
    await page.getByRole('button', { name: 'Feature “Traffic at noon”' }).click();
    const error = page.locator('#pin-until-error');
    await error.waitFor();
    assert.equal(await error.textContent(), 'Choose a time in the future, or leave it empty.');
    assert.equal(await page.getByLabel('Pinned until').inputValue(), '2001-01-01T10:00', 'nothing typed is lost');
    await screenshot(page, 'front-page-refused-time.png');

    // Tomorrow at 18:30 on the site's clock (America/Mexico_City by default, UTC−6).
    const tomorrow = new Date(Date.now() + 24 * 3600_000).toISOString().slice(0, 10);
    await page.getByLabel('Pinned until').fill(`${tomorrow}T18:30`);
    await page.getByRole('button', { name: 'Feature “Traffic at noon”' }).click();
    await page.getByRole('status').filter({ hasText: '“Traffic at noon” is featured.' }).waitFor();
    const pins = await web.t.database.handle.db
      .selectFrom('front_page_pins')
      .select(['slot', 'pinned_until'])
      .execute();
    assert.deepEqual(
      pins.filter((p) => p.pinned_until).map((p) => p.pinned_until),
      [new Date(Date.parse(`${tomorrow}T18:30:00.000Z`) + 6 * 3600_000).toISOString()],
      '18:30 in Mexico City is 00:30 UTC the day after',
    );

    await page.getByRole('button', { name: 'Unpin “Dam report finds cracks”' }).click();
    await page.getByRole('status').filter({ hasText: '“Dam report finds cracks” is no longer pinned.' }).waitFor();
    await waitForFocus(page, '#lead-heading');
    // Without a pinned lead the newest story leads, leaving the featured ones under it: here the
    // newest three are featured, so the story that was the lead leads on its own date.
    const home = await homePage();
    assert.equal(home.lead, 'Dam report finds cracks');
    assert.deepEqual(home.secondary, [
      'Rain returns to the valley',
      'Market reopens after the fire',
      'Traffic at noon',
    ]);
    await context.close();
  });
});
