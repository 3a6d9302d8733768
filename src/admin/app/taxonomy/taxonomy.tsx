import { useState } from 'preact/hooks';
import { api } from '../api.ts';
import { useApp } from '../context.ts';
import { useConfirm } from '../ui/confirm.tsx';
import { type Column, DataTable, Pagination, RowAction, TableFilter } from '../ui/data-table.tsx';
import { Notice } from '../ui/field.tsx';
import { useLoad } from '../ui/load.ts';
import { describeRefusal } from '../ui/refusal.ts';
import { ItemForm } from './item-form.tsx';
import { KINDS, type TaxonomyItem, type TaxonomyTable } from './kinds.ts';
import './taxonomy.css';

const PER_PAGE = 50;

/** Sections, tags, labels or authors: the list (found by name, a page at a time), a new one, edit, delete. */
export function TaxonomyScreen(props: { table: TaxonomyTable }) {
  const { t } = useApp();
  const kind = KINDS[props.table];
  const list = useLoad(
    () => api<Record<TaxonomyTable, TaxonomyItem[]>>('GET', `/${kind.table}`).then((answer) => answer[kind.table]),
    [kind.table],
  );
  const [editing, setEditing] = useState<TaxonomyItem | undefined>();
  const [filter, setFilter] = useState('');
  const [page, setPage] = useState(1);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState('');
  const [dialog, confirm] = useConfirm();

  const focusLater = (selector: string) =>
    requestAnimationFrame(() => document.querySelector<HTMLElement>(selector)?.focus());

  const startEditing = (item: TaxonomyItem) => {
    setEditing(item);
    setNotice('');
    focusLater(`#edit-${kind.table}-heading`);
  };
  const stopEditing = (id: string) => {
    setEditing(undefined);
    focusLater(`[data-edit-id="${id}"]`);
  };

  const remove = async (item: TaxonomyItem) => {
    const yes = await confirm({
      title: t('taxonomy.deleteTitle', { name: item.name }),
      body: t(kind.deleteBody),
      confirm: t('taxonomy.deleteButton'),
      danger: true,
    });
    if (!yes) return;
    setError('');
    try {
      await api('DELETE', `/${kind.table}/${item.id}`);
      setNotice(t('taxonomy.deleted', { name: item.name }));
      if (editing?.id === item.id) setEditing(undefined);
      list.reload();
      focusLater('main h1');
    } catch (caught) {
      setError(describeRefusal(t, caught, 'taxonomy').message);
    }
  };

  const items = (list.data ?? []).filter((item) => item.name.toLowerCase().includes(filter.trim().toLowerCase()));
  const pages = Math.max(1, Math.ceil(items.length / PER_PAGE));
  const shown = items.slice((Math.min(page, pages) - 1) * PER_PAGE, Math.min(page, pages) * PER_PAGE);

  const columns: Column<TaxonomyItem>[] = [
    { header: t('taxonomy.name'), cell: (item) => item.name, rowHeader: true },
    {
      header: t('taxonomy.slug'),
      cell: (item) =>
        kind.path ? (
          <a href={kind.path(item.slug)} class="mono">
            {kind.path(item.slug)}
          </a>
        ) : (
          <span class="mono">{item.slug}</span>
        ),
    },
    ...(kind.text
      ? [
          {
            header: t(kind.text === 'bio' ? 'taxonomy.bio' : 'taxonomy.description'),
            cell: (item: TaxonomyItem) => <span class="excerpt">{kind.text ? item[kind.text] : ''}</span>,
          },
        ]
      : []),
    ...(kind.position ? [{ header: t('taxonomy.position'), cell: (item: TaxonomyItem) => item.position }] : []),
    {
      header: t('ui.actions'),
      cell: (item) => (
        <div class="buttons">
          <button type="button" class="secondary small" data-edit-id={item.id} onClick={() => startEditing(item)}>
            {t('taxonomy.editButton')}
            <span class="visually-hidden"> {item.name}</span>
          </button>
          <RowAction label={t('taxonomy.deleteButton')} rowName={item.name} onClick={() => remove(item)} />
        </div>
      ),
    },
  ];

  return (
    <>
      <h1 tabIndex={-1}>{t(kind.title)}</h1>
      <Notice>{notice}</Notice>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {editing ? (
        <ItemForm
          key={editing.id}
          kind={kind}
          item={editing}
          heading={t('taxonomy.edit', { name: editing.name })}
          onCancel={() => stopEditing(editing.id)}
          onSaved={(saved) => {
            setNotice(t('taxonomy.saved', { name: saved.name }));
            list.reload();
            stopEditing(saved.id);
          }}
        />
      ) : (
        <ItemForm
          kind={kind}
          heading={t(kind.create)}
          onSaved={(saved) => {
            setNotice(t('taxonomy.created', { name: saved.name }));
            list.reload();
            focusLater(`#new-${kind.table}-name`);
          }}
        />
      )}
      {list.error && (
        <p class="error" role="alert">
          {list.error}
        </p>
      )}
      {!list.data && !list.error && <p aria-live="polite">{t('loading')}</p>}
      {list.data && (
        <section aria-labelledby="list-heading">
          <h2 id="list-heading" class="visually-hidden">
            {t(kind.title)}
          </h2>
          {list.data.length > PER_PAGE && (
            <TableFilter
              id="taxonomy-filter"
              label={t('taxonomy.filter')}
              value={filter}
              onInput={(value) => {
                setFilter(value);
                setPage(1);
              }}
            />
          )}
          <DataTable
            caption={t(kind.title)}
            columns={columns}
            rows={shown}
            rowKey={(item) => item.id}
            empty={t(kind.empty)}
          />
          <Pagination page={Math.min(page, pages)} pages={pages} onPage={setPage} />
        </section>
      )}
      {dialog}
    </>
  );
}
