import { diffWordsWithSpace } from 'diff';
import { useMemo } from 'preact/hooks';
import type { ArticleDocument } from '../../../content/document.ts';
import { documentPlainText } from '../../../content/document.ts';
import { useApp } from '../context.ts';

/** The part of an article a diff compares: what is read (headline and text), not its settings. */
export interface ComparedText {
  headline: string;
  body: ArticleDocument;
}

/** The headline, then each block of the text, as plain text blocks separated by blank lines. */
export const asText = (text: ComparedText): string => `${text.headline}\n\n${documentPlainText(text.body)}`;

interface Part {
  value: string;
  added?: boolean;
  removed?: boolean;
}

/**
 * Word diffs read badly when a short common word ("the", a full stop) splits one rewritten sentence
 * into many fragments: such a word between two changes counts as changed on both sides, and the
 * changes around it join into one removal and one addition.
 */
export function readableChanges(text: { left: string; right: string }): Part[] {
  const raw = diffWordsWithSpace(text.left, text.right);
  const parts: Part[] = [];
  let removed = '';
  let added = '';
  const flush = () => {
    if (removed) parts.push({ value: removed, removed: true });
    if (added) parts.push({ value: added, added: true });
    removed = '';
    added = '';
  };
  raw.forEach((change, index) => {
    const between = index > 0 && index < raw.length - 1 && (removed || added);
    const short = change.value.length <= 5 && !change.value.includes('\n');
    if (change.removed) removed += change.value;
    else if (change.added) added += change.value;
    else if (between && short) {
      removed += change.value;
      added += change.value;
    } else {
      flush();
      parts.push({ value: change.value });
    }
  });
  flush();
  return parts;
}

/**
 * Two versions side by side, each as it reads: words only in the left one are struck through on the
 * left, words only in the right one are highlighted on the right (diff's word diff counting spaces
 * and line breaks as words, so a paragraph break is kept as common text and paragraphs stay paragraphs).
 */
export function TextDiff(props: { left: ComparedText; right: ComparedText; leftTitle: string; rightTitle: string }) {
  const { t } = useApp();
  const changes = useMemo(
    () => readableChanges({ left: asText(props.left), right: asText(props.right) }),
    [props.left, props.right],
  );
  const same = changes.every((change) => !change.added && !change.removed);
  return (
    <div class="text-diff">
      <p class="hint">{same ? t('history.diff.same') : t('history.diff.legend')}</p>
      <div class="text-diff-columns">
        <section aria-label={props.leftTitle}>
          <h3>{props.leftTitle}</h3>
          <div class="text-diff-text">
            {changes.map((change, index) =>
              change.added ? null : change.removed ? <del key={index}>{change.value}</del> : change.value,
            )}
          </div>
        </section>
        <section aria-label={props.rightTitle}>
          <h3>{props.rightTitle}</h3>
          <div class="text-diff-text">
            {changes.map((change, index) =>
              change.removed ? null : change.added ? <ins key={index}>{change.value}</ins> : change.value,
            )}
          </div>
        </section>
      </div>
    </div>
  );
}
