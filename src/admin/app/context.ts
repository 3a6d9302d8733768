import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Staff } from './api.ts';
import type { Locale, Translate } from './messages.ts';

/** What every screen of a signed-in staff member may need: words, dates, who they are. */
export interface AppContext {
  t: Translate;
  /** The language the app speaks: the staff member's own, or the site's. */
  locale: Locale;
  /** The site's language (what "the site's" means in a language choice). */
  siteLocale: Locale;
  site: string;
  /** The site's IANA time zone: dates are shown and picked in it, whatever the browser's. */
  timeZone: string;
  /** The largest file the server takes (UPLOAD_LIMIT_MB), so a larger one is refused before it is sent. */
  uploadLimitBytes: number;
  staff: Staff;
  /**
   * Replaces who is signed in after they changed their own account (language, two-factor sign-in);
   * `mustSetUpTwoFactor` when the site now requires two-factor sign-in they lack.
   */
  setStaff: (staff: Staff, mustSetUpTwoFactor?: boolean) => void;
  /** A date and time in the site's time zone and the staff member's language. */
  formatTime: (iso: string) => string;
}

export const AppContextProvider = createContext<AppContext | undefined>(undefined);

/** The signed-in app's context; screens are only rendered inside it. */
export function useApp(): AppContext {
  const context = useContext(AppContextProvider);
  if (!context) throw new Error('useApp() outside the signed-in app');
  return context;
}
