import { useState } from 'preact/hooks';
import { api } from '../api.ts';
import { useApp } from '../context.ts';
import type { MessageKey } from '../messages.ts';
import { useConfirm } from '../ui/confirm.tsx';
import { DataTable, RowAction } from '../ui/data-table.tsx';
import { Notice } from '../ui/field.tsx';
import { useLoad } from '../ui/load.ts';
import { describeRefusal } from '../ui/refusal.ts';
import { PageForm } from './page-form.tsx';
import type { PageSummary } from './pages.ts';

/** Every static page: its address and status, a new page, delete. */
export function PagesList() {
  const { t, formatTime } = useApp();
  const list = useLoad(() => api<{ pages: PageSummary[] }>('GET', '/pages').then((answer) => answer.pages));
  const [notice, setNotice] = useState('');
  const [error, setError] = useState('');
  const [dialog, confirm] = useConfirm();

  const remove = async (page: PageSummary) => {
    if (
      !(await confirm({
        title: t('pages.deleteTitle', { title: page.title }),
        body: t('pages.deleteBody'),
        confirm: t('pages.delete'),
        danger: true,
      }))
    )
      return;
    setError('');
    try {
      await api('DELETE', `/pages/${page.id}`);
      setNotice(t('pages.deleted', { title: page.title }));
      list.reload();
    } catch (caught) {
      setError(describeRefusal(t, caught, 'pages').message);
    }
  };

  return (
    <>
      <h1 tabIndex={-1}>{t('pages.title')}</h1>
      <Notice>{notice}</Notice>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <PageForm
        heading={t('pages.new')}
        onSaved={(page) => {
          setNotice(t('pages.created', { title: page.title }));
          list.reload();
        }}
      />
      {list.error && (
        <p class="error" role="alert">
          {list.error}
        </p>
      )}
      {list.data && (
        <DataTable
          caption={t('pages.title')}
          rows={list.data}
          rowKey={(page) => page.id}
          empty={t('pages.empty')}
          columns={[
            {
              header: t('pages.pageTitle'),
              rowHeader: true,
              cell: (page) => <a href={`/admin/pages/${page.id}`}>{page.title}</a>,
            },
            { header: t('pages.address'), cell: (page) => <span class="mono">/{page.slug}</span> },
            { header: t('pages.status'), cell: (page) => t(`ui.status.${page.status}` as MessageKey) },
            { header: t('pages.modified'), cell: (page) => formatTime(page.modifiedAt) },
            {
              header: t('ui.actions'),
              cell: (page) => <RowAction label={t('pages.delete')} rowName={page.title} onClick={() => remove(page)} />,
            },
          ]}
        />
      )}
      {dialog}
    </>
  );
}
