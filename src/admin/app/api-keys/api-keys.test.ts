import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { axeViolations, screenshot, skipWithoutChromium } from '../../../testing/browser.ts';
import { waitForFocus, webAppSuite } from '../../../testing/web-app.ts';

describe('the API keys screen in a real browser', { skip: skipWithoutChromium }, () => {
  const web = webAppSuite('author');

  const whoIs = async (key: string): Promise<number> =>
    (await web.t.app.inject({ url: '/admin/api/session', headers: { authorization: `Bearer ${key}` } })).statusCode;

  it('creates a key shown once with a copy button, lists it, and revokes it', async () => {
    const { context, page } = await web.open('/admin/api-keys', 'API keys');
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: web.base });
    await page.getByText('You have no API keys.').waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByText('Say what the key is for (at most 100 characters).').waitFor();
    await page.keyboard.type('Election results importer');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Your new key: Election results importer' }).waitFor();
    await waitForFocus(page, '#new-key-secret-heading');
    const key = await page.getByRole('textbox', { name: 'Key', exact: true }).inputValue();
    assert.match(key, /^gk_/);
    assert.equal(await whoIs(key), 200, 'the key works');
    assert.deepEqual(await axeViolations(page), [], 'new key');
    await screenshot(page, 'api-keys-new.png');

    await page.keyboard.press('Tab'); // the key, selected on focus
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter'); // Copy the key
    await page.getByText('The key was copied.').waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), key);
    await page.getByRole('button', { name: 'I have copied it' }).click();
    await waitForFocus(page, '#api-key-name');
    assert.equal(await page.getByText(key).count(), 0, 'the key is never shown again');
    await page.getByRole('row', { name: /Election results importer/ }).waitFor();

    await page.getByRole('button', { name: 'Revoke Election results importer' }).click();
    await page
      .getByRole('dialog', { name: 'Revoke the key “Election results importer”?' })
      .getByRole('button', { name: 'Revoke' })
      .click();
    await page.getByRole('status').filter({ hasText: 'The key “Election results importer” was revoked.' }).waitFor();
    assert.equal(await whoIs(key), 401, 'a revoked key no longer works');
    await page.getByText('You have no API keys.').waitFor();
    await context.close();
  });
});
