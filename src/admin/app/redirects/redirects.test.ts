import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { axeViolations, screenshot, skipWithoutChromium } from '../../../testing/browser.ts';
import { makeArticle } from '../../../testing/factories.ts';
import { waitForFocus, webAppSuite } from '../../../testing/web-app.ts';

describe('the redirects screen in a real browser', { skip: skipWithoutChromium }, () => {
  const web = webAppSuite('editor');

  it('adds a redirect readers follow, shows each refusal beside its field, and deletes it', async () => {
    const story = await makeArticle(web.t, { headline: 'The new home of the story' });
    const { context, page } = await web.open('/admin/redirects', 'Redirects');
    assert.deepEqual(await axeViolations(page), [], 'redirects screen');
    await page.keyboard.press('Tab');
    await page.keyboard.type('2019/old-story');
    await page.keyboard.press('Tab');
    await page.keyboard.type(`/news/${story.slug}`);
    await page.keyboard.press('Enter');
    await page.locator('#redirect-from-error').waitFor();
    assert.equal(
      await page.locator('#redirect-from-error').textContent(),
      'Write a path on this site that starts with a single /, such as /old/address (no spaces, ? or #).',
    );
    await waitForFocus(page, '#redirect-from');
    assert.equal(await page.getByLabel('To').inputValue(), `/news/${story.slug}`, 'nothing typed is lost');
    await page.keyboard.press('Home');
    await page.keyboard.type('/');
    await page.keyboard.press('Enter');
    await page
      .getByRole('status')
      .filter({ hasText: `/2019/old-story now redirects to /news/${story.slug}.` })
      .waitFor();

    const reader = await web.browser.newPage();
    await reader.goto(`${web.base}/2019/old-story`);
    assert.equal(new URL(reader.url()).pathname, `/news/${story.slug}`);
    assert.equal(await reader.locator('h1').textContent(), 'The new home of the story');
    await reader.close();

    await page.getByLabel('From').fill('/2019/old-story');
    await page.getByLabel('To').fill('/elsewhere');
    await page.getByRole('button', { name: 'Add the redirect' }).click();
    await page.getByText('This path already redirects: delete that redirect first.').waitFor();
    await page.getByLabel('From').fill('/same');
    await page.getByLabel('To').fill('/same');
    await page.getByRole('button', { name: 'Add the redirect' }).click();
    await page.locator('#redirect-to-error').waitFor();
    assert.deepEqual(await axeViolations(page), [], 'redirects screen with a refusal');
    await screenshot(page, 'redirects-refused.png');

    await page.getByRole('button', { name: 'Delete /2019/old-story' }).click();
    await page
      .getByRole('dialog', { name: 'Delete the redirect from /2019/old-story?' })
      .getByRole('button', { name: 'Delete' })
      .click();
    await page.getByRole('status').filter({ hasText: 'The redirect from /2019/old-story was deleted.' }).waitFor();
    const after = await web.browser.newPage();
    const response = await after.goto(`${web.base}/2019/old-story`);
    assert.equal(response?.status(), 404);
    await after.close();
    await context.close();
  });
});
