import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api.ts';
import { errorMessage } from '../messages.ts';
import { Modal } from './modal.tsx';
import type { EditorServices, EmbedInfo } from './services.ts';

/**
 * An embed by its URL: the server knows each provider's embed markup (src/content/embed-urls.ts)
 * and refuses, naming the providers it knows, a URL it does not.
 */
export function EmbedDialog(props: {
  services: EditorServices;
  onEmbed: (embed: EmbedInfo) => void;
  onClose: () => void;
}) {
  const { t } = props.services;
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useLayoutEffect(() => input.current?.focus(), []);

  const submit = async (event: Event) => {
    event.preventDefault();
    const url = input.current?.value.trim() ?? '';
    if (!url) return;
    setBusy(true);
    setError(undefined);
    try {
      props.onEmbed(await props.services.embedFromUrl(url));
    } catch (caught) {
      setError(errorMessage(t, caught instanceof ApiError ? caught.code : 'other'));
      input.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal id="embed" title={t('editor.addEmbed')} onClose={props.onClose} closeLabel={t('editor.cancel')}>
      <form onSubmit={submit} noValidate>
        <label for="embed-url">{t('editor.embedUrl')}</label>
        <input
          id="embed-url"
          ref={input}
          type="url"
          autocomplete="off"
          maxLength={2000}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'embed-error embed-hint' : 'embed-hint'}
        />
        <p id="embed-hint" class="hint">
          {t('editor.embedHint')}
        </p>
        {error && (
          <p id="embed-error" class="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {t('editor.embedAdd')}
        </button>
      </form>
    </Modal>
  );
}
