import { useEffect, useRef, useState } from 'preact/hooks';
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
  const [challenge, setChallenge] = useState<string | undefined>();
  const email = useRef<HTMLInputElement>(null);
  const password = useRef<HTMLInputElement>(null);
  // Back from the code step (time or tries ran out): the password again.
  useEffect(() => {
    if (!challenge && error) password.current?.focus();
  }, [challenge]);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const answer = await api<SignedIn | { twoFactorRequired: true; challenge: string }>('POST', '/session', {
        email: email.current?.value.trim() ?? '',
        password: password.current?.value ?? '',
      });
      if ('challenge' in answer) {
        setChallenge(answer.challenge);
        setBusy(false);
      } else props.onSignedIn(answer);
    } catch (caught) {
      const code = caught instanceof ApiError ? caught.code : 'other';
      setError(code === 'VALIDATION_FAILED' ? t('signInIncomplete') : errorMessage(t, code));
      // The address stays as typed; the password is typed again.
      if (password.current) password.current.value = '';
      password.current?.focus();
      setBusy(false);
    }
  };

  if (challenge)
    return (
      <main class="sign-in" id="main">
        <p class="site-name">{props.site}</p>
        <h1>{t('signInTitle')}</h1>
        <CodeStep
          t={t}
          site={props.site}
          challenge={challenge}
          onSignedIn={props.onSignedIn}
          onStartAgain={(text) => {
            setChallenge(undefined);
            setError(text);
          }}
        />
      </main>
    );

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

/** The second step with two-factor sign-in on: a code from the app, or a recovery code. */
function CodeStep(props: {
  t: Translate;
  site: string;
  challenge: string;
  onSignedIn: (s: SignedIn) => void;
  onStartAgain: (reason: string) => void;
}) {
  const { t } = props;
  const code = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  useEffect(() => code.current?.focus(), []);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      props.onSignedIn(
        await api<SignedIn>('POST', '/session/two-factor', {
          challenge: props.challenge,
          code: code.current?.value.trim() ?? '',
        }),
      );
    } catch (caught) {
      const reason = caught instanceof ApiError ? caught.code : 'other';
      // The challenge is over (time or tries): the password again.
      if (reason === 'UNAUTHENTICATED') return props.onStartAgain(t('account.codeStepOver'));
      setError(errorMessage(t, reason));
      if (code.current) code.current.value = '';
      code.current?.focus();
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <h2>{t('account.codeTitle')}</h2>
      <p id="code-intro">{t('account.codeIntro', { site: props.site })}</p>
      {error && (
        <p class="error" role="alert" id="code-error">
          {error}
        </p>
      )}
      <label for="code">{t('account.code')}</label>
      <input
        id="code"
        ref={code}
        type="text"
        autocomplete="one-time-code"
        autocapitalize="off"
        spellcheck={false}
        maxLength={40}
        required
        aria-describedby={error ? 'code-intro code-error' : 'code-intro'}
      />
      <button type="submit" disabled={busy}>
        {busy ? t('account.verifying') : t('account.verify')}
      </button>
    </form>
  );
}
