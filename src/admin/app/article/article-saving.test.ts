import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { createDraft } from '../../../content/articles.service.ts';
import { writeSettings } from '../../../settings/settings.ts';
import { axeViolations, screenshot, skipWithoutChromium } from '../../../testing/browser.ts';
import { paragraphs, signIn } from '../../../testing/factories.ts';
import { openSignedIn, webAppSuite } from '../../../testing/web-app.ts';

describe('nothing typed is lost', { skip: skipWithoutChromium }, () => {
  const web = webAppSuite('author');
  let headers: Record<string, string>;

  before(async () => {
    headers = await signIn(web.t, web.staff);
  });

  const draft = (headline: string) =>
    createDraft({ db: web.t.database.handle.db, invalidation: web.t.invalidation }, web.staff, {
      headline,
      body: paragraphs('Saved text.'),
    });
  const serverText = async (id: string) =>
    JSON.stringify(
      (await web.t.app.inject({ url: `/admin/api/articles/${id}`, headers })).json<{ body: unknown }>().body,
    );
  const saved = (page: Page) =>
    page
      .getByRole('status')
      .filter({ hasText: /^Saved$/ })
      .waitFor();
  /** Puts the cursor at the end of the text and types there. */
  async function typeAtEnd(page: Page, text: string): Promise<void> {
    await page.getByLabel('Article text').focus();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type(text);
  }
  /** Refuses every save, as a server that cannot be reached does. */
  const refuseSaves = (context: BrowserContext) =>
    context.route('**/admin/api/articles/*', (route) =>
      route.request().method() === 'PATCH' ? route.abort() : route.continue(),
    );

  it('offers back an unsaved copy after the tab was closed, and saves it when restored', async () => {
    const article = await draft('Recovery');
    const context = await web.browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
    // The tab closes before any save reaches the server.
    await refuseSaves(context);
    const page = await openSignedIn(context, web.base, web.staff, `/admin/articles/${article.id}`);
    await typeAtEnd(page, ' Words nobody saved.');
    await page.waitForFunction(
      (id) => localStorage.getItem(`gaceta:article:${id}`)?.includes('Words nobody saved.'),
      article.id,
    );
    await page.close();
    assert.doesNotMatch(await serverText(article.id), /nobody saved/);

    await context.unrouteAll();
    const again = await context.newPage();
    await again.goto(`${web.base}/admin/articles/${article.id}`);
    const offer = again.getByRole('region', { name: 'Unsaved copy found' });
    await offer.waitFor();
    assert.match(
      (await offer.textContent()) ?? '',
      /This device kept a copy of this article from .* that differs from the saved one\./,
    );
    await screenshot(again, 'article-copy-offered.png');
    assert.deepEqual(await axeViolations(again), [], 'the offer of a kept copy');
    assert.equal(await again.evaluate(() => document.activeElement?.textContent), 'Restore my copy');
    await again.keyboard.press('Enter');
    await again.getByLabel('Article text').getByText('Saved text. Words nobody saved.').waitFor();
    await saved(again);
    assert.match(await serverText(article.id), /Saved text\. Words nobody saved\./);
    assert.equal(await again.evaluate((id) => localStorage.getItem(`gaceta:article:${id}`), article.id), null);

    // Opened again, nothing is offered: the server has the text.
    await again.reload();
    await again.getByLabel('Article text').getByText('Words nobody saved.').waitFor();
    assert.equal(await again.getByRole('region', { name: 'Unsaved copy found' }).count(), 0);
    await context.close();
  });

  it('keeps the settings typed in the panel with the text, and offers both back after the tab was closed', async () => {
    const article = await draft('Kept settings');
    const context = await web.browser.newContext({ bypassCSP: true, viewport: { width: 1400, height: 1000 } });
    await refuseSaves(context);
    const page = await openSignedIn(context, web.base, web.staff, `/admin/articles/${article.id}`);
    await page.getByLabel('Dek').fill('A dek typed offline.');
    await page.getByLabel('Dateline').fill('VALPARAÍSO');
    await typeAtEnd(page, ' Text typed offline.');
    await page.waitForFunction((id) => {
      const copy = localStorage.getItem(`gaceta:article:${id}`) ?? '';
      return copy.includes('Text typed offline.') && copy.includes('A dek typed offline.');
    }, article.id);
    await page.close();
    const before = (await web.t.app.inject({ url: `/admin/api/articles/${article.id}`, headers })).json<{
      dek: string;
    }>();
    assert.equal(before.dek, '', 'nothing reached the server');

    await context.unrouteAll();
    const again = await context.newPage();
    await again.goto(`${web.base}/admin/articles/${article.id}`);
    const offer = again.getByRole('region', { name: 'Unsaved copy found' });
    await offer.getByText('It also holds changes to the article’s settings, restored with the text.').waitFor();
    assert.deepEqual(await axeViolations(again), [], 'the offer of a copy with settings');
    await offer.getByRole('button', { name: 'Restore my copy' }).click();
    await again.getByLabel('Article text').getByText('Saved text. Text typed offline.').waitFor();
    assert.equal(await again.getByLabel('Dek').inputValue(), 'A dek typed offline.');
    assert.equal(await again.getByLabel('Dateline').inputValue(), 'VALPARAÍSO');
    await saved(again);
    const after = (await web.t.app.inject({ url: `/admin/api/articles/${article.id}`, headers })).json<{
      dek: string;
      dateline: string;
      body: unknown;
    }>();
    assert.equal(after.dek, 'A dek typed offline.');
    assert.equal(after.dateline, 'VALPARAÍSO');
    assert.match(JSON.stringify(after.body), /Saved text\. Text typed offline\./);
    assert.equal(await again.evaluate((id) => localStorage.getItem(`gaceta:article:${id}`), article.id), null);

    // Opened again, nothing is offered: the server has the text and the settings.
    await again.reload();
    await again.getByLabel('Dek').waitFor();
    assert.equal(await again.getByLabel('Dek').inputValue(), 'A dek typed offline.');
    assert.equal(await again.getByRole('region', { name: 'Unsaved copy found' }).count(), 0);
    await context.close();
  });

  it('keeps the text through a lost connection during save, says so, and saves when back online', async () => {
    const article = await draft('Offline');
    const context = await web.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await openSignedIn(context, web.base, web.staff, `/admin/articles/${article.id}`);
    await typeAtEnd(page, ' Written on a train.');
    await context.setOffline(true);
    await page.keyboard.press('ControlOrMeta+s');
    await page
      .getByRole('status')
      .filter({ hasText: 'Not saved: offline — kept on this device. Saving resumes when Gaceta can be reached.' })
      .waitFor();
    await screenshot(page, 'article-offline.png');
    await typeAtEnd(page, ' And more.');
    assert.match((await page.getByLabel('Article text').textContent()) ?? '', /Written on a train\. And more\./);
    assert.match(
      (await page.evaluate((id) => localStorage.getItem(`gaceta:article:${id}`), article.id)) ?? '',
      /Written on a train\./,
    );
    await context.setOffline(false);
    await saved(page);
    assert.match(await serverText(article.id), /Saved text\. Written on a train\. And more\./);
    await context.close();
  });

  it('says it in Spanish when the server cannot be reached, and retries until it can', async () => {
    await writeSettings(web.t.database.handle.db, { locale: 'es' });
    try {
      const article = await draft('Sin conexión');
      const context = await web.browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${web.base}/admin/articles/${article.id}`);
      await page.getByLabel('Correo electrónico').fill(web.staff.email);
      await page.getByLabel('Contraseña').fill('correct horse battery staple');
      await page.keyboard.press('Enter');
      await page.getByLabel('Texto del artículo').waitFor();
      await refuseSaves(context);
      await page.getByLabel('Texto del artículo').focus();
      await page.keyboard.press('ControlOrMeta+End');
      await page.keyboard.type(' Escrito sin red.');
      await page.keyboard.press('ControlOrMeta+s');
      await page
        .getByRole('status')
        .filter({ hasText: /^Sin guardar: sin conexión — se conserva en este dispositivo\./ })
        .waitFor();
      await context.unrouteAll();
      await page
        .getByRole('status')
        .filter({ hasText: /^Guardado$/ })
        .waitFor();
      assert.match(await serverText(article.id), /Escrito sin red\./);
      await context.close();
    } finally {
      await writeSettings(web.t.database.handle.db, { locale: 'en' });
    }
  });
});
