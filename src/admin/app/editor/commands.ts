import { chainCommands, lift, setBlockType, splitBlockAs, toggleMark, wrapIn } from 'prosemirror-commands';
import type { MarkType, Node, NodeType } from 'prosemirror-model';
import { liftListItem, splitListItem, wrapInList } from 'prosemirror-schema-list';
import { type Command, type EditorState, NodeSelection, TextSelection } from 'prosemirror-state';
import { editorSchema } from '../../../editor/schema.ts';

/*
 * What the toolbar, the keyboard, the block menus and the input rules do to the text, in one place
 * so each way of asking runs the same command.
 */

const { nodes, marks } = editorSchema;

export const toggleBold = toggleMark(marks.bold);
export const toggleItalic = toggleMark(marks.italic);
export const setParagraph = setBlockType(nodes.paragraph);
export const setHeading = (level: 2 | 3 | 4): Command => setBlockType(nodes.heading, { level });

/** The nearest ancestor of the selection of a type, with its depth. */
function ancestor(state: EditorState, type: NodeType): { node: Node; depth: number; pos: number } | undefined {
  const { $from } = state.selection;
  for (let depth = $from.depth; depth > 0; depth -= 1) {
    const node = $from.node(depth);
    if (node.type === type) return { node, depth, pos: $from.before(depth) };
  }
  return undefined;
}

/**
 * Bulleted or numbered list: wraps the selection in one, switches a list of the other kind, or
 * (pressed again) turns the items back into paragraphs.
 */
export function toggleList(ordered: boolean): Command {
  return (state, dispatch) => {
    const list = ancestor(state, nodes.list);
    if (!list) return wrapInList(nodes.list, { ordered })(state, dispatch);
    if (list.node.attrs.ordered === ordered) return liftListItem(nodes.list_item)(state, dispatch);
    dispatch?.(state.tr.setNodeMarkup(list.pos, undefined, { ordered }));
    return true;
  };
}

/** Block quote: wraps the selected paragraphs in one, or lifts them out of it. */
export const toggleQuote: Command = (state, dispatch) =>
  ancestor(state, nodes.quote) ? lift(state, dispatch) : wrapIn(nodes.quote)(state, dispatch);

/** Adds the attribution line to the quote the cursor is in (or moves to it when there is one). */
export const addAttribution: Command = (state, dispatch) => {
  const quote = ancestor(state, nodes.quote);
  if (!quote) return false;
  if (dispatch) {
    // Where the quote's content ends: a cite there ends one before, a new cite goes there.
    const end = quote.pos + quote.node.nodeSize - 1;
    const tr = state.tr;
    if (quote.node.lastChild?.type === nodes.cite) tr.setSelection(TextSelection.create(tr.doc, end - 1));
    else tr.insert(end, nodes.cite.create()).setSelection(TextSelection.create(tr.doc, end + 1));
    dispatch(tr.scrollIntoView());
  }
  return true;
};

/** In the attribution line, Enter leaves the quote for a new paragraph below it. */
const leaveCite: Command = (state, dispatch) => {
  const { $from } = state.selection;
  if ($from.parent.type !== nodes.cite) return false;
  const after = $from.after($from.depth - 1);
  if (dispatch) {
    const tr = state.tr.insert(after, nodes.paragraph.create());
    dispatch(tr.setSelection(TextSelection.create(tr.doc, after + 1)).scrollIntoView());
  }
  return true;
};

/** Backspace in an empty attribution line removes it (the quote goes back to having none). */
const removeEmptyCite: Command = (state, dispatch) => {
  const { $from, empty } = state.selection;
  if (!empty || $from.parent.type !== nodes.cite || $from.parent.content.size > 0) return false;
  if (dispatch) {
    const tr = state.tr.delete($from.before(), $from.after());
    dispatch(tr.setSelection(TextSelection.near(tr.doc.resolve($from.before() - 1), -1)).scrollIntoView());
  }
  return true;
};

/** Enter in a list: a new item, or out of the list from an empty last one. */
const enterInList = chainCommands(splitListItem(nodes.list_item), (state, dispatch) => {
  const { $from } = state.selection;
  if ($from.parent.content.size > 0 || $from.node(-1)?.type !== nodes.list_item) return false;
  return liftListItem(nodes.list_item)(state, dispatch);
});

/**
 * Enter in a quote's paragraph: a new paragraph of the quote (ProseMirror would otherwise start the
 * attribution line, the other block a quote may hold there); in an empty last one, out of the quote.
 */
const enterInQuote: Command = (state, dispatch) => {
  const { $from } = state.selection;
  if ($from.parent.type !== nodes.paragraph || $from.node(-1)?.type !== nodes.quote) return false;
  if ($from.parent.content.size === 0) return lift(state, dispatch);
  return splitBlockAs(() => ({ type: nodes.paragraph }))(state, dispatch);
};

export const enterCommands = chainCommands(leaveCite, enterInList, enterInQuote);
export const backspaceCommands = removeEmptyCite;

/**
 * Puts a block (a divider, an image, a card, an embed) where the cursor is: replaces an empty
 * paragraph, else goes after the current block; a paragraph follows it when nothing does, so
 * writing goes on below.
 */
export function insertBlock(block: Node): Command {
  return (state, dispatch) => {
    const { $from } = state.selection;
    if (!dispatch) return true;
    const tr = state.tr;
    let pos: number;
    const top = $from.depth > 0 ? $from.before(1) : $from.pos;
    const topNode = $from.depth > 0 ? $from.node(1) : undefined;
    if (state.selection instanceof NodeSelection) {
      pos = state.selection.to;
      tr.insert(pos, block);
    } else if (topNode?.type === nodes.paragraph && topNode.content.size === 0) {
      pos = top;
      tr.replaceWith(top, top + topNode.nodeSize, block);
    } else {
      pos = topNode ? top + topNode.nodeSize : $from.pos;
      tr.insert(pos, block);
    }
    const after = pos + block.nodeSize;
    if (!tr.doc.resolve(after).nodeAfter) tr.insert(after, nodes.paragraph.create());
    tr.setSelection(TextSelection.near(tr.doc.resolve(after + 1)));
    dispatch(tr.scrollIntoView());
    return true;
  };
}

export const insertDivider: Command = (state, dispatch) => insertBlock(nodes.divider.create())(state, dispatch);

/** Where a locked story's free preview ends; a body has at most one, so a second moves it here. */
export const insertPreviewEnd: Command = (state, dispatch) => {
  if (!dispatch) return true;
  let existing: number | undefined;
  state.doc.forEach((block, offset) => {
    if (block.type === nodes.preview_end) existing = offset;
  });
  if (existing === undefined) return insertBlock(nodes.preview_end.create())(state, dispatch);
  const at = existing;
  return insertBlock(nodes.preview_end.create())(state, (tr) => {
    const from = tr.mapping.map(at);
    dispatch(tr.delete(from, from + 1));
  });
};

/** A new empty quote (with an attribution line to fill in) where the cursor is. */
export const insertQuote: Command = (state, dispatch) => {
  const { $from } = state.selection;
  if ($from.parent.type === nodes.paragraph && !ancestor(state, nodes.quote) && !ancestor(state, nodes.list))
    return wrapIn(nodes.quote)(state, dispatch);
  return insertBlock(nodes.quote.create(null, nodes.paragraph.create()))(state, dispatch);
};

export function isMarkActive(state: EditorState, type: MarkType): boolean {
  const { from, $from, to, empty } = state.selection;
  if (empty) return !!type.isInSet(state.storedMarks ?? $from.marks());
  return state.doc.rangeHasMark(from, to, type);
}

/** What kind of block the cursor is in, as the toolbar shows it. */
export type BlockKind = 'paragraph' | 'h2' | 'h3' | 'h4' | 'bullets' | 'numbers' | 'quote' | 'cite' | 'other';

export function blockKind(state: EditorState): BlockKind {
  const { $from } = state.selection;
  const list = ancestor(state, nodes.list);
  if (list) return list.node.attrs.ordered ? 'numbers' : 'bullets';
  if ($from.parent.type === nodes.cite) return 'cite';
  if (ancestor(state, nodes.quote)) return 'quote';
  if ($from.parent.type === nodes.heading) return `h${$from.parent.attrs.level as 2 | 3 | 4}`;
  if ($from.parent.type === nodes.paragraph) return 'paragraph';
  return 'other';
}

/** The link mark around the cursor (or the selection's start) and the range it covers. */
export function linkAt(state: EditorState): { from: number; to: number; href: string } | undefined {
  const { $from, from, to } = state.selection;
  const mark = marks.link.isInSet($from.marks()) ?? marks.link.isInSet($from.nodeAfter?.marks ?? []);
  if (!mark) return undefined;
  const parentStart = $from.start();
  let start = $from.index();
  let end = start;
  const parent = $from.parent;
  // Walk the siblings that carry the same link, so the whole link is edited, not the part selected.
  while (start > 0 && mark.isInSet(parent.child(start - 1).marks)) start -= 1;
  while (end < parent.childCount && mark.isInSet(parent.child(end).marks)) end += 1;
  let pos = parentStart;
  for (let i = 0; i < start; i += 1) pos += parent.child(i).nodeSize;
  let endPos = pos;
  for (let i = start; i < end; i += 1) endPos += parent.child(i).nodeSize;
  return { from: Math.min(pos, from), to: Math.max(endPos, to), href: mark.attrs.href as string };
}

/** Sets the link over a range (or inserts the address as linked text where nothing is selected). */
export function setLink(range: { from: number; to: number }, href: string): Command {
  return (state, dispatch) => {
    if (!dispatch) return true;
    const size = state.doc.content.size;
    if (range.from > size || range.to > size) return false;
    const mark = marks.link.create({ href });
    const tr = state.tr;
    if (range.from === range.to) {
      tr.insert(range.from, editorSchema.text(href.replace(/^mailto:/, ''), [mark]));
    } else {
      tr.removeMark(range.from, range.to, marks.link).addMark(range.from, range.to, mark);
    }
    dispatch(tr.scrollIntoView());
    return true;
  };
}

export function removeLink(range: { from: number; to: number }): Command {
  return (state, dispatch) => {
    dispatch?.(state.tr.removeMark(range.from, range.to, marks.link).scrollIntoView());
    return true;
  };
}
