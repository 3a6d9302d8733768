import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { startTestApp, type TestApp } from '../testing/harness.ts';
import { makeArticle, makeStaff, pngBytes, signIn } from '../testing/factories.ts';

function multipart(
  file: Buffer,
  filename: string,
  type: string,
  fields: Record<string, string> = {},
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----gaceta-test-boundary';
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe('image uploads', () => {
  let t: TestApp;
  let auth: Record<string, string>;
  const upload = (body: { payload: Buffer; headers: Record<string, string> }) =>
    t.app.inject({
      method: 'POST',
      url: '/admin/api/media/images',
      payload: body.payload,
      headers: { ...auth, ...body.headers },
    });

  before(async () => {
    t = await startTestApp({ uploadLimitBytes: 200 * 1024 });
    auth = await signIn(t, await makeStaff(t, 'contributor'));
  });
  after(() => t.close());

  it('strips location metadata from what it serves', async () => {
    const tagged = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#888888' } })
      .jpeg()
      .withExif({ IFD0: { Artist: 'Source who must stay anonymous' } })
      .toBuffer();
    assert.ok((await sharp(tagged).metadata()).exif);
    const image = (await upload(multipart(tagged, 'source.jpg', 'image/jpeg'))).json();
    const served = await t.app.inject(`/media/images/${image.id}/320.jpg`);
    assert.equal((await sharp(served.rawPayload).metadata()).exif, undefined);
  });

  it('keeps the original and makes WebP and original-format renditions at several widths', async () => {
    const jpeg = await sharp({ create: { width: 1400, height: 800, channels: 3, background: '#225588' } })
      .jpeg()
      .toBuffer();
    const response = await upload(
      multipart(jpeg, 'plaza.jpg', 'image/jpeg', {
        alt: 'The main plaza',
        caption: 'Morning in the plaza',
        credit: 'Photo: Ana Ruiz',
      }),
    );
    assert.equal(response.statusCode, 201, response.body);
    const image = response.json();
    assert.deepEqual(image.widths, [320, 640, 960, 1280, 1400]);
    assert.equal(image.alt, 'The main plaza');
    assert.equal(image.width, 1400);
    const webp = await t.app.inject(`/media/images/${image.id}/640.webp`);
    assert.equal(webp.statusCode, 200);
    assert.equal(webp.headers['content-type'], 'image/webp');
    assert.match(String(webp.headers['cache-control']), /max-age=31536000, immutable/);
    assert.equal((await sharp(webp.rawPayload).metadata()).width, 640);
    assert.equal(
      (await t.app.inject(`/media/images/${image.id}/original.jpg`)).statusCode,
      404,
      'originals are kept but never served',
    );
    assert.equal(fs.readFileSync(path.join(t.config.mediaDir, 'images', image.id, 'original.jpg')).length, jpeg.length);
    const jpg = await t.app.inject(`/media/images/${image.id}/320.jpg`);
    assert.equal((await sharp(jpg.rawPayload).metadata()).format, 'jpeg');
    assert.equal((await t.app.inject(`/media/images/${image.id}/..%2F..%2Fgaceta.sqlite`)).statusCode, 404);
  });

  it('lets the uploader and editors correct alt text, caption and credit, and pages show the change', async () => {
    const image = (
      await upload(
        multipart(await pngBytes(640, 360), 'plaza.png', 'image/png', { alt: 'Plaza', credit: 'Photo: Wrong Name' }),
      )
    ).json();
    const article = await makeArticle(t, { headline: 'Plaza reopens', featureImage: { id: image.id } });
    assert.match((await t.app.inject(`/news/${article.slug}`)).body, /Photo: Wrong Name/);
    const patch = (headers: Record<string, string>, payload: object) =>
      t.app.inject({ method: 'PATCH', url: `/admin/api/media/images/${image.id}`, headers, payload });
    const other = await signIn(t, await makeStaff(t, 'contributor'));
    assert.equal(
      (await patch(other, { credit: 'Photo: Someone Else' })).statusCode,
      403,
      "another contributor's image",
    );
    const fixed = await patch(auth, { credit: 'Photo: Ana Ruiz' });
    assert.equal(fixed.statusCode, 200);
    assert.equal(fixed.json().credit, 'Photo: Ana Ruiz');
    const page = (await t.app.inject(`/news/${article.slug}`)).body;
    assert.match(page, /Photo: Ana Ruiz/);
    assert.doesNotMatch(page, /Wrong Name/);
    assert.equal((await patch(auth, { credit: 'x'.repeat(501) })).statusCode, 400);
  });

  it('refuses what is not an image with 415 and writes nothing', async () => {
    const before = filesUnder(t.config.mediaDir).length;
    const response = await upload(multipart(Buffer.from('<?php system($_GET["c"]); ?>'), 'photo.jpg', 'image/jpeg'));
    assert.equal(response.statusCode, 415);
    assert.match(response.json().error.message, /not an image/);
    assert.equal(filesUnder(t.config.mediaDir).length, before);
    const notMultipart = await t.app.inject({
      method: 'POST',
      url: '/admin/api/media/images',
      headers: { ...auth, 'content-type': 'application/json' },
      payload: { file: 'x' },
    });
    assert.equal(notMultipart.statusCode, 415);
  });

  it('refuses an image whose data is cut off with 422 and a message, and writes nothing', async () => {
    const before = filesUnder(t.config.mediaDir).length;
    const whole = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#2a6f97' } })
      .jpeg()
      .toBuffer();
    const cut = whole.subarray(0, Math.floor(whole.length / 3));
    const response = await upload(multipart(cut, 'cut.jpg', 'image/jpeg'));
    assert.equal(response.statusCode, 422);
    assert.match(response.json().error.message, /could not be read/);
    assert.equal(filesUnder(t.config.mediaDir).length, before);
  });

  it('refuses an upload over the limit with 413 and writes nothing', async () => {
    const before = filesUnder(t.config.mediaDir).length;
    const rowsBefore = await t.database.handle.db
      .selectFrom('images')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const big = await sharp({ create: { width: 2000, height: 2000, channels: 3, background: '#ffffff' } })
      .png({ compressionLevel: 0 })
      .toBuffer();
    assert.ok(big.length > 200 * 1024);
    const response = await upload(multipart(big, 'huge.png', 'image/png'));
    assert.equal(response.statusCode, 413);
    assert.equal(response.json().error.code, 'PAYLOAD_TOO_LARGE', 'a code the web app can say in words');
    assert.equal(filesUnder(t.config.mediaDir).length, before);
    const rowsAfter = await t.database.handle.db
      .selectFrom('images')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(rowsAfter.n), Number(rowsBefore.n));
    assert.equal(
      (await upload(multipart(await pngBytes(100, 100), 'ok.png', 'image/png'))).statusCode,
      201,
      'a small image still goes through',
    );
  });
});
