import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { readSettings } from '../../../settings/settings.ts';
import { axeViolations, screenshot, skipWithoutChromium } from '../../../testing/browser.ts';
import { makeArticle, makeSection, paragraphs, pngBytes } from '../../../testing/factories.ts';
import { webAppSuite } from '../../../testing/web-app.ts';

describe('the site settings screen in a real browser', { skip: skipWithoutChromium }, () => {
  const web = webAppSuite('admin');

  before(async () => {
    const section = await makeSection(web.t.database.handle.db, 'Politics');
    await makeArticle(web.t, { headline: 'Budget vote', sectionId: section.id });
  });

  it('refuses an accent colour too light to read, takes a readable one that readers then see, and a logo from the library', async () => {
    const { context, page } = await web.open('/admin/settings', 'Site settings');
    assert.deepEqual(await axeViolations(page), [], 'settings screen');
    await page.getByLabel('Description').fill('News from the valley, paid for by its readers.');
    const code = page.getByLabel('Accent colour as a hex code');
    await code.fill('#ffcc00');
    assert.match(
      (await page.locator('.contrast').textContent()) ?? '',
      /Contrast with white: 1\.\d+:1 — too light to read as text/,
    );
    await page.getByRole('button', { name: 'Save' }).click();
    const error = page.locator('#settings-accent-error');
    await error.waitFor();
    assert.equal(
      await error.textContent(),
      'This colour is too light to read on white (WCAG AA needs a contrast of 4.5:1). Pick a darker one.',
    );
    assert.equal(
      await page.getByLabel('Description').inputValue(),
      'News from the valley, paid for by its readers.',
      'nothing typed is lost',
    );
    assert.equal((await readSettings(web.t.database.handle.db)).accentColor, '#a3141e', 'nothing was stored');
    await screenshot(page, 'settings-refused-accent.png');

    await code.fill('#1D4ED8');
    assert.match((await page.locator('.contrast').textContent()) ?? '', /readable as text/);
    await page.getByRole('button', { name: 'Choose a logo' }).click();
    const picker = page.getByRole('dialog', { name: 'Choose an image from the library' });
    // Its search is a form inside the settings' form: searching saves nothing.
    await picker.getByLabel('Search images').fill('nothing like this');
    await page.keyboard.press('Enter');
    await picker.getByText('No image matches “nothing like this”.').waitFor();
    assert.equal(
      (await readSettings(web.t.database.handle.db)).accentColor,
      '#a3141e',
      'the settings were not submitted',
    );
    const logo = path.join(web.t.database.dataDir, 'masthead.png');
    fs.writeFileSync(logo, await pngBytes(900, 200, '#1d4ed8'));
    await picker.getByLabel('Choose images to upload').setInputFiles(logo);
    await picker.getByRole('status').filter({ hasText: 'Selected: masthead.png' }).waitFor();
    await picker.getByRole('button', { name: 'Use this image' }).click();
    await page.getByRole('button', { name: 'Change the logo' }).waitFor();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'The settings were saved.' }).waitFor();
    await screenshot(page, 'settings-saved.png');

    const reader = await web.browser.newPage();
    await reader.goto(`${web.base}/politics`);
    assert.equal(
      await reader.locator('.archive-header .label').evaluate((label) => getComputedStyle(label).color),
      'rgb(29, 78, 216)',
      'the accent colour reaches reader pages',
    );
    assert.equal(await reader.locator('.site-title img').getAttribute('alt'), 'Gaceta', 'the logo, named by the site');
    const icon = await reader.locator('link[rel="icon"][type="image/svg+xml"]').getAttribute('href');
    assert.match((await web.t.app.inject(icon ?? '')).body, /fill="#1d4ed8"/, 'the site icon takes the accent too');
    await screenshot(reader, 'settings-reader-accent-logo.png');
    await reader.goto(`${web.base}/`);
    assert.equal(
      await reader.locator('meta[name="description"]').getAttribute('content'),
      'News from the valley, paid for by its readers.',
    );
    await reader.close();
    await context.close();
  });

  it('sets how much of a locked story readers without access get, refusing what is not a number of paragraphs', async () => {
    const section = await makeSection(web.t.database.handle.db, 'Investigations');
    const story = await makeArticle(web.t, {
      headline: 'The contracts nobody read',
      sectionId: section.id,
      access: 'paid',
      body: paragraphs(
        'The first paragraph is free.',
        'The second one too, by default.',
        'The third is for subscribers.',
      ),
    });
    const path = `/investigations/${story.slug}`;
    assert.match((await web.t.app.inject(path)).body, /The second one too/, 'two paragraphs by default');

    const { context, page } = await web.open('/admin/settings', 'Site settings');
    const field = page.getByLabel('Free preview of locked stories, in paragraphs');
    assert.equal(await field.inputValue(), '2');
    await field.fill('');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('#settings-preview-paragraphs-error').waitFor();
    assert.equal(
      await page.locator('#settings-preview-paragraphs-error').textContent(),
      'Give a whole number of paragraphs from 0 to 20.',
    );
    assert.deepEqual(await axeViolations(page), [], 'settings screen with a refused preview length');
    await field.fill('1');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'The settings were saved.' }).waitFor();
    assert.equal((await readSettings(web.t.database.handle.db)).previewParagraphs, 1);

    // bypassCSP lets the test inject axe; the reader page itself runs no script.
    const readerContext = await web.browser.newContext({ bypassCSP: true });
    const reader = await readerContext.newPage();
    await reader.goto(`${web.base}${path}`);
    assert.equal(await reader.locator('.body p').count(), 1, 'one paragraph now');
    await reader.getByRole('heading', { name: 'The rest of this story is for subscribers' }).waitFor();
    assert.equal(await reader.getByRole('link', { name: 'See subscription plans' }).getAttribute('href'), '/pricing');
    assert.deepEqual(await axeViolations(reader), [], 'the paywall on a reader page');
    await screenshot(reader, 'paywall-subscribe.png');
    await readerContext.close();
    await context.close();
  });

  it('turns metering on and off, refusing what is not a number of stories', async () => {
    const { context, page } = await web.open('/admin/settings', 'Site settings');
    const field = page.getByLabel('Free locked stories a month for free members');
    assert.equal(await field.inputValue(), '0', 'off by default');
    await field.fill('101');
    await page.getByRole('button', { name: 'Save' }).click();
    await page
      .locator('#settings-metered-articles-error')
      .getByText('Give a whole number of stories from 0 to 100.')
      .waitFor();
    assert.deepEqual(await axeViolations(page), [], 'settings screen with a refused meter');
    // Each save waits for its own answer: the notice of the one before may still be on the screen.
    const save = async () => {
      const answer = page.waitForResponse(
        (response) => response.url().endsWith('/admin/api/settings') && response.request().method() === 'PATCH',
      );
      await page.getByRole('button', { name: 'Save' }).click();
      assert.equal((await answer).status(), 200);
    };
    await field.fill('3');
    await save();
    await page.getByRole('status').filter({ hasText: 'The settings were saved.' }).waitFor();
    assert.equal((await readSettings(web.t.database.handle.db)).meteredArticles, 3);
    await field.fill('0');
    await save();
    assert.equal((await readSettings(web.t.database.handle.db)).meteredArticles, 0);
    await context.close();
  });

  it('refuses an unknown time zone beside its field, and speaks Spanish once the site does', async () => {
    const { context, page } = await web.open('/admin/settings', 'Site settings');
    const zone = page.getByLabel('Time zone');
    await zone.fill('Mars/Olympus_Mons');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('#settings-time-zone-error').waitFor();
    assert.equal(
      await page.locator('#settings-time-zone-error').textContent(),
      'Choose a time zone from the list, such as America/Mexico_City.',
    );
    assert.ok((await page.locator('#time-zones option').count()) > 300, 'the list offers every zone the browser knows');
    await zone.fill('Europe/Madrid');
    await page.getByLabel('Language').selectOption('es');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: 'Ajustes del sitio', level: 1 }).waitFor();
    const stored = await readSettings(web.t.database.handle.db);
    assert.deepEqual([stored.locale, stored.timeZone], ['es', 'Europe/Madrid']);

    await page.getByLabel('Color de acento en código hexadecimal').fill('#ffff00');
    await page.getByRole('button', { name: 'Guardar' }).click();
    await page.locator('#settings-accent-error').waitFor();
    assert.equal(
      await page.locator('#settings-accent-error').textContent(),
      'Este color es demasiado claro para leerse sobre blanco (WCAG AA pide un contraste de 4,5:1). Elige uno más oscuro.',
    );
    assert.deepEqual(await axeViolations(page), [], 'settings screen in Spanish with a refusal');
    await screenshot(page, 'settings-es-refused.png');
    await context.close();
  });
});
