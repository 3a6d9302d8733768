import type { ArticleDocument, Block, InlineNode } from './document.ts';
// The version comes from the limits file, not ./document.ts, so the editor's bundle carries no TypeBox.
import { DOCUMENT_VERSION } from './document-limits.ts';
import { TEXT_MAX_LENGTH } from './document-limits.ts';

/*
 * The canonical form of a stored document (docs/document-format.md, "Canonical form"): the one way
 * of writing each body that the editor gives back. The stored format allows several ways of
 * writing the same text (empty text nodes, one run of text split in pieces, marks in any order);
 * ProseMirror keeps only one, so these rules are exactly the ones its model imposes, no more.
 */

type TextNode = Extract<InlineNode, { type: 'text' }>;
type Mark = NonNullable<TextNode['marks']>[number];

const MARK_ORDER: ReadonlyArray<Mark['type']> = ['bold', 'italic', 'link'];

/**
 * A text's marks in the order bold, italic, link, each at most once. Of two links the first is
 * kept: the renderer nests the later one outside it, and browsers split nested anchors so that the
 * inner one is what readers follow.
 */
function canonicalMarks(marks: readonly Mark[] | undefined): Mark[] {
  const kept: Mark[] = [];
  for (const type of MARK_ORDER) {
    const mark = marks?.find((candidate) => candidate.type === type);
    if (mark) kept.push(mark.type === 'link' ? { type: 'link', href: mark.href } : { type: mark.type });
  }
  return kept;
}

const sameMarks = (a: readonly Mark[], b: readonly Mark[]): boolean =>
  a.length === b.length &&
  a.every((mark, index) => {
    const other = b[index];
    return other?.type === mark.type && (mark.type !== 'link' || (other.type === 'link' && other.href === mark.href));
  });

const textNode = (text: string, marks: Mark[]): TextNode =>
  marks.length ? { type: 'text', text, marks } : { type: 'text', text };

/**
 * Inline nodes as ProseMirror holds them: empty texts dropped, marks canonical (none means no
 * `marks` field), and neighbouring texts with the same marks joined into one, however long.
 */
export function joinedInlines(nodes: readonly InlineNode[]): InlineNode[] {
  const out: InlineNode[] = [];
  for (const node of nodes) {
    if (node.type === 'break') {
      out.push({ type: 'break' });
      continue;
    }
    if (node.text === '') continue;
    const marks = canonicalMarks(node.marks);
    const last = out.at(-1);
    if (last?.type === 'text' && sameMarks(last.marks ?? [], marks)) {
      out[out.length - 1] = textNode(last.text + node.text, marks);
    } else {
      out.push(textNode(node.text, marks));
    }
  }
  return out;
}

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/**
 * A joined text longer than a stored text may be, cut into pieces of the maximum length. A cut
 * never falls inside a surrogate pair: half a character would be lost on the way to the database.
 */
function cutText(text: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  while (text.length - start > TEXT_MAX_LENGTH) {
    let end = start + TEXT_MAX_LENGTH;
    if (isHighSurrogate(text.charCodeAt(end - 1)) && isLowSurrogate(text.charCodeAt(end))) end -= 1;
    pieces.push(text.slice(start, end));
    start = end;
  }
  pieces.push(text.slice(start));
  return pieces;
}

/** Inline nodes in canonical form: joined as ProseMirror holds them, then cut to the stored limit. */
export function normalizeInlines(nodes: readonly InlineNode[]): InlineNode[] {
  return joinedInlines(nodes).flatMap((node) =>
    node.type === 'text' && node.text.length > TEXT_MAX_LENGTH
      ? cutText(node.text).map((text) => textNode(text, node.marks ?? []))
      : [node],
  );
}

/** An optional string field: kept when present (even empty), left out when absent. */
const optional = <K extends string>(key: K, value: string | undefined): { [P in K]?: string } =>
  (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };

function normalizeBlock(block: Block): Block {
  switch (block.type) {
    case 'paragraph':
      return { type: 'paragraph', content: normalizeInlines(block.content) };
    case 'heading':
      return { type: 'heading', level: block.level, content: normalizeInlines(block.content) };
    case 'list':
      return {
        type: 'list',
        ordered: block.ordered,
        items: block.items.map((item) => ({ content: normalizeInlines(item.content) })),
      };
    case 'quote':
      return { type: 'quote', paragraphs: block.paragraphs.map(normalizeInlines), ...optional('cite', block.cite) };
    case 'image':
      return {
        type: 'image',
        imageId: block.imageId,
        ...optional('alt', block.alt),
        ...optional('caption', block.caption),
        ...optional('credit', block.credit),
      };
    case 'related':
      return { type: 'related', articleId: block.articleId };
    case 'embed':
      return { type: 'embed', html: block.html, ...optional('caption', block.caption) };
    case 'divider':
      return { type: 'divider' };
    case 'preview_end':
      return { type: 'preview_end' };
  }
}

/** The blocks with only the first free-preview marker: readers are shown up to it anyway. */
export function withOnePreviewEnd(blocks: readonly Block[]): Block[] {
  const first = blocks.findIndex((block) => block.type === 'preview_end');
  return blocks.filter((block, index) => block.type !== 'preview_end' || index === first);
}

/**
 * A stored document in canonical form; idempotent, and what the editor gives back for it. It is in
 * the current format version, and a free preview ends once (withOnePreviewEnd).
 */
export function normalizeDocument(doc: ArticleDocument): ArticleDocument {
  return { type: 'doc', version: DOCUMENT_VERSION, content: withOnePreviewEnd(doc.content).map(normalizeBlock) };
}
