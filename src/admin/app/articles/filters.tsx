import { useRef } from 'preact/hooks';
import { ARTICLE_STATUSES } from '../../../content/articles.table.ts';
import { useApp } from '../context.ts';
import type { MessageKey } from '../messages.ts';
import type { Choice, ListFilters } from './article-api.ts';

const STATUSES = ['', ...ARTICLE_STATUSES, 'trash'] as const;

interface Props {
  filters: ListFilters;
  choices: { authors: Choice[]; sections: Choice[]; labels: Choice[] } | undefined;
  /** Where "Clear filters" leads: the screen without its query. */
  clearHref: string;
  onChange: (filters: ListFilters) => void;
}

/**
 * Status (the trash included), author, section and label apply as soon as they change (the list
 * below is redrawn, nothing else moves); the headline search applies with Enter or its button.
 */
export function Filters({ filters, choices, clearHref, onChange }: Props) {
  const { t } = useApp();
  const search = useRef<HTMLInputElement>(null);
  const set = (change: Partial<ListFilters>) => onChange({ ...filters, ...change, page: 1 });
  const select = (
    id: string,
    label: MessageKey,
    any: MessageKey,
    value: string,
    options: Choice[] | undefined,
    apply: (value: string) => void,
  ) => (
    <div class="field">
      <label for={id}>{t(label)}</label>
      <select id={id} value={value} onChange={(event) => apply(event.currentTarget.value)}>
        <option value="">{t(any)}</option>
        {(options ?? []).map((option) => (
          <option key={option.id} value={option.id}>
            {option.name}
          </option>
        ))}
      </select>
    </div>
  );
  const filtered = Boolean(filters.status || filters.authorId || filters.sectionId || filters.labelId || filters.q);
  return (
    <form
      class="filters"
      role="search"
      aria-label={t('articles.filters')}
      onSubmit={(event) => {
        event.preventDefault();
        set({ q: search.current?.value.trim() ?? '' });
      }}
    >
      <div class="field">
        <label for="filter-status">{t('articles.status')}</label>
        <select
          id="filter-status"
          value={filters.status}
          onChange={(event) => set({ status: event.currentTarget.value as ListFilters['status'] })}
        >
          {STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`articles.status.${status || 'all'}` as MessageKey)}
            </option>
          ))}
        </select>
      </div>
      {select('filter-author', 'articles.author', 'articles.anyAuthor', filters.authorId, choices?.authors, (v) =>
        set({ authorId: v }),
      )}
      {select('filter-section', 'articles.section', 'articles.anySection', filters.sectionId, choices?.sections, (v) =>
        set({ sectionId: v }),
      )}
      {select('filter-label', 'articles.label', 'articles.anyLabel', filters.labelId, choices?.labels, (v) =>
        set({ labelId: v }),
      )}
      <div class="field search">
        <label for="filter-q">{t('articles.search')}</label>
        <input id="filter-q" ref={search} type="search" maxLength={200} defaultValue={filters.q} key={filters.q} />
      </div>
      <button type="submit">{t('articles.searchButton')}</button>
      {filtered && (
        <a class="clear" href={clearHref}>
          {t('articles.clearFilters')}
        </a>
      )}
    </form>
  );
}
