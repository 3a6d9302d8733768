import { useState } from 'preact/hooks';
import { api, type ArticleSummary } from '../api.ts';
import { useApp } from '../context.ts';
import { Notice, RefusalMessage } from '../ui/field.tsx';
import { useLoad } from '../ui/load.ts';
import { useSubmit } from '../ui/refusal.ts';
import { PinRow, type PinView } from './pin-row.tsx';
import { StorySearch } from './story-search.tsx';
import './front-page.css';

/** The most featured stories (src/content/front-page.service.ts). */
export const MAX_FEATURED = 6;

interface FrontPage {
  lead: PinView | null;
  featured: PinView[];
}
type Pin = { articleId: string; until: string | null };
const pin = (view: PinView): Pin => ({ articleId: view.articleId, until: view.until });

/**
 * The home page's lead and featured stories: pin (found by headline), unpin, reorder, and for how
 * long. Each change sends the whole arrangement, so what the staff member sees is what is stored.
 */
export function FrontPageScreen() {
  const { t } = useApp();
  const current = useLoad(() => api<FrontPage>('GET', '/front-page'));
  const [notice, setNotice] = useState('');
  // Which control asked for the change (a pinned story's id, or the search): a refused time shows there.
  const [origin, setOrigin] = useState('');
  const submit = useSubmit('frontPage');

  const change = async (next: { lead: Pin | null; featured: Pin[] }, done: string, focus?: string, from = '') => {
    setNotice('');
    setOrigin(from);
    const ok = await submit.run(async () => {
      current.setData(await api<FrontPage>('PATCH', '/front-page', next));
    });
    if (!ok) return;
    setNotice(done);
    if (focus) requestAnimationFrame(() => document.querySelector<HTMLElement>(focus)?.focus());
  };

  if (!current.data)
    return (
      <>
        <h1 tabIndex={-1}>{t('frontPage.title')}</h1>
        {current.error ? (
          <p class="error" role="alert">
            {current.error}
          </p>
        ) : (
          <p aria-live="polite">{t('loading')}</p>
        )}
      </>
    );

  const { lead, featured } = current.data;
  const leadPin = lead ? pin(lead) : null;
  const featuredPins = featured.map(pin);
  const pinned = new Set([...(lead ? [lead.articleId] : []), ...featured.map((f) => f.articleId)]);

  const moveFeatured = (i: number, by: -1 | 1, view: PinView) => {
    const next = [...featuredPins];
    const [moved] = next.splice(i, 1);
    if (moved) next.splice(i + by, 0, moved);
    // The keyboard stays with the moved story: the same button, or the other one once it reaches an end.
    const to = i + by;
    const button = to === 0 ? 'down' : to === next.length - 1 ? 'up' : by < 0 ? 'up' : 'down';
    void change(
      { lead: leadPin, featured: next },
      t('frontPage.moved', { headline: view.headline }),
      `[data-move="${button}-${view.articleId}"]`,
    );
  };
  // A refused time belongs to the control that set it; the API names the pin by its place in the list.
  const untilError = (from: string): string | undefined => {
    if (origin !== from || !submit.refusal) return undefined;
    const refused = Object.keys(submit.refusal.fields).some((field) => field.endsWith('/until'));
    return refused ? t('frontPage.field.until') : undefined;
  };

  return (
    <>
      <h1 tabIndex={-1}>{t('frontPage.title')}</h1>
      <p>{t('frontPage.intro', { max: String(MAX_FEATURED) })}</p>
      <Notice>{notice}</Notice>
      <form ref={submit.formRef} onSubmit={(event) => event.preventDefault()}>
        <RefusalMessage refusal={submit.refusal} />
        <section class="panel" aria-labelledby="lead-heading">
          <h2 id="lead-heading" tabIndex={-1}>
            {t('frontPage.lead')}
          </h2>
          {lead ? (
            <ul class="pins">
              <PinRow
                view={lead}
                error={untilError(lead.articleId)}
                onUntil={(until) =>
                  change(
                    { lead: { ...pin(lead), until }, featured: featuredPins },
                    t('frontPage.timeSet'),
                    undefined,
                    lead.articleId,
                  )
                }
                onUnpin={() =>
                  change(
                    { lead: null, featured: featuredPins },
                    t('frontPage.unpinned', { headline: lead.headline }),
                    '#lead-heading',
                  )
                }
              />
            </ul>
          ) : (
            <p class="muted">{t('frontPage.noLead')}</p>
          )}
        </section>
        <section class="panel" aria-labelledby="featured-heading">
          <h2 id="featured-heading" tabIndex={-1}>
            {t('frontPage.featured')}
          </h2>
          {featured.length === 0 ? (
            <p class="muted">{t('frontPage.noFeatured')}</p>
          ) : (
            <ol class="pins">
              {featured.map((view, i) => (
                <PinRow
                  key={view.articleId}
                  view={view}
                  error={untilError(view.articleId)}
                  onUntil={(until) =>
                    change(
                      { lead: leadPin, featured: featuredPins.map((p, at) => (at === i ? { ...p, until } : p)) },
                      t('frontPage.timeSet'),
                      undefined,
                      view.articleId,
                    )
                  }
                  onUnpin={() =>
                    change(
                      { lead: leadPin, featured: featuredPins.filter((_, at) => at !== i) },
                      t('frontPage.unpinned', { headline: view.headline }),
                      '#featured-heading',
                    )
                  }
                  onMakeLead={() =>
                    change(
                      {
                        lead: pin(view),
                        featured: [...(leadPin ? [leadPin] : []), ...featuredPins.filter((_, at) => at !== i)].slice(
                          0,
                          MAX_FEATURED,
                        ),
                      },
                      t('frontPage.pinnedLead', { headline: view.headline }),
                      '#lead-heading',
                    )
                  }
                  {...(i > 0 ? { onMoveUp: () => moveFeatured(i, -1, view) } : {})}
                  {...(i < featured.length - 1 ? { onMoveDown: () => moveFeatured(i, 1, view) } : {})}
                />
              ))}
            </ol>
          )}
        </section>
      </form>
      <StorySearch
        untilError={untilError('search')}
        pinned={pinned}
        full={featured.length >= MAX_FEATURED}
        onPin={(story: ArticleSummary, slot, until) =>
          slot === 'lead'
            ? change(
                {
                  lead: { articleId: story.id, until },
                  // The lead it replaces becomes the first featured story, so nothing pinned is lost.
                  featured: [...(leadPin ? [leadPin] : []), ...featuredPins].slice(0, MAX_FEATURED),
                },
                t('frontPage.pinnedLead', { headline: story.headline }),
                undefined,
                'search',
              )
            : change(
                { lead: leadPin, featured: [...featuredPins, { articleId: story.id, until }] },
                t('frontPage.pinnedFeatured', { headline: story.headline }),
                undefined,
                'search',
              )
        }
      />
    </>
  );
}
