import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { StaffActor } from '../../../staff/staff.service.ts';
import { axeViolations, screenshot, skipWithoutChromium } from '../../../testing/browser.ts';
import { makeArticle, makeStaff, paragraphs, signIn } from '../../../testing/factories.ts';
import { startTestApp, type TestApp } from '../../../testing/harness.ts';
import { openSignedIn, webAppSuite } from '../../../testing/web-app.ts';

interface Stored {
  headline: string;
  body: { content: Array<{ content?: Array<{ text: string }> }> };
  version: number;
  url: string | null;
}

describe('conflicts, presence, history and preview around the article editor', { skip: skipWithoutChromium }, () => {
  const web = webAppSuite('admin');
  let rosa: StaffActor;
  let headers: Record<string, string>;

  before(async () => {
    rosa = await makeStaff(web.t, 'editor');
    headers = await signIn(web.t, web.staff);
  });

  const stored = async (id: string) =>
    (await web.t.app.inject({ url: `/admin/api/articles/${id}`, headers })).json<Stored>();
  const textOf = (article: Stored) =>
    article.body.content.map((block) => (block.content ?? []).map((node) => node.text).join('')).join('\n');
  const editorText = (page: Page) => page.getByLabel('Article text');
  const saved = (page: Page) =>
    page
      .getByRole('status')
      .filter({ hasText: /^Saved$/ })
      .waitFor();
  /** Types at the end of the article's text, as a reporter adding a sentence. */
  async function addAtEnd(page: Page, words: string): Promise<void> {
    await editorText(page).focus();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type(words);
  }
  /** Opens an article in a browser of its own for this member of staff. */
  async function open(staff: StaffActor, id: string): Promise<Page> {
    const context = await web.browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 1000 } });
    const page = await openSignedIn(context, web.base, staff, `/admin/articles/${id}`);
    await editorText(page).waitFor();
    return page;
  }

  it('ends two staff editing one article in a conflict naming the other, loses no text, and resolves only by an explicit choice', async () => {
    const article = await makeArticle(web.t, { headline: 'Bridge reopens', body: paragraphs('Traffic returns.') });
    const anaPage = await open(web.staff, article.id);
    const rosaPage = await open(rosa, article.id);

    await addAtEnd(rosaPage, ' Rosa checked the toll.');
    await rosaPage.keyboard.press('ControlOrMeta+s');
    await saved(rosaPage);

    // Ana still edits the version before Rosa's save: her autosave is refused, and she is told by whom.
    await addAtEnd(anaPage, ' Ana adds the mayor.');
    const dialog = anaPage.getByRole('alertdialog', { name: 'Someone else changed this article' });
    await dialog.waitFor();
    await dialog
      .getByText(new RegExp(`^${rosa.name} changed it at .+\\. Nothing of yours was saved over it`))
      .waitFor();
    assert.match((await editorText(anaPage).textContent()) ?? '', /Traffic returns\. Ana adds the mayor\./);
    const copy = await anaPage.evaluate((id) => localStorage.getItem(`gaceta:article:${id}`), article.id);
    assert.match(copy ?? '', /Ana adds the mayor/, 'her text is kept in the browser too');
    assert.match(textOf(await stored(article.id)), /Rosa checked the toll/, 'nothing was overwritten');
    assert.equal(
      await dialog.getByRole('button', { name: 'Compare' }).evaluate((el) => el === document.activeElement),
      true,
    );
    assert.deepEqual(await axeViolations(anaPage), [], 'conflict dialog');

    await anaPage.keyboard.press('Enter'); // Compare, from the keyboard
    const theirs = dialog.getByRole('region', { name: `Their version (${rosa.name})` });
    const mine = dialog.getByRole('region', { name: 'Your version' });
    await theirs.locator('del').first().waitFor();
    assert.match((await theirs.locator('del').allTextContents()).join(''), /^ ?Rosa checked the toll ?$/);
    assert.match((await mine.locator('ins').allTextContents()).join(''), /^ ?Ana adds the mayor ?$/);
    assert.deepEqual(await axeViolations(anaPage), [], 'conflict dialog comparing');
    await screenshot(anaPage, 'article-conflict-compare.png');

    await dialog.getByRole('button', { name: 'Keep mine' }).click();
    await dialog.waitFor({ state: 'detached' });
    await saved(anaPage);
    const afterKeep = await stored(article.id);
    assert.match(textOf(afterKeep), /Ana adds the mayor\./);
    assert.doesNotMatch(textOf(afterKeep), /Rosa checked/, 'her explicit choice replaced theirs');

    // Rosa goes on writing over what is now stale: she is told Ana changed it, and takes Ana's.
    await addAtEnd(rosaPage, ' And the ferry stops.');
    const rosaDialog = rosaPage.getByRole('alertdialog', { name: 'Someone else changed this article' });
    await rosaDialog.getByText(new RegExp(`^${web.staff.name} changed it at `)).waitFor();
    await rosaDialog.getByRole('button', { name: 'Take theirs' }).click();
    await rosaDialog.waitFor({ state: 'detached' });
    await rosaPage.getByText('Ana adds the mayor.').first().waitFor();
    const kept = rosaPage.getByRole('region', { name: /^Your unsaved version from / });
    assert.equal(
      await kept.getByRole('heading').evaluate((el) => el === document.activeElement),
      true,
      'the keyboard is on her own version',
    );
    assert.match(await kept.getByRole('textbox').inputValue(), /Rosa checked the toll\. And the ferry stops\./);
    assert.match(
      (await rosaPage.evaluate((id) => localStorage.getItem(`gaceta:article:${id}:mine`), article.id)) ?? '',
      /And the ferry stops/,
    );
    assert.deepEqual(await axeViolations(rosaPage), [], 'editor with her own version beside it');
    await screenshot(rosaPage, 'article-conflict-took-theirs.png');
    assert.match(textOf(await stored(article.id)), /Ana adds the mayor\./, 'taking theirs wrote nothing');
    await anaPage.context().close();
    await rosaPage.context().close();
  });

  it('keeps “your version” after Take theirs through a reload, to compare and restore, so no text is lost', async () => {
    const article = await makeArticle(web.t, { headline: 'Harbour fees', body: paragraphs('Fees rise in May.') });
    const page = await open(rosa, article.id);
    const changed = await web.t.app.inject({
      method: 'PATCH',
      url: `/admin/api/articles/${article.id}`,
      headers,
      payload: { body: paragraphs('Fees rise in June.'), baseVersion: (await stored(article.id)).version },
    });
    assert.equal(changed.statusCode, 200, changed.body);
    await addAtEnd(page, ' Rosa quotes the harbour master.');
    const dialog = page.getByRole('alertdialog', { name: 'Someone else changed this article' });
    await dialog.getByRole('button', { name: 'Take theirs' }).click();
    await dialog.waitFor({ state: 'detached' });
    await editorText(page).getByText('Fees rise in June.').waitFor();

    // The tab is reloaded: her own version is still offered beside their text.
    await page.reload();
    await editorText(page).getByText('Fees rise in June.').waitFor();
    const kept = page.getByRole('region', { name: /^Your unsaved version from .+/ });
    await kept.waitFor();
    assert.match(await kept.getByRole('textbox').inputValue(), /Fees rise in May\. Rosa quotes the harbour master\./);
    assert.doesNotMatch((await editorText(page).textContent()) ?? '', /harbour master/);
    await kept.getByRole('button', { name: 'Compare with the current text' }).click();
    const yours = kept.getByRole('region', { name: 'Your version' });
    await yours.locator('ins').first().waitFor();
    assert.match((await yours.locator('ins').allTextContents()).join(''), /May\. Rosa quotes the harbour master/);
    assert.match(
      (await kept.getByRole('region', { name: 'Current text' }).locator('del').allTextContents()).join(''),
      /June/,
    );
    assert.deepEqual(await axeViolations(page), [], 'your version compared after a reload');
    await screenshot(page, 'article-my-version-after-reload.png');

    await kept.getByRole('button', { name: 'Restore my version' }).click();
    await kept.waitFor({ state: 'detached' });
    await page.getByText('Your version is back in the editor and is saved over the current text.').waitFor();
    await editorText(page).getByText('Fees rise in May. Rosa quotes the harbour master.').waitFor();
    await saved(page);
    assert.equal(textOf(await stored(article.id)), 'Fees rise in May. Rosa quotes the harbour master.');
    assert.equal(
      await page.evaluate((id) => localStorage.getItem(`gaceta:article:${id}:mine`), article.id),
      null,
      'nothing left to offer: the server has her version',
    );
    await page.reload();
    await editorText(page).getByText('Rosa quotes the harbour master.').waitFor();
    assert.equal(await page.getByRole('region', { name: /^Your unsaved version from / }).count(), 0);
    await page.context().close();
  });

  it('asks before a copy kept in the browser goes over a colleague’s later change', async () => {
    const article = await makeArticle(web.t, { headline: 'Market day', body: paragraphs('Stalls open at eight.') });
    const page = await open(web.staff, article.id);
    const before = await stored(article.id);
    // A copy written over the version as it was, then the tab closed before it was saved...
    await page.evaluate(
      ({ id, base, body }) =>
        localStorage.setItem(
          `gaceta:article:${id}`,
          JSON.stringify({
            articleId: id,
            base,
            headline: 'Market day moved',
            body,
            writtenAt: new Date().toISOString(),
          }),
        ),
      { id: article.id, base: String(before.version), body: before.body },
    );
    // ...and meanwhile Rosa changed the article.
    const rosaPage = await open(rosa, article.id);
    await addAtEnd(rosaPage, ' Rosa: rain expected.');
    await rosaPage.keyboard.press('ControlOrMeta+s');
    await saved(rosaPage);

    await page.reload();
    await page.getByRole('button', { name: 'Restore my copy' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Someone else changed this article' });
    await dialog.getByText(new RegExp(`^${rosa.name} changed it at `)).waitFor();
    assert.equal(await page.getByLabel('Headline').inputValue(), 'Market day moved', 'the copy is in the editor');

    // Deciding later decides nothing: autosave stays paused, and Save asks again.
    await dialog.getByRole('button', { name: 'Decide later' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByLabel('Headline').press('End');
    await page.keyboard.type(' today');
    await page.getByText('Not saved: Someone else changed the article in the meantime.').waitFor();
    await page.keyboard.press('ControlOrMeta+s');
    await dialog.getByText(new RegExp(`^${rosa.name} changed it at `)).waitFor();
    assert.equal(await page.getByLabel('Headline').inputValue(), 'Market day moved today');
    const now = await stored(article.id);
    assert.equal(now.headline, 'Market day', 'the copy did not go over Rosa’s change');
    assert.match(textOf(now), /Rosa: rain expected\./);
    await rosaPage.context().close();
    await page.context().close();
  });

  it('shows the first member of staff who else opens the article, with their role', async () => {
    const article = await makeArticle(web.t, { headline: 'Council meets', status: 'draft' });
    const anaPage = await open(web.staff, article.id);
    const rosaPage = await open(rosa, article.id);
    // Ana's next beat (every 15 s) learns Rosa is there; Rosa's first already knew Ana was.
    await rosaPage.getByText(`Also open by ${web.staff.name} (admin)`).waitFor();
    await anaPage.getByText(`Also open by ${rosa.name} (editor)`).waitFor({ timeout: 25_000 });
    assert.equal(await anaPage.locator('.presence[aria-live="polite"]').count(), 1);
    await screenshot(anaPage, 'article-presence.png');
    // Leaving the article says so at once.
    const left = rosaPage.waitForResponse(
      (response) => response.url().endsWith('/presence') && response.request().method() === 'DELETE',
    );
    await rosaPage.getByRole('link', { name: 'Dashboard' }).click();
    assert.equal((await left).status(), 204);
    const present = await web.t.app.inject({
      method: 'POST',
      url: `/admin/api/articles/${article.id}/presence`,
      headers,
    });
    assert.deepEqual(present.json<{ others: unknown[] }>().others, [], 'Rosa left');
    await rosaPage.context().close();
    await anaPage.context().close();
  });

  it('lists revisions, compares one with the current text, and restores it for readers', async () => {
    const article = await makeArticle(web.t, { headline: 'Storm warning', body: paragraphs('Winds of 90 km/h.') });
    const page = await open(web.staff, article.id);
    await page.getByLabel('Headline').fill('Storm warning lifted');
    await addAtEnd(page, ' The warning ended at noon.');
    await page.keyboard.press('ControlOrMeta+s');
    await saved(page);

    await page.getByRole('button', { name: 'History' }).click();
    const dialog = page.getByRole('dialog', { name: 'Revisions' });
    const revisions = dialog.getByRole('listitem');
    await revisions.first().waitFor();
    const labels = await revisions.allTextContents();
    assert.match(labels[0] ?? '', new RegExp(`Saved by ${web.staff.name}`));
    assert.match(labels.at(-1) ?? '', /Created by the system/);
    await dialog.getByRole('button', { name: /Created by the system/ }).click();
    const compared = dialog.getByRole('region', { name: /Created by the system/ });
    await compared.locator('ins').first().waitFor();
    assert.equal(await compared.locator('ins').filter({ hasText: 'lifted' }).count(), 1);
    const revisionColumn = compared.getByRole('region', { name: /^Revision of / }).locator('.text-diff-text');
    assert.equal(await revisionColumn.textContent(), 'Storm warning\n\nWinds of 90 km/h.', 'headline and blocks apart');
    assert.match((await compared.locator('ins').allTextContents()).join(''), /The warning ended at noon\./);
    assert.deepEqual(await axeViolations(page), [], 'history dialog comparing');
    await screenshot(page, 'article-history-diff.png');

    await dialog.getByRole('button', { name: 'Restore this version' }).click();
    await dialog.waitFor({ state: 'detached' });
    assert.equal(await page.getByLabel('Headline').inputValue(), 'Storm warning');
    assert.doesNotMatch((await editorText(page).textContent()) ?? '', /ended at noon/);
    const restored = await stored(article.id);
    assert.equal(restored.headline, 'Storm warning');
    assert.equal(textOf(restored), 'Winds of 90 km/h.');
    const reader = await web.t.app.inject({ url: new URL(restored.url ?? '/', web.base).pathname });
    assert.match(reader.body, /Storm warning/);
    assert.doesNotMatch(reader.body, /lifted|ended at noon/);
    await page.context().close();
  });

  it('previews the article as readers see it at phone and desktop widths, and makes a private link that works signed out until revoked', async () => {
    const article = await makeArticle(web.t, { headline: 'Secret draft budget', status: 'draft' });
    const page = await open(web.staff, article.id);
    await addAtEnd(page, ' Unsaved line.');
    await page.getByRole('button', { name: 'Preview' }).click();
    const dialog = page.getByRole('dialog', { name: 'Preview' });
    const frame = page.frameLocator('iframe[title="The article as readers will see it"]');
    await frame.getByRole('heading', { name: 'Secret draft budget' }).waitFor();
    await frame.getByText('Unsaved line.').waitFor(); // saved before the preview was made
    const frameWidth = () => dialog.locator('iframe').evaluate((el) => el.clientWidth);
    assert.equal(await frameWidth(), 1280, 'desktop first');
    await screenshot(page, 'article-preview-desktop.png');
    await dialog.getByLabel('Phone (390 px)').check();
    assert.equal(await frameWidth(), 390, 'the reader page is laid out 390 px wide');
    await screenshot(page, 'article-preview-phone.png');

    await dialog.getByLabel('Works for (days)').fill('7');
    await dialog.getByRole('button', { name: 'Make a link' }).click();
    const address = await dialog.getByLabel('Preview address').inputValue();
    assert.match(address, /\/preview\//);
    const listed = dialog.locator('.preview-links li');
    await listed.filter({ hasText: new RegExp(`Made by ${web.staff.name} on .+; works until `) }).waitFor();
    assert.deepEqual(await axeViolations(page), [], 'preview dialog with a new link');

    const reader = await web.browser.newContext();
    const readerPage = await reader.newPage();
    const local = web.base + new URL(address).pathname;
    await readerPage.goto(local);
    await readerPage.getByRole('heading', { name: 'Secret draft budget' }).waitFor();

    await dialog
      .getByRole('button', { name: /^Revoke/ })
      .first()
      .click();
    await dialog.getByText('The link was revoked: its address no longer opens the article.').waitFor();
    const gone = await readerPage.goto(local);
    assert.equal(gone?.status(), 410);
    await readerPage.getByText('This preview link no longer works').waitFor();
    await screenshot(readerPage, 'preview-link-revoked.png');
    await reader.close();
    await page.context().close();
  });
});

describe('framing previews', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(async () => {
    await t?.close();
  });

  it('lets the web app frame this origin’s pages, and lets only this origin frame a preview', async () => {
    const editor = await makeStaff(t, 'editor');
    const headers = await signIn(t, editor);
    const article = await makeArticle(t, { headline: 'Framed draft', status: 'draft' });
    const made = await t.app.inject({
      method: 'POST',
      url: `/admin/api/articles/${article.id}/preview-links`,
      headers,
      payload: {},
    });
    assert.equal(made.statusCode, 201);
    const shell = await t.app.inject({ url: `/admin/articles/${article.id}` });
    assert.match(String(shell.headers['content-security-policy']), /frame-src 'self' https:;/);
    assert.match(String(shell.headers['content-security-policy']), /frame-ancestors 'self'/);
    const preview = await t.app.inject({ url: new URL(made.json<{ url: string }>().url).pathname });
    assert.equal(preview.statusCode, 200);
    assert.match(String(preview.headers['content-security-policy']), /frame-ancestors 'self'/);
    assert.equal(preview.headers['x-frame-options'], 'SAMEORIGIN');
    const home = await t.app.inject({ url: '/' });
    assert.doesNotMatch(String(home.headers['content-security-policy']), /frame-src 'self'/, 'reader pages unchanged');
  });
});
