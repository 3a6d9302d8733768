import { Plugin, PluginKey, type EditorState } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { editorSchema } from '../../../editor/schema.ts';

/*
 * The slash menu: "/" typed at the start of an empty paragraph opens a menu of blocks, filtered
 * by what follows it ("/quo"). Arrow keys move, Enter inserts, Escape closes and keeps the text.
 * This plugin tracks where the menu is and what is typed; the editor component draws the list.
 */

export interface SlashState {
  /** Where the "/" is; the menu is open when this is set. */
  from: number;
  query: string;
  index: number;
}

type SlashMeta = { move: number } | { dismiss: number } | { close: true };

interface SlashPluginState {
  open?: SlashState;
  /** Where a menu closed with Escape was: it stays closed while that "/" is being typed after. */
  dismissedAt?: number;
}

export const slashKey = new PluginKey<SlashPluginState>('slash');

export function slashState(state: EditorState): SlashState | undefined {
  return slashKey.getState(state)?.open;
}

/** "/words" from the start of a top-level paragraph up to the cursor, or undefined. */
function typedCommand(state: EditorState): { from: number; query: string } | undefined {
  const { $from, empty } = state.selection;
  if (!empty || $from.parent.type !== editorSchema.nodes.paragraph || $from.depth !== 1) return undefined;
  if ($from.parent.firstChild?.text?.[0] !== '/') return undefined;
  const typed = $from.parent.textBetween(0, $from.parentOffset);
  const match = /^\/([\p{L}\p{N} ]{0,30})$/u.exec(typed);
  return match && $from.parentOffset === $from.parent.content.size
    ? { from: $from.start(), query: match[1] ?? '' }
    : undefined;
}

/**
 * The slash menu's plugin. `count(query)` says how many items match (the list wraps around them);
 * `choose(view, index, state)` inserts the chosen one after the "/query" text is removed.
 */
export function slashMenu(options: {
  count: (query: string) => number;
  choose: (view: EditorView, index: number, state: SlashState) => void;
}): Plugin {
  return new Plugin<SlashPluginState>({
    key: slashKey,
    state: {
      init: () => ({}),
      apply(tr, previous, _old, state): SlashPluginState {
        const meta = tr.getMeta(slashKey) as SlashMeta | undefined;
        if (meta && 'close' in meta) return {};
        const typed = typedCommand(state);
        const dismissedAt = meta && 'dismiss' in meta ? meta.dismiss : previous.dismissedAt;
        if (!typed || typed.from === dismissedAt) return typed && dismissedAt !== undefined ? { dismissedAt } : {};
        const count = options.count(typed.query);
        const before = previous.open?.query === typed.query ? previous.open.index : 0;
        const moved = meta && 'move' in meta ? before + meta.move : before;
        const index = count === 0 ? 0 : ((moved % count) + count) % count;
        return { open: { from: typed.from, query: typed.query, index } };
      },
    },
    props: {
      handleKeyDown(view, event) {
        const open = slashState(view.state);
        if (!open) return false;
        const move = (by: number) => view.dispatch(view.state.tr.setMeta(slashKey, { move: by }));
        if (event.key === 'ArrowDown') move(1);
        else if (event.key === 'ArrowUp') move(-1);
        else if (event.key === 'Escape') view.dispatch(view.state.tr.setMeta(slashKey, { dismiss: open.from }));
        else if (event.key === 'Enter' && options.count(open.query) > 0) options.choose(view, open.index, open);
        else return false;
        return true;
      },
    },
  });
}
