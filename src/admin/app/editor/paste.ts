import { DOMParser } from 'prosemirror-model';
import type { EditorProps } from 'prosemirror-view';
import { editorSchema } from '../../../editor/schema.ts';
import { cleanPastedHtml } from './paste-cleaning.ts';

/*
 * Pasting and dropping HTML: cleaned first (./paste-cleaning.ts), then read by a parser that knows
 * every node of the schema except the embed. An embed's HTML is only ever made by the server from a
 * URL (the embed dialog), so no clipboard, however crafted, can put markup into the article.
 * Moving an embed by dragging it inside the editor still works: ProseMirror moves the node itself.
 */
const clipboardParser = new DOMParser(
  editorSchema,
  DOMParser.fromSchema(editorSchema).rules.filter(
    (rule) => !('tag' in rule && rule.tag?.startsWith('figure[data-html]')),
  ),
);

export const pasteProps: Pick<EditorProps, 'clipboardParser' | 'transformPastedHTML'> = {
  clipboardParser,
  transformPastedHTML: (html) => cleanPastedHtml(html),
};
