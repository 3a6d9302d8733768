import { useRef, useState } from 'preact/hooks';
import { api, ApiError, type SignedIn } from './api.ts';
import { errorMessage, type Translate } from './messages.ts';

/** Something to say on the sign-in screen before anyone types: why they are here again. */
export interface SignInNotice {
  text: string;
  tone: 'error' | 'info';
}

/** Email and password, with the reason in the staff member's language when the API refuses. */
export function SignIn(props: {
  t: Translate;
  site: string;
  notice?: SignInNotice;
  onSignedIn: (s: SignedIn) => void;
}) {
  const { t } = props;
  const [error, setError] = useState<string | undefined>(
    props.notice?.tone === 'error' ? props.notice.text : undefined,
  );
  const [busy, setBusy] = useState(false);
  const email = useRef<HTMLInputElement>(null);
  const password = useRef<HTMLInputElement>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const session = await api<SignedIn>('POST', '/session', {
        email: email.current?.value.trim() ?? '',
        password: password.current?.value ?? '',
      });
      props.onSignedIn(session);
    } catch (caught) {
      setError(errorMessage(t, caught instanceof ApiError ? caught.code : 'other'));
      // The address stays as typed; the password is typed again.
      if (password.current) password.current.value = '';
      password.current?.focus();
      setBusy(false);
    }
  };

  return (
    <main class="sign-in" id="main">
      <p class="site-name">{props.site}</p>
      <h1>{t('signInTitle')}</h1>
      <form onSubmit={submit} noValidate>
        {props.notice?.tone === 'info' && !error && (
          <p class="notice" role="status">
            {props.notice.text}
          </p>
        )}
        {error && (
          <p class="error" role="alert" id="sign-in-error">
            {error}
          </p>
        )}
        <label for="email">{t('email')}</label>
        <input
          id="email"
          ref={email}
          type="email"
          name="email"
          autocomplete="username"
          required
          autofocus
          aria-describedby={error ? 'sign-in-error' : undefined}
        />
        <label for="password">{t('password')}</label>
        <input id="password" ref={password} type="password" name="password" autocomplete="current-password" required />
        <button type="submit" disabled={busy}>
          {busy ? t('signingIn') : t('signIn')}
        </button>
      </form>
      <p class="forgot">
        <a href="/admin/forgot-password">{t('account.forgotLink')}</a>
      </p>
    </main>
  );
}
