import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fs from 'node:fs';
import type { ArticleDocument } from '../content/document.ts';
import { countTk, countTkInBlock, findTk, tkPlaces } from './tk.ts';

describe('TK, the newsroom’s “to come”', () => {
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
      ['ÑTK', 0],
      ['TKé', 0],
      ['', 0],
    ];
    for (const [text, expected] of cases) assert.equal(countTk(text), expected, JSON.stringify(text));
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
