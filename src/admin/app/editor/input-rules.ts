import { InputRule, inputRules, textblockTypeInputRule, wrappingInputRule } from 'prosemirror-inputrules';
import type { MarkType } from 'prosemirror-model';
import { TextSelection } from 'prosemirror-state';
import { editorSchema } from '../../../editor/schema.ts';

const { nodes, marks } = editorSchema;

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
 * Text between two delimiters becomes marked text when the closing delimiter is typed: `**bold**`,
 * `*italic*`, `_italic_`. The pattern's groups are the character before the opening delimiter
 * (so that `**` is not read as two `*`) and the words inside, which neither start nor end with a
 * space, as in markdown.
 */
function markRule(pattern: RegExp, delimiter: string, mark: MarkType): InputRule {
  return new InputRule(pattern, (state, match, start, end) => {
    const before = match[1] ?? '';
    const words = match[2] ?? '';
    const opening = start + before.length;
    const $opening = state.doc.resolve(opening);
    if (!$opening.parent.type.allowsMarkType(mark)) return null;
    // The last character of the closing delimiter is being typed: the rest of it is in the document.
    const wordsEnd = opening + delimiter.length + words.length;
    return state.tr
      .delete(wordsEnd, end)
      .delete(opening, opening + delimiter.length)
      .addMark(opening, opening + words.length, mark.create())
      .removeStoredMark(mark);
  });
}

const boldRule = markRule(/(^|[^*])\*\*([^*\s](?:[^*]*[^*\s])?)\*\*$/, '**', marks.bold);
const starItalicRule = markRule(/(^|[^*])\*([^*\s](?:[^*]*[^*\s])?)\*$/, '*', marks.italic);
// An underscore inside a word (snake_case, a file name) is not emphasis.
const underscoreItalicRule = markRule(/(^|[^\p{L}\p{N}_])_([^_\s](?:[^_]*[^_\s])?)_$/u, '_', marks.italic);

/**
 * Markdown as people type it: `## `, `### `, `#### ` make subheadings (the headline is the only
 * level 1), `> ` a quote, `- ` or `* ` a bulleted list, `1. ` a numbered one, `---` a divider;
 * `**bold**`, `*italic*` and `_italic_` inside a line.
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
    boldRule,
    starItalicRule,
    underscoreItalicRule,
  ],
});
