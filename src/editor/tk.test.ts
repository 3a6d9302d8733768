import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fs from 'node:fs';
import type { ArticleDocument } from '../content/document.ts';
import { countTk, countTkInBlock, findTk, tkPlaces } from './tk.ts';
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

describe('TK: the rule, and where an article still holds one', () => {
  it('counts TK as a word of its own, repeated or in brackets, and nothing that merely contains the letters', () => {
    const cases: Array<[string, number]> = [
      ['TK', 1],
      ['The mayor, TK, said', 1],
      ['TKTK', 1],
      ['TKTKTK more', 1],
      ['[TK]', 1],
      ['(TK)', 1],
      ['TK.', 1],
      ['“TK”', 1],
      ['TK-TK', 2],
      ['TK TK', 2],
      ['Population: TK\nBudget: TK', 2],
      ['TKO', 0],
      ['OTK', 0],
      ['TK1', 0],
      ['1TK', 0],
      ['ATKINS', 0],
      ['Atkins', 0],
      ['tk', 0],
      ['Tk', 0],
      ['tK', 0],
      ['TKs', 0],
      ['TK_x', 0],
      ['ÑTK', 0],
      ['TKé', 0],
      ['', 0],
    ];
    for (const [text, expected] of cases) assert.equal(findTk(text).length, expected, JSON.stringify(text));
  });

  it('says where each one is, in the offsets the DOM and ProseMirror count', () => {
    assert.deepEqual(findTk('Ages TK and TKTK.'), [
      { from: 5, to: 7 },
      { from: 12, to: 16 },
    ]);
    // An emoji is two UTF-16 code units before it.
    assert.deepEqual(findTk('🌵 TK'), [{ from: 3, to: 5 }]);
    assert.deepEqual(findTk('nothing here'), []);
  });

  it('finds TK in every text of every block a reader sees, and not across two texts', () => {
    const doc: ArticleDocument = {
      type: 'doc',
      version: 1,
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Clean.' }] },
        // Split by marks, it is still one word: the block's text is read whole.
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'T', marks: [{ type: 'bold' }] },
            { type: 'text', text: 'K is here' },
          ],
        },
        { type: 'heading', level: 2, content: [{ type: 'text', text: 'TK' }] },
        { type: 'list', ordered: false, items: [{ content: [{ type: 'text', text: 'one TK' }] }, { content: [] }] },
        { type: 'quote', paragraphs: [[{ type: 'text', text: 'Said TK' }]], cite: 'TK, mayor' },
        {
          type: 'image',
          imageId: '0190b6b2-0000-7000-8000-000000000000',
          alt: 'TK',
          caption: 'TK',
          credit: 'Photo: TK',
        },
        { type: 'embed', html: '<p>TK in the embed’s own markup is theirs</p>', caption: 'Chart: TK' },
        { type: 'divider' },
        // A text ending in T and the next starting with K are two texts, not one TK.
        { type: 'quote', paragraphs: [[{ type: 'text', text: 'ends with T' }], [{ type: 'text', text: 'K starts' }]] },
      ],
    };
    assert.deepEqual(
      doc.content.map((block) => countTkInBlock(block)),
      [0, 1, 1, 1, 2, 3, 1, 0, 0],
    );
    assert.deepEqual(tkPlaces({ headline: 'Vote count TK', dek: 'No placeholder', seoTitle: 'TKTK' }, doc), [
      { field: 'headline', count: 1 },
      { field: 'seoTitle', count: 1 },
      { field: 'body', block: 1, count: 1 },
      { field: 'body', block: 2, count: 1 },
      { field: 'body', block: 3, count: 1 },
      { field: 'body', block: 4, count: 2 },
      { field: 'body', block: 5, count: 3 },
      { field: 'body', block: 6, count: 1 },
    ]);
    assert.deepEqual(tkPlaces({ headline: 'All done' }, { type: 'doc', version: 1, content: [] }), []);
  });

  it('can go in the browser bundle: it imports no Node built-in and no server module', () => {
    const source = fs.readFileSync(new URL('./tk.ts', import.meta.url), 'utf8');
    const imports = [...source.matchAll(/^import\s+(type\s+)?.*from\s+'([^']+)'/gm)];
    for (const [, typeOnly, from] of imports)
      assert.ok(typeOnly || (!from?.startsWith('node:') && !from?.includes('/content/')), `imports ${from}`);
  });
});
