import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError } from '../api.ts';
import type { EditableArticle } from '../article/article-api.ts';
import { useApp } from '../context.ts';
import { errorMessage } from '../messages.ts';
import { PreviewLinks } from './preview-links.tsx';
import { WideModal } from './wide-modal.tsx';

interface NewLink {
  id: string;
  url: string;
}

const WIDTHS = { phone: 390, desktop: 1280 } as const;

/**
 * The article exactly as readers will see it: the reader page of a preview link made for this look
 * (one day, revoked when the dialog closes), framed at a phone's or a desktop's width. Pending
 * changes are saved first. Below it, the article's private preview links.
 */
export function PreviewDialog(props: { article: EditableArticle; save: () => Promise<void>; onClose: () => void }) {
  const { t } = useApp();
  const [address, setAddress] = useState<string | undefined>();
  const [width, setWidth] = useState<keyof typeof WIDTHS>('desktop');
  const [problem, setProblem] = useState('');
  const link = useRef<NewLink>();
  const path = `/articles/${encodeURIComponent(props.article.id)}/preview-links`;

  useEffect(() => {
    let closed = false;
    const revoke = (made: NewLink) =>
      api('DELETE', `${path}/${encodeURIComponent(made.id)}`, undefined, { keepalive: true }).catch(() => undefined);
    void (async () => {
      try {
        await props.save();
        const made = await api<NewLink>('POST', path, { days: 1 });
        link.current = made;
        if (closed) void revoke(made);
        // The same origin's address (the site's public URL may name a proxy in front of this one).
        else setAddress(new URL(made.url).pathname);
      } catch (caught) {
        setProblem(errorMessage(t, caught instanceof ApiError ? caught.code : 'OFFLINE'));
      }
    })();
    return () => {
      closed = true;
      if (link.current) void revoke(link.current);
    };
  }, []);

  return (
    <WideModal id="preview" title={t('history.preview.title')} onClose={props.onClose} closeLabel={t('history.close')}>
      {problem && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
      <fieldset class="choices">
        <legend>{t('history.preview.width')}</legend>
        {(['phone', 'desktop'] as const).map((choice) => (
          <label key={choice}>
            <input
              type="radio"
              name="preview-width"
              value={choice}
              checked={width === choice}
              onChange={() => setWidth(choice)}
            />{' '}
            {t(`history.preview.${choice}`)} ({WIDTHS[choice]} px)
          </label>
        ))}
      </fieldset>
      {address ? (
        <div class="preview-stage">
          <iframe
            class="preview-frame"
            title={t('history.preview.frame')}
            src={address}
            style={{ width: `${WIDTHS[width]}px` }}
          />
        </div>
      ) : (
        !problem && <p aria-live="polite">{t('history.preview.saving')}</p>
      )}
      <PreviewLinks article={props.article} hiddenLinkId={link.current?.id} />
    </WideModal>
  );
}
