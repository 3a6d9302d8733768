import { InputRule, inputRules, textblockTypeInputRule, wrappingInputRule } from 'prosemirror-inputrules';
import { TextSelection } from 'prosemirror-state';
import { editorSchema } from '../../../editor/schema.ts';

const { nodes } = editorSchema;

/** `---` alone in a paragraph becomes a divider, with a paragraph after it to go on writing. */
const dividerRule = new InputRule(/^---$/, (state, _match, start, end) => {
  const $start = state.doc.resolve(start);
  if ($start.parent.type !== nodes.paragraph || $start.depth !== 1) return null;
  const from = $start.before();
  const to = $start.after();
  // The last "-" is being typed and is not in the document yet: the paragraph holds the first two.
  if (end - start !== 2) return null;
  const tr = state.tr.replaceWith(from, to, [nodes.divider.create(), nodes.paragraph.create()]);
  return tr.setSelection(TextSelection.create(tr.doc, from + 2));
});

/**
 * Markdown as people type it: `## `, `### `, `#### ` make subheadings (the headline is the only
 * level 1), `> ` a quote, `- ` or `* ` a bulleted list, `1. ` a numbered one, `---` a divider.
 * Backspace right after undoes the rule (see the keymap).
 */
export const markdownShortcuts = inputRules({
  rules: [
    textblockTypeInputRule(/^(#{2,4})\s$/, nodes.heading, (match) => ({ level: match[1]?.length ?? 2 })),
    wrappingInputRule(/^\s*>\s$/, nodes.quote),
    // A new list joins the list just above only when it is of the same kind (both are `list` nodes).
    wrappingInputRule(/^\s*([-*])\s$/, nodes.list, { ordered: false }, (_match, above) => !above.attrs.ordered),
    wrappingInputRule(/^(\d+)[.)]\s$/, nodes.list, { ordered: true }, (_match, above) => !!above.attrs.ordered),
    dividerRule,
  ],
});
