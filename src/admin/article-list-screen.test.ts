import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { createDraft } from '../content/articles.service.ts';
import { trashArticle } from '../content/trash.service.ts';
import { submitArticle } from '../content/workflow.service.ts';
import { writeSettings } from '../settings/settings.ts';
import { SYSTEM } from '../staff/actor.ts';
import type { StaffActor } from '../staff/staff.service.ts';
import { axeViolations, screenshot, skipWithoutChromium } from '../testing/browser.ts';
import {
  makeArticle,
  makeAuthor,
  makeLabel,
  makeSection,
  makeStaff,
  paragraphs,
  TEST_PASSWORD,
} from '../testing/factories.ts';
import { webAppSuite } from '../testing/web-app.ts';

/** Item 10: the article list screen and the ready-for-edit queue, used with the keyboard alone in Chromium. */
describe('the article list screen in a real browser', { skip: skipWithoutChromium }, () => {
  const web = webAppSuite('editor', { signInAttemptsPerMinute: 1000 });
  let contributor: StaffActor;
  const ids: Record<string, string> = {};

  before(async () => {
    const db = web.t.database.handle.db;
    const deps = { db, invalidation: web.t.invalidation };
    contributor = await makeStaff(web.t, 'contributor');
    const [metro, sports] = [await makeSection(db, 'Metro'), await makeSection(db, 'Sports')];
    const ana = await makeAuthor(db, 'Ana Ruiz');
    const analysis = await makeLabel(db, 'Analysis');
    for (let i = 1; i <= 21; i++)
      await makeArticle(web.t, { headline: `Council notes ${i}`, sectionId: sports.id, status: 'draft' });
    ids.water = (
      await makeArticle(web.t, {
        headline: 'Water rates rise',
        sectionId: metro.id,
        authorIds: [ana.id],
        labelId: analysis.id,
      })
    ).id;
    ids.own = (await createDraft(deps, contributor, { headline: 'Contributor’s market story' })).id;
    ids.queued = (
      await createDraft(deps, contributor, { headline: 'Bridge closure explained', body: paragraphs('Why.') })
    ).id;
    await submitArticle(deps, contributor, ids.queued);
    ids.trashed = (await createDraft(deps, SYSTEM.seed, { headline: 'An old mistake' })).id;
    await trashArticle(deps, SYSTEM.seed, ids.trashed);
  });

  /** Signs in with the keyboard on the page the address opens. */
  async function signedIn(who: StaffActor, path: string): Promise<Page> {
    const context = await web.browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(web.base + path);
    await page.locator('#email').waitFor();
    await page.keyboard.type(who.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(TEST_PASSWORD);
    await page.keyboard.press('Enter');
    return page;
  }
  const rows = (page: Page) => page.locator('table.article-table tbody tr');
  const headlines = async (page: Page) => rows(page).locator('th a').allTextContents();
  /** Tabs until the element with this accessible selector has focus (the keyboard's way there). */
  async function tabTo(page: Page, selector: string, limit = 80): Promise<void> {
    for (let i = 0; i < limit; i++) {
      if (await page.locator(selector).evaluate((element) => element === document.activeElement)) return;
      await page.keyboard.press('Tab');
    }
    throw new Error(`could not reach ${selector} with Tab`);
  }

  it('lists, filters, searches and pages through articles with the keyboard, with no axe violations', async () => {
    const page = await signedIn(web.staff, '/admin');
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    const ready = page.getByRole('region', { name: 'Ready for edit' });
    assert.match((await ready.textContent()) ?? '', /Bridge closure explained.*Submitted/);
    await screenshot(page, 'admin-dashboard-ready.png');

    await tabTo(page, 'header nav a[href="/admin/articles"]');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Articles', level: 1 }).waitFor();
    await page.getByText('Articles 1 to 20 of 24').waitFor();
    assert.ok(!(await headlines(page)).includes('An old mistake'), 'the trash is left out');
    assert.deepEqual(await axeViolations(page), [], 'article list');
    await screenshot(page, 'admin-articles.png');

    // The next page, followed from the keyboard.
    await tabTo(page, 'a[rel="next"]');
    await page.keyboard.press('Enter');
    await page.getByText('Articles 21 to 24 of 24').waitFor();
    assert.equal(new URL(page.url()).searchParams.get('page'), '2');

    // Status by keyboard: the select's options change with the arrow keys, and the list follows.
    await page.getByLabel('Status').focus();
    await page.keyboard.press('ArrowDown'); // Draft
    await page.keyboard.press('ArrowDown'); // Ready for edit
    await page.getByText('Articles 1 to 1 of 1').waitFor();
    assert.deepEqual(await headlines(page), ['Bridge closure explained']);
    assert.equal(new URL(page.url()).search, '?status=ready');

    await page.getByLabel('Status').focus();
    await page.keyboard.press('Home'); // All but the trash
    await page.getByLabel('Section').focus();
    await page.keyboard.press('End'); // Sports, the last section
    await page.getByText('Articles 1 to 20 of 21').waitFor();
    await page.getByLabel('Headline contains').focus();
    await page.keyboard.type('notes 1');
    await page.keyboard.press('Enter');
    await page.getByText('of 11').waitFor(); // Council notes 1, 10 to 19
    assert.ok((await headlines(page)).every((headline) => headline.startsWith('Council notes 1')));

    await tabTo(page, 'a.clear');
    await page.keyboard.press('Enter');
    await page.getByText('Articles 1 to 20 of 24').waitFor();
    await page.getByLabel('Label').focus();
    await page.keyboard.press('ArrowDown'); // Analysis
    await page.getByText('Articles 1 to 1 of 1').waitFor();
    const row = rows(page).first();
    assert.match((await row.textContent()) ?? '', /Water rates rise.*Published.*Ana Ruiz.*Metro.*Analysis/);

    // A row opens the article's editor, at its own address.
    await tabTo(page, `a[href="/admin/articles/${ids.water}"]`);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${web.base}/admin/articles/${ids.water}`);
    await page.context().close();
  });

  it('does bulk actions on the selected articles and says what was refused, one by one', async () => {
    const page = await signedIn(contributor, '/admin/articles');
    await page.getByRole('heading', { name: 'Articles', level: 1 }).waitFor();
    assert.equal(await page.locator('header nav a[href="/admin/ready"]').count(), 0, 'the queue is for editors');
    await page.getByLabel('Headline contains').focus();
    await page.keyboard.type('market');
    await page.keyboard.press('Enter');
    await page.getByText('Articles 1 to 1 of 1').waitFor();
    await page.getByLabel('Headline contains').fill('');
    await page.keyboard.type('water');
    await page.keyboard.press('Enter');
    await page.getByText('Articles 1 to 1 of 1').waitFor();
    await page.getByLabel('Headline contains').fill('');
    await page.keyboard.press('Enter');
    await page.getByText('of 24').waitFor();

    // Select two with the space bar: the contributor's own draft and someone else's story.
    await page.getByLabel('Select “Contributor’s market story”').focus();
    await page.keyboard.press('Space');
    await page.getByLabel('Select “Water rates rise”').focus();
    await page.keyboard.press('Space');
    await page.getByText('Selected: 2').waitFor();
    await page.getByRole('button', { name: 'Submit for edit' }).focus();
    await page.keyboard.press('Enter');
    const report = page.getByRole('status');
    await report.getByText('Submitted for edit: 1. Not done: 1.').waitFor();
    assert.match((await report.textContent()) ?? '', /Water rates rise: Your role does not allow this\./);
    assert.deepEqual(await axeViolations(page), [], 'article list with a bulk report');
    await screenshot(page, 'admin-articles-bulk-report.png');
    await page.context().close();

    const after = (
      await web.t.app.inject({ url: `/admin/api/articles/${ids.own}`, headers: await headersOf(web.staff) })
    ).json();
    assert.equal(after.status, 'ready');
  });

  it('moves to the trash and restores from it in bulk, and shows editors the ready-for-edit queue', async () => {
    const page = await signedIn(web.staff, '/admin/articles?q=notes%2021');
    await page.getByText('Articles 1 to 1 of 1').waitFor();
    await page.getByLabel('Select every article on this page').focus();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Move to trash' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText('Moved to the trash: 1.').waitFor();
    await page.getByText('No articles match these filters.').waitFor();

    await page.getByLabel('Status').focus();
    await page.keyboard.press('End'); // Trash
    await page.getByText('Articles 1 to 1 of 1').waitFor();
    await page.goto(`${web.base}/admin/articles?status=trash`);
    await page.getByText('Articles 1 to 2 of 2').waitFor();
    assert.deepEqual((await headlines(page)).sort(), ['An old mistake', 'Council notes 21']);
    assert.deepEqual(await page.locator('.bulk-actions button').allTextContents(), ['Restore from trash']);
    assert.deepEqual(await axeViolations(page), [], 'the trash');
    await screenshot(page, 'admin-articles-trash.png');
    await page.getByLabel('Select “Council notes 21”').focus();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Restore from trash' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText('Restored from the trash: 1.').waitFor();
    await page.getByText('Articles 1 to 1 of 1').waitFor();

    await tabTo(page, 'header nav a[href="/admin/ready"]');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Ready for edit', level: 1 }).waitFor();
    await page.getByText('Articles 1 to 2 of 2').waitFor();
    assert.deepEqual((await headlines(page)).sort(), ['Bridge closure explained', 'Contributor’s market story']);
    assert.match((await rows(page).first().textContent()) ?? '', /contributor \d+/, 'who submitted it');
    assert.deepEqual(await axeViolations(page), [], 'the queue');
    await screenshot(page, 'admin-ready-queue.png');
    await page.context().close();
  });

  it('speaks Spanish when the site does, refusals included', async () => {
    await writeSettings(web.t.database.handle.db, { locale: 'es' });
    try {
      const page = await signedIn(contributor, '/admin/articles?q=water');
      await page.getByRole('heading', { name: 'Notas', level: 1 }).waitFor();
      await page.getByText('Notas 1 a 1 de 1').waitFor();
      assert.equal(await page.getByLabel('Estado').inputValue(), '');
      await page.getByLabel('Seleccionar «Water rates rise»').focus();
      await page.keyboard.press('Space');
      await page.getByRole('button', { name: 'Retirar' }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('status').getByText('Retiradas: 0. Sin hacer: 1.').waitFor();
      assert.match(
        (await page.getByRole('status').textContent()) ?? '',
        /Water rates rise: Tu rol no permite hacer esto\./,
      );
      assert.deepEqual(await axeViolations(page), [], 'the list in Spanish');
      await screenshot(page, 'admin-articles-es.png');
      await page.context().close();
    } finally {
      await writeSettings(web.t.database.handle.db, { locale: 'en' });
    }
  });

  /** Session headers for API checks after the browser is done. */
  async function headersOf(who: StaffActor): Promise<Record<string, string>> {
    const response = await web.t.app.inject({
      method: 'POST',
      url: '/admin/api/session',
      payload: { email: who.email, password: TEST_PASSWORD },
    });
    const cookie = response.cookies.find((c) => c.name === 'gaceta_staff');
    return { cookie: `gaceta_staff=${cookie?.value ?? ''}` };
  }
});
