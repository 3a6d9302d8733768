import type { Node } from 'prosemirror-model';
import { Plugin, PluginKey, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { findTk } from '../../../editor/tk.ts';

/*
 * Highlights every TK (the rule is src/editor/tk.ts, shared with the server, which refuses to
 * publish while one is left). Typing must stay fast in a 10,000-word article, so only the text
 * blocks a change touched are searched again; the rest of the highlights are mapped along.
 */

export const tkKey = new PluginKey<DecorationSet>('tk');

const highlight = (from: number, to: number) => Decoration.inline(from, to, { class: 'tk' });

/** The highlights of one text block at pos. A hard break splits words, as it does in the stored text. */
function blockDecorations(block: Node, pos: number): Decoration[] {
  const decorations: Decoration[] = [];
  let text = '';
  const offsets: number[] = [];
  block.forEach((child, offset) => {
    const piece = child.isText ? (child.text ?? '') : '\n';
    for (let i = 0; i < piece.length; i += 1) offsets.push(pos + 1 + offset + (child.isText ? i : 0));
    text += piece;
  });
  for (const { from, to } of findTk(text)) {
    const start = offsets[from];
    const end = offsets[to - 1];
    if (start !== undefined && end !== undefined) decorations.push(highlight(start, end + 1));
  }
  return decorations;
}

function allDecorations(doc: Node): DecorationSet {
  const decorations: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (node.isTextblock) {
      decorations.push(...blockDecorations(node, pos));
      return false;
    }
    return true;
  });
  return DecorationSet.create(doc, decorations);
}

function updateDecorations(set: DecorationSet, tr: Transaction): DecorationSet {
  let next = set.map(tr.mapping, tr.doc);
  // The ranges the change wrote, in the new document.
  const touched: Array<[number, number]> = [];
  tr.mapping.maps.forEach((map, index) => {
    map.forEach((_oldStart, _oldEnd, newStart, newEnd) => {
      const rest = tr.mapping.slice(index + 1);
      touched.push([rest.map(newStart, -1), rest.map(newEnd, 1)]);
    });
  });
  for (const [from, to] of touched) {
    const start = Math.max(0, Math.min(from, tr.doc.content.size));
    const end = Math.max(start, Math.min(to, tr.doc.content.size));
    tr.doc.nodesBetween(start, end, (node, pos) => {
      if (!node.isTextblock) return true;
      next = next.remove(next.find(pos, pos + node.nodeSize)).add(tr.doc, blockDecorations(node, pos));
      return false;
    });
  }
  return next;
}

/** The TK highlights; `tkCount(state)` says how many there are. */
export const tkHighlight = new Plugin<DecorationSet>({
  key: tkKey,
  state: {
    init: (_config, state) => allDecorations(state.doc),
    apply: (tr, set) => (tr.docChanged ? updateDecorations(set, tr) : set),
  },
  props: {
    decorations: (state) => tkKey.getState(state),
  },
});

/** How many TKs the editor's text holds now (captions are counted by countTk on the stored form). */
export function tkCount(state: Parameters<typeof tkKey.getState>[0]): number {
  return tkKey.getState(state)?.find().length ?? 0;
}
