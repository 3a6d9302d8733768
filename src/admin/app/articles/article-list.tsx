import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api.ts';
import { useApp } from '../context.ts';
import { errorMessage } from '../messages.ts';
import { navigate, useLocation } from '../router.ts';
import type { ArticleListItem } from '../../../content/article-list.repository.ts';
import type { BulkAction } from '../../../content/bulk.service.ts';
import {
  addressOf,
  type Choice,
  filterChoices,
  filtersFrom,
  type ListFilters,
  listArticles,
  PAGE_SIZE,
} from './article-api.ts';
import { ArticleTable } from './article-table.tsx';
import { BulkActions, type BulkReport, BulkReportView } from './bulk-actions.tsx';
import { Filters } from './filters.tsx';

const LIST_PATH = '/admin/articles';
export const QUEUE_PATH = '/admin/ready';

interface Page {
  articles: ArticleListItem[];
  total: number;
}

/** A page of the list for the filters in the address, reloaded when they change or `reload` does. */
function usePage(filters: ListFilters, address: string, reload: number) {
  const { t } = useApp();
  const [page, setPage] = useState<Page | undefined>();
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    let current = true;
    setError(undefined);
    listArticles(filters).then(
      (answer) => current && setPage(answer),
      (caught: unknown) => current && setError(errorMessage(t, caught instanceof ApiError ? caught.code : 'other')),
    );
    return () => {
      current = false;
    };
  }, [address, reload]);
  return { page, error };
}

function Pagination({ path, filters, total }: { path: string; filters: ListFilters; total: number }) {
  const { t } = useApp();
  if (total === 0) return null;
  const from = (filters.page - 1) * PAGE_SIZE + 1;
  const to = Math.min(filters.page * PAGE_SIZE, total);
  return (
    <nav class="pagination" aria-label={t('articles.pages')}>
      <p>{t('articles.showing', { from: String(from), to: String(to), total: String(total) })}</p>
      {filters.page > 1 && (
        <a href={addressOf(path, { ...filters, page: filters.page - 1 })} rel="prev">
          {t('articles.previous')}
        </a>
      )}
      {to < total && (
        <a href={addressOf(path, { ...filters, page: filters.page + 1 })} rel="next">
          {t('articles.next')}
        </a>
      )}
    </nav>
  );
}

/**
 * The newsroom's article list: filters (status and the trash, author, section, label, headline),
 * pages of 20, and actions on the selected articles with each one's outcome. Rows open the editor.
 */
export function ArticleList() {
  const { t } = useApp();
  const { query } = useLocation();
  const filters = filtersFrom(query);
  const address = addressOf(LIST_PATH, filters);
  const [reload, setReload] = useState(0);
  const { page, error } = usePage(filters, address, reload);
  const [choices, setChoices] = useState<{ authors: Choice[]; sections: Choice[]; labels: Choice[] } | undefined>();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [report, setReport] = useState<BulkReport | undefined>();

  useEffect(() => {
    filterChoices().then(setChoices, () => setChoices({ authors: [], sections: [], labels: [] }));
  }, []);
  // A new page or new filters start with nothing selected.
  useEffect(() => setSelected(new Set()), [address]);

  const trash = filters.status === 'trash';
  const actions: readonly BulkAction[] = trash ? ['restore'] : ['submit', 'unpublish', 'trash'];
  const select = (ids: string[], on: boolean) =>
    setSelected((before) => {
      const after = new Set(before);
      for (const id of ids) {
        if (on) after.add(id);
        else after.delete(id);
      }
      return after;
    });

  return (
    <>
      <h1 tabIndex={-1}>{t('articles.title')}</h1>
      <Filters
        filters={filters}
        choices={choices}
        clearHref={LIST_PATH}
        onChange={(next) => {
          setReport(undefined);
          navigate(addressOf(LIST_PATH, next));
        }}
      />
      <BulkActions
        actions={actions}
        selected={selected}
        headlines={new Map((page?.articles ?? []).map((a) => [a.id, a.headline]))}
        onDone={(done) => {
          setReport(done);
          setReload((n) => n + 1);
        }}
      />
      <BulkReportView report={report} />
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {!page && !error && <p aria-live="polite">{t('loading')}</p>}
      {page && page.articles.length === 0 && <p class="empty">{t('articles.none')}</p>}
      {page && page.articles.length > 0 && (
        <ArticleTable
          articles={page.articles}
          variant={trash ? 'trash' : 'list'}
          selected={selected}
          onSelect={select}
        />
      )}
      {page && <Pagination path={LIST_PATH} filters={filters} total={page.total} />}
    </>
  );
}

/** The editors' queue: stories submitted for edit, each a link to the editor where it is published or sent back. */
export function ReadyQueue() {
  const { t } = useApp();
  const { query } = useLocation();
  const filters: ListFilters = { ...filtersFrom(query), status: 'ready' };
  const address = addressOf(QUEUE_PATH, filters);
  const { page, error } = usePage(filters, address, 0);
  return (
    <>
      <h1 tabIndex={-1}>{t('articles.queueTitle')}</h1>
      <p class="intro">{t('articles.queueIntro')}</p>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {!page && !error && <p aria-live="polite">{t('loading')}</p>}
      {page && page.articles.length === 0 && <p class="empty">{t('articles.emptyQueue')}</p>}
      {page && page.articles.length > 0 && <ArticleTable articles={page.articles} variant="queue" />}
      {page && <Pagination path={QUEUE_PATH} filters={{ ...filters, status: '' }} total={page.total} />}
    </>
  );
}
