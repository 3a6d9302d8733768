import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { ApiError, type ArticleSummary } from '../api.ts';
import { errorMessage } from '../messages.ts';
import { Modal } from './modal.tsx';
import type { EditorServices } from './services.ts';

/** Finds a published story by words of its headline, for a related-story card. */
export function RelatedDialog(props: {
  services: EditorServices;
  onChoose: (article: ArticleSummary) => void;
  onClose: () => void;
}) {
  const { t } = props.services;
  const [results, setResults] = useState<ArticleSummary[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useLayoutEffect(() => input.current?.focus(), []);

  const search = async (event: Event) => {
    event.preventDefault();
    const words = input.current?.value.trim() ?? '';
    if (!words) return;
    setBusy(true);
    setError(undefined);
    try {
      setResults(await props.services.searchPublished(words));
    } catch (caught) {
      setError(errorMessage(t, caught instanceof ApiError ? caught.code : 'other'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal id="related" title={t('editor.addRelated')} onClose={props.onClose} closeLabel={t('editor.cancel')}>
      <form onSubmit={search} role="search">
        <label for="related-search">{t('editor.searchHeadlines')}</label>
        <input id="related-search" ref={input} type="search" autocomplete="off" maxLength={200} />
        <button type="submit" disabled={busy}>
          {t('editor.search')}
        </button>
      </form>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div aria-live="polite">
        {results && results.length === 0 && <p>{t('editor.noStoriesFound')}</p>}
        {results && results.length > 0 && (
          <>
            <p>{t('editor.storiesFound', { count: String(results.length) })}</p>
            <ul class="story-results">
              {results.map((article) => (
                <li key={article.id}>
                  <button type="button" onClick={() => props.onChoose(article)}>
                    {article.headline}
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </Modal>
  );
}
