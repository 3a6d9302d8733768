import { useEffect, useRef, useState } from 'preact/hooks';
import type { EditableArticle } from '../article/article-api.ts';
import type { TextControls } from '../article/article-editor-screen.tsx';
import { changesOf, dropLocalCopy, type LocalCopy } from '../article/local-copy.ts';
import { useApp } from '../context.ts';
import { asText, TextDiff } from './text-diff.tsx';

/** What the editor holds now, as "your version" compares with it and goes back into it. */
export interface Editing {
  article: EditableArticle;
  text: TextControls;
}

/**
 * The staff member's own version after they took a colleague's: kept on this device (beside the
 * article's usual copy, see conflict-dialog.tsx) and shown beside the editor, after a reload too,
 * until they restore it (it goes back into the editor as an edit of the current text, saved like
 * any change) or say they are done with it. Nothing they typed is lost by taking theirs.
 */
export function MyVersion(props: {
  kept: LocalCopy;
  /** Read when a button is pressed: the editor may not be ready when this is first shown. */
  editing: () => Editing | undefined;
  /** The version was just set aside (not found on opening the article): the keyboard goes to it. */
  focus: boolean;
  onGone: (restored: boolean) => void;
}) {
  const { t, formatTime } = useApp();
  const { kept } = props;
  const [compared, setCompared] = useState<EditableArticle>();
  const heading = useRef<HTMLHeadingElement>(null);
  const mine = changesOf(kept);
  useEffect(() => {
    if (props.focus) heading.current?.focus();
  }, [kept.writtenAt]);

  const restore = () => {
    const editing = props.editing();
    if (!editing) return;
    editing.text.restore(mine);
    dropLocalCopy(kept.articleId);
    props.onGone(true);
  };

  return (
    <section class="my-version" aria-labelledby="my-version-title">
      <h2 id="my-version-title" tabIndex={-1} ref={heading}>
        {t('history.mine.title', { time: formatTime(kept.writtenAt) })}
      </h2>
      <p>{t('history.mine.hint')}</p>
      <textarea readOnly aria-labelledby="my-version-title" value={asText(mine)} />
      {compared && (
        <TextDiff
          left={compared}
          right={mine}
          leftTitle={t('history.diff.current')}
          rightTitle={t('history.diff.mine')}
        />
      )}
      <p class="choices">
        {!compared && (
          <button type="button" class="secondary" onClick={() => setCompared(props.editing()?.article)}>
            {t('history.mine.compare')}
          </button>
        )}
        <button type="button" onClick={restore}>
          {t('history.mine.restore')}
        </button>
        <button
          type="button"
          class="secondary"
          onClick={() => {
            dropLocalCopy(kept.articleId);
            props.onGone(false);
          }}
        >
          {t('history.mine.dismiss')}
        </button>
      </p>
    </section>
  );
}
