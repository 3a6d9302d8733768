import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sanitizeEmbed, sanitizeExternalHtml } from './sanitize.ts';

const clean = (dirty: string): string => sanitizeExternalHtml(dirty).toString();

// Hostile inputs modelled on the OWASP XSS filter evasion cheat sheet.
const HOSTILE: Array<[string, string]> = [
  ['<script>alert(1)</script><p>ok</p>', '<p>ok</p>'],
  ['<img src="x" onerror="alert(1)">', '<img src="x" />'],
  ['<a href="javascript:alert(1)">x</a>', '<a rel="noopener noreferrer nofollow">x</a>'],
  ['<a href="JaVaScRiPt:alert(1)">x</a>', '<a rel="noopener noreferrer nofollow">x</a>'],
  ['<a href="&#106;avascript:alert(1)">x</a>', '<a rel="noopener noreferrer nofollow">x</a>'],
  ['<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>', '<a rel="noopener noreferrer nofollow">x</a>'],
  ['<p style="background:url(javascript:alert(1))">x</p>', '<p>x</p>'],
  ['<style>body{display:none}</style><p>x</p>', '<p>x</p>'],
  ['<iframe src="https://evil.example/"></iframe>', ''],
  ['<iframe src="//www.youtube.com/embed/x"></iframe>', ''],
  ['<svg onload="alert(1)"><circle/></svg>', ''],
  ['<math><mi xlink:href="javascript:alert(1)">x</mi></math>', 'x'],
  ['<object data="x.swf"></object><embed src="x.swf">', ''],
  ['<form action="https://evil.example"><input name="password"></form>', ''],
  ['<meta http-equiv="refresh" content="0;url=https://evil.example">', ''],
  ['<base href="https://evil.example/">', ''],
  ['<p onmouseover="alert(1)" class="x" id="y">x</p>', '<p>x</p>'],
  ['<<script>script>alert(1)<</script>/script>', '&lt;/script&gt;'],
];

describe('sanitizer', () => {
  for (const [dirty, expected] of HOSTILE) {
    it(`neutralises ${dirty.slice(0, 50)}`, () => {
      const result = clean(dirty);
      assert.equal(result, expected);
      assert.ok(!/<script|javascript:|onerror|onload|onmouseover|style=/i.test(result));
    });
  }

  it('keeps the markup a newsroom embeds', () => {
    assert.equal(
      clean('<iframe src="https://www.youtube.com/embed/abc" width="560" height="315" allowfullscreen></iframe>'),
      '<iframe src="https://www.youtube.com/embed/abc" width="560" height="315" allowfullscreen loading="lazy"></iframe>',
    );
    assert.equal(
      clean('<p>A <strong>bold</strong> <a href="https://example.org/x">link</a></p>'),
      '<p>A <strong>bold</strong> <a href="https://example.org/x" rel="noopener noreferrer nofollow">link</a></p>',
    );
    assert.equal(
      clean('<table><tr><th scope="col">Year</th></tr></table>'),
      '<table><tr><th scope="col">Year</th></tr></table>',
    );
  });

  it('says what in an embed would load from another host, after the allow-list has had its say', () => {
    const frame = sanitizeEmbed(
      '<iframe src="https://evil.example/x"></iframe><iframe src="https://player.vimeo.com/video/42?a=1&amp;b=2" title="A &quot;film&quot;"></iframe>',
    );
    assert.deepEqual(frame.source, {
      kind: 'frame',
      url: 'https://player.vimeo.com/video/42?a=1&b=2',
      title: 'A "film"',
    });
    assert.doesNotMatch(frame.html.toString(), /evil/);
    assert.deepEqual(sanitizeEmbed('<p><img src="https://images.example/chart.png" alt="Chart"></p>').source, {
      kind: 'image',
      url: 'https://images.example/chart.png',
      title: 'Chart',
    });
    assert.equal(sanitizeEmbed('<table><tr><td>1</td></tr></table><img src="/media/x.png">').source, null);
    assert.equal(sanitizeEmbed('<img src="https://">').source, null, 'an address no browser can fetch');
  });
});
