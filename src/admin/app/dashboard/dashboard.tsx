import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, type ArticleSummary } from '../api.ts';
import { useApp } from '../context.ts';
import { errorMessage, type MessageKey } from '../messages.ts';

interface Lists {
  drafts: ArticleSummary[];
  scheduled: ArticleSummary[];
  published: ArticleSummary[];
}

const list = (query: string) =>
  api<{ articles: ArticleSummary[] }>('GET', `/articles?${query}`).then((answer) => answer.articles);

/** My drafts, what is scheduled, and what went out last: where a newsroom day starts. */
export function Dashboard() {
  const { t, staff, formatTime } = useApp();
  const [lists, setLists] = useState<Lists | undefined>();
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    Promise.all([
      list(`status=draft&createdBy=${encodeURIComponent(staff.id)}&limit=20`),
      list('status=scheduled&limit=20'),
      list('status=published&limit=10'),
    ]).then(
      ([drafts, scheduled, published]) => setLists({ drafts, scheduled, published }),
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
              <span class="headline">{article.headline || t('untitled')}</span>
              <span class="when">{t(when, { time: formatTime(at(article)) })}</span>
            </li>
          ))}
        </ul>
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
