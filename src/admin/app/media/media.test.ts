import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import sharp from 'sharp';
import { writeSettings } from '../../../settings/settings.ts';
import { axeViolations, screenshot, skipWithoutChromium } from '../../../testing/browser.ts';
import { makeArticle, makeImage, pngBytes } from '../../../testing/factories.ts';
import { tabTo, webAppSuite } from '../../../testing/web-app.ts';

const LIMIT = 300 * 1024;

describe('the media library in a real browser', { skip: skipWithoutChromium }, () => {
  const web = webAppSuite('editor', { uploadLimitBytes: LIMIT });
  let files: string;

  before(async () => {
    files = fs.mkdtempSync(path.join(web.t.database.dataDir, 'uploads-'));
  });

  const file = async (name: string, bytes: Buffer | string): Promise<string> => {
    const at = path.join(files, name);
    fs.writeFileSync(at, bytes);
    return at;
  };

  it('uploads with the file picker, shows progress, and takes alt text, caption and credit from the keyboard', async () => {
    const { context, page } = await web.open('/admin/media', 'Media library');
    await page.getByText('No images yet. Upload the first one above.').waitFor();
    assert.deepEqual(await axeViolations(page), [], 'empty library');
    await screenshot(page, 'media-empty.png');

    await page
      .getByLabel('Choose images to upload')
      .setInputFiles(await file('plaza-at-dawn.png', await pngBytes(1200, 800, '#336699')));
    await page.getByRole('status').filter({ hasText: 'Uploaded plaza-at-dawn.png.' }).waitFor();
    const details = page.getByRole('region', { name: /Image details: plaza-at-dawn.png/ });
    await details.waitFor();
    assert.equal(
      await page.evaluate(() => document.activeElement?.id),
      'image-details-heading',
      'the keyboard is at the new image',
    );

    await page.keyboard.press('Tab');
    await page.keyboard.type('The plaza at dawn, empty but for pigeons');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Morning in the main plaza');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Photo: Ana Ruiz');
    await page.keyboard.press('Enter');
    await details.getByText('Saved.').waitFor();
    const stored = await web.t.database.handle.db.selectFrom('images').selectAll().executeTakeFirstOrThrow();
    assert.equal(stored.alt, 'The plaza at dawn, empty but for pigeons');
    assert.equal(stored.caption, 'Morning in the main plaza');
    assert.equal(stored.credit, 'Photo: Ana Ruiz');
    assert.equal(stored.file_name, 'plaza-at-dawn.png');
    assert.deepEqual(await axeViolations(page), [], 'library with details');
    await screenshot(page, 'media-details.png');
    await context.close();
  });

  it('refuses what is not an image, or is too large, before or after sending it, naming the file', async () => {
    const { context, page } = await web.open('/admin/media', 'Media library');
    const picker = page.getByLabel('Choose images to upload');
    await picker.setInputFiles(await file('notes.txt', 'Meeting notes, not a picture'));
    await page.getByRole('alert').filter({ hasText: 'notes.txt is not an image Gaceta takes' }).waitFor();
    // A file that claims to be a PNG gets past the browser; the server refuses it, in the same words.
    await picker.setInputFiles({ name: 'fake.png', mimeType: 'image/png', buffer: Buffer.from('not really a PNG') });
    await page
      .getByRole('alert')
      .filter({ hasText: 'fake.png is not an image Gaceta takes: upload a JPEG, PNG, WebP, GIF or AVIF file.' })
      .waitFor();
    const huge = await sharp({ create: { width: 1500, height: 1500, channels: 3, background: '#ffffff' } })
      .png({ compressionLevel: 0 })
      .toBuffer();
    assert.ok(huge.length > LIMIT);
    await picker.setInputFiles(await file('scan.png', huge));
    await page
      .getByRole('alert')
      .filter({ hasText: 'scan.png is larger than 300 KB: export it smaller and upload it again.' })
      .waitFor();
    assert.deepEqual(await axeViolations(page), [], 'refusals');
    await screenshot(page, 'media-refused.png');
    assert.equal(
      Number(
        (
          await web.t.database.handle.db
            .selectFrom('images')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
      1,
      'only the first test’s image is stored',
    );
    await context.close();
  });

  it('uploads what is dropped on it', async () => {
    const { context, page } = await web.open('/admin/media', 'Media library');
    const bytes = [...(await pngBytes(640, 480, '#228844'))];
    const dropped = await page.evaluateHandle((data) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(data)], 'river.png', { type: 'image/png' }));
      return transfer;
    }, bytes);
    await page.locator('.upload-zone').dispatchEvent('drop', { dataTransfer: dropped });
    await page.getByRole('status').filter({ hasText: 'Uploaded river.png.' }).waitFor();
    assert.ok(
      await web.t.database.handle.db
        .selectFrom('images')
        .select('id')
        .where('file_name', '=', 'river.png')
        .executeTakeFirst(),
    );
    await context.close();
  });

  it('searches by file name, alt text, caption or credit, a page at a time', async () => {
    for (let i = 1; i <= 26; i++) await makeImage(web.t, { alt: `Archive picture ${i}`, caption: '', credit: '' });
    await makeImage(web.t, { alt: 'A heron', caption: 'Birds of the lagoon', credit: 'Photo: Luis Pérez' });
    const { context, page } = await web.open('/admin/media', 'Media library');
    await page.getByText('29 images').waitFor(); // with the two uploaded above
    const names = () => page.getByRole('list', { name: 'Images' }).locator('.name').allTextContents();
    assert.equal((await names()).length, 24, 'a page holds 24');
    assert.equal((await names())[0], 'A heron', 'newest first');
    await tabTo(page, page.getByRole('button', { name: 'Next page' }));
    await page.keyboard.press('Enter');
    await page.getByText('Page 2 of 2').waitFor();
    await page.waitForFunction(() => document.querySelectorAll('.media-grid li').length === 5);
    await page.keyboard.press('Enter');
    assert.equal(await page.getByText('Page 2 of 2').count(), 1, 'the last page goes no further');

    for (const [words, expected] of [
      ['lagoon', ['A heron']],
      ['LUIS P', ['A heron']],
      ['plaza-at', ['plaza-at-dawn.png']],
      ['100%', []],
    ] as const) {
      await page.getByLabel('Search images').fill(words);
      await page.keyboard.press('Enter');
      // The answer to this search, not the one before it: the grid shows exactly these names.
      await page.waitForFunction(
        (want) => [...document.querySelectorAll('.media-grid .name')].map((n) => n.textContent).join('|') === want,
        expected.join('|'),
      );
      if (!expected.length) await page.getByText(`No image matches “${words}”.`).waitFor();
    }
    await context.close();
  });

  it('shows where an image is used and deletes only one that nothing uses', async () => {
    const used = await makeImage(web.t, { alt: 'A flooded road', caption: '', credit: '' });
    await makeArticle(web.t, {
      headline: 'Roads closed by the flood',
      featureImage: { id: used.id, alt: 'A flooded road', caption: '', credit: '' },
    });
    const unused = await makeImage(web.t, { alt: 'An outtake', caption: '', credit: '' });
    const { context, page } = await web.open('/admin/media', 'Media library');
    await page.getByLabel('Search images').fill('flooded');
    await page.keyboard.press('Enter');
    await page.getByText('1 image').waitFor();
    await page.getByRole('button', { name: /A flooded road/ }).click();
    const details = page.getByRole('region', { name: /Image details/ });
    await details.getByText('Article, as its feature image:').waitFor();
    assert.equal(await details.getByRole('link', { name: 'Roads closed by the flood' }).count(), 1);
    await details.getByRole('button', { name: 'Delete image' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await details.getByRole('alert').filter({ hasText: 'This image is in use, so it was not deleted.' }).waitFor();
    assert.ok(
      await web.t.database.handle.db.selectFrom('images').select('id').where('id', '=', used.id).executeTakeFirst(),
    );
    await screenshot(page, 'media-in-use.png');

    await page.getByLabel('Search images').fill('outtake');
    await page.keyboard.press('Enter');
    await page.getByText('1 image').waitFor();
    await tabTo(page, page.getByRole('button', { name: /An outtake/ }));
    await page.keyboard.press('Enter');
    await details.getByText('Not used anywhere, so it can be deleted.').waitFor();
    await tabTo(page, details.getByRole('button', { name: 'Delete image' }));
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: /Delete An outtake\?/ }).waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Deleted An outtake.' }).waitFor();
    assert.equal(
      await web.t.database.handle.db.selectFrom('images').select('id').where('id', '=', unused.id).executeTakeFirst(),
      undefined,
    );
    assert.equal(
      (await web.t.app.inject(`/media/images/${unused.id}/320.webp`)).statusCode,
      404,
      'its files are gone too',
    );
    await context.close();
  });

  it('speaks Spanish when the site does, refusals included', async () => {
    await writeSettings(web.t.database.handle.db, { locale: 'es' });
    try {
      const { context, page } = await web.open('/admin/media', 'Biblioteca de medios');
      await page.getByLabel('Elige imágenes para subir').setInputFiles(await file('acta.txt', 'texto'));
      await page.getByRole('alert').filter({ hasText: 'acta.txt no es una imagen que Gaceta acepte' }).waitFor();
      assert.deepEqual(await axeViolations(page), [], 'media library in Spanish');
      await screenshot(page, 'media-es.png');
      await context.close();
    } finally {
      await writeSettings(web.t.database.handle.db, { locale: 'en' });
    }
  });
});
