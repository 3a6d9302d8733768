import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, type ArticleSummary } from '../api.ts';
import { useApp } from '../context.ts';
import { errorMessage, type MessageKey } from '../messages.ts';
import { QUEUE_PATH } from '../articles/article-list.tsx';

interface Lists {
  drafts: ArticleSummary[];
  /** Only for those who edit others' stories (editors, admins). */
  ready: Array<ArticleSummary & { submittedAt: string | null; createdByName: string | null }> | undefined;
  scheduled: ArticleSummary[];
  published: ArticleSummary[];
}

const EDITS_OTHERS = new Set(['editor', 'admin']);

const list = (query: string) =>
  api<{ articles: ArticleSummary[] }>('GET', `/articles?${query}`).then((answer) => answer.articles);

/** What waits for edit (for editors), my drafts, what is scheduled, and what went out last: where a newsroom day starts. */
export function Dashboard() {
  const { t, staff, formatTime } = useApp();
  const [lists, setLists] = useState<Lists | undefined>();
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    Promise.all([
      list(`status=draft&createdBy=${encodeURIComponent(staff.id)}&limit=20`),
      EDITS_OTHERS.has(staff.role) ? list('status=ready&limit=10') : Promise.resolve(undefined),
      list('status=scheduled&limit=20'),
      list('status=published&limit=10'),
    ]).then(
      ([drafts, ready, scheduled, published]) =>
        setLists({ drafts, ready: ready as Lists['ready'], scheduled, published }),
      (caught: unknown) => setError(errorMessage(t, caught instanceof ApiError ? caught.code : 'other')),
    );
  }, [staff.id]);

  const section = (
    title: MessageKey,
    empty: MessageKey,
    when: MessageKey,
    items: ArticleSummary[],
    at: (a: ArticleSummary) => string,
  ) => (
    <section aria-labelledby={`${title}-heading`}>
      <h2 id={`${title}-heading`}>{t(title)}</h2>
      {items.length === 0 ? (
        <p class="empty">{t(empty)}</p>
      ) : (
        <ul class="articles">
          {items.map((article) => (
            <li key={article.id}>
              <a class="article-title" href={`/admin/articles/${article.id}`}>
                {article.headline || t('untitled')}
              </a>
              <span class="when">{t(when, { time: formatTime(at(article)) })}</span>
            </li>
          ))}
        </ul>
      )}
      {title === 'readyForEdit' && items.length > 0 && (
        <p class="more">
          <a href={QUEUE_PATH}>{t('openQueue')}</a>
        </p>
      )}
    </section>
  );

  return (
    <>
      <h1 tabIndex={-1}>{t('dashboard')}</h1>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {!lists && !error && <p aria-live="polite">{t('loading')}</p>}
      {lists && (
        <div class="dashboard">
          {lists.ready &&
            section('readyForEdit', 'noReady', 'submitted', lists.ready, (a) =>
              'submittedAt' in a && typeof a.submittedAt === 'string' ? a.submittedAt : a.modifiedAt,
            )}
          {section('myDrafts', 'noDrafts', 'edited', lists.drafts, (a) => a.modifiedAt)}
          {section('scheduled', 'noScheduled', 'goesLive', lists.scheduled, (a) => a.publishedAt ?? a.modifiedAt)}
          {section(
            'recentlyPublished',
            'noPublished',
            'published',
            lists.published,
            (a) => a.publishedAt ?? a.modifiedAt,
          )}
        </div>
      )}
    </>
  );
}
