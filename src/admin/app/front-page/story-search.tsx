import { useState } from 'preact/hooks';
import { api, type ArticleSummary } from '../api.ts';
import { useApp } from '../context.ts';
import { describeRefusal } from '../ui/refusal.ts';
import { siteDateTimeToUtc } from '../ui/site-time.ts';
import { UntilField } from './until-field.tsx';

/**
 * Finds published stories by a piece of their headline and pins one as the lead or as featured,
 * for as long as the staff member says (in the site's time zone) or until unpinned.
 */
export function StorySearch(props: {
  untilError?: string | undefined;
  pinned: ReadonlySet<string>;
  full: boolean;
  onPin: (story: ArticleSummary, slot: 'lead' | 'featured', until: string | null) => Promise<void>;
}) {
  const { t, timeZone, formatTime } = useApp();
  const [typed, setTyped] = useState('');
  const [found, setFound] = useState<{ q: string; articles: ArticleSummary[] } | undefined>();
  const [error, setError] = useState('');
  const [until, setUntil] = useState('');

  const search = async (event: Event) => {
    event.preventDefault();
    const q = typed.trim();
    if (!q) return;
    setError('');
    try {
      const params = new URLSearchParams({ q, status: 'published', limit: '10' });
      const answer = await api<{ articles: ArticleSummary[] }>('GET', `/articles?${params}`);
      setFound({ q, articles: answer.articles });
    } catch (caught) {
      setError(describeRefusal(t, caught, 'frontPage').message);
    }
  };
  const pinAs = (story: ArticleSummary, slot: 'lead' | 'featured') =>
    props.onPin(story, slot, siteDateTimeToUtc(until, timeZone));

  return (
    <section class="panel" aria-labelledby="find-heading">
      <h2 id="find-heading">{t('frontPage.find')}</h2>
      <form role="search" class="search" onSubmit={search}>
        <label for="story-search">{t('frontPage.search')}</label>
        <div class="buttons">
          <input
            id="story-search"
            type="search"
            value={typed}
            onInput={(event) => setTyped(event.currentTarget.value)}
          />
          <button type="submit">{t('frontPage.searchButton')}</button>
        </div>
      </form>
      <UntilField id="pin-until" value={until} onInput={setUntil} error={props.untilError} />
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {props.full && <p class="muted">{t('frontPage.full')}</p>}
      <div aria-live="polite">
        {found &&
          (found.articles.length === 0 ? (
            <p>{t('frontPage.noResults', { q: found.q })}</p>
          ) : (
            <ul class="results" aria-label={t('frontPage.results')}>
              {found.articles.map((story) => (
                <li key={story.id}>
                  <p>
                    <strong>{story.headline}</strong>
                    {story.publishedAt && (
                      <span class="muted">
                        {' '}
                        · {t('frontPage.publishedAt', { time: formatTime(story.publishedAt) })}
                      </span>
                    )}
                  </p>
                  {props.pinned.has(story.id) ? (
                    <p class="muted">{t('frontPage.alreadyPinned')}</p>
                  ) : (
                    <div class="buttons">
                      <button type="button" class="small" onClick={() => pinAs(story, 'lead')}>
                        {t('frontPage.pinLead')}
                        <span class="visually-hidden"> “{story.headline}”</span>
                      </button>
                      <button
                        type="button"
                        class="secondary small"
                        aria-disabled={props.full ? 'true' : undefined}
                        onClick={() => !props.full && pinAs(story, 'featured')}
                      >
                        {t('frontPage.feature')}
                        <span class="visually-hidden"> “{story.headline}”</span>
                      </button>
                    </div>
                  )}
                </li>
              ))}
            </ul>
          ))}
      </div>
    </section>
  );
}
