import { useEffect, useRef, useState } from 'preact/hooks';
import type { ArticleDocument } from '../../../content/document.ts';
import { api, ApiError } from '../api.ts';
import { type EditableArticle, loadArticle } from '../article/article-api.ts';
import type { TextControls } from '../article/article-editor-screen.tsx';
import { useApp } from '../context.ts';
import { errorMessage, type MessageKey } from '../messages.ts';
import { changedByName, type ChangedDetails } from './conflict-dialog.tsx';
import { TextDiff } from './text-diff.tsx';
import { WideModal } from './wide-modal.tsx';

interface Revision {
  id: string;
  action: string;
  autosave: boolean;
  version: number | null;
  staff: { id: string; name: string } | null;
  system: string | null;
  createdAt: string;
  updatedAt: string | null;
}

interface WholeRevision extends Revision {
  snapshot: { headline?: string; body?: ArticleDocument };
}

const ACTIONS = [
  'create',
  'save',
  'autosave',
  'publish',
  'schedule',
  'unpublish',
  'submit',
  'return',
  'correction',
  'restore',
  'trash',
  'untrash',
] as const;

/**
 * The article's revisions, newest first: when, who, what, autosave or not. Choosing one compares it
 * with the current text side by side; "Restore this version" brings it back as a new revision,
 * naming the version it replaces (refused, and said so, when a colleague changed it meanwhile), and
 * the editor then holds the restored text. The text is saved first, so "current" is what is typed.
 */
export function HistoryDialog(props: {
  article: EditableArticle;
  save: () => Promise<void>;
  text: TextControls;
  onClose: () => void;
  onRestored: (when: string) => void;
}) {
  const { t, formatTime } = useApp();
  const [current, setCurrent] = useState<EditableArticle | undefined>();
  const [revisions, setRevisions] = useState<Revision[] | undefined>();
  const [chosen, setChosen] = useState<WholeRevision | undefined>();
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  const compared = useRef<HTMLElement>(null);
  const id = encodeURIComponent(props.article.id);

  const fail = (caught: unknown) => setProblem(errorMessage(t, caught instanceof ApiError ? caught.code : 'OFFLINE'));

  useEffect(() => {
    void (async () => {
      try {
        await props.save();
        const [loaded, list] = await Promise.all([
          loadArticle(props.article.id),
          api<{ revisions: Revision[] }>('GET', `/articles/${id}/revisions`),
        ]);
        setCurrent(loaded);
        setRevisions(list.revisions);
      } catch (caught) {
        fail(caught);
      }
    })();
  }, []);

  useEffect(() => {
    if (chosen) compared.current?.focus();
  }, [chosen]);

  const choose = async (revision: Revision) => {
    setProblem('');
    try {
      setChosen(await api<WholeRevision>('GET', `/articles/${id}/revisions/${encodeURIComponent(revision.id)}`));
    } catch (caught) {
      fail(caught);
    }
  };

  const restore = async () => {
    if (!chosen || !current) return;
    setBusy(true);
    setProblem('');
    try {
      const restored = await api<EditableArticle>(
        'POST',
        `/articles/${id}/revisions/${encodeURIComponent(chosen.id)}/restore`,
        current.version === undefined ? {} : { baseVersion: current.version },
      );
      props.text.load(restored);
      props.onRestored(formatTime(chosen.updatedAt ?? chosen.createdAt));
      props.onClose();
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'ARTICLE_CHANGED') {
        const details = (caught.details ?? {}) as Partial<ChangedDetails>;
        setProblem(
          t('history.changedMeanwhile', {
            name: changedByName(t, details.modifiedBy ?? null),
            time: formatTime(details.modifiedAt ?? new Date().toISOString()),
          }),
        );
        // What is current now, so the next comparison and restore are against it.
        setCurrent(await loadArticle(props.article.id).catch(() => current));
      } else fail(caught);
    } finally {
      setBusy(false);
    }
  };

  const actionName = (action: string) =>
    (ACTIONS as readonly string[]).includes(action) ? t(`history.action.${action}` as MessageKey) : action;
  const describe = (revision: Revision) => {
    const what = actionName(revision.action);
    const by = revision.staff
      ? t('history.by', { action: what, name: revision.staff.name })
      : t('history.bySystem', { action: what });
    return `${formatTime(revision.updatedAt ?? revision.createdAt)} — ${by}${revision.autosave ? ` (${t('history.autosave')})` : ''}`;
  };

  return (
    <WideModal id="history" title={t('history.title')} onClose={props.onClose} closeLabel={t('history.close')}>
      {problem && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
      {!revisions && !problem && <p aria-live="polite">{t('history.loading')}</p>}
      {revisions && (
        <>
          <p class="hint">{t('history.choose')}</p>
          <ul class="revision-list">
            {revisions.map((revision) => (
              <li key={revision.id}>
                <button
                  type="button"
                  class="secondary"
                  aria-pressed={chosen?.id === revision.id}
                  onClick={() => void choose(revision)}
                >
                  {describe(revision)}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {chosen && current && (
        <section aria-labelledby="history-compared" tabIndex={-1} ref={compared}>
          <h3 id="history-compared">{describe(chosen)}</h3>
          <TextDiff
            left={{ headline: chosen.snapshot.headline ?? '', body: chosen.snapshot.body ?? current.body }}
            right={current}
            leftTitle={t('history.diff.revision', { time: formatTime(chosen.updatedAt ?? chosen.createdAt) })}
            rightTitle={t('history.diff.current')}
          />
          <p class="choices">
            <button type="button" disabled={busy} onClick={() => void restore()}>
              {t('history.restore')}
            </button>
          </p>
        </section>
      )}
    </WideModal>
  );
}
