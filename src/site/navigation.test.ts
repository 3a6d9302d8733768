import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { parse } from 'node-html-parser';
import { insertPage } from '../content/pages.service.ts';
import { newId, nowIso } from '../db/ids.ts';
import { makeArticle, makeSection, makeStaff, paragraphs, signIn } from '../testing/factories.ts';
import { startTestApp, type TestApp } from '../testing/harness.ts';

type Headers = Record<string, string>;
interface Link {
  href: string | undefined;
  text: string;
  rel: string | undefined;
}

describe('header and footer navigation from the site settings', () => {
  let t: TestApp;
  let admin: Headers;
  let editor: Headers;
  let politics: { id: string; slug: string };
  let economy: { id: string; slug: string };
  let articlePath: string;
  const pages = { about: '', ethics: '', draft: '' };

  const api = (headers: Headers, method: 'GET' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url: `/admin/api${url}`,
      headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const links = (response: LightMyRequestResponse, where: 'header' | 'footer'): Link[] =>
    parse(response.body)
      .querySelectorAll(`${where} nav a`)
      .map((a) => ({ href: a.getAttribute('href'), text: a.text, rel: a.getAttribute('rel') }));
  const hrefs = (response: LightMyRequestResponse, where: 'header' | 'footer'): Array<string | undefined> =>
    links(response, where).map((link) => link.href);
  const page = async (slug: string, title: string, status: 'draft' | 'published') => {
    const id = newId();
    await insertPage(t.database.handle.db, { id, slug, title, body: paragraphs('Text.'), status, at: nowIso() });
    return id;
  };

  before(async () => {
    t = await startTestApp();
    const db = t.database.handle.db;
    politics = await makeSection(db, 'Politics');
    economy = await makeSection(db, 'Economy');
    const article = await makeArticle(t, { headline: 'A story to read', sectionId: politics.id });
    articlePath = `/politics/${article.slug}`;
    pages.about = await page('about', 'About us', 'published');
    pages.ethics = await page('ethics-policy', 'Ethics policy', 'published');
    pages.draft = await page('draft-page', 'Not yet', 'draft');
    admin = await signIn(t, await makeStaff(t, 'admin'));
    editor = await signIn(t, await makeStaff(t, 'editor'));
  });
  after(() => t.close());

  it('with no navigation configured, lists the sections in the header and links the published static pages in the footer', async () => {
    const home = await t.app.inject('/');
    assert.deepEqual(hrefs(home, 'header'), ['/economy', '/politics'], 'every section, in the order of the sections');
    const footer = hrefs(home, 'footer');
    assert.ok(footer.includes('/about'), 'the about page is linked from the footer');
    assert.ok(footer.includes('/ethics-policy'));
    assert.ok(!footer.includes('/draft-page'), 'a draft page is not linked');
    assert.ok(footer.includes('/corrections') && footer.includes('/feed.xml'));
    const settings = (await api(admin, 'GET', '/settings')).json();
    assert.equal(settings.headerNavigation, null);
    assert.equal(settings.footerNavigation, null);
  });

  it('takes the navigation from an admin through the API and shows it, escaped, on every reader page at once', async () => {
    for (const path of ['/', articlePath, '/politics', '/no-such-page']) await t.app.inject(path); // cached now
    const response = await api(admin, 'PATCH', '/settings', {
      headerNavigation: [
        { type: 'section', id: economy.id },
        { type: 'page', id: pages.about, label: '  About <us>  ' },
        { type: 'section', id: politics.id, label: 'Government & politics' },
        { type: 'link', url: 'https://shop.example/gaceta?ref=site&x="y"', label: 'Shop' },
      ],
      footerNavigation: [
        { type: 'page', id: pages.ethics },
        { type: 'link', url: 'http://archive.example/', label: 'Archive' },
      ],
    });
    assert.equal(response.statusCode, 200, response.body);
    const stored = (await api(admin, 'GET', '/settings')).json();
    assert.deepEqual(stored.headerNavigation[1], { type: 'page', id: pages.about, label: 'About <us>' });
    assert.equal(stored.footerNavigation.length, 2);

    for (const path of ['/', articlePath, '/politics', '/no-such-page']) {
      const reader = await t.app.inject(path);
      assert.deepEqual(
        links(reader, 'header'),
        [
          { href: '/economy', text: 'Economy', rel: undefined },
          { href: '/about', text: 'About <us>', rel: undefined },
          { href: '/politics', text: 'Government & politics', rel: undefined },
          { href: 'https://shop.example/gaceta?ref=site&x=%22y%22', text: 'Shop', rel: 'noopener' },
        ],
        path,
      );
      assert.doesNotMatch(reader.body, /<us>/, 'labels are escaped');
      assert.deepEqual(
        hrefs(reader, 'footer'),
        ['/ethics-policy', 'http://archive.example/', '/contribute', '/corrections', '/feed.xml'],
        path,
      );
      assert.equal(parse(reader.body).querySelector('footer a[href^="http:"]')?.getAttribute('rel'), 'noopener');
    }
    const section = parse((await t.app.inject('/politics')).body);
    assert.equal(section.querySelector('header nav a[aria-current]')?.getAttribute('href'), '/politics');
    assert.equal(section.querySelector('header nav')?.getAttribute('aria-label'), 'Main');

    assert.equal((await api(admin, 'PATCH', '/settings', { locale: 'es' })).statusCode, 200);
    assert.equal(
      parse((await t.app.inject('/')).body)
        .querySelector('header nav')
        ?.getAttribute('aria-label'),
      'Principal',
    );
    assert.equal((await api(admin, 'PATCH', '/settings', { locale: 'en' })).statusCode, 200);
  });

  it('refuses unknown sections and pages, addresses that are not http(s) and links without a label, with field messages, and changes nothing', async () => {
    const before = (await api(admin, 'GET', '/settings')).json();
    const response = await api(admin, 'PATCH', '/settings', {
      title: 'A new title',
      headerNavigation: [
        { type: 'section', id: newId() },
        { type: 'page', id: newId() },
        { type: 'link', url: 'javascript:alert(1)', label: 'Click' },
        { type: 'link', url: 'https://ok.example/' },
        { type: 'section' },
      ],
      footerNavigation: [
        { type: 'link', url: 'ftp://files.example/', label: 'Files' },
        { type: 'link', url: 'not a url', label: 'Nothing' },
      ],
    });
    assert.equal(response.statusCode, 400);
    const { error } = response.json();
    assert.equal(error.code, 'VALIDATION_FAILED');
    assert.deepEqual(
      error.fields.map((f: { field: string; message: string }) => `${f.field}: ${f.message}`),
      [
        'headerNavigation/0/id: no section has this id',
        'headerNavigation/1/id: no page has this id',
        'headerNavigation/2/url: must be an http or https address',
        'headerNavigation/3/label: a link needs a label',
        'headerNavigation/4/id: is required for a section',
        'footerNavigation/0/url: must be an http or https address',
        'footerNavigation/1/url: must be an http or https address',
      ],
    );
    assert.deepEqual((await api(admin, 'GET', '/settings')).json(), before, 'nothing was stored, not even the title');
    const shape = await api(admin, 'PATCH', '/settings', { footerNavigation: [{ type: 'menu', id: politics.id }] });
    assert.equal(shape.statusCode, 400);
    assert.match(JSON.stringify(shape.json().error.fields), /footerNavigation/);
  });

  it('lets only admins change the navigation', async () => {
    const response = await api(editor, 'PATCH', '/settings', { footerNavigation: [] });
    assert.equal(response.statusCode, 403);
    assert.notDeepEqual((await api(admin, 'GET', '/settings')).json().footerNavigation, []);
  });

  it('drops a deleted section and an unpublished page from the reader navigation, keeping the stored settings harmless', async () => {
    const db = t.database.handle.db;
    const culture = await makeSection(db, 'Culture');
    const jobs = await page('jobs', 'Jobs', 'published');
    assert.equal(
      (
        await api(admin, 'PATCH', '/settings', {
          headerNavigation: [
            { type: 'section', id: culture.id },
            { type: 'section', id: politics.id },
          ],
          footerNavigation: [
            { type: 'page', id: jobs },
            { type: 'page', id: pages.ethics },
          ],
        })
      ).statusCode,
      200,
    );
    assert.deepEqual(hrefs(await t.app.inject('/'), 'header'), ['/culture', '/politics']);
    assert.deepEqual(hrefs(await t.app.inject('/'), 'footer').slice(0, 2), ['/jobs', '/ethics-policy']);

    assert.equal((await api(editor, 'DELETE', `/sections/${culture.id}`)).statusCode, 204);
    assert.equal((await api(editor, 'PATCH', `/pages/${jobs}`, { status: 'draft' })).statusCode, 200);
    for (const path of ['/', articlePath]) {
      const reader = await t.app.inject(path);
      assert.deepEqual(hrefs(reader, 'header'), ['/politics'], path);
      assert.deepEqual(hrefs(reader, 'footer'), ['/ethics-policy', '/contribute', '/corrections', '/feed.xml'], path);
    }
    assert.equal((await api(admin, 'PATCH', '/settings', { title: 'Still works' })).statusCode, 200);
    assert.equal(parse((await t.app.inject('/')).body).querySelector('.site-title a')?.text, 'Still works');

    // Back to the defaults with null.
    const reset = await api(admin, 'PATCH', '/settings', { headerNavigation: null, footerNavigation: null });
    assert.equal(reset.statusCode, 200);
    assert.deepEqual(hrefs(await t.app.inject('/'), 'header'), ['/economy', '/politics']);
  });
});
