import { useEffect, useMemo, useState } from 'preact/hooks';
import { api, ApiError, setCsrfToken, type Staff } from './api.ts';
import { type AppContext, AppContextProvider } from './context.ts';
import { type Locale, type MessageKey, translator } from './messages.ts';
import { matchPath, useLocation } from './router.ts';
import { type Screen, screens } from './screens.tsx';
import { SignIn } from './sign-in.tsx';

// The CSRF token lives with the API client (api.ts), which sends it; the app only keeps who is signed in.
type Session = { state: 'checking' } | { state: 'signed-out'; notice?: string } | { state: 'signed-in'; staff: Staff };

/** The newsroom's web app: sign-in until there is a session, then the screens of the newsroom. */
export function App(props: { locale: Locale; site: string; timeZone: string; uploadLimitBytes: number }) {
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

  const { path } = useLocation();
  const route = findScreen(path);
  const title = route ? t(route.screen.title) : t('notFound');

  useEffect(() => {
    document.title = session.state === 'signed-in' ? `${title} · ${props.site}` : props.site;
    // Each new screen puts the keyboard at its heading, as a page load would.
    if (session.state === 'signed-in') document.querySelector<HTMLElement>('main h1')?.focus();
  }, [session.state, path]);

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
  const { staff } = session;
  const context: AppContext = {
    t,
    locale: props.locale,
    site: props.site,
    timeZone: props.timeZone,
    uploadLimitBytes: props.uploadLimitBytes,
    staff,
    formatTime,
  };
  const role = t(`role.${staff.role}` as MessageKey);
  const navigation = screens.filter(
    (screen) => screen.nav && (!screen.roles || screen.roles.some((allowed) => allowed === staff.role)),
  );
  return (
    <AppContextProvider.Provider value={context}>
      <a class="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header class="app-header">
        <p class="site-name">{props.site}</p>
        <nav aria-label={t('mainNavigation')}>
          {navigation.map((screen) => (
            <a key={screen.path} href={screen.path} aria-current={screen === route?.screen ? 'page' : undefined}>
              {t(screen.title)}
            </a>
          ))}
        </nav>
        <p class="who">{t('signedInAs', { name: staff.name, role })}</p>
        <button type="button" onClick={signOut}>
          {t('signOut')}
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        {route ? (
          route.screen.render(route.params)
        ) : (
          <>
            <h1 tabIndex={-1}>{t('notFound')}</h1>
            <p>
              <a href="/admin">{t('dashboard')}</a>
            </p>
          </>
        )}
      </main>
    </AppContextProvider.Provider>
  );
}

function findScreen(path: string): { screen: Screen; params: Record<string, string> } | undefined {
  for (const screen of screens) {
    const params = matchPath(screen.path, path);
    if (params) return { screen, params };
  }
  return undefined;
}
