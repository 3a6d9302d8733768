import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { EditableArticle } from '../article/article-api.ts';
import type { ArticleEditorSeams, TextControls } from '../article/article-editor-screen.tsx';
import { type LocalCopy, readLocalCopy } from '../article/local-copy.ts';
import { useApp } from '../context.ts';
import { type Conflict, ConflictDialog, conflictFrom, mineCopyId } from './conflict-dialog.tsx';
import { HistoryDialog } from './history-dialog.tsx';
import { type Editing, MyVersion } from './my-version.tsx';
import { Presence } from './presence.tsx';
import { PreviewDialog } from './preview-dialog.tsx';
import './history.css';

type HistorySeams = Required<Pick<ArticleEditorSeams, 'renderPresence' | 'onConflict' | 'renderTools'>>;

/**
 * Everything about an article's versions around the editor: the conflict dialog, who else has it
 * open, its history and its preview. `render` gets the editor's seams for these and returns the
 * editor screen; the dialogs and "your version" after taking theirs are shown beside it.
 */
export function WithHistory(props: { articleId?: string; render: (seams: HistorySeams) => JSX.Element }) {
  const { t } = useApp();
  const [conflict, setConflict] = useState<Conflict | undefined>();
  const [mine, setMine] = useState<{ kept: LocalCopy; justTaken: boolean } | undefined>();
  const editing = useRef<Editing>();
  const [open, setOpen] = useState<
    { kind: 'history' | 'preview'; article: EditableArticle; save: () => Promise<void>; text: TextControls } | undefined
  >();
  const [notice, setNotice] = useState('');
  // A version set aside by "Take theirs" before the article was last opened (a reload, a closed tab).
  useEffect(() => {
    const kept = props.articleId ? readLocalCopy(mineCopyId(props.articleId)) : undefined;
    setMine(kept && { kept, justTaken: false });
  }, [props.articleId]);

  const seams: HistorySeams = {
    renderPresence: (article) => <Presence articleId={article.id} />,
    onConflict: (error, changes, text) => {
      // The article's id is in the address; the refused save was on the article being edited.
      const articleId = location.pathname.split('/').at(-1) ?? '';
      setConflict(conflictFrom(articleId, error, changes, text));
    },
    renderTools: ({ article, save, text }) => {
      editing.current = { article, text };
      return (
        <>
          <button type="button" class="secondary" onClick={() => setOpen({ kind: 'history', article, save, text })}>
            {t('history.history')}
          </button>
          <button type="button" class="secondary" onClick={() => setOpen({ kind: 'preview', article, save, text })}>
            {t('history.preview')}
          </button>
        </>
      );
    },
  };

  return (
    <>
      {props.render(seams)}
      <p class="visually-hidden" role="status">
        {notice}
      </p>
      {mine && (
        <MyVersion
          key={mine.kept.writtenAt}
          kept={mine.kept}
          editing={() => editing.current}
          focus={mine.justTaken}
          onGone={(restored) => {
            setMine(undefined);
            if (restored) setNotice(t('history.mine.restored'));
          }}
        />
      )}
      {conflict && (
        <ConflictDialog
          key={conflict.details.version}
          conflict={conflict}
          onClose={() => setConflict(undefined)}
          onTookTheirs={(kept) => setMine({ kept, justTaken: true })}
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
