import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'node-html-parser';
import sharp from 'sharp';
import { startTestApp, type TestApp } from '../testing/harness.ts';
import { makeArticle, makeSection, makeStaff, signIn } from '../testing/factories.ts';

interface IconLinks {
  ico: string;
  svg: string;
  appleTouch: string;
  manifest: string;
  themeColor: string;
}
const links = (body: string): IconLinks => {
  const head = parse(body).querySelector('head');
  return {
    ico: head?.querySelector('link[rel="icon"][sizes="32x32"]')?.getAttribute('href') ?? '',
    svg: head?.querySelector('link[rel="icon"][type="image/svg+xml"]')?.getAttribute('href') ?? '',
    appleTouch: head?.querySelector('link[rel="apple-touch-icon"]')?.getAttribute('href') ?? '',
    manifest: head?.querySelector('link[rel="manifest"]')?.getAttribute('href') ?? '',
    themeColor: head?.querySelector('meta[name="theme-color"]')?.getAttribute('content') ?? '',
  };
};

describe('favicon, touch icon and web manifest', () => {
  let t: TestApp;
  let articlePath: string;

  before(async () => {
    t = await startTestApp();
    const section = await makeSection(t.database.handle.db, 'Environment');
    const article = await makeArticle(t, { headline: 'Rain returns', sectionId: section.id });
    articlePath = `/environment/${article.slug}`;
  });
  after(() => t.close());

  it('are linked from every reader page and answer with what they claim to be', async () => {
    const home = links((await t.app.inject('/')).body);
    for (const path of [articlePath, '/environment', '/corrections', '/no-such-page']) {
      assert.deepEqual(links((await t.app.inject(path)).body), home, `${path} links the same icons`);
    }
    assert.equal(home.themeColor, '#a3141e');

    const svg = await t.app.inject(home.svg);
    assert.equal(svg.statusCode, 200);
    assert.equal(svg.headers['content-type'], 'image/svg+xml');
    assert.match(svg.body, /^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.match(svg.body, /fill="#a3141e"/);
    assert.match(svg.body, />G<\/text>/, 'the first letter of the site name');

    const touch = await t.app.inject(home.appleTouch);
    assert.equal(touch.headers['content-type'], 'image/png');
    const touchImage = await sharp(touch.rawPayload).metadata();
    assert.deepEqual([touchImage.format, touchImage.width, touchImage.height], ['png', 180, 180]);

    const ico = await t.app.inject(home.ico);
    assert.equal(ico.headers['content-type'], 'image/x-icon');
    const bytes = ico.rawPayload;
    assert.deepEqual([bytes.readUInt16LE(0), bytes.readUInt16LE(2), bytes.readUInt16LE(4)], [0, 1, 1], 'ICO header');
    const inner = await sharp(bytes.subarray(bytes.readUInt32LE(18))).metadata();
    assert.deepEqual([inner.format, inner.width, bytes.readUInt8(6)], ['png', 32, 32]);

    const manifest = await t.app.inject(home.manifest);
    assert.equal(manifest.headers['content-type'], 'application/manifest+json; charset=utf-8');
    const data = manifest.json();
    assert.equal(data.name, 'Gaceta');
    assert.equal(data.theme_color, '#a3141e');
    assert.equal(data.start_url, '/');
    for (const icon of data.icons as Array<{ src: string; sizes: string; type: string }>) {
      const response = await t.app.inject(icon.src);
      assert.equal(response.statusCode, 200, icon.src);
      assert.equal(response.headers['content-type'], icon.type);
      if (icon.type === 'image/png') {
        const { width, height } = await sharp(response.rawPayload).metadata();
        assert.equal(`${width}x${height}`, icon.sizes);
      }
    }
    // Browsers and crawlers that never read the page ask at the well-known addresses.
    for (const bare of ['/favicon.ico', '/apple-touch-icon.png'])
      assert.equal((await t.app.inject(bare)).statusCode, 200);
  });

  it('are cacheable: a year under their versioned address, revalidated by ETag', async () => {
    const home = links((await t.app.inject('/')).body);
    const versioned = await t.app.inject(home.svg);
    assert.equal(versioned.headers['cache-control'], 'public, max-age=31536000, immutable');
    const bare = await t.app.inject('/favicon.svg');
    assert.equal(bare.headers['cache-control'], 'public, max-age=3600, s-maxage=86400');
    const etag = String(versioned.headers.etag);
    const again = await t.app.inject({ url: home.svg, headers: { 'if-none-match': etag } });
    assert.equal(again.statusCode, 304);
  });

  it('follow the site name when an admin changes it: new icons under a new address', async () => {
    const before = links((await t.app.inject('/')).body);
    const admin = await signIn(t, await makeStaff(t, 'admin'));
    const changed = await t.app.inject({
      method: 'PATCH',
      url: '/admin/api/settings',
      headers: admin,
      payload: { title: 'Él Valle', description: 'Noticias del valle', locale: 'es' },
    });
    assert.equal(changed.statusCode, 200);
    const after = links((await t.app.inject(articlePath)).body);
    assert.notEqual(after.svg, before.svg, 'pages link the new version');
    assert.match((await t.app.inject(after.svg)).body, />É<\/text>/);
    const manifest = (await t.app.inject(after.manifest)).json();
    assert.deepEqual([manifest.name, manifest.description, manifest.lang], ['Él Valle', 'Noticias del valle', 'es']);
    const stale = await t.app.inject(before.svg);
    assert.match(stale.body, />É<\/text>/, 'an old address gets the current icon');
    assert.equal(stale.headers['cache-control'], 'public, max-age=3600, s-maxage=86400', 'but not for a year');
  });
});
