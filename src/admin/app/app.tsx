import { useEffect, useMemo, useState } from 'preact/hooks';
import { api, ApiError, setCsrfToken, type Staff } from './api.ts';
import { Dashboard } from './dashboard.tsx';
import { type Locale, type MessageKey, translator } from './messages.ts';
import { SignIn } from './sign-in.tsx';

// The CSRF token lives with the API client (api.ts), which sends it; the app only keeps who is signed in.
type Session = { state: 'checking' } | { state: 'signed-out'; notice?: string } | { state: 'signed-in'; staff: Staff };

/** The newsroom's web app: sign-in until there is a session, then the screens of the newsroom. */
export function App(props: { locale: Locale; site: string; timeZone: string }) {
  const t = useMemo(() => translator(props.locale), [props.locale]);
  const formatTime = useMemo(() => {
    const format = new Intl.DateTimeFormat(props.locale, {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: props.timeZone,
    });
    return (iso: string) => format.format(new Date(iso));
  }, [props.locale, props.timeZone]);
  const [session, setSession] = useState<Session>({ state: 'checking' });

  useEffect(() => {
    // A reload keeps the session: the cookie is still there, and the API gives its CSRF token again.
    api<{ staff: Staff; csrfToken?: string }>('GET', '/session').then(
      (answer) => {
        setCsrfToken(answer.csrfToken);
        setSession({ state: 'signed-in', staff: answer.staff });
      },
      (caught: unknown) =>
        setSession(
          caught instanceof ApiError && caught.status === 401
            ? { state: 'signed-out' }
            : { state: 'signed-out', notice: t('error.OFFLINE') },
        ),
    );
  }, []);

  useEffect(() => {
    document.title = session.state === 'signed-in' ? `${t('dashboard')} · ${props.site}` : props.site;
    if (session.state === 'signed-in') document.querySelector<HTMLElement>('main h1')?.focus();
  }, [session.state]);

  if (session.state === 'checking') return <p aria-live="polite">{t('loading')}</p>;
  if (session.state === 'signed-out')
    return (
      <SignIn
        t={t}
        site={props.site}
        {...(session.notice ? { notice: session.notice } : {})}
        onSignedIn={(signedIn) => {
          setCsrfToken(signedIn.csrfToken);
          setSession({ state: 'signed-in', staff: signedIn.staff });
        }}
      />
    );

  const signOut = async () => {
    await api('DELETE', '/session').catch(() => undefined);
    setCsrfToken(undefined);
    setSession({ state: 'signed-out' });
  };
  const role = t(`role.${session.staff.role}` as MessageKey);
  return (
    <>
      <a class="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header class="app-header">
        <p class="site-name">{props.site}</p>
        <nav aria-label={t('mainNavigation')}>
          <a href="/admin" aria-current="page">
            {t('dashboard')}
          </a>
        </nav>
        <p class="who">{t('signedInAs', { name: session.staff.name, role })}</p>
        <button type="button" onClick={signOut}>
          {t('signOut')}
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        <Dashboard t={t} staff={session.staff} formatTime={formatTime} />
      </main>
    </>
  );
}
