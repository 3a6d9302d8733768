import type { ComponentChildren } from 'preact';
import { useApp } from '../context.ts';
import { TextField } from './field.tsx';

/** One column: its header and what each row shows in it. */
export interface Column<T> {
  header: string;
  cell: (row: T) => ComponentChildren;
  /** The row's name (a th with scope="row"), so a screen reader says which row a cell is in. */
  rowHeader?: boolean;
}

/** A table of things with a caption, one row each, or a line saying there is nothing yet. */
export function DataTable<T>(props: {
  caption: string;
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  empty?: string;
}) {
  const { t } = useApp();
  if (props.rows.length === 0) return <p class="empty">{props.empty ?? t('ui.nothingYet')}</p>;
  return (
    <div class="table-wrap">
      <table class="data-table">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            {props.columns.map((column) => (
              <th scope="col" key={column.header}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={props.rowKey(row)}>
              {props.columns.map((column) =>
                column.rowHeader ? (
                  <th scope="row" key={column.header}>
                    {column.cell(row)}
                  </th>
                ) : (
                  <td key={column.header}>{column.cell(row)}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Previous and next page, and where the staff member is; nothing when everything fits on one page. */
export function Pagination(props: { page: number; pages: number; onPage: (page: number) => void }) {
  const { t } = useApp();
  if (props.pages <= 1) return null;
  return (
    <nav class="pagination" aria-label={t('ui.pages')}>
      {/* aria-disabled, not disabled: the button keeps the keyboard when the last page is reached. */}
      <button
        type="button"
        class="secondary"
        aria-disabled={props.page <= 1 ? 'true' : undefined}
        onClick={() => props.page > 1 && props.onPage(props.page - 1)}
      >
        {t('ui.previousPage')}
      </button>
      <span aria-live="polite">{t('ui.pageOf', { page: String(props.page), pages: String(props.pages) })}</span>
      <button
        type="button"
        class="secondary"
        aria-disabled={props.page >= props.pages ? 'true' : undefined}
        onClick={() => props.page < props.pages && props.onPage(props.page + 1)}
      >
        {t('ui.nextPage')}
      </button>
    </nav>
  );
}

/** A search box above a long table that narrows its rows as one types. */
export function TableFilter(props: { id: string; label: string; value: string; onInput: (value: string) => void }) {
  return (
    <div class="filter">
      <TextField type="search" {...props} />
    </div>
  );
}

/**
 * A destructive action in a row (delete, revoke, archive, unpin): danger-styled and small, its
 * label followed by the row's name for screen readers, so "Delete" among twenty says which one.
 */
export function RowAction(props: { label: string; rowName?: string; onClick: () => void }) {
  return (
    <button type="button" class="secondary danger small" onClick={props.onClick}>
      {props.label}
      {props.rowName && <span class="visually-hidden"> {props.rowName}</span>}
    </button>
  );
}
