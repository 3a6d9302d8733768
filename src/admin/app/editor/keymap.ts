import { baseKeymap, chainCommands, exitCode } from 'prosemirror-commands';
import { redo, undo } from 'prosemirror-history';
import { undoInputRule } from 'prosemirror-inputrules';
import { keymap } from 'prosemirror-keymap';
import type { Command, Plugin } from 'prosemirror-state';
import { editorSchema } from '../../../editor/schema.ts';
import {
  addAttribution,
  backspaceCommands,
  enterCommands,
  insertDivider,
  setHeading,
  setParagraph,
  toggleBold,
  toggleItalic,
  toggleList,
  toggleQuote,
} from './commands.ts';

/** What the keyboard asks of the screen around the text (dialogs the editor does not own). */
export interface KeyActions {
  openLinkEditor: Command;
  openHelp: Command;
}

const hardBreak: Command = chainCommands(exitCode, (state, dispatch) => {
  dispatch?.(state.tr.replaceSelectionWith(editorSchema.nodes.hard_break.create()).scrollIntoView());
  return true;
});

/**
 * Every shortcut, as the help sheet lists them (./shortcuts.ts has the same table for people).
 * "Mod" is Cmd on a Mac and Ctrl elsewhere.
 */
export function editorKeymaps(actions: KeyActions): Plugin[] {
  return [
    keymap({
      'Mod-z': undo,
      'Mod-Shift-z': redo,
      'Mod-y': redo,
      Backspace: chainCommands(undoInputRule, backspaceCommands),
      'Mod-b': toggleBold,
      'Mod-i': toggleItalic,
      'Mod-k': actions.openLinkEditor,
      'Mod-/': actions.openHelp,
      'Mod-Alt-0': setParagraph,
      'Mod-Alt-2': setHeading(2),
      'Mod-Alt-3': setHeading(3),
      'Mod-Alt-4': setHeading(4),
      'Mod-Shift-7': toggleList(true),
      'Mod-Shift-8': toggleList(false),
      'Mod-Shift-9': toggleQuote,
      'Mod-Alt-a': addAttribution,
      'Mod-Alt-h': insertDivider,
      'Shift-Enter': hardBreak,
      Enter: enterCommands,
    }),
    keymap(baseKeymap),
  ];
}
