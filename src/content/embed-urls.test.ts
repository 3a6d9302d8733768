import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { embedForUrl } from './embed-urls.ts';
import { sanitizeEmbed } from './sanitize.ts';

/** The frame's address an embed URL gives, after the sanitizer (which must keep it). */
function frameOf(url: string): { provider: string; src: string } | undefined {
  const embed = embedForUrl(url);
  if (!embed) return undefined;
  const { source } = sanitizeEmbed(embed.html);
  assert.ok(source, `the sanitizer keeps the ${embed.provider} frame`);
  return { provider: embed.provider, src: source.url };
}

describe('embeds by URL', () => {
  const cases: Array<[string, string, string]> = [
    ['https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'YouTube', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ'],
    ['https://youtu.be/dQw4w9WgXcQ?t=90', 'YouTube', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=90'],
    [
      'https://m.youtube.com/watch?v=dQw4w9WgXcQ&t=1m30s',
      'YouTube',
      'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=90',
    ],
    ['https://www.youtube.com/shorts/dQw4w9WgXcQ', 'YouTube', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ'],
    ['https://vimeo.com/76979871', 'Vimeo', 'https://player.vimeo.com/video/76979871'],
    ['https://vimeo.com/76979871/abc123ef', 'Vimeo', 'https://player.vimeo.com/video/76979871?h=abc123ef'],
    [
      'https://x.com/newsroom/status/1790000000000000000',
      'X',
      'https://platform.twitter.com/embed/Tweet.html?id=1790000000000000000',
    ],
    ['https://twitter.com/newsroom/status/20?s=20', 'X', 'https://platform.twitter.com/embed/Tweet.html?id=20'],
    ['https://www.instagram.com/p/C8abc_12-x/', 'Instagram', 'https://www.instagram.com/p/C8abc_12-x/embed/'],
    ['https://www.instagram.com/reel/C8abc/?igsh=x', 'Instagram', 'https://www.instagram.com/reel/C8abc/embed/'],
    [
      'https://www.tiktok.com/@reporter/video/7300000000000000000',
      'TikTok',
      'https://www.tiktok.com/embed/v2/7300000000000000000',
    ],
    ['https://datawrapper.dwcdn.net/AbC12/3/', 'Datawrapper', 'https://datawrapper.dwcdn.net/AbC12/3/'],
    ['https://app.datawrapper.de/chart/AbC12/publish', 'Datawrapper', 'https://datawrapper.dwcdn.net/AbC12/'],
    [
      'https://public.flourish.studio/visualisation/1234567/',
      'Flourish',
      'https://flo.uri.sh/visualisation/1234567/embed',
    ],
    ['https://public.flourish.studio/story/42/', 'Flourish', 'https://flo.uri.sh/story/42/embed'],
    [
      'https://www.documentcloud.org/documents/2433-budget-memo',
      'DocumentCloud',
      'https://embed.documentcloud.org/documents/2433-budget-memo/?embed=1&responsive=1',
    ],
    [
      'https://www.google.com/maps/place/Plaza+Mayor,+Madrid/@40.4155,-3.7074,17z/data=!3m1',
      'Google Maps',
      'https://www.google.com/maps?q=Plaza+Mayor%2C+Madrid&z=17&output=embed',
    ],
    [
      'https://www.google.com/maps/@40.4155,-3.7074,15z',
      'Google Maps',
      'https://www.google.com/maps?q=40.4155%2C-3.7074&z=15&output=embed',
    ],
    [
      'https://www.google.com/maps/embed?pb=!1m18!1m12',
      'Google Maps',
      'https://www.google.com/maps/embed?pb=!1m18!1m12',
    ],
  ];
  for (const [url, provider, src] of cases)
    it(`makes ${provider}'s frame from ${url}`, () => {
      assert.deepEqual(frameOf(url), { provider, src });
    });

  it('refuses what no known provider serves, what is not http(s), and addresses it cannot read without a request', () => {
    for (const url of [
      'https://example.com/watch?v=dQw4w9WgXcQ',
      'https://www.youtube.com/watch?v=short',
      'https://www.youtube.com/channel/UC123',
      'javascript:alert(1)//youtube.com/watch?v=dQw4w9WgXcQ',
      'ftp://vimeo.com/76979871',
      'https://vimeo.com/about',
      'https://x.com/newsroom',
      'https://vm.tiktok.com/ZM123/',
      'https://maps.app.goo.gl/abc',
      'https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ',
      'https://user:pw@www.youtube.com/watch?v=dQw4w9WgXcQ',
      'not a url',
    ])
      assert.equal(embedForUrl(url), undefined, url);
  });

  it('escapes what it copies from the URL into markup', () => {
    const embed = embedForUrl('https://www.google.com/maps?q="><script>alert(1)</script>');
    assert.ok(embed);
    assert.doesNotMatch(embed.html, /<script/);
    assert.match(sanitizeEmbed(embed.html).html.toString(), /^<iframe src="https:\/\/www\.google\.com\/maps\?q=/);
  });
});
