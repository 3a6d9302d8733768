import { useState } from 'preact/hooks';
import { api } from '../api.ts';
import { useApp } from '../context.ts';
import { Field, RefusalMessage, TextField } from '../ui/field.tsx';
import { useSubmit } from '../ui/refusal.ts';
import type { PageSummary } from './pages.ts';

/** A page's title, slug and status: a new page (no `page`) or changes to one. */
export function PageForm(props: {
  page?: PageSummary;
  heading: string;
  headingLevel?: 2 | 3;
  onSaved: (page: PageSummary) => void;
}) {
  const { t } = useApp();
  const { page } = props;
  const prefix = page ? 'edit-page' : 'new-page';
  const [draft, setDraft] = useState({
    title: page?.title ?? '',
    slug: page?.slug ?? '',
    status: page?.status ?? ('draft' as PageSummary['status']),
  });
  const submit = useSubmit('pages');

  const save = async (event: Event) => {
    event.preventDefault();
    const body = {
      title: draft.title,
      status: draft.status,
      ...(draft.slug.trim() ? { slug: draft.slug.trim() } : {}),
    };
    await submit.run(async () => {
      const saved = page
        ? await api<PageSummary>('PATCH', `/pages/${page.id}`, body)
        : await api<PageSummary>('POST', '/pages', body);
      if (!page) setDraft({ title: '', slug: '', status: 'draft' });
      props.onSaved(saved);
    });
  };
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2';

  return (
    <form class="panel" onSubmit={save} ref={submit.formRef} noValidate aria-labelledby={`${prefix}-heading`}>
      <Heading id={`${prefix}-heading`}>{props.heading}</Heading>
      <RefusalMessage refusal={submit.refusal} />
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
      <div class="buttons">
        <button type="submit" disabled={submit.busy}>
          {submit.busy ? t('ui.saving') : page ? t('ui.save') : t('pages.create')}
        </button>
      </div>
    </form>
  );
}
