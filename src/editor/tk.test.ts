import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countTk, findTk } from './tk.ts';
import { isAllowedHref, typedHref } from './links.ts';
import { countWords, readingMinutes } from './word-count.ts';

describe('TK placeholders', () => {
  it('finds TK alone, repeated and in brackets, never inside a word or in lower case', () => {
    const text = (s: string) => findTk(s).map(({ from, to }) => s.slice(from, to));
    assert.deepEqual(text('The mayor said TK.'), ['TK']);
    assert.deepEqual(text('TKTK quote from [TK] and (TKTKTK)'), ['TKTK', 'TK', 'TKTKTK']);
    assert.deepEqual(text('TKO, ATK, tk, Tk, TK1, TK_x, ÉTK'), []);
    assert.deepEqual(findTk('a TK b'), [{ from: 2, to: 4 }]);
    assert.deepEqual(text('TK—TK'), ['TK', 'TK']);
  });

  it('counts them in every text of a stored document readers could see, across marks but not across breaks', () => {
    const doc = {
      type: 'doc' as const,
      version: 1 as const,
      content: [
        {
          type: 'paragraph' as const,
          content: [
            { type: 'text' as const, text: 'Split T', marks: [{ type: 'bold' as const }] },
            { type: 'text' as const, text: 'K here' },
          ],
        },
        {
          type: 'paragraph' as const,
          content: [
            { type: 'text' as const, text: 'T' },
            { type: 'break' as const },
            { type: 'text' as const, text: 'K' },
          ],
        },
        { type: 'heading' as const, level: 2 as const, content: [{ type: 'text' as const, text: 'TK' }] },
        { type: 'list' as const, ordered: false, items: [{ content: [{ type: 'text' as const, text: 'TKTK' }] }] },
        { type: 'quote' as const, paragraphs: [[{ type: 'text' as const, text: 'no' }]], cite: 'TK' },
        { type: 'image' as const, imageId: '0190f0a4-5d6e-7000-8000-000000000000', caption: 'TK', credit: 'TKO' },
        { type: 'embed' as const, html: '<p>TK</p>', caption: '[TK]' },
        { type: 'divider' as const },
      ],
    };
    // The embed's own HTML is the provider's, not the newsroom's text.
    assert.equal(countTk(doc), 6);
  });
});

describe('word count and reading time', () => {
  it('counts words in any script, with apostrophes, hyphens and numbers, and no punctuation', () => {
    assert.equal(countWords(''), 0);
    assert.equal(countWords('  — … !  '), 0);
    assert.equal(countWords("Don't stop the co-op's 3.5 million, 1,200 votes"), 8);
    assert.equal(countWords('El niño comió año—tras—año'), 6);
    assert.equal(countWords('line\nbreak'), 2);
  });

  it('gives whole minutes at 230 words a minute, rounded up', () => {
    assert.equal(readingMinutes(0), 0);
    assert.equal(readingMinutes(1), 1);
    assert.equal(readingMinutes(230), 1);
    assert.equal(readingMinutes(231), 2);
    assert.equal(readingMinutes(10_000), 44);
  });
});

describe('link addresses', () => {
  it('accepts http(s), mailto, site-relative and # links, and nothing else', () => {
    for (const ok of ['https://example.com/a?b#c', 'http://x.org', 'mailto:desk@example.com', '/politics/x', '#notes'])
      assert.equal(isAllowedHref(ok), true, ok);
    for (const bad of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'data:text/html,x',
      'vbscript:x',
      '//evil.example/x',
      '/\\evil.example',
      'ftp://x.org',
      'https://',
      'mailto:',
      '',
      'example.com',
    ])
      assert.equal(isAllowedHref(bad), false, bad);
  });

  it('reads a typed bare domain as https and a bare address as mail', () => {
    assert.equal(typedHref(' example.com/a '), 'https://example.com/a');
    assert.equal(typedHref('desk@example.com'), 'mailto:desk@example.com');
    assert.equal(typedHref('javascript:alert(1)'), 'javascript:alert(1)');
    assert.equal(typedHref('/about'), '/about');
  });
});
