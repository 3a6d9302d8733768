import fc from 'fast-check';
import type { ArticleDocument, Block, InlineNode } from '../content/document.ts';

/*
 * fast-check arbitraries for stored documents (docs/document-format.md): every block type, every
 * mark in any order and repeated, breaks, empty texts, whitespace and all of Unicode. Texts and
 * links come from small pools often enough that neighbours share marks and hrefs, so the canonical
 * form's joining is exercised, not only its happy path.
 */

const text = fc.oneof(
  fc.constant(''),
  fc.constantFrom(' ', '  ', '\n', '\t', '\u00a0', '\u200b', ' \n '),
  fc.constantFrom('a', 'b', 'ñ', 'Ü', '日本', '👩🏽‍💻', '\u0301'),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
);

const href = fc.oneof(
  fc.constantFrom('/politics/budget', 'https://example.org/a?b=1#c', 'mailto:desk@example.org', '#top', 'javascript:x'),
  fc.webUrl(),
);

const mark = fc.oneof(
  fc.constant({ type: 'bold' as const }),
  fc.constant({ type: 'italic' as const }),
  href.map((value) => ({ type: 'link' as const, href: value })),
);

const textNode: fc.Arbitrary<InlineNode> = fc.record(
  { type: fc.constant('text' as const), text, marks: fc.array(mark, { maxLength: 5 }) },
  { requiredKeys: ['type', 'text'] },
);

const inline: fc.Arbitrary<InlineNode> = fc.oneof(
  { arbitrary: textNode, weight: 6 },
  { arbitrary: fc.constant({ type: 'break' as const }), weight: 1 },
);

const inlines = fc.array(inline, { maxLength: 8 });
const uuid = fc.uuid();
const caption = fc.oneof(fc.constant(''), text);

const block: fc.Arbitrary<Block> = fc.oneof(
  fc.record({ type: fc.constant('paragraph' as const), content: inlines }),
  fc.record({
    type: fc.constant('heading' as const),
    level: fc.constantFrom(2 as const, 3 as const, 4 as const),
    content: inlines,
  }),
  fc.record({
    type: fc.constant('list' as const),
    ordered: fc.boolean(),
    items: fc.array(fc.record({ content: inlines }), { minLength: 1, maxLength: 4 }),
  }),
  fc.record(
    {
      type: fc.constant('quote' as const),
      paragraphs: fc.array(inlines, { minLength: 1, maxLength: 3 }),
      cite: caption,
    },
    { requiredKeys: ['type', 'paragraphs'] },
  ),
  fc.record(
    { type: fc.constant('image' as const), imageId: uuid, alt: caption, caption, credit: caption },
    { requiredKeys: ['type', 'imageId'] },
  ),
  fc.record({ type: fc.constant('related' as const), articleId: uuid }),
  fc.record(
    { type: fc.constant('embed' as const), html: fc.oneof(fc.constant(''), fc.string()), caption },
    { requiredKeys: ['type', 'html'] },
  ),
  fc.constant({ type: 'divider' as const }),
  fc.constant({ type: 'preview_end' as const }),
);

/** Any valid stored document (within the format's limits), zero blocks included. */
export const storedDocument: fc.Arbitrary<ArticleDocument> = fc.record({
  type: fc.constant('doc' as const),
  version: fc.constantFrom(1 as const, 2 as const),
  content: fc.array(block, { maxLength: 8 }),
});
