import { useState } from 'preact/hooks';
import { api } from '../api.ts';
import { useApp } from '../context.ts';
import { Notice } from '../ui/field.tsx';
import { useLoad } from '../ui/load.ts';
import { PageForm } from './page-form.tsx';
import type { EditablePage } from './pages.ts';

/** One static page: title, slug and status, and its text in the rich-text editor. */
export function PageScreen(props: { id: string }) {
  const { t } = useApp();
  const page = useLoad(() => api<EditablePage>('GET', `/pages/${props.id}`), [props.id]);
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
      {summary.status === 'published' && (
        <p>
          <a href={`/${summary.slug}`}>{t('pages.view')}</a>
        </p>
      )}
      <PageForm
        page={summary}
        body={body}
        heading={t('ui.edit')}
        onSaved={(saved) => {
          setNotice(t('pages.saved', { title: saved.title }));
          // The editor keeps its own text; what changes here is the version the next save names.
          page.setData({ ...saved, body });
        }}
      />
    </>
  );
}
