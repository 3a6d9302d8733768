import type { EditorState } from 'prosemirror-state';
import { findTk } from '../../../editor/tk.ts';
import { countWords, readingMinutes } from '../../../editor/word-count.ts';
import { tkCount } from './tk-highlight.ts';

export interface TextStats {
  words: number;
  minutes: number;
  /** TKs in the text and in captions, credits and alt texts: all of them block publishing. */
  tk: number;
}

/**
 * Words, reading time and TKs of the editor's text. Called once typing pauses: counting words
 * reads the whole text, while the TKs of the text are already known from their highlights.
 */
export function textStats(state: EditorState): TextStats {
  const { doc } = state;
  const words = countWords(doc.textBetween(0, doc.content.size, '\n', ' '));
  let captionTk = 0;
  doc.forEach((block) => {
    if (block.type.name === 'image' || block.type.name === 'embed')
      for (const name of ['alt', 'caption', 'credit'])
        if (typeof block.attrs[name] === 'string') captionTk += findTk(block.attrs[name] as string).length;
  });
  return { words, minutes: readingMinutes(words), tk: tkCount(state) + captionTk };
}
