import { Fragment } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { api, ApiError, setCsrfToken, type SignedIn, type Staff } from './api.ts';
import { type AppContext, AppContextProvider } from './context.ts';
import { type Locale, type MessageKey, translator } from './messages.ts';
import { matchPath, navigate, useLocation } from './router.ts';
import type { Screen } from './screen-types.ts';
import { publicScreens, screens } from './screens.tsx';
import { SignIn, type SignInNotice } from './sign-in.tsx';
import { TwoFactorRequired } from './account/two-factor-required.tsx';

// The CSRF token lives with the API client (api.ts), which sends it; the app only keeps who is signed in.
type Session =
  | { state: 'checking' }
  | { state: 'signed-out'; notice?: SignInNotice }
  | { state: 'signed-in'; staff: Staff; twoFactorSetupRequired: boolean };

/**
 * The newsroom's web app: the screens reached from emailed links (signed in or not), sign-in until
 * there is a session, then the screens of the newsroom in the staff member's language.
 */
export function App(props: { locale: Locale; site: string; timeZone: string; uploadLimitBytes: number }) {
  const [session, setSession] = useState<Session>({ state: 'checking' });
  const locale: Locale = (session.state === 'signed-in' && session.staff.locale) || props.locale;
  const t = useMemo(() => translator(locale), [locale]);
  const formatTime = useMemo(() => {
    const format = new Intl.DateTimeFormat(locale, {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: props.timeZone,
    });
    return (iso: string) => format.format(new Date(iso));
  }, [locale, props.timeZone]);

  useEffect(() => {
    // A reload keeps the session: the cookie is still there, and the API gives its CSRF token again.
    api<{ staff: Staff; csrfToken?: string; twoFactorSetupRequired: boolean }>('GET', '/session').then(
      (answer) => {
        setCsrfToken(answer.csrfToken);
        setSession({ state: 'signed-in', staff: answer.staff, twoFactorSetupRequired: answer.twoFactorSetupRequired });
      },
      (caught: unknown) =>
        setSession(
          caught instanceof ApiError && caught.status === 401
            ? { state: 'signed-out' }
            : { state: 'signed-out', notice: { text: t('error.OFFLINE'), tone: 'error' } },
        ),
    );
  }, []);

  const { path } = useLocation();
  const publicScreen = publicScreens.find((screen) => matchPath(screen.path, path));
  const route = findScreen(path);
  const title = route ? t(route.screen.title) : t('notFound');

  // A layout effect: the page's language and title change in the same task as the words on it,
  // so nothing (a screen reader, a test) ever sees Spanish text under lang="en".
  useLayoutEffect(() => {
    if (publicScreen) return;
    document.documentElement.lang = locale;
    document.title = session.state === 'signed-in' ? `${title} · ${props.site}` : props.site;
    // Each new screen puts the keyboard at its heading, as a page load would.
    if (session.state === 'signed-in') document.querySelector<HTMLElement>('main h1')?.focus();
  }, [session.state, path, locale]);

  const signedIn = (answer: SignedIn) => {
    setCsrfToken(answer.csrfToken);
    setSession({ state: 'signed-in', staff: answer.staff, twoFactorSetupRequired: answer.twoFactorSetupRequired });
    // From an emailed link's screen, on to the dashboard; from any other address, stay there.
    if (publicScreen) navigate('/admin', { replace: true });
  };

  // Keyed by the fragment, where an emailed link carries its token: another link opened in the same
  // tab (a same-document navigation) is a new screen that checks its own link.
  if (publicScreen)
    return (
      <Fragment key={location.hash}>
        {publicScreen.render({
          t,
          locale: props.locale,
          site: props.site,
          onSignedIn: signedIn,
          onSignInAgain: (text) => {
            setSession({ state: 'signed-out', notice: { text, tone: 'info' } });
            navigate('/admin', { replace: true });
          },
        })}
      </Fragment>
    );
  if (session.state === 'checking') return <p aria-live="polite">{t('loading')}</p>;
  if (session.state === 'signed-out')
    return (
      <SignIn t={t} site={props.site} {...(session.notice ? { notice: session.notice } : {})} onSignedIn={signedIn} />
    );

  const signOut = async () => {
    await api('DELETE', '/session').catch(() => undefined);
    setCsrfToken(undefined);
    setSession({ state: 'signed-out' });
  };
  const { staff } = session;
  const context: AppContext = {
    t,
    locale,
    siteLocale: props.locale,
    site: props.site,
    timeZone: props.timeZone,
    uploadLimitBytes: props.uploadLimitBytes,
    staff,
    setStaff: (changed, mustSetUpTwoFactor) =>
      setSession({
        ...session,
        staff: changed,
        twoFactorSetupRequired: !changed.twoFactor && (mustSetUpTwoFactor ?? session.twoFactorSetupRequired),
      }),
    formatTime,
  };
  const role = t(`role.${staff.role}` as MessageKey);
  const navigation = screens.filter(
    (screen) => screen.nav && (!screen.roles || screen.roles.some((allowed) => allowed === staff.role)),
  );
  const header = (withNavigation: boolean) => (
    <header class="app-header">
      <p class="site-name">{props.site}</p>
      <nav aria-label={t('mainNavigation')}>
        {withNavigation &&
          navigation.map((screen) => (
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
  );

  // The site requires two-factor sign-in: nothing else until it is on (the API refuses the rest too).
  if (session.twoFactorSetupRequired)
    return (
      <AppContextProvider.Provider value={context}>
        {header(false)}
        <main id="main" tabIndex={-1}>
          <TwoFactorRequired />
        </main>
      </AppContextProvider.Provider>
    );

  return (
    <AppContextProvider.Provider value={context}>
      <a class="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      {header(true)}
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
