import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { axeViolations, screenshot, skipWithoutChromium } from '../../../testing/browser.ts';
import { makeArticle, makeTag, pngBytes } from '../../../testing/factories.ts';
import { tabTo, waitForFocus, webAppSuite } from '../../../testing/web-app.ts';

describe('sections, tags, labels and authors in a real browser', { skip: skipWithoutChromium }, () => {
  const web = webAppSuite('editor');

  it('creates a section from the keyboard, says what is wrong with a slug next to it, and renames it with its old addresses redirecting', async () => {
    const { context, page } = await web.open('/admin/sections', 'Sections');
    assert.deepEqual(await axeViolations(page), [], 'sections screen');
    // The keyboard starts at the heading; the new section's name is the next stop.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'new-sections-name');
    await page.keyboard.type('City Hall');
    await page.keyboard.press('Tab');
    await page.keyboard.type('tag');
    await page.keyboard.press('Enter');
    const slugError = page.locator('#new-sections-slug-error');
    await slugError.waitFor();
    assert.equal(await slugError.textContent(), 'That slug is reserved for Gaceta’s own pages: choose another.');
    assert.equal(
      await page.evaluate(() => document.activeElement?.id),
      'new-sections-slug',
      'the keyboard is at the field at fault',
    );
    assert.equal(await page.getByLabel('Name').inputValue(), 'City Hall', 'nothing typed is lost');
    await screenshot(page, 'sections-refused-slug.png');

    await page.keyboard.press('Control+A');
    await page.keyboard.type('City Hall!');
    await page.keyboard.press('Enter');
    await page.getByText('Use lowercase letters, digits and single hyphens, such as city-hall.').waitFor();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: '“City Hall” was created.' }).waitFor();
    const row = page.getByRole('row', { name: /City Hall/ });
    assert.match((await row.textContent()) ?? '', /\/city-hall/);

    const section = await web.t.database.handle.db
      .selectFrom('sections')
      .selectAll()
      .where('slug', '=', 'city-hall')
      .executeTakeFirstOrThrow();
    const story = await makeArticle(web.t, { headline: 'The council meets', sectionId: section.id });

    await tabTo(page, page.getByRole('button', { name: 'Edit City Hall' }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Edit City Hall' }).waitFor();
    await waitForFocus(page, '#edit-sections-heading');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Town Hall');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('town-hall');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: '“Town Hall” was saved.' }).waitFor();
    await waitForFocus(page, `[data-edit-id="${section.id}"]`); // the keyboard is back at the row
    await screenshot(page, 'sections-renamed.png');

    const reader = await context.newPage();
    await reader.goto(`${web.base}/city-hall`);
    assert.equal(new URL(reader.url()).pathname, '/town-hall', 'the old section address redirects');
    assert.equal(await reader.locator('h1').textContent(), 'Town Hall');
    assert.match(
      (await reader.locator('header nav').textContent()) ?? '',
      /Town Hall/,
      'the navigation says the new name',
    );
    await reader.goto(`${web.base}/city-hall/${story.slug}`);
    assert.equal(new URL(reader.url()).pathname, `/town-hall/${story.slug}`, 'its stories follow');
    await context.close();
  });

  it('deletes a tag only after asking, and Escape asks nothing more', async () => {
    await makeTag(web.t.database.handle.db, 'Drought');
    const { context, page } = await web.open('/admin/tags', 'Tags');
    await tabTo(page, page.getByRole('button', { name: 'Delete Drought' }));
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Delete “Drought”?' });
    await dialog.waitFor();
    assert.deepEqual(await axeViolations(page), [], 'confirm dialog');
    await screenshot(page, 'tags-confirm-delete.png');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    assert.equal(
      await page.evaluate(() => document.activeElement?.textContent),
      'Delete Drought',
      'the keyboard is back',
    );
    assert.ok(
      await web.t.database.handle.db.selectFrom('tags').select('id').where('slug', '=', 'drought').executeTakeFirst(),
    );

    await page.keyboard.press('Enter');
    await dialog.waitFor();
    assert.equal(
      await page.evaluate(() => document.activeElement?.textContent),
      'Cancel',
      'Cancel has the keyboard first',
    );
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: '“Drought” was deleted.' }).waitFor();
    assert.equal(
      await web.t.database.handle.db.selectFrom('tags').select('id').where('slug', '=', 'drought').executeTakeFirst(),
      undefined,
    );
    await context.close();
  });

  it('gives an author a bio, a photo uploaded from the picker and links, all of which readers see (escaped)', async () => {
    const { context, page } = await web.open('/admin/authors', 'Authors');
    await page.getByLabel('Name').fill('Ana Ruiz');
    await page.getByLabel('Bio').fill('Ana covers water <script>alert(1)</script> & the valley.');
    await page.getByRole('button', { name: 'Add a link' }).click();
    await page.getByLabel('Link 1: address').fill('not an address');
    await page.getByRole('button', { name: 'Add a link' }).click();
    await page.getByLabel('Link 2: kind').selectOption('x');
    await page.getByLabel('Link 2: address').fill('https://x.com/anaruiz');

    await page.getByRole('button', { name: 'Choose a photo' }).click();
    const picker = page.getByRole('dialog', { name: 'Choose an image from the library' });
    await picker.waitFor();
    const photo = path.join(web.t.database.dataDir, 'ana.png');
    fs.writeFileSync(photo, await pngBytes(600, 600, '#884422'));
    await picker.getByLabel('Choose images to upload').setInputFiles(photo);
    await picker.getByRole('status').filter({ hasText: 'Selected: ana.png' }).waitFor();
    assert.deepEqual(await axeViolations(page), [], 'image picker');
    await screenshot(page, 'authors-image-picker.png');
    await picker.getByRole('button', { name: 'Use this image' }).click();
    await picker.waitFor({ state: 'detached' });
    await waitForFocus(page, '.photo-field button.secondary'); // back at the picker's button, now "Change the photo"
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Change the photo');

    await page.getByRole('button', { name: 'Create' }).click();
    const linkError = page.locator('#link-0-url-error');
    await linkError.waitFor();
    assert.equal(await linkError.textContent(), 'Write the whole address, starting with https://');
    assert.equal(
      await page.getByLabel('Link 2: address').inputValue(),
      'https://x.com/anaruiz',
      'nothing typed is lost',
    );
    assert.equal(await page.getByLabel('Bio').inputValue(), 'Ana covers water <script>alert(1)</script> & the valley.');
    await screenshot(page, 'authors-refused-link.png');
    await page.getByLabel('Link 1: address').fill('https://anaruiz.example');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('status').filter({ hasText: '“Ana Ruiz” was created.' }).waitFor();
    assert.deepEqual(await axeViolations(page), [], 'authors screen');

    const author = await web.t.database.handle.db
      .selectFrom('authors')
      .selectAll()
      .where('slug', '=', 'ana-ruiz')
      .executeTakeFirstOrThrow();
    await makeArticle(web.t, { headline: 'Wells run dry', authorIds: [author.id] });
    const reader = await context.newPage();
    const dialogs: string[] = [];
    reader.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await reader.goto(`${web.base}/author/ana-ruiz`);
    assert.equal(await reader.locator('h1').textContent(), 'Ana Ruiz');
    assert.equal(
      await reader.locator('.archive-header .dek').textContent(),
      'Ana covers water <script>alert(1)</script> & the valley.',
    );
    assert.deepEqual(dialogs, [], 'the bio is text, not script');
    assert.equal(await reader.getByRole('img', { name: 'Photo of Ana Ruiz' }).count(), 1);
    const links = reader.getByRole('navigation', { name: 'Elsewhere' }).getByRole('link');
    assert.deepEqual(await links.allTextContents(), ['Website', 'X']);
    assert.equal(await links.first().getAttribute('href'), 'https://anaruiz.example/');
    await screenshot(reader, 'author-page-profile.png');
    await context.close();
  });
});
