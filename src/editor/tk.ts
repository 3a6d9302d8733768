import type { ArticleDocument, Block, InlineNode } from '../content/document.ts';

/*
 * "TK" is the newsroom's mark for something still to come ("to kum"): a fact to check, a quote to
 * get. It is written in capitals, alone or repeated ("TK", "TKTK", "[TK]"), and never inside a
 * word ("TKO", "ATK" are words). The editor highlights every one and the server refuses to publish
 * or schedule while one is left (src/content/publishing.service.ts), so both read this file: no
 * Node built-ins or server modules here, the browser bundle shares it.
 *
 * The rule (docs/decisions.md, "TK"): the capital letters T and K, once or repeated (TK, TKTK,
 * TKTKTK), standing as a word of their own: no letter, digit or underscore, in any alphabet,
 * directly before or after. So "TK", "TKTK", "[TK]", "(TK)", "TK." and "TK—TK" (two) count;
 * "TKO", "ATK", "TK1", "TK_x", "tk" and "Tk" do not. A repeated TKTK is one placeholder.
 */

// Letters and digits of any script make a word; TK touching one is part of that word.
const TK = /(?<![\p{L}\p{N}_])(?:TK)+(?![\p{L}\p{N}_])/gu;

/** Where each TK placeholder sits in a text (UTF-16 offsets, as the DOM and ProseMirror count; `to` exclusive). */
export function findTk(text: string): Array<{ from: number; to: number }> {
  const found: Array<{ from: number; to: number }> = [];
  // A quick test first: almost every text has no "TK" at all.
  if (!text.includes('TK')) return found;
  for (const match of text.matchAll(TK)) found.push({ from: match.index, to: match.index + match[0].length });
  return found;
}

// Texts of one block are read together, so a TK split by a mark ("T" bold, "K" not) is still one;
// a line break separates words.
const inlineText = (nodes: readonly InlineNode[]): string =>
  nodes.map((node) => (node.type === 'text' ? node.text : '\n')).join('');

/** Every text of a block a reader could see, each apart (a TK cannot run from one into the next). */
function blockTexts(block: Block): string[] {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      return [inlineText(block.content)];
    case 'list':
      return block.items.map((item) => inlineText(item.content));
    case 'quote':
      return [...block.paragraphs.map(inlineText), block.cite ?? ''];
    case 'image':
      return [block.alt ?? '', block.caption ?? '', block.credit ?? ''];
    // The embed's own HTML is the provider's, not the newsroom's text.
    case 'embed':
      return [block.caption ?? ''];
    default:
      return [];
  }
}

/** How many TK placeholders a body block holds. */
export function countTkInBlock(block: Block): number {
  return blockTexts(block).reduce((sum, text) => sum + findTk(text).length, 0);
}

/** How many TK placeholders a stored document holds; publishing waits until this is 0. */
export function countTk(doc: ArticleDocument): number {
  return doc.content.reduce((sum, block) => sum + countTkInBlock(block), 0);
}

/** Where an article still holds TK: a field by name, or a block of the body by its index; and how many. */
export interface TkPlace {
  field: string;
  /** The body block's index (0 is the first), when the field is `body`. */
  block?: number;
  count: number;
}

/**
 * Every place an article still holds TK: its text fields in the order given (headline, dek…),
 * then each body block that has one. Empty when the article is ready to go out.
 */
export function tkPlaces(fields: Readonly<Record<string, string>>, body?: ArticleDocument): TkPlace[] {
  const places: TkPlace[] = [];
  for (const [field, text] of Object.entries(fields)) {
    const count = findTk(text).length;
    if (count) places.push({ field, count });
  }
  body?.content.forEach((block, index) => {
    const count = countTkInBlock(block);
    if (count) places.push({ field: 'body', block: index, count });
  });
  return places;
}
