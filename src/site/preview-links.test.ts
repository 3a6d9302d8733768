import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'node-html-parser';
import { writeSettings } from '../settings/settings.ts';
import { makeArticle, makeImage, makeSection, makeStaff, paragraphs, signIn } from '../testing/factories.ts';
import { startTestApp, type TestApp } from '../testing/harness.ts';

type Headers = Record<string, string>;

/** Item 8: private preview links, made in the admin API and opened signed out on the reader site. */
describe('preview links', () => {
  let t: TestApp;
  let editor: Headers;
  let author: Headers;

  const api = (headers: Headers, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url: `/admin/api${url}`,
      headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const pathOf = (url: string): string => new URL(url).pathname;

  before(async () => {
    t = await startTestApp({ signInAttemptsPerMinute: 1000 });
    editor = await signIn(t, await makeStaff(t, 'editor'));
    author = await signIn(t, await makeStaff(t, 'author'));
  });
  after(() => t.close());

  it('shows a draft signed out exactly as the reader page will, with a banner, and never for a cache', async () => {
    const db = t.database.handle.db;
    const section = await makeSection(db, 'Valley');
    const image = await makeImage(t, { caption: 'The dam at dawn' });
    const related = await makeArticle(t, { headline: 'Earlier: the dam’s history', sectionId: section.id });
    const draft = (
      await api(author, 'POST', '/articles', {
        headline: 'Dam inspection finds cracks',
        dek: 'Engineers ask for repairs.',
        sectionId: section.id,
        body: {
          type: 'doc',
          version: 1,
          content: [
            { type: 'paragraph', content: [{ type: 'text', text: 'The inspection found three cracks.' }] },
            { type: 'related', articleId: related.id },
          ],
        },
        featureImage: { id: image.id, alt: 'The dam' },
        access: undefined,
      })
    ).json();
    const made = await api(author, 'POST', `/articles/${draft.id}/preview-links`, {});
    assert.equal(made.statusCode, 201, made.body);
    const link = made.json();
    assert.match(link.url, /^https:\/\/news\.example\/preview\/[A-Za-z0-9_-]{43}$/);
    const days = (Date.parse(link.expiresAt) - Date.parse(link.createdAt)) / 86_400_000;
    assert.equal(days, 7, 'seven days by default');
    assert.equal(link.active, true);

    const preview = await t.app.inject(pathOf(link.url));
    assert.equal(preview.statusCode, 200);
    assert.equal(preview.headers['cache-control'], 'private, no-store');
    assert.equal(preview.headers.etag, undefined, 'no ETag');
    assert.equal(preview.headers['surrogate-key'], undefined, 'no Surrogate-Key for Varnish');
    assert.match(String(preview.headers['x-robots-tag']), /noindex/);
    assert.equal(preview.headers['referrer-policy'], 'no-referrer', 'the token does not leak to linked sites');
    const page = parse(preview.body);
    assert.match(page.querySelector('.preview-banner')?.text ?? '', /Preview — not published/);
    assert.equal(page.querySelector('meta[name="robots"]')?.getAttribute('content'), 'noindex, nofollow');
    assert.equal(page.querySelector('h1')?.text, 'Dam inspection finds cracks');
    assert.equal(page.querySelector('.body p')?.text, 'The inspection found three cracks.');
    assert.match(
      page.querySelector('.inline-card')?.text ?? '',
      /the dam’s history/,
      'inline cards as readers see them',
    );
    assert.match(page.querySelector('figure figcaption')?.text ?? '', /The dam at dawn/);

    // Published, the reader page is the same page without the banner.
    await api(editor, 'POST', `/articles/${draft.id}/publish`, {});
    const reader = parse((await t.app.inject(`/valley/${draft.slug}`)).body);
    const again = parse((await t.app.inject(pathOf(link.url))).body);
    assert.equal(
      again.querySelector('main article.story')?.toString(),
      reader.querySelector('main article.story')?.toString(),
    );
    assert.equal(reader.querySelector('.preview-banner'), null);
    assert.equal((await t.app.inject(pathOf(link.url))).headers['cache-control'], 'private, no-store');
  });

  it('lists links with who made them and when they expire, never their address again, and revokes them', async () => {
    const draft = (
      await api(author, 'POST', '/articles', { headline: 'Budget leak', body: paragraphs('Secret.') })
    ).json();
    const long = await api(author, 'POST', `/articles/${draft.id}/preview-links`, { days: 30 });
    assert.equal(long.statusCode, 201);
    assert.equal((await api(author, 'POST', `/articles/${draft.id}/preview-links`, { days: 31 })).statusCode, 400);
    assert.equal((await api(author, 'POST', `/articles/${draft.id}/preview-links`, { days: 0 })).statusCode, 400);
    const listed = (await api(editor, 'GET', `/articles/${draft.id}/preview-links`)).json().links;
    assert.equal(listed.length, 1);
    assert.equal(listed[0].createdBy.name.startsWith('author'), true);
    assert.equal(listed[0].expiresAt, long.json().expiresAt);
    assert.equal(JSON.stringify(listed).includes(pathOf(long.json().url).slice(9)), false, 'the token is shown once');
    const stored = await t.database.handle.db.selectFrom('preview_links').select('token_hash').execute();
    assert.ok(
      stored.every((row) => !long.json().url.includes(row.token_hash)),
      'only a hash of the token is kept',
    );

    assert.equal((await t.app.inject(pathOf(long.json().url))).statusCode, 200);
    const revoked = await api(author, 'DELETE', `/articles/${draft.id}/preview-links/${long.json().id}`);
    assert.equal(revoked.statusCode, 204);
    const gone = await t.app.inject(pathOf(long.json().url));
    assert.equal(gone.statusCode, 410);
    assert.equal(gone.headers['cache-control'], 'private, no-store');
    assert.match(parse(gone.body).querySelector('h1')?.text ?? '', /This preview link no longer works/);
    assert.ok(!gone.body.includes('Secret.'));
    const after = (await api(author, 'GET', `/articles/${draft.id}/preview-links`)).json().links;
    assert.equal(after[0].active, false);
    assert.ok(after[0].revokedAt);
  });

  it('answers 410 for an expired link and 404 for a token no link has, in the site’s language', async () => {
    const draft = (await api(author, 'POST', '/articles', { headline: 'Expiring' })).json();
    const link = (await api(author, 'POST', `/articles/${draft.id}/preview-links`, { days: 1 })).json();
    await t.database.handle.db
      .updateTable('preview_links')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', link.id)
      .execute();
    await writeSettings(t.database.handle.db, { locale: 'es' });
    t.invalidation.purge(['all']);
    try {
      const expired = await t.app.inject(pathOf(link.url));
      assert.equal(expired.statusCode, 410);
      assert.equal(parse(expired.body).querySelector('h1')?.text, 'Este enlace de vista previa ya no funciona');
      const unknown = await t.app.inject(`/preview/${'A'.repeat(43)}`);
      assert.equal(unknown.statusCode, 404);
      assert.equal(unknown.headers['cache-control'], 'private, no-store');
      assert.equal((await t.app.inject('/preview/not-a-token')).statusCode, 404);
    } finally {
      await writeSettings(t.database.handle.db, { locale: 'en' });
      t.invalidation.purge(['all']);
    }
  });

  it('stops working while the article is in the trash', async () => {
    const draft = (await api(author, 'POST', '/articles', { headline: 'Trashed preview' })).json();
    const link = (await api(author, 'POST', `/articles/${draft.id}/preview-links`, {})).json();
    await api(author, 'DELETE', `/articles/${draft.id}`);
    assert.equal((await t.app.inject(pathOf(link.url))).statusCode, 410);
    assert.equal(
      (await api(author, 'POST', `/articles/${draft.id}/preview-links`, {})).statusCode,
      409,
      'no new link for a trashed article',
    );
    await api(author, 'POST', `/articles/${draft.id}/restore-from-trash`);
    assert.equal((await t.app.inject(pathOf(link.url))).statusCode, 200);
  });
});
