import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeStaff, signIn } from '../testing/factories.ts';
import { startTestApp, type TestApp } from '../testing/harness.ts';

describe('embeds for the editor (admin API)', () => {
  let t: TestApp;
  let headers: Record<string, string>;
  before(async () => {
    t = await startTestApp();
    headers = await signIn(t, await makeStaff(t, 'contributor'));
  });
  after(() => t.close());

  const post = (url: string, payload: unknown, as = headers) =>
    t.app.inject({ method: 'POST', url: `/admin/api${url}`, headers: as, payload: payload as object });

  it('makes an embed block from a provider’s address, with the reader site’s click-to-load facade as its preview', async () => {
    const response = await post('/embeds', { url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' });
    assert.equal(response.statusCode, 200);
    const embed = response.json<{ html: string; provider: string; preview: string }>();
    assert.equal(embed.provider, 'YouTube');
    assert.equal(
      embed.html,
      '<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" width="560" height="315" title="YouTube video" allowfullscreen loading="lazy"></iframe>',
    );
    assert.match(embed.preview, /^<figure class="embed"><div class="embed-facade" data-provider="YouTube">/);
    assert.match(embed.preview, /<template class="embed-content"><iframe src="https:\/\/www\.youtube-nocookie\.com/);
    assert.match(embed.preview, /Open it on YouTube/);
  });

  it('refuses an address no known provider serves, naming the providers', async () => {
    const response = await post('/embeds', { url: 'https://example.com/some/video' });
    assert.equal(response.statusCode, 422);
    const { error } = response.json<{ error: { code: string; message: string } }>();
    assert.equal(error.code, 'UNSUPPORTED_EMBED');
    assert.match(
      error.message,
      /YouTube, Vimeo, X, Instagram, TikTok, Datawrapper, Flourish, DocumentCloud, Google Maps/,
    );
  });

  it('previews stored embed HTML through the sanitizer: scripts, handlers and unknown frames never come back', async () => {
    const response = await post('/embeds/preview', {
      html: '<iframe src="https://evil.example/x"></iframe><p onclick="steal()">Chart <script>alert(1)</script><a href="javascript:alert(1)">x</a></p>',
    });
    assert.equal(response.statusCode, 200);
    const { html, preview } = response.json<{ html: string; preview: string }>();
    assert.equal(html, '<p>Chart <a rel="noopener noreferrer nofollow">x</a></p>');
    assert.doesNotMatch(preview, /script|onclick|evil\.example|javascript:/);
  });

  it('is for signed-in staff only, with the CSRF token', async () => {
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/admin/api/embeds',
      payload: { url: 'https://vimeo.com/1' },
    });
    assert.equal(anonymous.statusCode, 401);
    const { cookie } = headers;
    const noToken = await post('/embeds', { url: 'https://vimeo.com/1' }, { cookie: cookie ?? '' });
    assert.equal(noToken.statusCode, 403);
  });
});
