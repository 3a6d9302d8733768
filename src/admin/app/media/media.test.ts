import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import { writeSettings } from '../../../settings/settings.ts';
import type { StaffActor } from '../../../staff/staff.service.ts';
import { axeViolations, launchChromium, screenshot, skipWithoutChromium } from '../../../testing/browser.ts';
import { makeArticle, makeImage, makeStaff, pngBytes } from '../../../testing/factories.ts';
import { listenOnLoopback, startTestApp, type TestApp } from '../../../testing/harness.ts';
import { openWebApp, tabTo } from '../../../testing/web-app.ts';

const LIMIT = 300 * 1024;

describe('the media library in a real browser', { skip: skipWithoutChromium }, () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let editor: StaffActor;
  let files: string;

  before(async () => {
    t = await startTestApp({ uploadLimitBytes: LIMIT });
    editor = await makeStaff(t, 'editor');
    files = fs.mkdtempSync(path.join(t.database.dataDir, 'uploads-'));
    ({ base } = await listenOnLoopback(t));
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  const file = async (name: string, bytes: Buffer | string): Promise<string> => {
    const at = path.join(files, name);
    fs.writeFileSync(at, bytes);
    return at;
  };

  it('uploads with the file picker, shows progress, and takes alt text, caption and credit from the keyboard', async () => {
    const { context, page } = await openWebApp(browser, base, editor, '/admin/media', 'Media library');
    assert.match((await page.locator('main').textContent()) ?? '', /No images yet/);
    assert.deepEqual(await axeViolations(page), [], 'empty library');
    await screenshot(page, 'media-empty.png');

    await page
      .getByLabel('Choose images to upload')
      .setInputFiles(await file('plaza-at-dawn.png', await pngBytes(1200, 800, '#336699')));
    await page.getByRole('status').filter({ hasText: 'Uploaded plaza-at-dawn.png.' }).waitFor();
    const details = page.getByRole('region', { name: /Image details: plaza-at-dawn.png/ });
    await details.waitFor();
    assert.equal(
      await page.evaluate(() => document.activeElement?.id),
      'image-details-heading',
      'the keyboard is at the new image',
    );

    await page.keyboard.press('Tab');
    await page.keyboard.type('The plaza at dawn, empty but for pigeons');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Morning in the main plaza');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Photo: Ana Ruiz');
    await page.keyboard.press('Enter');
    await details.getByText('Saved.').waitFor();
    const stored = await t.database.handle.db.selectFrom('images').selectAll().executeTakeFirstOrThrow();
    assert.equal(stored.alt, 'The plaza at dawn, empty but for pigeons');
    assert.equal(stored.caption, 'Morning in the main plaza');
    assert.equal(stored.credit, 'Photo: Ana Ruiz');
    assert.equal(stored.file_name, 'plaza-at-dawn.png');
    assert.deepEqual(await axeViolations(page), [], 'library with details');
    await screenshot(page, 'media-details.png');
    await context.close();
  });
});
