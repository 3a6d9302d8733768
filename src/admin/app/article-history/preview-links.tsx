import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../api.ts';
import type { EditableArticle } from '../article/article-api.ts';
import { useApp } from '../context.ts';
import { errorMessage } from '../messages.ts';

interface Link {
  id: string;
  createdBy: { id: string; name: string } | null;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  active: boolean;
}

/**
 * The article's private preview links: make one (for 1 to 30 days, 7 by default; its address is
 * shown once, with a button to copy it), see each with who made it and until when it works, revoke.
 */
export function PreviewLinks(props: { article: EditableArticle; hiddenLinkId: string | undefined }) {
  const { t, formatTime } = useApp();
  const [links, setLinks] = useState<Link[]>([]);
  const [days, setDays] = useState('7');
  const [made, setMade] = useState<string | undefined>();
  const [notice, setNotice] = useState('');
  const [problem, setProblem] = useState('');
  const path = `/articles/${encodeURIComponent(props.article.id)}/preview-links`;
  const fail = (caught: unknown) => setProblem(errorMessage(t, caught instanceof ApiError ? caught.code : 'OFFLINE'));
  const refresh = () => api<{ links: Link[] }>('GET', path).then((answer) => setLinks(answer.links), fail);

  useEffect(() => void refresh(), []);

  const create = async (event: Event) => {
    event.preventDefault();
    setProblem('');
    setNotice('');
    try {
      const link = await api<Link & { url: string }>('POST', path, { days: Number(days) });
      setMade(link.url);
      await refresh();
    } catch (caught) {
      fail(caught);
    }
  };

  const revoke = async (link: Link) => {
    setProblem('');
    try {
      await api('DELETE', `${path}/${encodeURIComponent(link.id)}`);
      setNotice(t('history.links.revokedNotice'));
      await refresh();
    } catch (caught) {
      fail(caught);
    }
  };

  const state = (link: Link) =>
    link.revokedAt
      ? t('history.links.revoked', { time: formatTime(link.revokedAt) })
      : link.active
        ? t('history.links.expires', { time: formatTime(link.expiresAt) })
        : t('history.links.expired', { time: formatTime(link.expiresAt) });
  const shown = links.filter((link) => link.id !== props.hiddenLinkId);

  return (
    <section aria-labelledby="preview-links-title">
      <h3 id="preview-links-title">{t('history.links.title')}</h3>
      <p class="hint">{t('history.links.hint')}</p>
      <form class="choices" onSubmit={(event) => void create(event)}>
        <label for="preview-days">{t('history.links.days')}</label>
        <input
          id="preview-days"
          type="number"
          min={1}
          max={30}
          required
          value={days}
          onInput={(event) => setDays(event.currentTarget.value)}
        />
        <button type="submit">{t('history.links.create')}</button>
      </form>
      {made && (
        <div class="new-link" role="status">
          <p>{t('history.links.made')}</p>
          <label for="preview-address">{t('history.links.address')}</label>
          <input id="preview-address" readOnly value={made} onFocus={(event) => event.currentTarget.select()} />
          <button
            type="button"
            onClick={() =>
              void navigator.clipboard.writeText(made).then(
                () => setNotice(t('history.links.copied')),
                () => document.getElementById('preview-address')?.focus(),
              )
            }
          >
            {t('history.links.copy')}
          </button>
        </div>
      )}
      <p aria-live="polite">{notice}</p>
      {problem && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
      {shown.length === 0 ? (
        <p>{t('history.links.none')}</p>
      ) : (
        <ul class="preview-links">
          {shown.map((link) => {
            const created = formatTime(link.createdAt);
            return (
              <li key={link.id}>
                <span>
                  {t('history.links.link', { name: link.createdBy?.name ?? '—', created, state: state(link) })}
                </span>
                {link.active && (
                  <button
                    type="button"
                    class="secondary"
                    aria-label={t('history.links.revokeLabel', { created })}
                    onClick={() => void revoke(link)}
                  >
                    {t('history.links.revoke')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
