import { diffWords } from 'diff';
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

/**
 * Two versions side by side, each as it reads: words only in the left one are struck through on the
 * left, words only in the right one are highlighted on the right (diff's word diff, which keeps
 * spaces and line breaks as they are so paragraphs stay paragraphs).
 */
export function TextDiff(props: { left: ComparedText; right: ComparedText; leftTitle: string; rightTitle: string }) {
  const { t } = useApp();
  const changes = useMemo(() => diffWords(asText(props.left), asText(props.right)), [props.left, props.right]);
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
