import assert from 'node:assert/strict';
import { createDraft } from '../content/articles.service.ts';
import { after, before, describe, it } from 'node:test';
import { parse } from 'node-html-parser';
import { startTestApp, type TestApp } from '../testing/harness.ts';
import { makeSection, makeStaff, paragraphs, signIn, TEST_PASSWORD } from '../testing/factories.ts';
import type { StaffActor } from '../staff/staff.service.ts';

describe('admin API', () => {
  let t: TestApp;
  let editor: StaffActor;
  let editorHeaders: Record<string, string>;
  let sectionId: string;

  const api = (
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    headers: Record<string, string>,
    payload?: unknown,
  ) =>
    t.app.inject({
      method,
      url: `/admin/api${url}`,
      headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  before(async () => {
    t = await startTestApp({ signInAttemptsPerMinute: 8 });
    editor = await makeStaff(t, 'editor');
    editorHeaders = await signIn(t, editor);
    sectionId = (await makeSection(t.database.handle.db, 'Politics')).id;
  });
  after(() => t.close());

  it('refuses callers who are not signed in, and wrong passwords', async () => {
    const anonymous = await api('GET', '/articles', {});
    assert.equal(anonymous.statusCode, 401);
    assert.equal(anonymous.json().error.code, 'UNAUTHENTICATED');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/admin/api/session',
      payload: { email: editor.email, password: 'not the password' },
    });
    assert.equal(wrong.statusCode, 401);
    assert.equal(wrong.cookies.length, 0);
  });

  it('requires the CSRF token for changes made with a session cookie', async () => {
    const withoutToken = await api(
      'POST',
      '/articles',
      { cookie: editorHeaders.cookie ?? '' },
      { headline: 'No token' },
    );
    assert.equal(withoutToken.statusCode, 403);
    assert.equal(withoutToken.json().error.code, 'CSRF_FAILED');
    const wrongToken = await api(
      'POST',
      '/articles',
      { cookie: editorHeaders.cookie ?? '', 'x-csrf-token': 'forged' },
      { headline: 'Forged' },
    );
    assert.equal(wrongToken.statusCode, 403);
    const ok = await api('POST', '/articles', editorHeaders, { headline: 'With token' });
    assert.equal(ok.statusCode, 201);
    const me = await api('GET', '/session', { cookie: editorHeaders.cookie ?? '' });
    assert.equal(me.json().staff.email, editor.email);
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/admin/api/session',
      payload: { email: editor.email, password: TEST_PASSWORD },
    });
    const cookie = signIn.cookies.find((c) => c.name === 'gaceta_staff');
    assert.equal(cookie?.path, '/admin', 'the staff cookie never travels with reader requests');
    assert.equal(cookie?.httpOnly, true);
    assert.equal(cookie?.sameSite, 'Strict');
  });

  it('gives a reloaded web app its CSRF token again from the session cookie, and no token to an API key', async () => {
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/admin/api/session',
      payload: { email: editor.email, password: TEST_PASSWORD },
    });
    const cookie = signIn.cookies.find((c) => c.name === 'gaceta_staff');
    assert.ok(cookie);
    const me = await api('GET', '/session', { cookie: `gaceta_staff=${cookie.value}` });
    assert.equal(me.statusCode, 200);
    assert.equal(me.json().csrfToken, signIn.json().csrfToken, 'the token the session signed in with');
    const created = await api(
      'POST',
      '/articles',
      { cookie: `gaceta_staff=${cookie.value}`, 'x-csrf-token': me.json().csrfToken },
      { headline: 'After a reload' },
    );
    assert.equal(created.statusCode, 201);
    const other = await t.app.inject({
      method: 'POST',
      url: '/admin/api/session',
      payload: { email: editor.email, password: TEST_PASSWORD },
    });
    assert.notEqual(other.json().csrfToken, signIn.json().csrfToken, 'each session has its own token');
    const key = (await api('POST', '/api-keys', editorHeaders, { name: 'no csrf' })).json().key;
    const viaKey = await api('GET', '/session', { authorization: `Bearer ${key}` });
    assert.equal(viaKey.statusCode, 200);
    assert.equal(viaKey.json().csrfToken, undefined);
  });

  it('takes staff API keys, and refuses them once revoked', async () => {
    const created = await api('POST', '/api-keys', editorHeaders, { name: 'importer' });
    assert.equal(created.statusCode, 201);
    const { id, key } = created.json();
    assert.match(key, /^gk_/);
    const bearer = { authorization: `Bearer ${key}` };
    assert.equal((await api('POST', '/articles', bearer, { headline: 'Via API key' })).statusCode, 201);
    assert.equal((await api('DELETE', `/api-keys/${id}`, editorHeaders)).statusCode, 204);
    assert.equal((await api('GET', '/articles', bearer)).statusCode, 401);
  });

  it('answers malformed requests with 400 and the fields at fault', async () => {
    const missing = await api('POST', '/articles', editorHeaders, { dek: 'no headline', slug: 'Bad Slug!' });
    assert.equal(missing.statusCode, 400);
    const fields = missing
      .json()
      .error.fields.map((f: { field: string }) => f.field)
      .join(' ');
    assert.match(fields, /headline/);
    assert.match(fields, /slug/);
    const badBody = await api('POST', '/articles', editorHeaders, {
      headline: 'x',
      body: { type: 'doc', version: 1, content: [{ type: 'script', src: 'x' }] },
    });
    assert.equal(badBody.statusCode, 400);
    assert.match(JSON.stringify(badBody.json().error.fields), /body/);
    const unknownRef = await api('POST', '/articles', editorHeaders, {
      headline: 'x',
      sectionId: '0190b6b2-0000-7000-8000-000000000000',
    });
    assert.equal(unknownRef.statusCode, 400);
    assert.deepEqual(
      unknownRef.json().error.fields.map((f: { field: string }) => f.field),
      ['sectionId'],
    );
    const badId = await api('GET', '/articles/not-a-uuid', editorHeaders);
    assert.equal(badId.statusCode, 400);
    assert.match(badId.json().error.fields[0].field, /id/);
    const noSuch = await api('GET', '/articles/0190b6b2-0000-7000-8000-000000000000', editorHeaders);
    assert.equal(noSuch.statusCode, 404);
    assert.equal(noSuch.json().error.code, 'ARTICLE_NOT_FOUND');
    const notJson = await t.app.inject({
      method: 'POST',
      url: '/admin/api/articles',
      headers: { ...editorHeaders, 'content-type': 'application/json' },
      payload: '{"headline": ',
    });
    assert.equal(notJson.statusCode, 400);
  });

  it('creates, edits, schedules, publishes and corrects an article, keeping a revision of every save', async () => {
    const created = await api('POST', '/articles', editorHeaders, {
      headline: 'Budget vote tonight',
      sectionId,
      body: paragraphs('The council meets at 6 p.m.'),
    });
    assert.equal(created.statusCode, 201);
    const article = created.json();
    assert.equal(article.status, 'draft');
    assert.equal(article.slug, 'budget-vote-tonight');
    const edited = await api('PATCH', `/articles/${article.id}`, editorHeaders, {
      dek: 'Residents expected in force.',
    });
    assert.equal(edited.json().dek, 'Residents expected in force.');

    const badDate = await api('POST', `/articles/${article.id}/publish`, editorHeaders, { publishAt: 'next tuesday' });
    assert.equal(badDate.statusCode, 400);
    const future = new Date(Date.now() + 3600_000).toISOString();
    const scheduled = await api('POST', `/articles/${article.id}/publish`, editorHeaders, { publishAt: future });
    assert.equal(scheduled.json().status, 'scheduled');
    assert.equal((await t.app.inject('/politics/budget-vote-tonight')).statusCode, 404, 'not visible before its time');

    const published = await api('POST', `/articles/${article.id}/publish`, editorHeaders, {});
    assert.equal(published.json().status, 'published');
    assert.equal(published.json().url, 'https://news.example/politics/budget-vote-tonight');
    assert.equal((await t.app.inject('/politics/budget-vote-tonight')).statusCode, 200);

    const correction = await api('POST', `/articles/${article.id}/corrections`, editorHeaders, {
      kind: 'correction',
      body: 'The meeting starts at 7 p.m., not 6 p.m.',
    });
    assert.equal(correction.statusCode, 201);
    const listed = await api('GET', `/articles/${article.id}/corrections`, editorHeaders);
    assert.deepEqual(
      listed.json().corrections.map((c: { kind: string; body: string }) => [c.kind, c.body]),
      [['correction', 'The meeting starts at 7 p.m., not 6 p.m.']],
    );
    const page = parse((await t.app.inject('/politics/budget-vote-tonight')).body);
    assert.match(page.querySelector('.notice.correction')?.text ?? '', /starts at 7 p\.m\./);

    const revisions = await api('GET', `/articles/${article.id}/revisions`, editorHeaders);
    assert.deepEqual(
      revisions.json().revisions.map((r: { snapshot: { status: string } }) => r.snapshot.status),
      ['published', 'published', 'scheduled', 'draft', 'draft'],
      'one revision per change, newest first (create, edit, schedule, publish, correction)',
    );
    assert.deepEqual(
      revisions.json().revisions.map((r: { action: string }) => r.action),
      ['correction', 'publish', 'schedule', 'save', 'create'],
    );
    assert.equal(revisions.json().revisions[0].snapshot.dek, 'Residents expected in force.');
    assert.ok(revisions.json().revisions.every((r: { staffId: string }) => r.staffId === editor.id));

    const unpublished = await api('POST', `/articles/${article.id}/unpublish`, editorHeaders);
    assert.equal(unpublished.json().status, 'unpublished');
    assert.equal((await t.app.inject('/politics/budget-vote-tonight')).statusCode, 410);
  });

  it('enforces roles over HTTP: contributors draft, authors publish their own, admins run settings', async () => {
    const contributor = await signIn(t, await makeStaff(t, 'contributor'));
    const authorActor = await makeStaff(t, 'author');
    const author = await signIn(t, authorActor);
    const draft = (await api('POST', '/articles', contributor, { headline: 'Contributor draft' })).json();
    assert.equal((await api('POST', `/articles/${draft.id}/publish`, contributor, {})).statusCode, 403);
    assert.equal(
      (await api('POST', `/articles/${draft.id}/publish`, author, {})).statusCode,
      403,
      "an author cannot publish someone else's",
    );
    const own = (await api('POST', '/articles', author, { headline: 'Author story' })).json();
    assert.equal((await api('POST', `/articles/${own.id}/publish`, author, {})).statusCode, 200);
    assert.equal((await api('PATCH', `/articles/${own.id}`, contributor, { dek: 'x' })).statusCode, 403);
    assert.equal((await api('POST', `/articles/${draft.id}/publish`, editorHeaders, {})).statusCode, 200);
    assert.equal((await api('POST', '/sections', author, { name: 'Sports' })).statusCode, 403);
    assert.equal((await api('PATCH', '/settings', editorHeaders, { title: 'Nope' })).statusCode, 403);
    const admin = await signIn(t, await makeStaff(t, 'admin'));
    const settings = await api('PATCH', '/settings', admin, { title: 'The Valley Gazette', locale: 'es' });
    assert.equal(settings.statusCode, 200);
    assert.equal(parse((await t.app.inject('/')).body).querySelector('.site-title a')?.text, 'The Valley Gazette');
    assert.equal((await api('PATCH', '/settings', admin, { timeZone: 'Mars/Olympus' })).statusCode, 400);
    assert.equal((await api('PATCH', '/settings', admin, { locale: 'en' })).statusCode, 200);
    assert.equal((await api('GET', '/staff', editorHeaders)).statusCode, 403);
    assert.equal(
      (
        await api('POST', '/staff', admin, {
          email: 'new@newsroom.example',
          name: 'New',
          role: 'author',
          password: 'short',
        })
      ).statusCode,
      400,
    );
    assert.equal(
      (
        await api('POST', '/staff', admin, {
          email: 'new@newsroom.example',
          name: 'New',
          role: 'author',
          password: TEST_PASSWORD,
        })
      ).statusCode,
      201,
    );
  });

  it('manages sections, tags and redirects, refusing reserved and taken slugs', async () => {
    const section = await api('POST', '/sections', editorHeaders, {
      name: 'Culture & Arts',
      description: 'Music, film, murals',
    });
    assert.equal(section.statusCode, 201);
    assert.equal(section.json().slug, 'culture-arts');
    assert.equal((await t.app.inject('/culture-arts')).statusCode, 200);
    assert.equal((await api('POST', '/sections', editorHeaders, { name: 'Tags', slug: 'tag' })).statusCode, 400);
    assert.equal(
      (await api('POST', '/sections', editorHeaders, { name: 'Again', slug: 'culture-arts' })).statusCode,
      409,
    );
    const renamed = await api('PATCH', `/sections/${section.json().id}`, editorHeaders, { name: 'Culture' });
    assert.equal(renamed.json().name, 'Culture');
    assert.equal((await api('POST', '/tags', editorHeaders, { name: 'Water' })).statusCode, 201);
    const redirect = await api('POST', '/redirects', editorHeaders, {
      fromPath: '/old-culture',
      toPath: '/culture-arts',
    });
    assert.equal(redirect.statusCode, 201);
    const followed = await t.app.inject('/old-culture');
    assert.equal(followed.statusCode, 301);
    assert.equal(followed.headers.location, '/culture-arts');
    assert.equal(
      (await api('POST', '/redirects', editorHeaders, { fromPath: 'no-slash', toPath: '/x' })).statusCode,
      400,
    );
    assert.equal(
      (await api('POST', '/redirects', editorHeaders, { fromPath: '/promo', toPath: '//evil.example/login' }))
        .statusCode,
      400,
      'no redirects off the site',
    );
  });

  it('manages static pages and lists articles by status', async () => {
    const created = await api('POST', '/pages', editorHeaders, {
      title: 'About us',
      status: 'published',
      body: paragraphs('We are a small newsroom.'),
    });
    assert.equal(created.statusCode, 201);
    assert.equal(created.json().slug, 'about-us');
    assert.match((await t.app.inject('/about-us')).body, /We are a small newsroom/);
    assert.equal(
      (await api('POST', '/pages', editorHeaders, { title: 'Clash', slug: 'politics' })).statusCode,
      409,
      'a section has that address',
    );
    assert.equal(
      (await api('POST', '/pages', editorHeaders, { title: 'Feed', slug: 'feed' })).statusCode,
      400,
      'reserved',
    );
    const changed = await api('PATCH', `/pages/${created.json().id}`, editorHeaders, { title: 'About the newsroom' });
    assert.equal(changed.json().title, 'About the newsroom');
    assert.ok(
      (await api('GET', '/pages', editorHeaders)).json().pages.some((p: { slug: string }) => p.slug === 'about-us'),
    );
    assert.equal((await api('DELETE', `/pages/${created.json().id}`, editorHeaders)).statusCode, 204);
    assert.equal((await t.app.inject('/about-us')).statusCode, 404);
    const drafts = (await api('GET', '/articles?status=draft&limit=100', editorHeaders)).json().articles;
    assert.ok(drafts.length > 0 && drafts.every((a: { status: string }) => a.status === 'draft'));
    assert.equal((await api('GET', '/articles?status=lost', editorHeaders)).statusCode, 400);
    assert.equal((await api('GET', '/articles?limit=1000', editorHeaders)).statusCode, 400);
    assert.equal((await api('GET', '/articles?limit=1', editorHeaders)).json().articles.length, 1);
  });

  it('finds articles by a piece of their headline, in any case, and by who created them', async () => {
    // Made through the service: this suite's sign-in allowance is spent on the rate-limit test.
    const author = await makeStaff(t, 'author');
    const create = (headline: string) =>
      createDraft({ db: t.database.handle.db, invalidation: t.invalidation }, author, { headline });
    await create('Ñandú sightings up 50% in the Sierra');
    await create('Sierra_Madre water: the plan');
    await api('POST', '/articles', editorHeaders, { headline: 'An editor’s SIERRA story' });
    const headlines = async (query: string) =>
      (await api('GET', `/articles?${query}&limit=100`, editorHeaders))
        .json()
        .articles.map((a: { headline: string }) => a.headline)
        .sort();
    assert.deepEqual(await headlines('q=sierra'), [
      'An editor’s SIERRA story',
      'Sierra_Madre water: the plan',
      'Ñandú sightings up 50% in the Sierra',
    ]);
    assert.deepEqual(await headlines(`q=${encodeURIComponent('50%')}`), ['Ñandú sightings up 50% in the Sierra']);
    assert.deepEqual(await headlines('q=a_'), ['Sierra_Madre water: the plan'], '_ is a letter, not a wildcard');
    assert.deepEqual(await headlines(`q=sierra&createdBy=${author.id}`), [
      'Sierra_Madre water: the plan',
      'Ñandú sightings up 50% in the Sierra',
    ]);
    assert.equal((await api('GET', '/articles?q=', editorHeaders)).statusCode, 400);
  });

  it('stores bodies in the canonical form the editor gives back, articles and static pages alike', async () => {
    const written = {
      type: 'doc',
      version: 1,
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: '' },
            { type: 'text', text: 'Water ', marks: [{ type: 'italic' }, { type: 'bold' }] },
            { type: 'text', text: 'rationing', marks: [{ type: 'bold' }, { type: 'italic' }] },
            { type: 'text', text: ' begins.', marks: [] },
          ],
        },
      ],
    };
    const canonical = {
      type: 'doc',
      version: 2,
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Water rationing', marks: [{ type: 'bold' }, { type: 'italic' }] },
            { type: 'text', text: ' begins.' },
          ],
        },
      ],
    };
    const article = await api('POST', '/articles', editorHeaders, { headline: 'Rationing', body: written });
    assert.deepEqual(article.json().body, canonical);
    const id = article.json().id;
    await api('PATCH', `/articles/${id}`, editorHeaders, { body: written });
    assert.deepEqual((await api('GET', `/articles/${id}`, editorHeaders)).json().body, canonical);
    // Pages answer without their body; readers see the canonical one.
    const page = await api('POST', '/pages', editorHeaders, {
      title: 'Rationing explained',
      status: 'published',
      body: written,
    });
    const html = (await t.app.inject(`/${page.json().slug}`)).body;
    assert.match(html, /<p><em><strong>Water rationing<\/strong><\/em> begins\.<\/p>/);
  });

  it('sanitizes embedded HTML on the way in', async () => {
    const created = await api('POST', '/articles', editorHeaders, {
      headline: 'Embed',
      body: {
        type: 'doc',
        version: 1,
        content: [
          {
            type: 'embed',
            html: '<p onclick="steal()">Map<script>alert(1)</script></p><iframe src="https://evil.example/x"></iframe><iframe src="https://www.youtube.com/embed/abc"></iframe>',
          },
        ],
      },
    });
    const html = created.json().body.content[0].html as string;
    assert.ok(!/script|onclick|evil\.example/.test(html), html);
    assert.match(html, /youtube\.com\/embed\/abc/);
  });

  it('serves an OpenAPI document generated from the route schemas', async () => {
    const response = await t.app.inject('/admin/api/openapi.json');
    assert.equal(response.statusCode, 200);
    const doc = response.json();
    assert.match(doc.openapi, /^3\./);
    assert.ok(doc.paths['/admin/api/articles'].post.requestBody);
    assert.ok(doc.paths['/admin/api/articles/{id}/publish']);
    assert.ok(
      !Object.keys(doc.paths).some((path) => !path.startsWith('/admin/api')),
      'reader routes are not part of the admin API',
    );
  });

  it('rate-limits sign-in attempts', async () => {
    const attempt = () =>
      t.app.inject({
        method: 'POST',
        url: '/admin/api/session',
        remoteAddress: '203.0.113.9',
        payload: { email: 'x@y.example', password: 'wrong' },
      });
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await attempt()).statusCode);
    assert.deepEqual(statuses.slice(0, 8), Array(8).fill(401));
    assert.deepEqual(statuses.slice(8), [429, 429]);
    const spoofed = await t.app.inject({
      method: 'POST',
      url: '/admin/api/session',
      remoteAddress: '203.0.113.9',
      headers: { 'x-forwarded-for': '198.51.100.1' },
      payload: { email: 'x@y.example', password: 'wrong' },
    });
    assert.equal(spoofed.statusCode, 429, 'a forged X-Forwarded-For does not reset the limit');
  });
});
