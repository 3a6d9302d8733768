import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { axeViolations, launchChromium, SCREENSHOTS, skipWithoutChromium } from '../testing/browser.ts';
import { insertPage } from '../content/pages.service.ts';
import { newId, nowIso } from '../db/ids.ts';
import { ALL_PAGES } from '../http/invalidation.ts';
import { writeSettings } from '../settings/settings.ts';
import { listenOnLoopback, startTestApp, type TestApp } from '../testing/harness.ts';
import {
  makeArticle,
  makeAuthor,
  makeCorrection,
  makeImage,
  makeLabel,
  makeSection,
  makeTag,
  paragraphs,
} from '../testing/factories.ts';

describe('a reader in a real browser', { skip: skipWithoutChromium }, () => {
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
    // A day's worth of older stories in another section, so the home page fills its lead column and latest list.
    const economy = await makeSection(db, 'Economy');
    const stories = [
      ['Tortilla prices climb for the third month', 'Corn costs more after the harvest fell short.'],
      ['Small shops ask the council for card readers', 'Vendors at the Tuesday market say cash is running out.'],
      ['A cooperative turns coffee husks into flour', 'The idea came from a grandmother’s recipe.'],
      ['Remittances reach a record in the valley', 'Families spend more of them on water tanks this year.'],
      ['Mezcal exports slow as agave runs scarce', 'Distillers wait for plants sown seven years ago.'],
      ['The bus fare rises by two pesos in January', 'Drivers say fuel and repairs left them no choice.'],
      ['Weavers win a fight over a copied pattern', 'A clothing brand agreed to credit the town of origin.'],
      ['Rents near the new plant double in a year', 'Workers now commute two hours to the factory.'],
      ['A credit union opens in the mountain towns', 'Its first loans go to beekeepers and carpenters.'],
      ['What the new budget means for your street', 'Paving, lighting and drainage, town by town.'],
    ];
    for (const [i, [headline, dek]] of stories.entries())
      await makeArticle(t, {
        headline,
        dek,
        sectionId: economy.id,
        featureImage: { id: image.id },
        publishedAt: new Date(Date.UTC(2025, 9, 29, 23 - i)).toISOString(),
      });
    const about = newId();
    await insertPage(db, {
      id: about,
      slug: 'about',
      title: 'About us',
      body: paragraphs('We are a reader-funded newsroom.'),
      status: 'published',
      at: nowIso(),
    });
    await writeSettings(db, { footerNavigation: [{ type: 'page', id: about, label: 'About the newsroom' }] });
    t.invalidation.purge([ALL_PAGES]);
    // Archives with long headlines, older than the lead and sharing nothing with it.
    const investigations = await makeSection(db, 'Investigations');
    const waterRights = await makeTag(db, 'Water rights');
    const reporter = await makeAuthor(db, 'Ana Lucía Mendoza');
    for (const [i, headline] of [
      'Who owns the river? Twenty years of permits show how three bottling plants came to draw more water than the towns around them',
      'The wells that ran dry first were the ones nearest the new industrial park, state records show',
      'A council, a contractor and a pipeline that was paid for twice and never finished',
      'Inside the cooperative that still shares its water by the hour, as its grandparents did',
    ].entries())
      await makeArticle(t, {
        headline,
        dek: 'An investigation into who draws the valley’s water.',
        sectionId: investigations.id,
        tagIds: [waterRights.id],
        authorIds: [reporter.id],
        featureImage: { id: image.id },
        publishedAt: `2025-10-0${i + 1}T12:00:00.000Z`,
      });
    await makeArticle(t, {
      headline: 'Watch the council vote',
      publishedAt: '2025-09-01T12:00:00.000Z',
      body: {
        type: 'doc',
        version: 1,
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: 'The vote was streamed.' }] },
          {
            type: 'embed',
            html: '<iframe src="https://www.youtube-nocookie.com/embed/abc123" title="The council vote" width="560" height="315" allowfullscreen></iframe>',
            caption: 'The session of November 4.',
          },
        ],
      },
    });
    ({ base } = await listenOnLoopback(t));
    browser = await launchChromium();
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

  it('shows card headlines on section, tag and author pages smaller than the page’s own heading (1280 px)', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    for (const address of ['/investigations', '/tag/water-rights', '/author/ana-luc-a-mendoza']) {
      await page.goto(`${base}${address}`);
      // No helper functions inside evaluate: tsx wraps named functions in a helper the page lacks.
      const measured = await page.evaluate(() => {
        const heading = document.querySelector('main h1');
        return {
          h1: heading ? parseFloat(getComputedStyle(heading).fontSize) : 0,
          cards: [...document.querySelectorAll('main .card :is(h2, h3)')].map((el) => ({
            size: parseFloat(getComputedStyle(el).fontSize),
            lines: Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight)),
          })),
        };
      });
      assert.equal(measured.cards.length, 4, `${address} lists the four stories`);
      for (const card of measured.cards) {
        assert.ok(card.size < measured.h1, `${address}: a ${card.size}px card headline under a ${measured.h1}px <h1>`);
        assert.ok(card.lines <= 5, `${address}: a card headline runs to ${card.lines} lines`);
      }
      if (address === '/investigations')
        await page.screenshot({ path: path.join(SCREENSHOTS, 'section-desktop.png'), fullPage: true });
    }
    await page.close();
  });

  it('holds an embed back until the reader asks for it, then swaps it in', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const offSite: string[] = [];
    // Nothing reaches the network: a request for another host is recorded and answered by a stand-in.
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === '127.0.0.1') return route.continue();
      offSite.push(url.href);
      return route.fulfill({ contentType: 'text/html', body: '<!DOCTYPE html><title>Player</title><p>Player</p>' });
    });
    const page = await context.newPage();
    await page.goto(`${base}/news/watch-the-council-vote`, { waitUntil: 'networkidle' });
    assert.deepEqual(offSite, [], 'no request left the site before the reader asked');
    assert.equal(await page.locator('.embed iframe').count(), 0);
    assert.equal(await page.locator('.embed-facade .embed-provider').textContent(), 'YouTube');
    assert.equal(await page.locator('.embed-facade .embed-title').textContent(), 'The council vote');
    assert.equal(await page.locator('.embed figcaption').textContent(), 'The session of November 4.');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'embed-facade.png') });

    const requested = page.waitForRequest((request) => request.url().startsWith('https://www.youtube-nocookie.com/'));
    await page.getByRole('button', { name: 'Load the YouTube content' }).click();
    const frame = page.locator('.embed iframe');
    await frame.waitFor();
    assert.equal((await requested).url(), 'https://www.youtube-nocookie.com/embed/abc123');
    assert.equal(await frame.getAttribute('title'), 'The council vote');
    assert.equal(await page.locator('.embed-facade').count(), 0);
    assert.ok(await frame.evaluate((el) => el === document.activeElement), 'focus moves to the embed');
    assert.deepEqual(offSite, ['https://www.youtube-nocookie.com/embed/abc123']);
    await context.close();

    const noScript = await browser.newContext({ javaScriptEnabled: false });
    const plain = await noScript.newPage();
    await plain.goto(`${base}/news/watch-the-council-vote`);
    assert.equal(await plain.locator('.embed-load').isVisible(), false, 'no button that cannot work');
    const link = plain.getByRole('link', { name: 'Open it on YouTube' });
    assert.equal(await link.getAttribute('href'), 'https://www.youtube.com/watch?v=abc123');
    await noScript.close();
  });

  it('loads the home and article pages without a console error or a failed request', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    const asked: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`script error: ${error.message}`));
    page.on('requestfailed', (request) => problems.push(`failed: ${request.url()}`));
    page.on('response', (response) => {
      asked.push(new URL(response.url()).pathname);
      if (response.status() >= 400) problems.push(`${response.status()}: ${response.url()}`);
    });
    for (const address of ['/', '/environment/valley-wells-run-dry-as-the-rains-fail', '/news/watch-the-council-vote'])
      await page.goto(`${base}${address}`, { waitUntil: 'networkidle' });
    assert.deepEqual(problems, []);
    assert.ok(asked.includes('/favicon.svg'), 'the browser asked for the favicon (and got it)');
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
      '/news/watch-the-council-vote',
    ]) {
      await page.goto(`${base}${path}`);
      const violations = await axeViolations(page);
      assert.deepEqual(violations, [], `${path} has accessibility violations`);
    }
    await context.close();
  });

  it('balances the desktop home page: the lead column ends near the foot of the latest list', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${base}/`);
    // Measured from the top of the lead section to the foot of each column's last card.
    const heights = await page.evaluate(`(() => {
      const top = document.querySelector('.lead').getBoundingClientRect().top;
      const foot = (selector) => { const all = document.querySelectorAll(selector); return all.length ? all[all.length - 1].getBoundingClientRect().bottom - top : 0; };
      return { lead: foot('.lead-column .card'), latest: foot('.latest .card') };
    })()`);
    const { lead, latest } = heights as { lead: number; latest: number };
    assert.ok(lead > 0 && latest > 0, `both columns have cards: ${JSON.stringify(heights)}`);
    assert.ok(
      Math.abs(lead - latest) <= 0.25 * Math.max(lead, latest),
      `the lead column (${Math.round(lead)}px) and the latest list (${Math.round(latest)}px) end within 25% of each other`,
    );
    await page.screenshot({ path: path.join(SCREENSHOTS, 'home-desktop.png'), fullPage: true });
    await page.close();
  });

  it('links the static pages from the footer navigation', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${base}/`);
    await page.locator('footer nav a', { hasText: 'About the newsroom' }).click();
    await page.waitForURL(/\/about$/);
    assert.equal(await page.locator('h1').textContent(), 'About us');
    await page.close();
  });

  it('works on a phone-sized screen without horizontal scrolling', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 740 } });
    for (const [address, name] of [
      ['/environment/valley-wells-run-dry-as-the-rains-fail', 'article-phone.png'],
      ['/', 'home-phone.png'],
    ] as const) {
      await page.goto(`${base}${address}`);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      assert.ok(overflow <= 0, `${address} is ${overflow}px wider than the screen`);
      await page.screenshot({ path: path.join(SCREENSHOTS, name), fullPage: true });
    }
    await page.close();
  });
});
