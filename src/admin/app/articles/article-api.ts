import type { ArticleListItem } from '../../../content/article-list.repository.ts';
import { ARTICLE_STATUSES, type ArticleStatus } from '../../../content/articles.table.ts';
import type { BulkAction, BulkResult } from '../../../content/bulk.service.ts';
import { api } from '../api.ts';

/** The list's filters, as they stand in the screen's address (so a reload or a shared link keeps them). */
export interface ListFilters {
  status: ArticleStatus | 'trash' | '';
  authorId: string;
  sectionId: string;
  labelId: string;
  q: string;
  page: number;
}

export const PAGE_SIZE = 20;

export function filtersFrom(query: URLSearchParams): ListFilters {
  const status = query.get('status') ?? '';
  const page = Number(query.get('page') ?? '1');
  return {
    status: ([...ARTICLE_STATUSES, 'trash'] as string[]).includes(status) ? (status as ListFilters['status']) : '',
    authorId: query.get('author') ?? '',
    sectionId: query.get('section') ?? '',
    labelId: query.get('label') ?? '',
    q: query.get('q') ?? '',
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

/** The screen's address for these filters: only what is set, page 1 left out. */
export function addressOf(path: string, filters: ListFilters): string {
  const query = new URLSearchParams();
  if (filters.status) query.set('status', filters.status);
  if (filters.authorId) query.set('author', filters.authorId);
  if (filters.sectionId) query.set('section', filters.sectionId);
  if (filters.labelId) query.set('label', filters.labelId);
  if (filters.q) query.set('q', filters.q);
  if (filters.page > 1) query.set('page', String(filters.page));
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/** One page of the list for these filters, and how many match in all. */
export function listArticles(filters: ListFilters): Promise<{ articles: ArticleListItem[]; total: number }> {
  const query = new URLSearchParams({ limit: String(PAGE_SIZE), offset: String((filters.page - 1) * PAGE_SIZE) });
  if (filters.status === 'trash') query.set('trash', 'true');
  else if (filters.status) query.set('status', filters.status);
  if (filters.authorId) query.set('authorId', filters.authorId);
  if (filters.sectionId) query.set('sectionId', filters.sectionId);
  if (filters.labelId) query.set('labelId', filters.labelId);
  if (filters.q) query.set('q', filters.q);
  return api('GET', `/articles?${query.toString()}`);
}

export async function bulkChange(ids: string[], action: BulkAction): Promise<BulkResult[]> {
  return (await api<{ results: BulkResult[] }>('POST', '/articles/bulk', { ids, action })).results;
}

export interface Choice {
  id: string;
  name: string;
}

/** Authors, sections and labels to filter by. */
export async function filterChoices(): Promise<{ authors: Choice[]; sections: Choice[]; labels: Choice[] }> {
  const [authors, sections, labels] = await Promise.all([
    api<{ authors: Choice[] }>('GET', '/authors'),
    api<{ sections: Choice[] }>('GET', '/sections'),
    api<{ labels: Choice[] }>('GET', '/labels'),
  ]);
  return { authors: authors.authors, sections: sections.sections, labels: labels.labels };
}
