import type { ArticleDocument, Block, InlineNode } from '../content/document.ts';

/*
 * "TK", the newsroom's "to come": a placeholder for a fact, a name or a number still being checked.
 * An article holding one cannot be published or scheduled (src/content/publishing.service.ts), and
 * the editor highlights and counts them with these same functions, so the browser and the server
 * never disagree. No Node built-ins or server modules here: the browser bundle shares this file.
 *
 * The rule (docs/decisions.md, "TK"): the capital letters T and K, once or repeated (TK, TKTK,
 * TKTKTK), standing as a word of their own: no letter or digit, in any alphabet, directly before or
 * after. So "TK", "TKTK", "[TK]", "(TK)", "TK." and "TK-TK" (two) count; "TKO", "OTK", "TK1",
 * "ATKINS", "tk" and "Tk" do not. A repeated TKTK is one placeholder.
 */
const TK = /(?<![\p{L}\p{N}])(?:TK)+(?![\p{L}\p{N}])/gu;

/** Where each TK placeholder is in a text: [from, to) offsets in UTF-16 code units, as the DOM and ProseMirror count. */
export function findTk(text: string): Array<{ from: number; to: number }> {
  // A quick test first: almost every text has no "TK" at all.
  if (!text.includes('TK')) return [];
  return [...text.matchAll(TK)].map((match) => ({ from: match.index, to: match.index + match[0].length }));
}

/** How many TK placeholders a text holds. */
export function countTk(text: string): number {
  return findTk(text).length;
}

/** Where an article still holds TK: a field by name, or a block of the body by its index; and how many. */
export interface TkPlace {
  field: string;
  /** The body block's index (0 is the first), when the field is `body`. */
  block?: number;
  count: number;
}

const inlineText = (nodes: readonly InlineNode[]): string =>
  nodes.map((node) => (node.type === 'text' ? node.text : '\n')).join('');

/** Every text of a block a reader can see, each apart (a TK cannot run from one into the next). */
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
    case 'embed':
      return [block.caption ?? ''];
    default:
      return [];
  }
}

/** How many TK placeholders a body block holds. */
export function countTkInBlock(block: Block): number {
  return blockTexts(block).reduce((sum, text) => sum + countTk(text), 0);
}

/**
 * Every place an article still holds TK: its text fields in the order given (headline, dek…),
 * then each body block that has one. Empty when the article is ready to go out.
 */
export function tkPlaces(fields: Readonly<Record<string, string>>, body?: ArticleDocument): TkPlace[] {
  const places: TkPlace[] = [];
  for (const [field, text] of Object.entries(fields)) {
    const count = countTk(text);
    if (count) places.push({ field, count });
  }
  body?.content.forEach((block, index) => {
    const count = countTkInBlock(block);
    if (count) places.push({ field: 'body', block: index, count });
  });
  return places;
}
