import { after, before, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium, screenshot } from '../testing/browser.ts';
import { makeStaff, TEST_PASSWORD } from '../testing/factories.ts';
import { listenOnLoopback, startTestApp, type TestApp } from '../testing/harness.ts';

let t: TestApp;
let browser: Browser;
let base: string;
before(async () => {
  t = await startTestApp();
  ({ base } = await listenOnLoopback(t));
  browser = await launchChromium();
});
after(async () => {
  await browser.close();
  await t.close();
});
it('try', async () => {
  const editor = await makeStaff(t, 'editor');
  const page = await browser.newPage();
  page.on('console', (m) => console.log('console', m.type(), m.text()));
  page.on('pageerror', (e) => console.log('pageerror', e.message));
  await page.goto(`${base}/admin/articles/new`);
  await page.getByLabel('Email').fill(editor.email);
  await page.getByLabel('Password').fill(TEST_PASSWORD);
  await page.keyboard.press('Enter');
  await page.getByLabel('Headline').waitFor();
  await page.getByLabel('Headline').fill('Hello');
  await page.keyboard.press('Enter');
  await page.keyboard.type('## Sub\nSome text TK here and **x**\n> quoted\n');
  await page.keyboard.type('/quo');
  await screenshot(page, 'try.png');
  console.log(await page.locator('.prose').innerHTML());
  await page.keyboard.press('Enter');
  await page.waitForTimeout(2500);
  console.log(await page.locator('.prose').innerHTML());
  console.log(await page.locator('.save-state').textContent(), page.url());
  await screenshot(page, 'try2.png');
});
