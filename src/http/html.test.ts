import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeHtml, html, jsonLd, safeUrl } from './html.ts';

describe('view layer', () => {
  it('escapes every interpolation unless it is already SafeHtml', () => {
    const name = '<img src=x onerror=alert(1)> & "quotes" \'single\'';
    assert.equal(
      html`<p title="${name}">${name}</p>`.toString(),
      '<p title="&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot; &#39;single&#39;">&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot; &#39;single&#39;</p>',
    );
    assert.equal(html`<ul>${['<a>', html`<li>ok</li>`]}</ul>`.toString(), '<ul>&lt;a&gt;<li>ok</li></ul>');
    assert.equal(html`${null}${undefined}${false}${0}`.toString(), '0');
    assert.equal(escapeHtml('a&b'), 'a&amp;b');
  });

  it('keeps JSON-LD from closing its script element', () => {
    const out = jsonLd({ headline: '</script><script>alert(1)</script>' }).toString();
    assert.ok(!out.slice(0, -'</script>'.length).includes('</script>'));
    assert.deepEqual(JSON.parse(out.replace(/^<script[^>]*>|<\/script>$/g, '')), {
      headline: '</script><script>alert(1)</script>',
    });
  });

  it('lets only safe URL schemes through', () => {
    assert.equal(safeUrl('javascript:alert(1)'), '#');
    assert.equal(safeUrl(' JAVASCRIPT:alert(1)'), '#');
    assert.equal(safeUrl('//evil.example/x'), '#');
    assert.equal(safeUrl('data:text/html,x'), '#');
    assert.equal(safeUrl('https://example.org/a'), 'https://example.org/a');
    assert.equal(safeUrl('/politics/x'), '/politics/x');
    assert.equal(safeUrl('mailto:desk@example.org'), 'mailto:desk@example.org');
  });
});
