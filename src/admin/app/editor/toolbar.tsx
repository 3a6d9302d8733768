import { redo, undo, undoDepth, redoDepth } from 'prosemirror-history';
import type { Command } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { useRef, useState } from 'preact/hooks';
import { editorSchema } from '../../../editor/schema.ts';
import type { MessageKey, Translate } from '../messages.ts';
import {
  addAttribution,
  blockKind,
  insertDivider,
  isMarkActive,
  setHeading,
  setParagraph,
  toggleBold,
  toggleItalic,
  toggleList,
  toggleQuote,
} from './commands.ts';
import { keyLabel } from './shortcuts.ts';

interface Tool {
  id: string;
  label: MessageKey;
  /** What the button shows; the label is its name for everyone else. */
  glyph: string;
  keys?: string;
  /** A command on the text, or (`open`) a dialog or menu of the screen. */
  run?: Command;
  open?: () => void;
  /** Pressed state for toggles (aria-pressed); undefined for plain actions. */
  pressed?: boolean;
  /** Whether it would do anything now. */
  enabled?: boolean;
}

/**
 * The formatting toolbar: one tab stop, arrow keys move between its buttons (WAI-ARIA toolbar
 * pattern), Home and End jump to the ends. Buttons keep the keyboard focus in the toolbar, so
 * several can be pressed in a row; Escape goes back to the text.
 */
export function Toolbar(props: {
  view: EditorView;
  t: Translate;
  label: string;
  onLink: () => void;
  onInsert: () => void;
  onHelp: () => void;
}) {
  const { view, t } = props;
  const { state } = view;
  const kind = blockKind(state);
  const can = (command: Command) => command(state);
  const tools: Tool[] = [
    {
      id: 'paragraph',
      label: 'editor.paragraph',
      glyph: '¶',
      keys: 'Mod-Alt-0',
      run: setParagraph,
      pressed: kind === 'paragraph',
    },
    { id: 'h2', label: 'editor.heading2', glyph: 'H2', keys: 'Mod-Alt-2', run: setHeading(2), pressed: kind === 'h2' },
    { id: 'h3', label: 'editor.heading3', glyph: 'H3', keys: 'Mod-Alt-3', run: setHeading(3), pressed: kind === 'h3' },
    { id: 'h4', label: 'editor.heading4', glyph: 'H4', keys: 'Mod-Alt-4', run: setHeading(4), pressed: kind === 'h4' },
    {
      id: 'bold',
      label: 'editor.bold',
      glyph: 'B',
      keys: 'Mod-b',
      run: toggleBold,
      pressed: isMarkActive(state, editorSchema.marks.bold),
    },
    {
      id: 'italic',
      label: 'editor.italic',
      glyph: 'I',
      keys: 'Mod-i',
      run: toggleItalic,
      pressed: isMarkActive(state, editorSchema.marks.italic),
    },
    {
      id: 'link',
      label: 'editor.link',
      glyph: '🔗',
      keys: 'Mod-k',
      open: props.onLink,
      pressed: isMarkActive(state, editorSchema.marks.link),
    },
    {
      id: 'bullets',
      label: 'editor.bullets',
      glyph: '•',
      keys: 'Mod-Shift-8',
      run: toggleList(false),
      pressed: kind === 'bullets',
    },
    {
      id: 'numbers',
      label: 'editor.numbers',
      glyph: '1.',
      keys: 'Mod-Shift-7',
      run: toggleList(true),
      pressed: kind === 'numbers',
    },
    {
      id: 'quote',
      label: 'editor.quote',
      glyph: '“',
      keys: 'Mod-Shift-9',
      run: toggleQuote,
      pressed: kind === 'quote' || kind === 'cite',
    },
    {
      id: 'cite',
      label: 'editor.attribution',
      glyph: '—',
      keys: 'Mod-Alt-a',
      run: addAttribution,
      enabled: can(addAttribution),
    },
    { id: 'divider', label: 'editor.divider', glyph: '―', keys: 'Mod-Alt-h', run: insertDivider },
    { id: 'insert', label: 'editor.insert', glyph: '+', open: props.onInsert },
    { id: 'undo', label: 'editor.undo', glyph: '↶', keys: 'Mod-z', run: undo, enabled: undoDepth(state) > 0 },
    { id: 'redo', label: 'editor.redo', glyph: '↷', keys: 'Mod-Shift-z', run: redo, enabled: redoDepth(state) > 0 },
    { id: 'help', label: 'editor.shortcuts', glyph: '?', keys: 'Mod-/', open: props.onHelp },
  ];
  const [current, setCurrent] = useState(0);
  const buttons = useRef<Array<HTMLButtonElement | null>>([]);

  const press = (tool: Tool) => {
    if (tool.open) tool.open();
    else tool.run?.(view.state, view.dispatch, view);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const last = tools.length - 1;
    const to =
      event.key === 'ArrowRight'
        ? current === last
          ? 0
          : current + 1
        : event.key === 'ArrowLeft'
          ? current === 0
            ? last
            : current - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : undefined;
    if (event.key === 'Escape') {
      event.preventDefault();
      view.focus();
      return;
    }
    if (to === undefined) return;
    event.preventDefault();
    setCurrent(to);
    buttons.current[to]?.focus();
  };

  return (
    <div role="toolbar" aria-label={props.label} class="editor-toolbar" onKeyDown={onKeyDown}>
      {tools.map((tool, index) => {
        // A glyph that is a word ("H2") is part of the name, so speech input finds the button by what it shows.
        const name = /^[A-Z0-9][A-Z0-9.]$/.test(tool.glyph) ? `${t(tool.label)}, ${tool.glyph}` : t(tool.label);
        const shortcut = tool.keys ? keyLabel(tool.keys) : undefined;
        return (
          <button
            key={tool.id}
            ref={(button) => {
              buttons.current[index] = button;
            }}
            type="button"
            class={`tool tool-${tool.id}`}
            tabIndex={index === current ? 0 : -1}
            aria-label={name}
            aria-pressed={tool.pressed === undefined ? undefined : tool.pressed}
            aria-disabled={tool.enabled === false ? true : undefined}
            aria-keyshortcuts={tool.keys?.replace('Mod', navigatorMod()).replaceAll('-', '+')}
            title={shortcut ? `${name} (${shortcut})` : name}
            onFocus={() => setCurrent(index)}
            // The text keeps its selection: a mouse press on a button must not blur the editor.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => tool.enabled !== false && press(tool)}
          >
            <span aria-hidden="true">{tool.glyph}</span>
          </button>
        );
      })}
    </div>
  );
}

const navigatorMod = () => (/Mac|iPhone|iPad/.test(navigator.platform) ? 'Meta' : 'Control');
