import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ArticleChanges, EditableArticle } from '../article/article-api.ts';
import type { ArticleEditorSeams, TextControls } from '../article/article-editor-screen.tsx';
import { dropLocalCopy } from '../article/local-copy.ts';
import { useApp } from '../context.ts';
import { type Conflict, ConflictDialog, conflictFrom, mineCopyId } from './conflict-dialog.tsx';
import { HistoryDialog } from './history-dialog.tsx';
import { asText } from './text-diff.tsx';
import { Presence } from './presence.tsx';
import { PreviewDialog } from './preview-dialog.tsx';
import './history.css';

type HistorySeams = Required<Pick<ArticleEditorSeams, 'renderPresence' | 'onConflict' | 'renderTools'>>;

/**
 * Everything about an article's versions around the editor: the conflict dialog, who else has it
 * open, its history and its preview. `render` gets the editor's seams for these and returns the
 * editor screen; the dialogs and "your version" after taking theirs are shown beside it.
 */
export function WithHistory(props: { render: (seams: HistorySeams) => JSX.Element }) {
  const { t } = useApp();
  const [conflict, setConflict] = useState<Conflict | undefined>();
  const [mine, setMine] = useState<{ articleId: string; text: ArticleChanges } | undefined>();
  const [open, setOpen] = useState<
    { kind: 'history' | 'preview'; article: EditableArticle; save: () => Promise<void>; text: TextControls } | undefined
  >();
  const [notice, setNotice] = useState('');
  const mineHeading = useRef<HTMLHeadingElement>(null);
  // After "Take theirs" the editor holds a new text: the keyboard goes to the writer's own version.
  useEffect(() => {
    if (mine) mineHeading.current?.focus();
  }, [mine]);

  const seams: HistorySeams = {
    renderPresence: (article) => <Presence articleId={article.id} />,
    onConflict: (error, changes, text) => {
      // The article's id is in the address; the refused save was on the article being edited.
      const articleId = location.pathname.split('/').at(-1) ?? '';
      setConflict(conflictFrom(articleId, error, changes, text));
    },
    renderTools: ({ article, save, text }) => (
      <>
        <button type="button" class="secondary" onClick={() => setOpen({ kind: 'history', article, save, text })}>
          {t('history.history')}
        </button>
        <button type="button" class="secondary" onClick={() => setOpen({ kind: 'preview', article, save, text })}>
          {t('history.preview')}
        </button>
      </>
    ),
  };

  return (
    <>
      {props.render(seams)}
      <p class="visually-hidden" role="status">
        {notice}
      </p>
      {mine && (
        <section class="my-version" aria-labelledby="my-version-title">
          <h2 id="my-version-title" tabIndex={-1} ref={mineHeading}>
            {t('history.mine.title')}
          </h2>
          <p>{t('history.mine.hint')}</p>
          <textarea readOnly aria-labelledby="my-version-title" value={asText(mine.text)} />
          <button
            type="button"
            class="secondary"
            onClick={() => {
              dropLocalCopy(mineCopyId(mine.articleId));
              setMine(undefined);
            }}
          >
            {t('history.mine.dismiss')}
          </button>
        </section>
      )}
      {conflict && (
        <ConflictDialog
          key={conflict.details.version}
          conflict={conflict}
          onClose={() => setConflict(undefined)}
          onTookTheirs={(text) => setMine({ articleId: conflict.articleId, text })}
        />
      )}
      {open?.kind === 'history' && (
        <HistoryDialog
          article={open.article}
          save={open.save}
          text={open.text}
          onClose={() => setOpen(undefined)}
          onRestored={(time) => setNotice(t('history.restored', { time }))}
        />
      )}
      {open?.kind === 'preview' && (
        <PreviewDialog article={open.article} save={open.save} onClose={() => setOpen(undefined)} />
      )}
    </>
  );
}
