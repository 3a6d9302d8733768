import { useState } from 'preact/hooks';
import { api } from '../api.ts';
import { useApp } from '../context.ts';
import { useConfirm } from '../ui/confirm.tsx';
import { DataTable, Pagination, RowAction, TableFilter } from '../ui/data-table.tsx';
import { Notice, RefusalMessage, TextField } from '../ui/field.tsx';
import { useLoad } from '../ui/load.ts';
import { describeRefusal, useSubmit } from '../ui/refusal.ts';

interface Redirect {
  id: string;
  fromPath: string;
  toPath: string;
}
const PER_PAGE = 50;

/** Permanent redirects from old paths of the site to new ones: list, add, delete. */
export function RedirectsScreen() {
  const { t } = useApp();
  const list = useLoad(() => api<{ redirects: Redirect[] }>('GET', '/redirects').then((answer) => answer.redirects));
  const [draft, setDraft] = useState({ fromPath: '', toPath: '' });
  const [notice, setNotice] = useState('');
  const [error, setError] = useState('');
  const [filter, setFilter] = useState('');
  const [page, setPage] = useState(1);
  const submit = useSubmit('redirects');
  const [dialog, confirm] = useConfirm();

  const add = async (event: Event) => {
    event.preventDefault();
    const body = { fromPath: draft.fromPath.trim(), toPath: draft.toPath.trim() };
    const ok = await submit.run(async () => {
      await api('POST', '/redirects', body);
    });
    if (!ok) return;
    setNotice(t('redirects.added', { from: body.fromPath, to: body.toPath }));
    setDraft({ fromPath: '', toPath: '' });
    list.reload();
    document.getElementById('redirect-from')?.focus();
  };
  const remove = async (redirect: Redirect) => {
    const from = redirect.fromPath;
    if (
      !(await confirm({
        title: t('redirects.deleteTitle', { from }),
        body: t('redirects.deleteBody', { from }),
        confirm: t('redirects.delete'),
        danger: true,
      }))
    )
      return;
    setError('');
    try {
      await api('DELETE', `/redirects/${redirect.id}`);
      setNotice(t('redirects.deleted', { from }));
      list.reload();
    } catch (caught) {
      setError(describeRefusal(t, caught, 'redirects').message);
    }
  };

  const found = (list.data ?? []).filter((r) => r.fromPath.includes(filter.trim()) || r.toPath.includes(filter.trim()));
  const pages = Math.max(1, Math.ceil(found.length / PER_PAGE));
  const current = Math.min(page, pages);

  return (
    <>
      <h1 tabIndex={-1}>{t('redirects.title')}</h1>
      <p>{t('redirects.intro')}</p>
      <Notice>{notice}</Notice>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <form class="panel" onSubmit={add} ref={submit.formRef} noValidate aria-labelledby="new-redirect-heading">
        <h2 id="new-redirect-heading">{t('redirects.new')}</h2>
        <RefusalMessage refusal={submit.refusal} />
        <TextField
          id="redirect-from"
          label={t('redirects.from')}
          hint={t('redirects.fromHint')}
          value={draft.fromPath}
          onInput={(fromPath) => setDraft({ ...draft, fromPath })}
          error={submit.fieldError('fromPath')}
          spellcheck={false}
        />
        <TextField
          id="redirect-to"
          label={t('redirects.to')}
          hint={t('redirects.toHint')}
          value={draft.toPath}
          onInput={(toPath) => setDraft({ ...draft, toPath })}
          error={submit.fieldError('toPath')}
          spellcheck={false}
        />
        <button type="submit" disabled={submit.busy}>
          {t('redirects.add')}
        </button>
      </form>
      {list.error && (
        <p class="error" role="alert">
          {list.error}
        </p>
      )}
      {list.data && (
        <>
          {list.data.length > PER_PAGE && (
            <TableFilter
              id="redirects-filter"
              label={t('redirects.filter')}
              value={filter}
              onInput={(value) => {
                setFilter(value);
                setPage(1);
              }}
            />
          )}
          <DataTable
            caption={t('redirects.title')}
            rows={found.slice((current - 1) * PER_PAGE, current * PER_PAGE)}
            rowKey={(r) => r.id}
            empty={t('redirects.empty')}
            columns={[
              { header: t('redirects.from'), rowHeader: true, cell: (r) => <span class="mono">{r.fromPath}</span> },
              {
                header: t('redirects.to'),
                cell: (r) => (
                  <a class="mono" href={r.toPath}>
                    {r.toPath}
                  </a>
                ),
              },
              {
                header: t('ui.actions'),
                cell: (r) => <RowAction label={t('redirects.delete')} rowName={r.fromPath} onClick={() => remove(r)} />,
              },
            ]}
          />
          <Pagination page={current} pages={pages} onPage={setPage} />
        </>
      )}
      {dialog}
    </>
  );
}
