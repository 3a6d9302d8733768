import type { ArticleDocument, InlineNode } from '../content/document.ts';

/*
 * "TK" is the newsroom's mark for something still to come ("to kum"): a fact to check, a quote to
 * get. It is written in capitals, alone or repeated ("TK", "TKTK", "[TK]"), and never inside a
 * word ("TKO", "ATK" are words). The editor highlights every one and the server refuses to publish
 * while one is left, so both read this file.
 */

// Letters and digits of any script make a word; TK touching one is part of that word.
const TK = /(?<![\p{L}\p{N}_])(?:TK)+(?![\p{L}\p{N}_])/gu;

/** Where each TK placeholder sits in a text (UTF-16 offsets, `to` exclusive). */
export function findTk(text: string): Array<{ from: number; to: number }> {
  const found: Array<{ from: number; to: number }> = [];
  for (const match of text.matchAll(TK)) found.push({ from: match.index, to: match.index + match[0].length });
  return found;
}

// Texts of one block are read together, so a TK split by a mark ("T" bold, "K" not) is still one;
// a line break separates words.
const inlineText = (nodes: readonly InlineNode[]): string =>
  nodes.map((node) => (node.type === 'text' ? node.text : '\n')).join('');

/** Every text of a stored document a reader could see: block texts, the quote's cite, captions and credits. */
function documentTexts(doc: ArticleDocument): string[] {
  const texts: string[] = [];
  for (const block of doc.content) {
    switch (block.type) {
      case 'paragraph':
      case 'heading':
        texts.push(inlineText(block.content));
        break;
      case 'list':
        for (const item of block.items) texts.push(inlineText(item.content));
        break;
      case 'quote':
        for (const paragraph of block.paragraphs) texts.push(inlineText(paragraph));
        if (block.cite) texts.push(block.cite);
        break;
      case 'image':
        for (const text of [block.alt, block.caption, block.credit]) if (text) texts.push(text);
        break;
      case 'embed':
        if (block.caption) texts.push(block.caption);
        break;
      default:
        break;
    }
  }
  return texts;
}

/** How many TK placeholders a stored document holds; publishing waits until this is 0. */
export function countTk(doc: ArticleDocument): number {
  return documentTexts(doc).reduce((sum, text) => sum + findTk(text).length, 0);
}
