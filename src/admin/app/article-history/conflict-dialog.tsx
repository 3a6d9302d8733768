import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api.ts';
import { type ArticleChanges, type EditableArticle, loadArticle } from '../article/article-api.ts';
import type { TextControls } from '../article/article-editor-screen.tsx';
import { copyOf, type LocalCopy, writeLocalCopy } from '../article/local-copy.ts';
import { useApp } from '../context.ts';
import { errorMessage, type Translate } from '../messages.ts';
import { TextDiff } from './text-diff.tsx';
import { WideModal } from './wide-modal.tsx';

/** Who changed the article meanwhile, as the 409 ARTICLE_CHANGED's `details` say it. */
export interface ChangedDetails {
  version: number;
  modifiedAt: string;
  modifiedBy: { id: string; name: string } | { system: string } | null;
}

/** A save refused because a colleague changed the article since: what the dialog needs. */
export interface Conflict {
  articleId: string;
  details: ChangedDetails;
  mine: ArticleChanges;
  text: TextControls;
}

export function conflictFrom(articleId: string, error: ApiError, mine: ArticleChanges, text: TextControls): Conflict {
  const details = (error.details ?? {}) as Partial<ChangedDetails>;
  return {
    articleId,
    details: {
      version: typeof details.version === 'number' ? details.version : 0,
      modifiedAt: details.modifiedAt ?? new Date().toISOString(),
      modifiedBy: details.modifiedBy ?? null,
    },
    mine,
    text,
  };
}

export function changedByName(t: Translate, by: ChangedDetails['modifiedBy']): string {
  if (by === null) return t('history.conflict.someone');
  return 'system' in by ? t('history.conflict.system', { task: by.system }) : by.name;
}

/** Where "Take theirs" keeps the staff member's own text (beside the article's usual copy). */
export const mineCopyId = (articleId: string) => `${articleId}:mine`;

/**
 * The conflict dialog: says who changed the article and when, and lets the staff member compare
 * their version with mine, keep mine (saved over theirs, naming their version, only after
 * comparing) or take theirs (mine stays on this device and beside the editor, after a reload too:
 * my-version.tsx). Closing it decides nothing: autosave stays paused and the next Save asks again.
 */
export function ConflictDialog(props: {
  conflict: Conflict;
  onClose: () => void;
  /** Their version is in the editor now; the staff member's own is kept on this device. */
  onTookTheirs: (kept: LocalCopy) => void;
}) {
  const { t, formatTime } = useApp();
  const { conflict } = props;
  const [theirs, setTheirs] = useState<EditableArticle | undefined>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');
  const diffHeading = useRef<HTMLHeadingElement>(null);
  const name = changedByName(t, conflict.details.modifiedBy);

  useEffect(() => {
    if (theirs) diffHeading.current?.focus();
  }, [theirs]);

  const fetchTheirs = async (): Promise<EditableArticle | undefined> => {
    if (theirs) return theirs;
    setBusy(true);
    setProblem('');
    try {
      const loaded = await loadArticle(conflict.articleId);
      setTheirs(loaded);
      return loaded;
    } catch (caught) {
      setProblem(errorMessage(t, caught instanceof ApiError ? caught.code : 'OFFLINE'));
      return undefined;
    } finally {
      setBusy(false);
    }
  };

  const keepMine = async () => {
    if (!theirs) return;
    setBusy(true);
    props.onClose();
    // Refused again if the article changed once more since the compare: the dialog comes back.
    await conflict.text.saveOver(theirs.version ?? conflict.details.version);
  };

  const takeTheirs = async () => {
    const loaded = await fetchTheirs();
    if (!loaded) return;
    const kept = copyOf(mineCopyId(conflict.articleId), String(conflict.details.version), conflict.mine);
    writeLocalCopy(kept);
    conflict.text.load(loaded);
    props.onTookTheirs(kept);
    props.onClose();
  };

  return (
    <WideModal
      id="conflict"
      title={t('history.conflict.title')}
      alert
      onClose={props.onClose}
      closeLabel={t('history.conflict.later')}
    >
      <p>{t('history.conflict.by', { name, time: formatTime(conflict.details.modifiedAt) })}</p>
      <p>{t('history.conflict.kept')}</p>
      {problem && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
      {busy && !theirs && <p aria-live="polite">{t('history.conflict.loading')}</p>}
      {theirs && (
        <>
          <h3 tabIndex={-1} ref={diffHeading}>
            {t('history.conflict.compare')}
          </h3>
          <TextDiff
            left={theirs}
            right={conflict.mine}
            leftTitle={t('history.diff.theirs', { name })}
            rightTitle={t('history.diff.mine')}
          />
          <p class="hint">
            {t('history.conflict.keepMineHint', { version: String(theirs.version ?? conflict.details.version) })}
          </p>
        </>
      )}
      <p class="choices">
        {!theirs && (
          <button type="button" autoFocus disabled={busy} onClick={() => void fetchTheirs()}>
            {t('history.conflict.compare')}
          </button>
        )}
        {theirs && (
          <button type="button" disabled={busy} onClick={() => void keepMine()}>
            {t('history.conflict.keepMine')}
          </button>
        )}
        <button type="button" class="secondary" disabled={busy} onClick={() => void takeTheirs()}>
          {t('history.conflict.takeTheirs')}
        </button>
      </p>
    </WideModal>
  );
}
