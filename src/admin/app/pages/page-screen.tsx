import { useState } from 'preact/hooks';
import { api } from '../api.ts';
import { useApp } from '../context.ts';
import { Notice } from '../ui/field.tsx';
import { useLoad } from '../ui/load.ts';
import { PageForm } from './page-form.tsx';
import type { PageBody, PageSummary } from './pages.ts';
import { ReadOnlyBody } from './read-only-body.tsx';

/**
 * One static page: title, slug and status, and its text. The text is shown as readers read it until
 * the rich-text editor (its own helper's work) is wired in where the placeholder says so.
 */
export function PageScreen(props: { id: string }) {
  const { t } = useApp();
  const page = useLoad(() => api<PageSummary & { body: PageBody }>('GET', `/pages/${props.id}`), [props.id]);
  const [notice, setNotice] = useState('');

  if (!page.data)
    return (
      <>
        <h1 tabIndex={-1}>{t('pages.title')}</h1>
        {page.error ? (
          <p class="error" role="alert">
            {page.error}
          </p>
        ) : (
          <p aria-live="polite">{t('loading')}</p>
        )}
      </>
    );
  const { body, ...summary } = page.data;
  return (
    <>
      <p>
        <a href="/admin/pages">{t('pages.back')}</a>
      </p>
      <h1 tabIndex={-1}>{t('pages.editTitle', { title: summary.title })}</h1>
      <Notice>{notice}</Notice>
      <PageForm
        page={summary}
        heading={t('ui.edit')}
        onSaved={(saved) => {
          setNotice(t('pages.saved', { title: saved.title }));
          page.setData({ ...saved, body });
        }}
      />
      {summary.status === 'published' && (
        <p>
          <a href={`/${summary.slug}`}>{t('pages.view')}</a>
        </p>
      )}
      <section class="panel" aria-labelledby="page-body-heading">
        <h2 id="page-body-heading">{t('pages.body')}</h2>
        {/* The coordinator wires the rich-text editor in here (issue 13) once it lands. */}
        <p class="hint">{t('pages.bodyPending')}</p>
        <ReadOnlyBody body={body} empty={t('pages.bodyEmpty')} />
      </section>
    </>
  );
}
