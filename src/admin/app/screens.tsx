import type { JSX } from 'preact';
import type { SignedIn } from './api.ts';
import { MyAccount } from './account/my-account.tsx';
import { ForgotPassword } from './account/forgot-password.tsx';
import { ResetPassword } from './account/reset-password.tsx';
import { ArticleList, QUEUE_PATH, ReadyQueue } from './articles/article-list.tsx';
import { ArticleEditorScreen } from './article/article-editor-screen.tsx';
import { panelSeams } from './article-panel/seams.tsx';
import { Dashboard } from './dashboard/dashboard.tsx';
import type { Locale, MessageKey, Translate } from './messages.ts';
import { AcceptInvitation } from './staff/accept-invitation.tsx';
import { StaffScreen } from './staff/staff-screen.tsx';

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

/** Every screen of the app; a new screen is one entry here. */
export const screens: readonly Screen[] = [
  { path: '/admin', title: 'dashboard', nav: true, render: () => <Dashboard /> },
  { path: '/admin/articles', title: 'articles.title', nav: true, render: () => <ArticleList /> },
  {
    path: QUEUE_PATH,
    title: 'articles.queueTitle',
    nav: true,
    roles: ['editor', 'admin'],
    render: () => <ReadyQueue />,
  },
  // Before '/admin/articles/:id', which "new" would match too.
  {
    path: '/admin/articles/new',
    title: 'article.new',
    nav: true,
    render: () => <ArticleEditorScreen {...panelSeams} />,
  },
  {
    path: '/admin/articles/:id',
    title: 'article.edit',
    render: (params) => <ArticleEditorScreen id={params.id} {...panelSeams} />,
  },
  { path: '/admin/staff', title: 'staff.title', nav: true, roles: ['admin'], render: () => <StaffScreen /> },
  { path: '/admin/account', title: 'account.title', nav: true, render: () => <MyAccount /> },
];

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

/**
 * Screens a signed-out person reaches from an emailed link or the sign-in screen. They are shown at
 * their address whether or not a session exists, in the sign-in screen's frame.
 */
export const publicScreens: ReadonlyArray<{ path: string; render: (props: PublicScreenProps) => JSX.Element }> = [
  { path: '/admin/forgot-password', render: (props) => <ForgotPassword {...props} /> },
  { path: '/admin/reset-password', render: (props) => <ResetPassword {...props} /> },
  { path: '/admin/invitation', render: (props) => <AcceptInvitation {...props} /> },
];
