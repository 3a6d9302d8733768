import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { createDraft } from '../content/articles.service.ts';
import { writeSettings } from '../settings/settings.ts';
import { axeViolations, screenshot, skipWithoutChromium } from '../testing/browser.ts';
import { makeArticle, makeStaff, paragraphs, TEST_PASSWORD } from '../testing/factories.ts';
import { webAppSuite } from '../testing/web-app.ts';

const HOUR = 3600_000;

describe('the newsroom web app in a real browser', { skip: skipWithoutChromium }, () => {
  const web = webAppSuite('editor');

  before(async () => {
    const db = web.t.database.handle.db;
    const colleague = await makeStaff(web.t, 'author');
    const deps = { db, invalidation: web.t.invalidation };
    await createDraft(deps, web.staff, { headline: 'Water rationing: the council’s plan', body: paragraphs('TK') });
    await createDraft(deps, colleague, { headline: 'A colleague’s draft', body: paragraphs('Notes.') });
    await makeArticle(web.t, {
      headline: 'Results at six',
      publishedAt: new Date(Date.now() + 3 * HOUR).toISOString(),
    });
    await makeArticle(web.t, { headline: 'Valley wells run dry' });
  });

  const siteTitle = async () => (await web.t.app.inject('/admin')).body.match(/data-site="([^"]*)"/)?.[1] ?? '';

  /** Signs in with the keyboard alone: the address field has focus, Tab moves on, Enter submits. */
  async function typeCredentials(page: Page, email: string, password: string): Promise<void> {
    await page.keyboard.type(email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(password);
    await page.keyboard.press('Enter');
  }

  it('signs an editor in with the keyboard alone, tells a wrong password plainly, and lands on the dashboard', async () => {
    const context = await web.browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${web.base}/admin`);
    await page.getByRole('heading', { name: 'Sign in to the newsroom' }).waitFor();
    assert.deepEqual(await axeViolations(page), [], 'sign-in screen');
    await screenshot(page, 'admin-sign-in.png');

    await typeCredentials(page, web.staff.email, 'not the password');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.equal(await alert.textContent(), 'The email or password is wrong.');
    assert.equal(await page.getByLabel('Email').inputValue(), web.staff.email, 'the address is kept');
    assert.equal(await page.getByLabel('Password').inputValue(), '', 'the password is typed again');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'password');
    await screenshot(page, 'admin-sign-in-wrong-password.png');

    await page.keyboard.type(TEST_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    const section = (name: string) => page.getByRole('region', { name });
    assert.match((await section('My drafts').textContent()) ?? '', /Water rationing: the council’s plan/);
    assert.doesNotMatch((await section('My drafts').textContent()) ?? '', /A colleague’s draft/, 'only my drafts');
    assert.match((await section('Scheduled').textContent()) ?? '', /Results at six.*Goes live/);
    assert.match((await section('Recently published').textContent()) ?? '', /Valley wells run dry/);
    assert.match((await page.locator('header').textContent()) ?? '', /Signed in as editor \d+ \(editor\)/);
    assert.deepEqual(await axeViolations(page), [], 'dashboard');
    await screenshot(page, 'admin-dashboard.png');
    await context.close();
  });

  it('keeps the session across a reload, and signs out from the keyboard', async () => {
    const context = await web.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${web.base}/admin`);
    await page.getByLabel('Email').waitFor();
    await typeCredentials(page, web.staff.email, TEST_PASSWORD);
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    // Signing out is a change, so it needs the CSRF token the reloaded app asked for again.
    await page.getByRole('button', { name: 'Sign out' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Sign in to the newsroom' }).waitFor();
    const session = await page.evaluate(async () => (await fetch('/admin/api/session')).status);
    assert.equal(session, 401, 'the session is over on the server too');
    await context.close();
  });

  it('opens a screen from its address, says when there is none, and follows app links without reloading', async () => {
    const context = await web.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${web.base}/admin/no-such-screen`);
    await page.getByLabel('Email').waitFor();
    await typeCredentials(page, web.staff.email, TEST_PASSWORD);
    await page.getByRole('heading', { name: 'There is nothing at this address in the newsroom.' }).waitFor();
    assert.equal(await page.title(), `There is nothing at this address in the newsroom. · ${await siteTitle()}`);
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));
    await page.getByRole('main').getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/admin');
    assert.equal(await page.evaluate(() => 'sameDocument' in window), true, 'no page load');
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1', 'focus moves to the new screen');
    await page.goBack();
    await page.getByRole('heading', { name: 'There is nothing at this address in the newsroom.' }).waitFor();
    await context.close();
  });

  it('speaks Spanish when the site does, refusals included', async () => {
    await writeSettings(web.t.database.handle.db, { locale: 'es' });
    try {
      const page = await web.browser.newPage();
      await page.goto(`${web.base}/admin`);
      await page.getByRole('heading', { name: 'Entra a la redacción' }).waitFor();
      assert.equal(await page.getAttribute('html', 'lang'), 'es');
      await typeCredentials(page, web.staff.email, 'no es');
      await page.getByRole('alert').waitFor();
      assert.equal(await page.getByRole('alert').textContent(), 'El correo o la contraseña no son correctos.');
      await screenshot(page, 'admin-sign-in-es.png');
      await page.close();
    } finally {
      await writeSettings(web.t.database.handle.db, { locale: 'en' });
    }
  });

  it('sends reader pages without any of the web app: no admin script or stylesheet is requested', async () => {
    const page = await web.browser.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.goto(`${web.base}/`);
    await page.goto(`${web.base}/corrections`);
    assert.ok(requested.length > 2);
    assert.deepEqual(
      requested.filter((path) => path.startsWith('/admin')),
      [],
    );
    await page.close();
  });

  it('answers an unknown admin API address with the API’s JSON 404, not the app’s page', async () => {
    const response = await web.t.app.inject('/admin/api/no-such-thing');
    assert.equal(response.statusCode, 404);
    assert.equal(response.json().error.code, 'NOT_FOUND');
    const app = await web.t.app.inject('/admin/articles/some-future-screen');
    assert.equal(app.statusCode, 200);
    assert.match(String(app.headers['content-type']), /text\/html/);
    assert.equal(app.headers['cache-control'], 'no-store');
  });
});
