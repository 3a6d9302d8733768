import { useMemo, useRef, useState } from 'preact/hooks';
import type { ArticleDocument } from '../../../content/document.ts';
import { api, ApiError } from '../api.ts';
import { useApp } from '../context.ts';
import { type EditorHandle, RichTextEditor } from '../editor/rich-text-editor.tsx';
import { apiServices } from '../editor/services.ts';
import { Field, RefusalMessage, TextField } from '../ui/field.tsx';
import { useSubmit } from '../ui/refusal.ts';
import { useLeaveGuard } from '../router.ts';
import type { PageSummary } from './pages.ts';

// A refused field the form does not show is the text's (`body (image blocks)`, `content/3/html`…).
const FORM_FIELDS = new Set(['title', 'slug', 'status', 'baseVersion']);

/**
 * A page's title, slug and status: a new page (no `page`) or changes to one. An existing page's
 * text (`body`) is written below the fields with the article screen's editor and saved with them, on
 * the version it was opened at: a colleague's save in between is refused, never overwritten, and a
 * refused save leaves everything typed where it is.
 */
export function PageForm(props: {
  page?: PageSummary;
  body?: ArticleDocument;
  heading: string;
  headingLevel?: 2 | 3;
  onSaved: (page: PageSummary) => void;
}) {
  const { t, locale, uploadLimitBytes } = useApp();
  const { page } = props;
  const prefix = page ? 'edit-page' : 'new-page';
  const [draft, setDraft] = useState({
    title: page?.title ?? '',
    slug: page?.slug ?? '',
    status: page?.status ?? ('draft' as PageSummary['status']),
  });
  const submit = useSubmit('pages');
  const services = useMemo(() => apiServices({ t, locale, uploadLimitBytes }), [t, locale, uploadLimitBytes]);
  const editor = useRef<EditorHandle>();
  /** The version a colleague's save left the page at, while their change and ours both stand. */
  const [theirs, setTheirs] = useState<number>();
  /** The text was changed since it was opened or last saved. */
  const [textChanged, setTextChanged] = useState(false);
  const unsaved =
    page !== undefined &&
    (textChanged ||
      draft.title !== page.title ||
      (draft.slug.trim() || page.slug) !== page.slug ||
      draft.status !== page.status);
  useLeaveGuard(unsaved ? t('pages.leaveUnsaved') : undefined);

  const send = async (baseVersion: number | undefined) => {
    const text = page && editor.current ? { body: editor.current.document(), baseVersion } : {};
    const body = {
      title: draft.title,
      status: draft.status,
      ...(draft.slug.trim() ? { slug: draft.slug.trim() } : {}),
      ...text,
    };
    await submit.run(async () => {
      try {
        const saved = page
          ? await api<PageSummary>('PATCH', `/pages/${page.id}`, body)
          : await api<PageSummary>('POST', '/pages', body);
        setTheirs(undefined);
        setTextChanged(false);
        if (!page) setDraft({ title: '', slug: '', status: 'draft' });
        props.onSaved(saved);
      } catch (caught) {
        if (caught instanceof ApiError && caught.code === 'PAGE_CHANGED') setTheirs(Number(caught.details?.version));
        throw caught;
      }
    });
  };
  const save = (event: Event) => {
    event.preventDefault();
    void send(page?.version);
  };
  // Ctrl+S (Cmd+S) saves, as on the article screen, instead of the browser saving the page.
  const saveOnModS = (event: KeyboardEvent) => {
    if ((event.metaKey || event.ctrlKey) && !event.altKey && event.key.toLowerCase() === 's') {
      event.preventDefault();
      submit.formRef.current?.requestSubmit();
    }
  };
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2';
  const textRefused = Object.keys(submit.refusal?.fields ?? {}).some((field) => !FORM_FIELDS.has(field));
  const saveLabel = submit.busy ? t('ui.saving') : page ? t('ui.save') : t('pages.create');

  return (
    <>
      <form
        id={`${prefix}-form`}
        class="panel"
        onSubmit={save}
        onKeyDown={saveOnModS}
        ref={submit.formRef}
        noValidate
        aria-labelledby={`${prefix}-heading`}
      >
        <Heading id={`${prefix}-heading`}>{props.heading}</Heading>
        <RefusalMessage refusal={submit.refusal} />
        {theirs !== undefined && (
          <p class="buttons">
            <button type="button" class="secondary" disabled={submit.busy} onClick={() => void send(theirs)}>
              {t('pages.saveOver')}
            </button>
          </p>
        )}
        <TextField
          id={`${prefix}-title`}
          label={t('pages.pageTitle')}
          value={draft.title}
          onInput={(title) => setDraft({ ...draft, title })}
          error={submit.fieldError('title')}
          maxLength={200}
        />
        <TextField
          id={`${prefix}-slug`}
          label={t('pages.slug')}
          value={draft.slug}
          onInput={(slug) => setDraft({ ...draft, slug })}
          hint={t('ui.slugHint')}
          error={submit.fieldError('slug')}
          optional
          spellcheck={false}
        />
        <Field
          id={`${prefix}-status`}
          label={t('pages.status')}
          hint={t('pages.statusHint')}
          error={submit.fieldError('status')}
        >
          {(control) => (
            <select
              {...control}
              value={draft.status}
              onChange={(event) => setDraft({ ...draft, status: event.currentTarget.value as PageSummary['status'] })}
            >
              <option value="draft">{t('ui.status.draft')}</option>
              <option value="published">{t('ui.status.published')}</option>
            </select>
          )}
        </Field>
        {!props.body && (
          <div class="buttons">
            <button type="submit" disabled={submit.busy}>
              {saveLabel}
            </button>
          </div>
        )}
      </form>
      {props.body && (
        // The editor has forms of its own (the link editor, the embed dialog): it sits outside this
        // one, and its Save button below submits the form by its id.
        <section class="panel page-text" aria-labelledby="page-text-heading" onKeyDown={saveOnModS}>
          <h2 id="page-text-heading">{t('pages.body')}</h2>
          {textRefused && (
            <p class="field-error" role="alert">
              {t('pages.textRefused')}
            </p>
          )}
          <RichTextEditor
            initial={props.body}
            label={t('pages.text')}
            services={services}
            freePreview={false}
            onChange={() => setTextChanged(true)}
            onReady={(handle) => {
              editor.current = handle;
            }}
          />
          <div class="buttons">
            <button type="submit" form={`${prefix}-form`} disabled={submit.busy} aria-keyshortcuts="Control+S Meta+S">
              {saveLabel}
            </button>
          </div>
        </section>
      )}
    </>
  );
}
