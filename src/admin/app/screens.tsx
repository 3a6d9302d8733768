import type { JSX } from 'preact';
import { MyAccount } from './account/my-account.tsx';
import { ForgotPassword } from './account/forgot-password.tsx';
import { ResetPassword } from './account/reset-password.tsx';
import { ArticleList, QUEUE_PATH, ReadyQueue } from './articles/article-list.tsx';
import { ArticleEditorScreen } from './article/article-editor-screen.tsx';
import { WithHistory } from './article-history/with-history.tsx';
import { panelSeams } from './article-panel/seams.tsx';
import { Dashboard } from './dashboard/dashboard.tsx';
import type { PublicScreenProps, Screen } from './screen-types.ts';
import { AcceptInvitation } from './staff/accept-invitation.tsx';
import { StaffScreen } from './staff/staff-screen.tsx';

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
    render: () => <WithHistory render={(seams) => <ArticleEditorScreen {...seams} {...panelSeams} />} />,
  },
  {
    path: '/admin/articles/:id',
    title: 'article.edit',
    render: (params) => (
      <WithHistory render={(seams) => <ArticleEditorScreen id={params.id} {...seams} {...panelSeams} />} />
    ),
  },
  { path: '/admin/staff', title: 'staff.title', nav: true, roles: ['admin'], render: () => <StaffScreen /> },
  { path: '/admin/account', title: 'account.title', nav: true, render: () => <MyAccount /> },
];

/**
 * Screens a signed-out person reaches from an emailed link or the sign-in screen. They are shown at
 * their address whether or not a session exists, in the sign-in screen's frame.
 */
export const publicScreens: ReadonlyArray<{ path: string; render: (props: PublicScreenProps) => JSX.Element }> = [
  { path: '/admin/forgot-password', render: (props) => <ForgotPassword {...props} /> },
  { path: '/admin/reset-password', render: (props) => <ResetPassword {...props} /> },
  { path: '/admin/invitation', render: (props) => <AcceptInvitation {...props} /> },
];
