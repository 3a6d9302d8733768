import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type Browser, chromium } from 'playwright-core';
import { startTestApp, type TestApp } from '../testing/harness.ts';
import {
  makeArticle,
  makeAuthor,
  makeCorrection,
  makeImage,
  makeLabel,
  makeSection,
  makeTag,
} from '../testing/factories.ts';

const CHROMIUM = '/usr/bin/chromium';
const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SCREENSHOTS = path.resolve('test-output');
// CI installs Chromium and must never skip this test; a newcomer without it is told why it is skipped.
const skip =
  !fs.existsSync(CHROMIUM) && !process.env.CI
    ? `Debian's chromium is not installed at ${CHROMIUM} (apt-get install chromium)`
    : false;

describe('a reader in a real browser', { skip }, () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;

  before(async () => {
    t = await startTestApp();
    const db = t.database.handle.db;
    const section = await makeSection(db, 'Environment');
    const tag = await makeTag(db, 'Drought');
    const label = await makeLabel(db, 'Report');
    const author = await makeAuthor(db, 'Rosa Itzel Cruz');
    const image = await makeImage(t, {
      alt: 'A dry riverbed outside the town',
      caption: 'The Atoyac river in October.',
      credit: 'Photo: María Fernanda Ruiz',
    });
    await makeArticle(t, {
      headline: 'Farmers count the cost of a dry season',
      dek: 'Maize yields fell by a third.',
      sectionId: section.id,
      tagIds: [tag.id],
      featureImage: { id: image.id },
      publishedAt: '2025-10-30T15:00:00.000Z',
    });
    const lead = await makeArticle(t, {
      headline: 'Valley wells run dry as the rains fail',
      dek: 'Three towns now ration water.',
      labelId: label.id,
      sectionId: section.id,
      tagIds: [tag.id],
      authorIds: [author.id],
      featureImage: { id: image.id },
      dateline: 'OAXACA, Oaxaca',
      publishedAt: '2025-11-04T18:00:00.000Z',
    });
    await makeCorrection(t, lead.id, 'correction', 'An earlier version gave the wrong number of towns.');
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
      ],
    });
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  it('opens the home page, follows the lead story and sees what a reader should', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${base}/`);
    assert.equal(await page.title(), 'Gaceta');
    const lead = page.locator('.card-lead h2 a');
    assert.equal(await lead.textContent(), 'Valley wells run dry as the rains fail');
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'home.png'), fullPage: true });

    await lead.click();
    await page.waitForURL(/\/environment\/valley-wells-run-dry-as-the-rains-fail$/);
    assert.equal(await page.locator('h1').textContent(), 'Valley wells run dry as the rains fail');
    assert.equal(await page.locator('.story .label').first().textContent(), 'Report');
    assert.equal(await page.locator('.byline a').textContent(), 'Rosa Itzel Cruz');
    assert.equal(await page.locator('.dates time').first().textContent(), 'Tuesday, November 4, 2025');
    assert.equal(await page.locator('figure.figure .caption').first().textContent(), 'The Atoyac river in October.');
    assert.equal(await page.locator('figure.figure .credit').first().textContent(), 'Photo: María Fernanda Ruiz');
    const img = page.locator('figure.figure img').first();
    assert.equal(await img.getAttribute('alt'), 'A dry riverbed outside the town');
    assert.ok(
      await img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0),
      'the feature image loaded',
    );
    assert.match((await page.locator('.notice.correction').textContent()) ?? '', /wrong number of towns/);
    const related = await page.locator('.related .card h3 a').allTextContents();
    assert.deepEqual(related, ['Farmers count the cost of a dry season']);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'article.png'), fullPage: true });

    await page.keyboard.press('Tab');
    assert.equal(
      await page.evaluate(() => document.activeElement?.textContent),
      'Skip to content',
      'the first Tab reaches the skip link',
    );
    await page.close();
  });

  it('passes the axe accessibility checks (WCAG 2 A and AA) on the home, article and archive pages', async () => {
    // bypassCSP lets the test inject axe; the pages themselves run no scripts.
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    for (const path of [
      '/',
      '/environment/valley-wells-run-dry-as-the-rains-fail',
      '/environment',
      '/corrections',
      '/no-such-page',
    ]) {
      await page.goto(`${base}${path}`);
      await page.addScriptTag({ content: AXE_SOURCE });
      const violations = await page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: {
              run(
                options: unknown,
              ): Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: unknown }> }> }>;
            };
          }
        ).axe;
        const result = await axe.run({
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        });
        return result.violations.map(
          (v) => `${v.impact} ${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target).slice(0, 3))}`,
        );
      });
      assert.deepEqual(violations, [], `${path} has accessibility violations`);
    }
    await context.close();
  });

  it('works on a phone-sized screen without horizontal scrolling', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 740 } });
    await page.goto(`${base}/environment/valley-wells-run-dry-as-the-rains-fail`);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'article-phone.png'), fullPage: true });
    await page.close();
  });
});
