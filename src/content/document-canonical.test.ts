import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type ArticleDocument, type Block, documentProblems, type InlineNode } from './document.ts';
import { normalizeDocument } from './document-canonical.ts';
import { fromProseMirror, type PMNodeJSON, toProseMirror } from '../editor/convert.ts';

const doc = (...content: Block[]): ArticleDocument => ({ type: 'doc', version: 2, content });
const paragraph = (...content: InlineNode[]): Block => ({ type: 'paragraph', content });
const text = (value: string, ...marks: NonNullable<Extract<InlineNode, { type: 'text' }>['marks']>): InlineNode =>
  marks.length ? { type: 'text', text: value, marks } : { type: 'text', text: value };
const bold = { type: 'bold' } as const;
const italic = { type: 'italic' } as const;
const link = (href: string) => ({ type: 'link', href }) as const;
const ID = '0190b3c4-1234-7abc-8def-0123456789ab';

/** The canonical form is what is expected, and the editor gives exactly that back. */
function expectCanonical(input: ArticleDocument, expected: ArticleDocument, pm?: PMNodeJSON): void {
  assert.deepEqual(normalizeDocument(input), expected);
  assert.deepEqual(fromProseMirror(toProseMirror(input)), expected);
  assert.equal(documentProblems(expected), null);
  if (pm) assert.deepEqual(toProseMirror(input), pm);
}

describe('the canonical form', () => {
  it('keeps a document with no blocks', () => {
    expectCanonical(doc(), doc(), { type: 'doc' });
  });

  it('keeps an empty paragraph, and drops empty texts until one is', () => {
    expectCanonical(doc(paragraph()), doc(paragraph()), { type: 'doc', content: [{ type: 'paragraph' }] });
    expectCanonical(doc(paragraph(text(''), text('', bold))), doc(paragraph()));
  });

  it('keeps whitespace-only texts, and breaks between texts that could otherwise join', () => {
    const content = [text(' '), { type: 'break' as const }, text(' \n\u00a0')];
    expectCanonical(doc(paragraph(...content)), doc(paragraph(...content)));
  });

  it('keeps a list item with no content', () => {
    const list: Block = { type: 'list', ordered: true, items: [{ content: [] }, { content: [text('two')] }] };
    expectCanonical(doc(list), doc(list), {
      type: 'doc',
      content: [
        {
          type: 'list',
          attrs: { ordered: true },
          content: [
            { type: 'list_item', content: [{ type: 'paragraph' }] },
            { type: 'list_item', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'two' }] }] },
          ],
        },
      ],
    });
  });

  it('keeps a quote with an empty paragraph, and tells an empty cite from none', () => {
    const withoutCite: Block = { type: 'quote', paragraphs: [[]] };
    const emptyCite: Block = { type: 'quote', paragraphs: [[], [text('Yes.')]], cite: '' };
    expectCanonical(doc(withoutCite, emptyCite), doc(withoutCite, emptyCite), {
      type: 'doc',
      content: [
        { type: 'quote', content: [{ type: 'paragraph' }] },
        {
          type: 'quote',
          content: [
            { type: 'paragraph' },
            { type: 'paragraph', content: [{ type: 'text', text: 'Yes.' }] },
            { type: 'cite' },
          ],
        },
      ],
    });
  });

  it('orders marks bold, italic, link, keeps each once (the first link), and leaves out no marks', () => {
    const input = doc(
      paragraph(text('a', link('/first'), italic, bold, bold, link('/second')), text(' b', italic), text('c')),
      paragraph(text('d', ...[])),
    );
    expectCanonical(
      input,
      doc(paragraph(text('a', bold, italic, link('/first')), text(' b', italic), text('c')), paragraph(text('d'))),
    );
    assert.deepEqual(
      normalizeDocument(doc(paragraph({ type: 'text', text: 'x', marks: [] }))),
      doc(paragraph(text('x'))),
    );
  });

  it('joins neighbouring texts with the same marks, a link to the same address included', () => {
    const input = doc(
      paragraph(
        text('Read ', link('/a')),
        text('the ', link('/a')),
        text('budget', link('/a'), bold),
        text('', bold),
        text(' now', bold, link('/a')),
        text(' here', link('/b')),
      ),
    );
    expectCanonical(
      input,
      doc(paragraph(text('Read the ', link('/a')), text('budget now', bold, link('/a')), text(' here', link('/b')))),
    );
  });

  it('tells an empty image caption (hides the image’s own) from an absent one (shows it)', () => {
    const image: Block = { type: 'image', imageId: ID, caption: '', alt: 'A street' };
    const bare: Block = { type: 'image', imageId: ID };
    const embed: Block = { type: 'embed', html: '', caption: '' };
    expectCanonical(doc(image, bare, embed), doc(image, bare, embed), {
      type: 'doc',
      content: [
        { type: 'image', attrs: { imageId: ID, alt: 'A street', caption: '', credit: null } },
        { type: 'image', attrs: { imageId: ID, alt: null, caption: null, credit: null } },
        { type: 'embed', attrs: { html: '', caption: '' } },
      ],
    });
  });

  it('cuts a joined text longer than a stored text may be, never inside a character', () => {
    const half = 'x'.repeat(15000);
    expectCanonical(
      doc(paragraph(text(half, italic), text(half, italic))),
      doc(paragraph(text('x'.repeat(20000), italic), text('x'.repeat(10000), italic))),
    );
    // The 20,000th unit is the first half of an emoji, so the cut comes one before it.
    const astral = 'x' + '😀'.repeat(10000);
    expectCanonical(
      doc(paragraph(text(astral.slice(0, 10001)), text(astral.slice(10001)))),
      doc(paragraph(text('x' + '😀'.repeat(9999)), text('😀'))),
    );
  });

  it('is in the current format version, and keeps only the first free-preview marker', () => {
    const older: ArticleDocument = { type: 'doc', version: 1, content: [] };
    assert.deepEqual(normalizeDocument(older), doc());
    const text = (words: string): Block => ({ type: 'paragraph', content: [{ type: 'text', text: words }] });
    assert.deepEqual(
      normalizeDocument(
        doc(text('Free'), { type: 'preview_end' }, text('Paid'), { type: 'preview_end' }, text('More')),
      ),
      doc(text('Free'), { type: 'preview_end' }, text('Paid'), text('More')),
    );
  });
});
