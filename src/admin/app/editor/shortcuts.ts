import type { MessageKey } from '../messages.ts';

/** The help sheet's table: what each shortcut does, in the order people learn them. */
export const SHORTCUTS: ReadonlyArray<{ keys: string; does: MessageKey }> = [
  { keys: 'Mod-b', does: 'editor.bold' },
  { keys: 'Mod-i', does: 'editor.italic' },
  { keys: 'Mod-k', does: 'editor.link' },
  { keys: 'Mod-z', does: 'editor.undo' },
  { keys: 'Mod-Shift-z', does: 'editor.redo' },
  { keys: 'Mod-Alt-0', does: 'editor.paragraph' },
  { keys: 'Mod-Alt-2', does: 'editor.heading2' },
  { keys: 'Mod-Alt-3', does: 'editor.heading3' },
  { keys: 'Mod-Alt-4', does: 'editor.heading4' },
  { keys: 'Mod-Shift-8', does: 'editor.bullets' },
  { keys: 'Mod-Shift-7', does: 'editor.numbers' },
  { keys: 'Mod-Shift-9', does: 'editor.quote' },
  { keys: 'Mod-Alt-a', does: 'editor.attribution' },
  { keys: 'Mod-Alt-h', does: 'editor.divider' },
  { keys: 'Shift-Enter', does: 'editor.lineBreak' },
  { keys: '/', does: 'editor.slashMenu' },
  { keys: 'Mod-s', does: 'editor.save' },
  { keys: 'Mod-/', does: 'editor.shortcuts' },
];

export const MARKDOWN: ReadonlyArray<{ typed: string; does: MessageKey }> = [
  { typed: '## ', does: 'editor.heading2' },
  { typed: '### ', does: 'editor.heading3' },
  { typed: '#### ', does: 'editor.heading4' },
  { typed: '- ', does: 'editor.bullets' },
  { typed: '1. ', does: 'editor.numbers' },
  { typed: '> ', does: 'editor.quote' },
  { typed: '---', does: 'editor.divider' },
];

/** Markdown for bold and italic, anywhere in a line: the words take the mark as the closing one is typed. */
export const MARKDOWN_INLINE: ReadonlyArray<{ typed: string; does: MessageKey }> = [
  { typed: '**bold**', does: 'editor.bold' },
  { typed: '*italic*', does: 'editor.italic' },
  { typed: '_italic_', does: 'editor.italic' },
];

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** A shortcut as people read it on their keyboard: Ctrl+Alt+2, or ⌘⌥2 on a Mac. */
export function keyLabel(keys: string): string {
  const names: Record<string, string> = isMac
    ? { Mod: '⌘', Alt: '⌥', Shift: '⇧' }
    : { Mod: 'Ctrl', Alt: 'Alt', Shift: 'Shift' };
  const parts = keys.split('-').map((part) => names[part] ?? (part.length === 1 ? part.toUpperCase() : part));
  return isMac ? parts.join('') : parts.join('+');
}
