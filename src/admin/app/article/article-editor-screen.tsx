import type { JSX } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { normalizeDocument } from '../../../content/document-canonical.ts';
import { ApiError } from '../api.ts';
import { useApp } from '../context.ts';
import { type EditorHandle, RichTextEditor } from '../editor/rich-text-editor.tsx';
import { apiServices } from '../editor/services.ts';
import { errorMessage } from '../messages.ts';
import { replaceAddress } from '../router.ts';
import { type ArticleChanges, EMPTY_BODY, type EditableArticle, loadArticle } from './article-api.ts';
import { ArticleSaver, type SaveState } from './article-saver.ts';
import { changesOf, copyOf, dropLocalCopy, type LocalCopy, readLocalCopy, writeLocalCopy } from './local-copy.ts';
import { SaveIndicator } from './save-indicator.tsx';
import type { SettingsEdit } from '../article-panel/settings-panel.tsx';
import { settingsOf } from '../article-panel/settings-model.ts';
import type { ActionsContext } from '../article-panel/workflow-actions.tsx';
import './article.css';

/**
 * Seams for what comes next around the text, so each is one prop: the settings panel, the workflow
 * buttons, who else has the article open, and the conflict dialog for a save on a stale version.
 */
export interface ArticleEditorSeams {
  renderSettings?: (article: EditableArticle | undefined, edit: SettingsEdit) => JSX.Element;
  renderActions?: (context: ActionsContext) => JSX.Element;
  renderPresence?: (article: EditableArticle) => JSX.Element;
  onConflict?: (error: ApiError, mine: ArticleChanges, text: TextControls) => void;
  /** History and preview (src/admin/app/article-history/): they save, and load another text. */
  renderTools?: (context: { article: EditableArticle; save: () => Promise<void>; text: TextControls }) => JSX.Element;
}

/** What the conflict dialog and the history need of the editor's text. */
export interface TextControls {
  /** Saves the text in the editor over the article's version `version` (after a conflict, chosen). */
  saveOver: (version: number) => Promise<void>;
  /** Replaces the text in the editor with this article's, unsaved edits forgotten (the caller kept them). */
  load: (article: EditableArticle) => void;
  /**
   * Puts a text the staff member kept (their own version after a conflict) back in the editor, with
   * the settings it changed, as an edit of the article's current version: saved like any change.
   */
  restore: (kept: ArticleChanges) => void;
}

type Screen =
  | { phase: 'loading' }
  | { phase: 'failed'; message: string }
  /** A copy in this browser differs from the server's: restore it or discard it before writing. */
  | { phase: 'offer'; article: EditableArticle | undefined; copy: LocalCopy }
  | { phase: 'writing'; article: EditableArticle | undefined; initial: ArticleChanges; restored: boolean; key: number };

/** Whether the server already has everything the copy holds: its text and the settings it changed. */
const sameAsSaved = (copy: LocalCopy, article: EditableArticle) => {
  const saved = settingsOf(article);
  return (
    copy.headline === article.headline &&
    JSON.stringify(normalizeDocument(copy.body)) === JSON.stringify(normalizeDocument(article.body)) &&
    Object.entries(copy.settings ?? {}).every(
      ([field, value]) => JSON.stringify(value) === JSON.stringify(saved[field as keyof typeof saved]),
    )
  );
};

/** Writing an article: headline and text, saved as they are typed, with a copy kept in the browser. */
export function ArticleEditorScreen(props: { id?: string } & ArticleEditorSeams) {
  const { t, locale, formatTime, uploadLimitBytes } = useApp();
  const services = useMemo(() => apiServices({ t, locale, uploadLimitBytes }), [t, locale, uploadLimitBytes]);
  const [screen, setScreen] = useState<Screen>({ phase: 'loading' });
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'saved' });
  const [article, setArticle] = useState<EditableArticle | undefined>();
  const createdId = useRef<string>();
  const headline = useRef<HTMLTextAreaElement>(null);
  const editor = useRef<EditorHandle>();
  const saver = useRef<ArticleSaver>();
  const offerButton = useRef<HTMLButtonElement>(null);
  const latest = useRef(props);
  latest.current = props;
  const text: TextControls = {
    saveOver: (version) => saver.current?.saveOver(version) ?? Promise.resolve(),
    load: (loaded) => {
      saver.current?.discard();
      dropLocalCopy(loaded.id);
      setArticle(loaded);
      setScreen({
        phase: 'writing',
        article: loaded,
        initial: { headline: loaded.headline, body: loaded.body },
        restored: false,
        key: Date.now(),
      });
    },
    restore: (kept) => {
      const current = saver.current?.current;
      saver.current?.discard();
      // It is the article's copy from now on (the caller drops where it kept it), until it is saved.
      if (current) writeLocalCopy(copyOf(current.id, String(current.version ?? current.modifiedAt), kept));
      setArticle(current);
      setScreen({ phase: 'writing', article: current, initial: kept, restored: true, key: Date.now() });
    },
  };
  const textControls = useRef(text);
  textControls.current = text;
  // The settings panel says what a save must send besides the text; its refusals show by its fields.
  const readSettings = useRef<(headline: string) => Partial<ArticleChanges>>(() => ({}));
  const [refusal, setRefusal] = useState<ApiError>();

  useEffect(() => {
    // The address of a new article changes to its id on first save: that is still this screen's article.
    if (props.id && props.id === createdId.current) return;
    setScreen({ phase: 'loading' });
    const write = (current: EditableArticle | undefined, initial: ArticleChanges, restored = false) => {
      setArticle(current);
      setScreen({ phase: 'writing', article: current, initial, restored, key: Date.now() });
    };
    if (!props.id) {
      const copy = readLocalCopy('new');
      if (copy) setScreen({ phase: 'offer', article: undefined, copy });
      else write(undefined, { headline: '', body: EMPTY_BODY });
      return;
    }
    loadArticle(props.id).then(
      (loaded) => {
        const copy = readLocalCopy(loaded.id);
        if (copy && !sameAsSaved(copy, loaded)) setScreen({ phase: 'offer', article: loaded, copy });
        else {
          if (copy) dropLocalCopy(loaded.id);
          write(loaded, { headline: loaded.headline, body: loaded.body });
        }
      },
      (caught: unknown) => {
        const code = caught instanceof ApiError ? caught.code : 'other';
        setScreen({
          phase: 'failed',
          message: code === 'ARTICLE_NOT_FOUND' || code === 'NOT_FOUND' ? t('article.notFound') : errorMessage(t, code),
        });
      },
    );
  }, [props.id]);

  useEffect(() => {
    if (screen.phase === 'offer') offerButton.current?.focus();
    if (screen.phase !== 'writing') return;
    const made = new ArticleSaver({
      article: screen.article,
      read: () => {
        const text = headline.current?.value ?? '';
        return {
          ...readSettings.current(text),
          headline: text,
          body: editor.current?.document() ?? screen.initial.body,
        };
      },
      onState: setSaveState,
      onSaved: (saved, created) => {
        setArticle(saved);
        setRefusal(undefined);
        if (created) {
          createdId.current = saved.id;
          replaceAddress(`/admin/articles/${saved.id}`);
        }
      },
      onRefused: (error, mine) => {
        setRefusal(error);
        if (error.code === 'ARTICLE_CHANGED') latest.current.onConflict?.(error, mine, textControls.current);
      },
    });
    saver.current = made;
    setSaveState({ kind: 'saved' });
    // A restored copy is not on the server yet: it is saved like any change.
    if (screen.restored) made.changed();
    return () => made.dispose();
  }, [screen.phase === 'writing' ? screen.key : screen.phase]);

  const save = () => saver.current?.save(true) ?? Promise.resolve();
  const settingsEdit: SettingsEdit = {
    changed: () => saver.current?.changed(),
    provide: (read) => {
      readSettings.current = read;
    },
    restored: screen.phase === 'writing' && screen.restored ? screen.initial : undefined,
    refusal,
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if ((event.metaKey || event.ctrlKey) && !event.altKey && event.key.toLowerCase() === 's') {
      event.preventDefault();
      void save();
    }
  };

  const title = props.id ? t('article.edit') : t('article.new');
  if (screen.phase === 'loading')
    return (
      <>
        <h1 tabIndex={-1}>{title}</h1>
        <p aria-live="polite">{t('loading')}</p>
      </>
    );
  if (screen.phase === 'failed')
    return (
      <>
        <h1 tabIndex={-1}>{title}</h1>
        <p class="error" role="alert">
          {screen.message}
        </p>
      </>
    );
  if (screen.phase === 'offer') {
    const { copy, article: current } = screen;
    const serverText = current
      ? { headline: current.headline, body: current.body }
      : { headline: '', body: EMPTY_BODY };
    return (
      <>
        <h1 tabIndex={-1}>{title}</h1>
        <section class="copy-offer" aria-labelledby="copy-offer-title">
          <h2 id="copy-offer-title">{t('article.copyTitle')}</h2>
          <p>{t(current ? 'article.copyFound' : 'article.copyFoundNew', { time: formatTime(copy.writtenAt) })}</p>
          {copy.headline && <p class="copy-headline">{copy.headline}</p>}
          {copy.settings && <p>{t('article.copySettings')}</p>}
          <p class="actions">
            <button
              type="button"
              ref={offerButton}
              onClick={() => {
                // The copy is saved as an edit of the version it was written over: if a colleague
                // changed the article since, that save is refused and the conflict dialog compares.
                const over = current && /^\d+$/.test(copy.base) ? { ...current, version: Number(copy.base) } : current;
                setArticle(over);
                setScreen({
                  phase: 'writing',
                  article: over,
                  initial: changesOf(copy),
                  restored: true,
                  key: Date.now(),
                });
              }}
            >
              {t('article.restore')}
            </button>
            <button
              type="button"
              class="secondary"
              onClick={() => {
                dropLocalCopy(copy.articleId);
                setArticle(current);
                setScreen({
                  phase: 'writing',
                  article: current,
                  initial: serverText,
                  restored: false,
                  key: Date.now(),
                });
              }}
            >
              {t('article.discard')}
            </button>
          </p>
        </section>
      </>
    );
  }

  return (
    <div class="article-editor" onKeyDown={onKeyDown}>
      <div class="article-bar" role="region" aria-label={t('article.actions')}>
        <h1 tabIndex={-1}>{title}</h1>
        {article && props.renderPresence?.(article)}
        <SaveIndicator state={saveState} />
        {article && props.renderTools?.({ article, save, text })}
        {props.renderActions?.({
          article,
          save,
          unsaved: saveState.kind !== 'saved',
          current: () => saver.current?.current,
          adopt: (changed) => {
            saver.current?.adopt(changed);
            setArticle(changed);
          },
        })}
        <button type="button" onClick={() => void save()} aria-keyshortcuts="Control+S Meta+S">
          {t('article.save')}
        </button>
      </div>
      <div class="article-columns">
        <div class="article-writing" key={screen.key}>
          <label for="headline" class="headline-label">
            {t('article.headline')}
          </label>
          <textarea
            id="headline"
            ref={headline}
            class="headline"
            rows={2}
            maxLength={300}
            defaultValue={screen.initial.headline}
            onInput={() => saver.current?.changed()}
            onKeyDown={(event) => {
              // A headline is one line: Enter goes on to the text.
              if (event.key === 'Enter') {
                event.preventDefault();
                editor.current?.focus();
              }
            }}
          />
          <RichTextEditor
            initial={screen.initial.body}
            label={t('article.text')}
            services={services}
            onChange={() => saver.current?.changed()}
            onReady={(handle) => {
              editor.current = handle;
            }}
          />
        </div>
        {props.renderSettings && (
          <div class="article-settings" key={screen.key}>
            {props.renderSettings(article, settingsEdit)}
          </div>
        )}
      </div>
    </div>
  );
}
