import { useEffect, useState } from 'preact/hooks';

/**
 * The app's address bar: screens are addresses under /admin, so a reload, the back button and a
 * link pasted to a colleague land on the same screen. No library: the app needs only these.
 */
type Listener = () => void;
const listeners = new Set<Listener>();
const notify = () => {
  shown = here();
  listeners.forEach((listener) => listener());
};
const here = () => (typeof location === 'undefined' ? '' : location.pathname + location.search);
/** The address the screens show: the back button changes the address before asking to leave. */
let shown = here();

/** Questions a screen with unsaved work asks before it is left (see useLeaveGuard). */
const leaveGuards = new Set<() => string | undefined>();
const mayLeave = (): boolean => {
  for (const guard of leaveGuards) {
    const question = guard();
    if (question !== undefined && !window.confirm(question)) return false;
  }
  return true;
};
if (typeof window !== 'undefined')
  window.addEventListener('popstate', () => {
    // Back or forward out of unsaved work, refused: the address goes back to the screen still shown.
    if (here() !== shown && !mayLeave()) history.pushState(null, '', shown);
    else notify();
  });

/**
 * While `question` is set (a screen has work not yet saved), leaving the screen asks it first:
 * a link in the app, the back button, a reload or closing the tab.
 */
export function useLeaveGuard(question: string | undefined): void {
  useEffect(() => {
    if (question === undefined) return;
    const guard = () => question;
    const beforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    leaveGuards.add(guard);
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      leaveGuards.delete(guard);
      window.removeEventListener('beforeunload', beforeUnload);
    };
  }, [question]);
}

/** Goes to an address of the app (pushes it on the history), or replaces the current one. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === location.pathname + location.search) return;
  if (!mayLeave()) return;
  if (options.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  notify();
}

/**
 * Changes the address without re-rendering the screens: for a screen whose own address changes
 * under it (a new article gets its id on first save) while someone types in it.
 */
export function replaceAddress(to: string): void {
  history.replaceState(null, '', to);
  shown = here();
}

/** The current path and query, re-rendering the component when either changes. */
export function useLocation(): { path: string; query: URLSearchParams } {
  const [, setVersion] = useState(0);
  useEffect(() => {
    const listener = () => setVersion((version) => version + 1);
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, []);
  return { path: location.pathname.replace(/\/+$/, '') || '/', query: new URLSearchParams(location.search) };
}

/**
 * Matches a path against a pattern such as `/admin/articles/:id`, giving the named parts
 * (decoded), or undefined when it does not match.
 */
export function matchPath(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split('/');
  const have = path.split('/');
  if (want.length !== have.length) return undefined;
  const params: Record<string, string> = {};
  for (const [i, part] of want.entries()) {
    const actual = have[i] ?? '';
    if (part.startsWith(':')) {
      if (!actual) return undefined;
      params[part.slice(1)] = decodeURIComponent(actual);
    } else if (part !== actual) return undefined;
  }
  return params;
}

/**
 * Follows links inside the app without reloading the page: a plain left click on an `<a href="/admin…">`
 * navigates; a click with a modifier key (new tab, new window) is left to the browser.
 */
export function followAppLinks(root: HTMLElement): void {
  root.addEventListener('click', (event) => {
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    )
      return;
    const link = (event.target as Element | null)?.closest?.('a');
    if (!link || link.target || link.hasAttribute('download') || link.origin !== location.origin) return;
    if (!/^\/admin(\/|$)/.test(link.pathname)) return;
    event.preventDefault();
    navigate(link.pathname + link.search);
  });
}
