import type { Command } from 'prosemirror-state';
import type { MessageKey, Translate } from '../messages.ts';
import { insertDivider, insertPreviewEnd, insertQuote, setHeading, setParagraph, toggleList } from './commands.ts';

/** Dialogs a block needs before it can go in (the editor component opens them). */
export type BlockDialog = 'image' | 'related' | 'embed';

/** One thing the slash and "+" menus insert: a command, or a dialog that ends in one. */
export interface BlockItem {
  id: string;
  label: MessageKey;
  /** More words that find it, in English; the label finds it in the staff member's language. */
  keywords: string;
  action: { command: Command } | { dialog: BlockDialog };
}

export const BLOCK_ITEMS: readonly BlockItem[] = [
  { id: 'paragraph', label: 'editor.paragraph', keywords: 'text p', action: { command: setParagraph } },
  {
    id: 'heading2',
    label: 'editor.heading2',
    keywords: 'h2 heading subheading title',
    action: { command: setHeading(2) },
  },
  { id: 'heading3', label: 'editor.heading3', keywords: 'h3 heading subheading', action: { command: setHeading(3) } },
  { id: 'heading4', label: 'editor.heading4', keywords: 'h4 heading subheading', action: { command: setHeading(4) } },
  {
    id: 'bullets',
    label: 'editor.bullets',
    keywords: 'ul unordered bullet list',
    action: { command: toggleList(false) },
  },
  {
    id: 'numbers',
    label: 'editor.numbers',
    keywords: 'ol ordered numbered list',
    action: { command: toggleList(true) },
  },
  { id: 'quote', label: 'editor.quote', keywords: 'blockquote citation pull', action: { command: insertQuote } },
  { id: 'divider', label: 'editor.divider', keywords: 'hr rule separator line', action: { command: insertDivider } },
  {
    id: 'previewEnd',
    label: 'editor.previewEnd',
    keywords: 'paywall free preview members paid more',
    action: { command: insertPreviewEnd },
  },
  { id: 'image', label: 'editor.image', keywords: 'picture photo upload img', action: { dialog: 'image' } },
  { id: 'related', label: 'editor.relatedStory', keywords: 'card link article story', action: { dialog: 'related' } },
  {
    id: 'embed',
    label: 'editor.embed',
    keywords: 'video youtube vimeo tweet x instagram tiktok map chart datawrapper flourish documentcloud',
    action: { dialog: 'embed' },
  },
];

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The blocks a text offers: a static page has no paywall, so no free-preview marker. */
export const blockItems = (options: { freePreview: boolean }): readonly BlockItem[] =>
  options.freePreview ? BLOCK_ITEMS : BLOCK_ITEMS.filter((item) => item.id !== 'previewEnd');

/** The items whose label (in the staff member's language) or keywords hold every word typed. */
export function filterItems(query: string, t: Translate, items: readonly BlockItem[] = BLOCK_ITEMS): BlockItem[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  return items.filter((item) => {
    const haystack = fold(`${t(item.label)} ${item.id} ${item.keywords}`);
    return words.every((word) => haystack.includes(word));
  });
}
