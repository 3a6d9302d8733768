import { useRef, useState } from 'preact/hooks';
import { api, ApiError } from '../api.ts';
import { errorMessage } from '../messages.ts';
import type { PublicScreenProps } from '../screen-types.ts';
import { PublicFrame } from './public-frame.tsx';

/** Asks for a reset link. The answer is the same whether or not the address is staff's. */
export function ForgotPassword(props: PublicScreenProps) {
  const { t } = props;
  const email = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [sentTo, setSentTo] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();

  const submit = async (event: Event) => {
    event.preventDefault();
    const address = email.current?.value.trim() ?? '';
    if (!address) {
      setError(t('enterEmail'));
      email.current?.focus();
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await api('POST', '/password-reset', { email: address });
      setSentTo(address);
    } catch (caught) {
      const code = caught instanceof ApiError ? caught.code : 'other';
      setError(code === 'RATE_LIMITED' ? t('account.tooMany') : errorMessage(t, code));
    } finally {
      setBusy(false);
    }
  };

  return (
    <PublicFrame site={props.site} title={t('account.forgotTitle')} locale={props.locale}>
      {sentTo ? (
        <p role="status">{t('account.forgotSent', { email: sentTo })}</p>
      ) : (
        <form onSubmit={submit} noValidate>
          <p>{t('account.forgotIntro')}</p>
          {error && (
            <p class="error" role="alert" id="forgot-error">
              {error}
            </p>
          )}
          <label for="email">{t('email')}</label>
          <input
            id="email"
            ref={email}
            type="email"
            autocomplete="username"
            required
            autofocus
            aria-describedby={error ? 'forgot-error' : undefined}
          />
          <button type="submit" disabled={busy}>
            {busy ? t('account.forgotSending') : t('account.forgotSend')}
          </button>
        </form>
      )}
      <p>
        <a href="/admin">{t('account.backToSignIn')}</a>
      </p>
    </PublicFrame>
  );
}
