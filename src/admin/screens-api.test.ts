import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'node-html-parser';
import { newId, nowIso } from '../db/ids.ts';
import { insertPage } from '../content/pages.service.ts';
import { createApiKey, revokeApiKey, type StaffActor } from '../staff/staff.service.ts';
import {
  makeArticle,
  makeAuthor,
  makeImage,
  makeSection,
  makeStaff,
  makeTag,
  paragraphs,
  pngBytes,
  signIn,
} from '../testing/factories.ts';
import { startTestApp, TEST_DIALECT, type TestApp } from '../testing/harness.ts';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** The admin API the newsroom's screens added or changed (issue 13), on SQLite and PostgreSQL. */
describe(`admin API for the newsroom's screens on ${TEST_DIALECT}`, () => {
  let t: TestApp;
  let editor: StaffActor;
  let headers: Record<string, string>;
  let adminHeaders: Record<string, string>;

  const api = (method: Method, url: string, payload?: unknown, as = headers) =>
    t.app.inject({
      method,
      url: `/admin/api${url}`,
      headers: as,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const db = () => t.database.handle.db;

  function upload(
    file: Buffer,
    filename: string,
  ): Promise<{ statusCode: number; json: () => { id: string; fileName: string } }> {
    const boundary = '----gaceta-screens-boundary';
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: image/png\r\n\r\n`,
      ),
      file,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return t.app.inject({
      method: 'POST',
      url: '/admin/api/media/images',
      payload,
      headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
  }

  before(async () => {
    t = await startTestApp();
    editor = await makeStaff(t, 'editor');
    headers = await signIn(t, editor);
    adminHeaders = await signIn(t, await makeStaff(t, 'admin'));
  });
  after(() => t.close());

  describe('media library', () => {
    it('keeps the uploaded file’s own name (no folder) and lists images newest first, a page at a time', async () => {
      const uploaded = await upload(await pngBytes(200, 100), 'C:\\fakepath\\Market day.png');
      assert.equal(uploaded.statusCode, 201);
      assert.equal(uploaded.json().fileName, 'Market day.png');
      for (let i = 0; i < 3; i++) await makeImage(t, { alt: `Filler ${i}` });
      const first = (await api('GET', '/media/images?limit=2')).json();
      assert.equal(first.total, 4);
      assert.deepEqual(
        first.images.map((image: { alt: string }) => image.alt),
        ['Filler 2', 'Filler 1'],
      );
      assert.equal(first.uploadLimitBytes, t.config.uploadLimitBytes);
      const second = (await api('GET', '/media/images?limit=2&offset=2')).json();
      assert.deepEqual(
        second.images.map((image: { fileName: string; alt: string }) => image.fileName || image.alt),
        ['Filler 0', 'Market day.png'],
      );
      assert.equal((await api('GET', '/media/images?limit=0')).statusCode, 400);
    });

    it('searches file names, alt text, captions and credits in any case, % and _ being letters', async () => {
      await makeImage(t, { alt: 'Herons on the lagoon', caption: 'Dawn', credit: 'Photo: Luis Pérez' });
      await makeImage(t, { alt: 'Turnout 100%', caption: '', credit: '' });
      await makeImage(t, { alt: 'Turnout 1000', caption: '', credit: '' });
      const found = async (q: string) =>
        ((await api('GET', `/media/images?q=${encodeURIComponent(q)}`)).json().images as Array<{ alt: string }>).map(
          (i) => i.alt,
        );
      assert.deepEqual(await found('LAGOON'), ['Herons on the lagoon']);
      assert.deepEqual(await found('dawn'), ['Herons on the lagoon']);
      assert.deepEqual(await found('luis p'), ['Herons on the lagoon']);
      assert.deepEqual(await found('market DAY'), ['']);
      assert.deepEqual(await found('100%'), ['Turnout 100%']);
      assert.equal((await api('GET', '/media/images?q=lagoon')).json().total, 1);
    });

    it('says where an image is used: feature images, image blocks of articles and pages, author photos, the logo', async () => {
      const image = await makeImage(t, { alt: 'A flooded road' });
      const feature = await makeArticle(t, {
        headline: 'Roads closed',
        featureImage: { id: image.id, alt: 'x', caption: '', credit: '' },
      });
      const inBody = await makeArticle(t, {
        headline: 'The flood in pictures',
        status: 'draft',
        body: { type: 'doc', version: 1, content: [{ type: 'image', imageId: image.id }] },
      });
      // Its id in the text of a paragraph is not a use.
      await makeArticle(t, { headline: 'Mentions the id', body: paragraphs(`See ${image.id}`) });
      const pageId = newId();
      await insertPage(db(), {
        id: pageId,
        slug: 'flood-archive',
        title: 'Flood archive',
        body: { type: 'doc', version: 1, content: [{ type: 'image', imageId: image.id, caption: 'The road' }] },
        status: 'draft',
        at: nowIso(),
      });
      const author = await makeAuthor(db(), 'Rosa Vega');
      assert.equal((await api('PATCH', `/authors/${author.id}`, { photoImageId: image.id })).statusCode, 200);
      assert.equal((await api('PATCH', '/settings', { logoImageId: image.id }, adminHeaders)).statusCode, 200);

      const uses = (await api('GET', `/media/images/${image.id}/uses`)).json().uses;
      assert.deepEqual(
        uses.map((use: { kind: string; id: string; as: string; title: string }) => [use.kind, use.as, use.title]),
        [
          ['article', 'feature', 'Roads closed'],
          ['article', 'body', 'The flood in pictures'],
          ['page', 'body', 'Flood archive'],
          ['author', 'photo', 'Rosa Vega'],
          ['settings', 'logo', 'Site logo'],
        ],
      );
      assert.deepEqual(
        uses.slice(0, 3).map((use: { id: string }) => use.id),
        [feature.id, inBody.id, pageId],
      );
      assert.equal((await api('GET', `/media/images/${newId()}/uses`)).statusCode, 404);

      const refused = await api('DELETE', `/media/images/${image.id}`);
      assert.equal(refused.statusCode, 409);
      assert.equal(refused.json().error.code, 'IMAGE_IN_USE');
      assert.equal(refused.json().error.fields.length, 5);
      assert.match(refused.json().error.message, /used 5 times/);
      assert.equal((await api('GET', `/media/images/${image.id}`)).statusCode, 200, 'it is still there');
      await api('PATCH', '/settings', { logoImageId: null }, adminHeaders);
    });

    it('deletes an image nothing uses, with its files; an uploader may delete their own, not another’s', async () => {
      const contributor = await makeStaff(t, 'contributor');
      const contributorHeaders = await signIn(t, contributor);
      const image = await makeImage(t, { alt: 'Outtake' });
      const forbidden = await api('DELETE', `/media/images/${image.id}`, undefined, contributorHeaders);
      assert.equal(forbidden.statusCode, 403);
      const files = path.join(t.config.mediaDir, 'images', image.id);
      assert.ok(fs.readdirSync(files).length > 1);
      assert.equal((await api('DELETE', `/media/images/${image.id}`)).statusCode, 204);
      assert.deepEqual(fs.readdirSync(files), [], 'the original and every rendition are gone');
      assert.equal((await api('GET', `/media/images/${image.id}`)).statusCode, 404);
      assert.equal((await api('DELETE', `/media/images/${image.id}`)).statusCode, 404);
    });
  });

  describe('authors, sections and tags', () => {
    it('gives an author a photo and links, checks both, and shows them on the author page, escaped', async () => {
      const photo = await makeImage(t, { alt: 'Portrait' });
      const created = await api('POST', '/authors', {
        name: 'Ana "Quotes" Ruiz',
        bio: 'Covers <water>.',
        photoImageId: photo.id,
        links: [
          { kind: 'website', url: ' https://ana.example ' },
          { kind: 'x', url: 'https://x.com/ana?ref="me"' },
        ],
      });
      assert.equal(created.statusCode, 201, created.body);
      const author = created.json();
      assert.equal(author.photoImageId, photo.id);
      assert.deepEqual(author.links, [
        { kind: 'website', url: 'https://ana.example/' },
        { kind: 'x', url: 'https://x.com/ana?ref=%22me%22' },
      ]);
      const listed = (await api('GET', '/authors')).json().authors.find((a: { id: string }) => a.id === author.id);
      assert.deepEqual(listed.links, author.links);

      const badLink = await api('PATCH', `/authors/${author.id}`, {
        links: [{ kind: 'website', url: 'javascript:alert(1)' }],
      });
      assert.equal(badLink.statusCode, 400);
      assert.deepEqual(
        badLink.json().error.fields.map((f: { field: string }) => f.field),
        ['links/0/url'],
      );
      const badKind = await api('PATCH', `/authors/${author.id}`, {
        links: [{ kind: 'myspace', url: 'https://m.example' }],
      });
      assert.equal(badKind.statusCode, 400);
      const badPhoto = await api('PATCH', `/authors/${author.id}`, { photoImageId: newId() });
      assert.deepEqual(
        badPhoto.json().error.fields.map((f: { field: string }) => f.field),
        ['photoImageId'],
      );

      const page = await t.app.inject(`/author/${author.slug}`);
      const html = parse(page.body);
      assert.equal(html.querySelector('.archive-header .dek')?.textContent, 'Covers <water>.');
      assert.equal(html.querySelector('.author-photo img')?.getAttribute('alt'), 'Photo of Ana "Quotes" Ruiz');
      assert.deepEqual(
        html
          .querySelectorAll('.author-links a')
          .map((a) => [a.textContent, a.getAttribute('href'), a.getAttribute('rel')]),
        [
          ['Website', 'https://ana.example/', 'me noopener'],
          ['X', 'https://x.com/ana?ref=%22me%22', 'me noopener'],
        ],
      );

      assert.equal((await api('PATCH', `/authors/${author.id}`, { photoImageId: null, links: [] })).statusCode, 200);
      const plain = parse((await t.app.inject(`/author/${author.slug}`)).body);
      assert.equal(plain.querySelector('.author-photo'), null);
      assert.equal(plain.querySelector('.author-links'), null);
    });

    it('keeps a renamed section’s, tag’s and author’s old archive and feed addresses as 301s', async () => {
      const section = await makeSection(db(), 'City Hall');
      const story = await makeArticle(t, { headline: 'Council meets', sectionId: section.id });
      const tag = await makeTag(db(), 'Drought');
      const author = await makeAuthor(db(), 'Old Byline');
      for (const [table, id, slug] of [
        ['sections', section.id, 'town-hall'],
        ['tags', tag.id, 'water-shortage'],
        ['authors', author.id, 'new-byline'],
      ] as const)
        assert.equal((await api('PATCH', `/${table}/${id}`, { slug })).statusCode, 200);
      const moves: Array<[string, string]> = [
        ['/city-hall', '/town-hall'],
        ['/city-hall/feed.xml', '/town-hall/feed.xml'],
        ['/tag/drought', '/tag/water-shortage'],
        ['/tag/drought/feed.xml', '/tag/water-shortage/feed.xml'],
        ['/author/old-byline', '/author/new-byline'],
        [`/city-hall/${story.slug}`, `/town-hall/${story.slug}`],
      ];
      for (const [from, to] of moves) {
        const response = await t.app.inject(from);
        assert.equal(response.statusCode, 301, from);
        assert.equal(response.headers.location, to, from);
      }
      assert.equal((await t.app.inject('/town-hall')).statusCode, 200);
      // Renamed back: the old address answers again, and no redirect loops.
      assert.equal((await api('PATCH', `/sections/${section.id}`, { slug: 'city-hall' })).statusCode, 200);
      assert.equal((await t.app.inject('/city-hall')).statusCode, 200);
      assert.equal((await t.app.inject('/town-hall')).headers.location, '/city-hall');
    });
  });

  describe('site settings', () => {
    it('refuses an accent colour that fails WCAG AA on white, and stores a readable one, in lower case', async () => {
      const light = await api('PATCH', '/settings', { accentColor: '#FFCC00', title: 'Changed too' }, adminHeaders);
      assert.equal(light.statusCode, 400);
      assert.deepEqual(
        light.json().error.fields.map((f: { field: string }) => f.field),
        ['accentColor'],
      );
      assert.match(
        light.json().error.fields[0].message,
        /contrast of 1\.\d\d:1 against white; text needs at least 4\.5:1/,
      );
      assert.equal((await api('GET', '/settings')).json().title, 'Gaceta', 'nothing was stored');
      assert.equal((await api('PATCH', '/settings', { accentColor: 'red' }, adminHeaders)).statusCode, 400);
      // #767676 is the lightest grey that passes (4.54:1); #777777 fails (4.48:1).
      assert.equal((await api('PATCH', '/settings', { accentColor: '#777777' }, adminHeaders)).statusCode, 400);
      const saved = await api('PATCH', '/settings', { accentColor: '#1D4ED8' }, adminHeaders);
      assert.equal(saved.statusCode, 200);
      assert.equal(saved.json().accentColor, '#1d4ed8');
      assert.equal((await api('PATCH', '/settings', { accentColor: '#767676' }, adminHeaders)).statusCode, 200);
      assert.equal(
        (await api('PATCH', '/settings', { accentColor: '#1d4ed8' }, headers)).statusCode,
        403,
        'editors may not',
      );
    });

    it('puts the accent colour in the stylesheet reader pages link to, and the logo in the masthead', async () => {
      await api('PATCH', '/settings', { accentColor: '#1d4ed8' }, adminHeaders);
      const home = parse((await t.app.inject('/')).body);
      const href = home.querySelector('link[rel="stylesheet"]')?.getAttribute('href') ?? '';
      assert.match(href, /^\/assets\/site\/[0-9a-f]{10}-1d4ed8\.css$/);
      const stylesheet = await t.app.inject(href);
      assert.equal(stylesheet.statusCode, 200);
      assert.match(stylesheet.body, /--accent:#1d4ed8;/);
      assert.match(String(stylesheet.headers['cache-control']), /immutable/);
      assert.equal((await t.app.inject(href.replace(/[0-9a-f]{10}-/, '0000000000-'))).statusCode, 404);
      assert.equal((await t.app.inject('/assets/site/nonsense.css')).statusCode, 404);

      const logo = await makeImage(t, { alt: 'not used as alt' });
      assert.equal((await api('PATCH', '/settings', { logoImageId: newId() }, adminHeaders)).statusCode, 400);
      assert.equal((await api('PATCH', '/settings', { logoImageId: logo.id }, adminHeaders)).statusCode, 200);
      const masthead = parse((await t.app.inject('/')).body).querySelector('.site-title a');
      assert.equal(masthead?.querySelector('img')?.getAttribute('alt'), 'Gaceta', 'the logo is named by the site');
      assert.match(masthead?.querySelector('img')?.getAttribute('src') ?? '', new RegExp(`/media/images/${logo.id}/`));
      await api('PATCH', '/settings', { logoImageId: null }, adminHeaders);
      assert.equal(parse((await t.app.inject('/')).body).querySelector('.site-title a')?.textContent, 'Gaceta');
    });
  });

  it('reads one static page with its body', async () => {
    const id = newId();
    await insertPage(db(), {
      id,
      slug: 'about',
      title: 'About',
      body: paragraphs('Who we are.'),
      status: 'draft',
      at: nowIso(),
    });
    const page = (await api('GET', `/pages/${id}`)).json();
    assert.equal(page.title, 'About');
    assert.equal(page.status, 'draft');
    assert.deepEqual(page.body, paragraphs('Who we are.'));
    assert.equal((await api('GET', `/pages/${newId()}`)).statusCode, 404);
  });

  it('saves a page on the version it was read at and refuses a save on one someone has changed since', async () => {
    const created = (await api('POST', '/pages', { title: 'Corrections policy' })).json();
    assert.equal(created.version, 1);
    const first = await api('PATCH', `/pages/${created.id}`, { body: paragraphs('We correct.'), baseVersion: 1 });
    assert.equal(first.statusCode, 200);
    assert.equal(first.json().version, 2);
    const stale = await api('PATCH', `/pages/${created.id}`, { body: paragraphs('Overwritten?'), baseVersion: 1 });
    assert.equal(stale.statusCode, 409);
    assert.equal(stale.json().error.code, 'PAGE_CHANGED');
    assert.equal(stale.json().error.details.version, 2);
    const page = (await api('GET', `/pages/${created.id}`)).json();
    assert.deepEqual(page.body, paragraphs('We correct.'), 'nothing of the refused save was written');
    assert.equal(page.version, 2);
    const script = await api('PATCH', `/pages/${created.id}`, { title: 'Corrections' });
    assert.equal(script.json().version, 3, 'a change without baseVersion applies to whatever is current');
  });

  it('takes the images, related stories and embeds the editor writes on a page, and refuses ids that do not exist', async () => {
    const image = await makeImage(t);
    const story = await makeArticle(t);
    const id = (await api('POST', '/pages', { title: 'Our work' })).json().id;
    const body = {
      type: 'doc',
      version: 2,
      content: [
        { type: 'image', imageId: image.id, alt: 'The newsroom', caption: 'Where we work' },
        { type: 'related', articleId: story.id },
        { type: 'embed', html: '<iframe src="https://www.youtube.com/embed/abc"></iframe><script>alert(1)</script>' },
      ],
    };
    const saved = await api('PATCH', `/pages/${id}`, { body, status: 'published' });
    assert.equal(saved.statusCode, 200);
    const stored = (await api('GET', `/pages/${id}`)).json().body;
    assert.deepEqual(stored.content.slice(0, 2), body.content.slice(0, 2));
    assert.doesNotMatch(stored.content[2].html, /script/, 'embeds are sanitized');
    assert.match(stored.content[2].html, /youtube\.com\/embed\/abc/);

    const unknown = await api('PATCH', `/pages/${id}`, {
      body: { ...body, content: [...body.content, { type: 'image', imageId: newId() }] },
    });
    assert.equal(unknown.statusCode, 400);
    assert.equal(unknown.json().error.code, 'VALIDATION_FAILED');
    assert.match(unknown.json().error.fields[0].field, /^body/);
  });

  it('lists my API keys in use, newest first, never their secrets', async () => {
    const first = await createApiKey(db(), editor, 'Importer');
    const second = await createApiKey(db(), editor, 'Newsletter');
    const revoked = await createApiKey(db(), editor, 'Old script');
    await revokeApiKey(db(), editor, revoked.id);
    const keys = (await api('GET', '/api-keys')).json().apiKeys;
    assert.deepEqual(
      keys.map((key: { id: string; name: string }) => [key.id, key.name]),
      [
        [second.id, 'Newsletter'],
        [first.id, 'Importer'],
      ],
    );
    assert.deepEqual(Object.keys(keys[0]).sort(), ['createdAt', 'id', 'lastUsedAt', 'name']);
  });
});
