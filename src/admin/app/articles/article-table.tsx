import { useApp } from '../context.ts';
import type { MessageKey, Translate } from '../messages.ts';
import type { ArticleListItem } from '../../../content/article-list.repository.ts';
import type { ChangedBy } from '../../../content/article-versions.ts';

/** "a colleague's name", "the scheduler", or "a former colleague" for an account since deleted. */
export function changedByName(t: Translate, by: ChangedBy): string {
  if (by === null) return t('articles.formerStaff');
  if ('system' in by) return t(`articles.system.${by.system}` as MessageKey);
  return by.name;
}

interface Props {
  articles: ArticleListItem[];
  /** `queue`: the ready-for-edit queue (who submitted, when), with no selection. */
  variant: 'list' | 'trash' | 'queue';
  selected?: ReadonlySet<string>;
  onSelect?: (ids: string[], on: boolean) => void;
}

/** The articles as a table: a checkbox each (the list), headline linking to the editor, status, byline, section, label, last change. */
export function ArticleTable({ articles, variant, selected, onSelect }: Props) {
  const { t, formatTime } = useApp();
  const selectable = variant !== 'queue' && onSelect !== undefined && selected !== undefined;
  const allSelected = articles.length > 0 && articles.every((a) => selected?.has(a.id));
  const headline = (a: ArticleListItem) => a.headline || t('articles.untitled');
  return (
    <table class="article-table">
      <caption class="visually-hidden">{t(variant === 'queue' ? 'articles.queueTitle' : 'articles.caption')}</caption>
      <thead>
        <tr>
          {selectable && (
            <th scope="col" class="select">
              <input
                type="checkbox"
                aria-label={t('articles.selectPage')}
                checked={allSelected}
                onChange={(event) =>
                  onSelect(
                    articles.map((a) => a.id),
                    event.currentTarget.checked,
                  )
                }
              />
            </th>
          )}
          <th scope="col">{t('articles.headline')}</th>
          <th scope="col">{t('articles.status')}</th>
          <th scope="col">{t('articles.byline')}</th>
          <th scope="col">{t('articles.section')}</th>
          {variant !== 'queue' && <th scope="col">{t('articles.label')}</th>}
          {variant === 'queue' && <th scope="col">{t('articles.submittedBy')}</th>}
          <th scope="col">
            {t(
              variant === 'trash'
                ? 'articles.trashedAt'
                : variant === 'queue'
                  ? 'articles.submitted'
                  : 'articles.lastChange',
            )}
          </th>
        </tr>
      </thead>
      <tbody>
        {articles.map((a) => (
          <tr key={a.id} class={selected?.has(a.id) ? 'selected' : undefined}>
            {selectable && (
              <td class="select">
                <input
                  type="checkbox"
                  aria-label={t('articles.selectOne', { headline: headline(a) })}
                  checked={selected.has(a.id)}
                  onChange={(event) => onSelect([a.id], event.currentTarget.checked)}
                />
              </td>
            )}
            <th scope="row" class="article-title">
              <a href={`/admin/articles/${a.id}`}>{headline(a)}</a>
            </th>
            <td>
              <span class={`status status-${a.status}`}>{t(`articles.status.${a.status}` as MessageKey)}</span>
              {a.trashedAt && <span class="in-trash"> ({t('articles.inTrash')})</span>}
            </td>
            <td>{a.authors.map((author) => author.name).join(', ')}</td>
            <td>{a.section?.name ?? ''}</td>
            {variant !== 'queue' && <td>{a.label?.name ?? ''}</td>}
            {variant === 'queue' && <td>{a.createdByName ?? t('articles.formerStaff')}</td>}
            <td class="when">
              {variant === 'trash' && a.trashedAt ? (
                <time dateTime={a.trashedAt}>{formatTime(a.trashedAt)}</time>
              ) : variant === 'queue' && a.submittedAt ? (
                <time dateTime={a.submittedAt}>{formatTime(a.submittedAt)}</time>
              ) : (
                t('articles.changedBy', { time: formatTime(a.modifiedAt), name: changedByName(t, a.modifiedBy) })
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
