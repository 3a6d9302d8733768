import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'node-html-parser';
import type { Page } from 'playwright-core';
import { startScheduler } from '../../../content/publishing.service.ts';
import type { StaffActor } from '../../../staff/staff.service.ts';
import { axeViolations, screenshot, skipWithoutChromium } from '../../../testing/browser.ts';
import {
  makeArticle,
  makeAuthor,
  makeImage,
  makeSection,
  makeStaff,
  makeTier,
  pngBytes,
  signIn,
  TEST_PASSWORD,
} from '../../../testing/factories.ts';
import { imagePicker, openSignedIn, uploadInImagePicker, webAppSuite } from '../../../testing/web-app.ts';
import { utcToSiteTime } from '../ui/site-time.ts';

const ZONE = 'America/Mexico_City';

describe('the article settings panel and workflow actions', { skip: skipWithoutChromium }, () => {
  // Registered before the suite's own `after` (node:test runs them in that order): the scheduler stops before the app closes.
  after(async () => {
    await stopScheduler?.();
  });
  const web = webAppSuite('editor', { signInAttemptsPerMinute: 1000 });
  let contributor: StaffActor;
  let headers: Record<string, string>;
  let stopScheduler: () => Promise<void>;
  let png: Buffer;

  before(async () => {
    // More than ten sign-ins within a minute: each test signs in its own browser.
    contributor = await makeStaff(web.t, 'contributor');
    const admin = await makeStaff(web.t, 'admin');
    const adminHeaders = await signIn(web.t, admin);
    const zone = await web.t.app.inject({
      method: 'PATCH',
      url: '/admin/api/settings',
      headers: adminHeaders,
      payload: { timeZone: ZONE },
    });
    assert.equal(zone.statusCode, 200, zone.body);
    headers = await signIn(web.t, web.staff);
    const db = web.t.database.handle.db;
    await makeSection(db, 'Environment');
    await makeAuthor(db, 'Ana Ruiz');
    await makeAuthor(db, 'Luis Pérez');
    png = await pngBytes(800, 450);
    // A short interval, so a story scheduled a few seconds ahead goes live during the test.
    stopScheduler = startScheduler({ db, invalidation: web.t.invalidation }, 200, (error) => {
      throw error;
    });
  });

  const idOf = (page: Page) => new URL(page.url()).pathname.split('/').at(-1) ?? '';
  const stored = async (id: string) =>
    (await web.t.app.inject({ url: `/admin/api/articles/${id}`, headers })).json<Record<string, unknown>>();
  const saved = (page: Page) =>
    page
      .getByRole('status')
      .filter({ hasText: /^Saved$/ })
      .waitFor();

  async function write(page: Page, headline: string, text: string): Promise<void> {
    await page.getByLabel('Headline').fill(headline);
    await page.keyboard.press('Enter');
    await page.keyboard.type(text);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await saved(page);
    await page.waitForURL(/\/admin\/articles\/[0-9a-f-]{36}$/);
  }

  it('lets an editor set every setting, schedule the story in the site’s time zone, see it go live and correct it', async () => {
    const context = await web.browser.newContext({ bypassCSP: true, viewport: { width: 1400, height: 1100 } });
    const page = await openSignedIn(context, web.base, web.staff, '/admin/articles/new');
    await write(page, 'Valley wells run dry', 'The wells of the valley are empty.');
    const id = idOf(page);

    await page.getByLabel('Section').selectOption({ label: 'Environment' });
    // A tag made on the fly, with the keyboard alone.
    await page.getByRole('combobox', { name: 'Add a tag' }).fill('Drought 2026');
    await page.getByRole('option', { name: 'Create tag “Drought 2026”' }).waitFor();
    await page.getByRole('combobox', { name: 'Add a tag' }).press('Enter');
    await page.getByRole('button', { name: 'Remove tag Drought 2026' }).waitFor();
    // Two authors, then the second moved up.
    await page.getByRole('combobox', { name: 'Add an author' }).fill('Ana');
    await page.getByRole('combobox', { name: 'Add an author' }).press('Enter');
    await page.getByRole('combobox', { name: 'Add an author' }).fill('Luis');
    await page.getByRole('combobox', { name: 'Add an author' }).press('Enter');
    await page.getByRole('button', { name: 'Move Luis Pérez up' }).click();
    await page.getByLabel('Dek').fill('Farmers queue for water trucks.');
    await page.getByLabel('Dateline').fill('OAXACA');
    await page.getByLabel('Attribution line').fill('With reports from Marta Gil');
    await page.getByRole('button', { name: 'Choose a feature image' }).click();
    await uploadInImagePicker(page, { name: 'well.png', mimeType: 'image/png', buffer: png });
    const focal = page.getByRole('slider', { name: 'Focal point' });
    await focal.waitFor();
    const box = await focal.boundingBox();
    assert.ok(box);
    await page.mouse.click(box.x + box.width * 0.25, box.y + box.height * 0.5);
    await focal.press('ArrowDown');
    await page.getByLabel('Alt text').fill('A dry well');
    await page.getByLabel('Search description').fill('The valley’s wells have run dry after a year without rain.');
    await page.getByLabel('Social title').fill('No water in the valley');
    await page.getByText('58 of 300 characters').waitFor();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await saved(page);

    const article = await stored(id);
    assert.equal(article.dek, 'Farmers queue for water trucks.');
    assert.equal(article.dateline, 'OAXACA');
    assert.equal((article.tagIds as string[]).length, 1);
    assert.equal((article.authorIds as string[]).length, 2);
    const image = article.featureImage as { alt: string; focalPoint: { x: number; y: number } };
    assert.equal(image.alt, 'A dry well');
    assert.ok(Math.abs(image.focalPoint.x - 0.25) < 0.02, JSON.stringify(image.focalPoint));
    assert.ok(Math.abs(image.focalPoint.y - 0.51) < 0.02, JSON.stringify(image.focalPoint));
    assert.equal(article.slug, 'valley-wells-run-dry');
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, 'article-panel-settings.png');

    // Scheduled a few seconds ahead, picked on the site's clocks (Mexico City), whatever the browser's.
    await page.getByRole('button', { name: 'Schedule', exact: true }).click();
    assert.deepEqual(await axeViolations(page), [], 'the schedule form');
    const goLive = new Date(Math.floor((Date.now() + 8000) / 1000) * 1000).toISOString();
    const when = utcToSiteTime(goLive, ZONE);
    await page.getByLabel('Date', { exact: true }).fill(when.date);
    await page.getByLabel(`Time (${ZONE})`).fill(`${when.time}:${goLive.slice(17, 19)}`);
    await page.getByRole('button', { name: 'Schedule it' }).click();
    await page.getByText(/^Scheduled for /).waitFor();
    const scheduled = await stored(id);
    assert.equal(scheduled.status, 'scheduled');
    assert.equal(new Date(scheduled.publishedAt as string).toISOString(), goLive, 'the site’s time, in UTC');

    // The scheduler publishes it; a reload shows it published.
    for (let tries = 0; (await stored(id)).status !== 'published'; tries++) {
      assert.ok(tries < 100, 'the scheduler never published the story');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await page.reload();
    await page.getByText('Published', { exact: true }).waitFor();
    assert.equal(
      await page.getByRole('link', { name: 'View on the site' }).getAttribute('href'),
      '/environment/valley-wells-run-dry',
      'the app links to the story on the site once it is live',
    );
    const reader = await web.t.app.inject({ url: '/environment/valley-wells-run-dry' });
    assert.equal(reader.statusCode, 200);
    const doc = parse(reader.body);
    assert.match(doc.querySelector('.byline')?.text ?? '', /Luis Pérez.*Ana Ruiz/);
    assert.equal(doc.querySelector('.dateline')?.text, 'OAXACA');
    assert.equal(doc.querySelector('.attribution')?.text, 'With reports from Marta Gil');
    assert.equal(
      doc.querySelector('meta[name="description"]')?.getAttribute('content'),
      'The valley’s wells have run dry after a year without rain.',
    );

    await page.getByText('Add a correction or clarification').click();
    await page.getByLabel('Clarification').check();
    await page.getByLabel('What readers should know').fill('The wells are municipal, not private.');
    await page.getByRole('button', { name: 'Publish it under the article' }).click();
    await page.locator('.correction-list').getByText('The wells are municipal, not private.').waitFor();
    assert.deepEqual(await axeViolations(page), [], 'the corrections form');
    await screenshot(page, 'article-panel-correction.png');
    const corrected = await web.t.app.inject({ url: '/environment/valley-wells-run-dry' });
    assert.match(corrected.body, /The wells are municipal, not private\./);
    // The article's corrections are listed when it is opened again.
    await page.reload();
    await page.locator('.correction-list').getByText('The wells are municipal, not private.').waitFor();
    await context.close();
  });

  it('sets the feature image from one already in the library, found by its caption, and keeps it', async () => {
    await makeImage(web.t, { alt: 'Cranes over the harbour', caption: 'The port at dusk', credit: 'Photo: Ana Ruiz' });
    const boats = await makeImage(web.t, {
      alt: 'Fishing boats tied up at the old pier',
      caption: 'The fleet stays in port during the strike',
      credit: 'Photo: Luis Pérez',
    });
    const context = await web.browser.newContext({ bypassCSP: true, viewport: { width: 1400, height: 1000 } });
    const page = await openSignedIn(context, web.base, web.staff, '/admin/articles/new');
    await write(page, 'Fishers strike for a third day', 'The fleet has not left port since Monday.');
    const id = idOf(page);

    await page.getByRole('button', { name: 'Choose a feature image' }).click();
    const picker = imagePicker(page);
    await picker.getByRole('button', { name: /Cranes over the harbour/ }).waitFor();
    await picker.getByLabel('Search images').fill('fleet stays');
    await page.keyboard.press('Enter');
    // Searched by its caption: the other harbour picture is gone from the results.
    await picker.getByRole('button', { name: /Cranes over the harbour/ }).waitFor({ state: 'detached' });
    await picker.getByRole('button', { name: /Fishing boats tied up/ }).click();
    await picker.getByRole('status').filter({ hasText: 'Selected:' }).waitFor();
    assert.deepEqual(await axeViolations(page), [], 'the image picker over the article');
    await screenshot(page, 'article-panel-image-picker.png');
    await picker.getByRole('button', { name: 'Use this image' }).click();
    await picker.waitFor({ state: 'detached' });

    // The library's description comes along, and stays the article's own to change.
    assert.equal(await page.getByLabel('Alt text').inputValue(), 'Fishing boats tied up at the old pier');
    assert.equal(await page.getByLabel('Credit').inputValue(), 'Photo: Luis Pérez');
    await page.getByLabel('Caption').fill('The fleet at the old pier on Wednesday');
    await page.getByRole('slider', { name: 'Focal point' }).press('ArrowRight');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await saved(page);
    const image = (await stored(id)).featureImage as { id: string; caption: string };
    assert.equal(image.id, boats.id);
    assert.equal(image.caption, 'The fleet at the old pier on Wednesday');

    await page.reload();
    await page.getByRole('slider', { name: 'Focal point' }).waitFor();
    assert.equal(await page.getByLabel('Caption').inputValue(), 'The fleet at the old pier on Wednesday');
    assert.equal(await page.getByLabel('Alt text').inputValue(), 'Fishing boats tied up at the old pier');
    assert.equal(await page.getByRole('button', { name: 'Replace the image' }).count(), 1);

    await page.getByRole('button', { name: 'Publish now' }).click();
    await page.getByText('Published', { exact: true }).waitFor();
    const reader = await web.t.app.inject({ url: (await stored(id)).url as string });
    assert.equal(reader.statusCode, 200);
    const figure = parse(reader.body).querySelector('figure.figure');
    assert.equal(figure?.querySelector('img')?.getAttribute('alt'), 'Fishing boats tied up at the old pier');
    assert.ok(figure?.querySelector('img')?.getAttribute('src')?.includes(boats.id), figure?.toString());
    assert.equal(figure?.querySelector('.caption')?.text, 'The fleet at the old pier on Wednesday');
    await context.close();
  });

  it('refuses a non-image as the feature image in words, and keeps the article’s text and settings', async () => {
    const context = await web.browser.newContext({ bypassCSP: true, viewport: { width: 1400, height: 1000 } });
    const page = await openSignedIn(context, web.base, web.staff, '/admin/articles/new');
    await write(page, 'Ferry timetable changes', 'Ferries leave an hour later from June.');
    const id = idOf(page);
    await page.getByLabel('Dek').fill('The last crossing is now at ten.');

    await page.getByRole('button', { name: 'Choose a feature image' }).click();
    const picker = imagePicker(page);
    await picker
      .getByLabel('Choose images to upload')
      .setInputFiles({ name: 'timetable.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4') });
    await picker
      .getByRole('alert')
      .filter({ hasText: 'timetable.pdf is not an image Gaceta takes: upload a JPEG, PNG, WebP, GIF or AVIF file.' })
      .waitFor();
    assert.deepEqual(await axeViolations(page), [], 'the refusal in the picker');
    await page.keyboard.press('Escape');
    await picker.waitFor({ state: 'detached' });

    assert.equal(await page.getByRole('slider', { name: 'Focal point' }).count(), 0, 'no feature image was set');
    assert.equal(await page.getByLabel('Dek').inputValue(), 'The last crossing is now at ten.');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await saved(page);
    const article = (await web.t.app.inject({ url: `/admin/api/articles/${id}`, headers })).json<{
      dek: string;
      featureImage: unknown;
      body: { content: unknown[] };
    }>();
    assert.equal(article.dek, 'The last crossing is now at ten.');
    assert.equal(article.featureImage, null);
    assert.deepEqual(article.body.content, [
      { type: 'paragraph', content: [{ type: 'text', text: 'Ferries leave an hour later from June.' }] },
    ]);
    await context.close();
  });

  it('has a contributor submit for edit without Publish, and an editor publish it from the ready queue', async () => {
    const context = await web.browser.newContext({ bypassCSP: true, viewport: { width: 1400, height: 1000 } });
    const page = await openSignedIn(context, web.base, contributor, '/admin/articles/new');
    await write(page, 'Market reopens', 'The market reopens on Monday.');
    const id = idOf(page);
    assert.equal(await page.getByRole('button', { name: 'Publish now' }).count(), 0);
    // A contributor tags their story with a tag nobody had made yet.
    await page.getByRole('combobox', { name: 'Add a tag' }).fill('Street vendors');
    await page.getByRole('option', { name: 'Create tag “Street vendors”' }).waitFor();
    await page.getByRole('combobox', { name: 'Add a tag' }).press('Enter');
    await page.getByRole('button', { name: 'Remove tag Street vendors' }).waitFor();
    assert.equal(await page.getByRole('alert').count(), 0, 'no refusal shown');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await saved(page);
    const tags = (await web.t.app.inject({ url: '/admin/api/tags', headers })).json<{
      tags: Array<{ id: string; name: string }>;
    }>().tags;
    const made = tags.find((tag) => tag.name === 'Street vendors');
    assert.ok(made, 'the tag exists');
    assert.deepEqual((await stored(id)).tagIds, [made.id]);
    await page.getByLabel('Who can read it').waitFor();
    assert.equal(await page.getByLabel('Who can read it').getAttribute('readonly'), '');
    await page.getByRole('button', { name: 'Submit for edit' }).click();
    await page.locator('.status-badge').getByText('Ready for edit', { exact: true }).waitFor();
    assert.equal((await stored(id)).status, 'ready');
    await page.getByText('This story is with the editors now').waitFor();
    assert.equal(await page.getByLabel('Dek').isDisabled(), true);
    await context.close();

    const desk = await web.browser.newContext({ bypassCSP: true, viewport: { width: 1400, height: 1000 } });
    const editorPage = await openSignedIn(desk, web.base, web.staff, '/admin/ready');
    await editorPage.getByRole('link', { name: 'Market reopens' }).click();
    await editorPage.getByRole('button', { name: 'Send back' }).waitFor();
    await editorPage.getByRole('button', { name: 'Publish now' }).click();
    await editorPage.getByText('Published', { exact: true }).waitFor();
    assert.equal((await stored(id)).status, 'published');
    assert.equal(
      await editorPage.getByRole('link', { name: 'View on the site' }).getAttribute('href'),
      new URL((await stored(id)).url as string).pathname,
    );
    await desk.close();
  });

  it('lets an editor send a story back to draft with a note the writer sees', async () => {
    const story = await makeArticle(web.t, { headline: 'Fair moves to June', status: 'draft' });
    const submitted = await web.t.app.inject({
      method: 'POST',
      url: `/admin/api/articles/${story.id}/submit`,
      headers,
      payload: {},
    });
    assert.equal(submitted.statusCode, 200, submitted.body);
    const context = await web.browser.newContext({ bypassCSP: true, viewport: { width: 1400, height: 1000 } });
    const page = await openSignedIn(context, web.base, web.staff, `/admin/articles/${story.id}`);
    await page.locator('.status-badge').getByText('Ready for edit', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Send back' }).click();
    await page.getByLabel('Note for the writer (optional)').fill('Add the mayor’s quote.');
    assert.deepEqual(await axeViolations(page), [], 'the send-back form');
    await page.getByRole('button', { name: 'Send back to draft' }).click();
    await page.getByText('Sent back: Add the mayor’s quote.').waitFor();
    const after = await stored(story.id);
    assert.equal(after.status, 'draft');
    assert.equal(after.returnNote, 'Add the mayor’s quote.');
    await context.close();
  });

  it('lets an editor make a story for chosen tiers, ticking paid tiers, and says when none is ticked', async () => {
    const supporter = await makeTier(web.t, 'Supporter');
    await makeTier(web.t, 'Patron');
    const context = await web.browser.newContext({ bypassCSP: true, viewport: { width: 1400, height: 1000 } });
    const page = await openSignedIn(context, web.base, web.staff, '/admin/articles/new');
    await write(page, 'Inside the water board', 'The minutes of the water board.');
    await page.getByLabel('Who can read it').selectOption({ label: 'Chosen tiers' });
    const tiers = page.getByRole('group', { name: 'Tiers whose members can read it' });
    await tiers.getByLabel('Patron').waitFor();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.locator('#panel-accessTierIds-error').getByText('Tick at least one paid tier').waitFor();
    assert.equal((await stored(idOf(page))).access, 'public', 'nothing changed while refused');
    await tiers.getByLabel('Supporter').check();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await saved(page);
    const article = await stored(idOf(page));
    assert.equal(article.access, 'tiers');
    assert.deepEqual(article.accessTierIds, [supporter]);
    assert.deepEqual(await axeViolations(page), []);
    // Opened again, the choice is there.
    await page.reload();
    assert.equal(await page.getByLabel('Supporter').isChecked(), true);
    assert.equal(await page.getByLabel('Patron').isChecked(), false);
    await context.close();
  });

  it('shows the API’s refusal of a field beside that field, in the staff member’s words', async () => {
    await makeArticle(web.t, { headline: 'Taken address' });
    const context = await web.browser.newContext({ bypassCSP: true, viewport: { width: 1400, height: 1000 } });
    const page = await openSignedIn(context, web.base, web.staff, '/admin/articles/new');
    await write(page, 'Bridge closed', 'The bridge is closed.');
    await page.getByLabel('Slug').fill('taken-address');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const error = page.locator('#panel-slug-error');
    await error.getByText('Another article already has this slug.').waitFor();
    assert.equal(await page.getByLabel('Slug').getAttribute('aria-invalid'), 'true');
    // A slug the schema refuses (a trailing hyphen) is refused beside the field too.
    await page.getByLabel('Slug').fill('Bridge Closed!');
    assert.equal(await page.getByLabel('Slug').inputValue(), 'bridge-closed-');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await error.getByText('Not saved: this value is not accepted here.').waitFor();
    await page.getByLabel('Slug').fill('bridge-closed-for-repairs');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await saved(page);
    await error.waitFor({ state: 'detached' });
    assert.equal((await stored(idOf(page))).slug, 'bridge-closed-for-repairs');
    await context.close();
  });

  it('says why publishing is blocked in a Spanish-speaking editor’s language', async () => {
    const colega = await makeStaff(web.t, 'editor');
    const own = await signIn(web.t, colega);
    const set = await web.t.app.inject({
      method: 'PATCH',
      url: '/admin/api/account',
      headers: own,
      payload: { locale: 'es' },
    });
    assert.equal(set.statusCode, 200, set.body);
    const context = await web.browser.newContext({ bypassCSP: true, viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    await page.goto(`${web.base}/admin/articles/new`);
    await page.getByLabel('Email').fill(colega.email);
    await page.getByLabel(/Password|Contraseña/).fill(TEST_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByLabel('Titular').fill('Pleno TK');
    await page.keyboard.press('Enter');
    await page.keyboard.type('El pleno vota hoy.');
    await page.getByRole('button', { name: 'Guardar', exact: true }).click();
    await page.getByText('No se puede publicar: quedan 1 TK (el titular). Sustitúyelos primero.').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Publicar ahora' }).isDisabled(), true);
    await context.close();
  });

  it('keeps Publish and Schedule disabled while a TK is left, and says where', async () => {
    const context = await web.browser.newContext({ bypassCSP: true, viewport: { width: 1400, height: 1000 } });
    const page = await openSignedIn(context, web.base, web.staff, '/admin/articles/new');
    await write(page, 'Council vote TK', 'The vote was TK to TK.');
    const blocked = page.getByText(/^Publishing is blocked: 3 TK left \(the headline, paragraph 1 of the text\)/);
    await blocked.waitFor();
    assert.equal(await page.getByRole('button', { name: 'Publish now' }).isDisabled(), true);
    assert.equal(await page.getByRole('button', { name: 'Schedule', exact: true }).isDisabled(), true);
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, 'article-panel-tk.png');
    await page.getByLabel('Headline').fill('Council vote');
    await page.getByLabel('Article text').click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('The vote was 7 to 2.');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await saved(page);
    await blocked.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Publish now' }).click();
    await page.getByText('Published', { exact: true }).waitFor();
    await context.close();
  });
});
