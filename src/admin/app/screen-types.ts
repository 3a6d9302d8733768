import type { JSX } from 'preact';
import type { SignedIn } from './api.ts';
import type { Locale, MessageKey, Translate } from './messages.ts';

/*
 * The shapes of the screen tables (screens.tsx), apart from the tables, so a screen can name them
 * without importing the table that imports it.
 */

export type Role = 'contributor' | 'author' | 'editor' | 'admin';

/** One screen of the app: where it lives, its title, and whether the main navigation links to it. */
export interface Screen {
  /** A pattern under /admin; `:name` parts reach render as params. */
  path: string;
  title: MessageKey;
  /** Shown in the main navigation, in this table's order. */
  nav?: boolean;
  /** Roles that see it in the navigation (the API decides what they may do); all when absent. */
  roles?: readonly Role[];
  render: (params: Record<string, string>) => JSX.Element;
}

/** What a screen reached without signing in gets from the app. */
export interface PublicScreenProps {
  t: Translate;
  /** The site's language; a screen that learns its reader's (from their link) speaks that instead. */
  locale: Locale;
  site: string;
  /** The person is now signed in (an accepted invitation, a reset password). */
  onSignedIn: (signedIn: SignedIn) => void;
  /** Back to the sign-in screen, saying why. */
  onSignInAgain: (notice: string) => void;
}
