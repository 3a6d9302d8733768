import type { JSX } from 'preact';
import { MyAccount } from './account/my-account.tsx';
import { ForgotPassword } from './account/forgot-password.tsx';
import { ResetPassword } from './account/reset-password.tsx';
import { ArticleList, QUEUE_PATH, ReadyQueue } from './articles/article-list.tsx';
import { ArticleEditorScreen } from './article/article-editor-screen.tsx';
import { WithHistory } from './article-history/with-history.tsx';
import { panelSeams } from './article-panel/seams.tsx';
import { ApiKeysScreen } from './api-keys/api-keys.tsx';
import { Dashboard } from './dashboard/dashboard.tsx';
import { FrontPageScreen } from './front-page/front-page.tsx';
import { MediaLibrary } from './media/library.tsx';
import { MemberScreen } from './members/member-screen.tsx';
import { MembersScreen } from './members/members-screen.tsx';
import { NavigationScreen } from './navigation/navigation.tsx';
import { PageScreen } from './pages/page-screen.tsx';
import { PagesList } from './pages/pages-list.tsx';
import { RedirectsScreen } from './redirects/redirects.tsx';
import { RevenueScreen } from './revenue/revenue-screen.tsx';
import type { PublicScreenProps, Role, Screen } from './screen-types.ts';
import { SettingsScreen } from './settings/settings.tsx';
import { TaxonomyScreen } from './taxonomy/taxonomy.tsx';
import { AcceptInvitation } from './staff/accept-invitation.tsx';
import { StaffScreen } from './staff/staff-screen.tsx';
import { TiersScreen } from './tiers/tiers.tsx';

// Who manages sections, tags, labels, authors, pages, redirects and the home page (src/content/policy.ts).
const EDITORS: readonly Role[] = ['editor', 'admin'];
// Who changes site settings and the navigation (src/settings/policy.ts).
const ADMINS: readonly Role[] = ['admin'];

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
      <WithHistory
        articleId={params.id}
        render={(seams) => <ArticleEditorScreen id={params.id} {...seams} {...panelSeams} />}
      />
    ),
  },
  { path: '/admin/front-page', title: 'frontPage.title', nav: true, roles: EDITORS, render: () => <FrontPageScreen /> },
  { path: '/admin/media', title: 'media.title', nav: true, render: () => <MediaLibrary /> },
  ...(['sections', 'tags', 'labels', 'authors'] as const).map((table): Screen => ({
    path: `/admin/${table}`,
    title: `taxonomy.${table}.title`,
    nav: true,
    roles: EDITORS,
    render: () => <TaxonomyScreen table={table} key={table} />,
  })),
  { path: '/admin/pages', title: 'pages.title', nav: true, roles: EDITORS, render: () => <PagesList /> },
  {
    path: '/admin/pages/:id',
    title: 'pages.title',
    roles: EDITORS,
    render: (params) => <PageScreen id={params.id ?? ''} key={params.id} />,
  },
  {
    path: '/admin/navigation',
    title: 'navigation.title',
    nav: true,
    roles: ADMINS,
    render: () => <NavigationScreen />,
  },
  { path: '/admin/redirects', title: 'redirects.title', nav: true, roles: EDITORS, render: () => <RedirectsScreen /> },
  { path: '/admin/staff', title: 'staff.title', nav: true, roles: ADMINS, render: () => <StaffScreen /> },
  // Who may read members: editors and admins (src/members/policy.ts).
  { path: '/admin/members', title: 'members.title', nav: true, roles: EDITORS, render: () => <MembersScreen /> },
  {
    path: '/admin/members/:id',
    title: 'members.title',
    roles: EDITORS,
    render: (params) => <MemberScreen id={params.id ?? ''} key={params.id} />,
  },
  // Who sees revenue: those who see members (src/members/policy.ts, 'members.readRevenue').
  { path: '/admin/revenue', title: 'revenue.title', nav: true, roles: EDITORS, render: () => <RevenueScreen /> },
  // What readers pay is set by admins (src/billing/policy.ts).
  { path: '/admin/tiers', title: 'tiers.title', nav: true, roles: ADMINS, render: () => <TiersScreen /> },
  { path: '/admin/api-keys', title: 'apiKeys.title', nav: true, render: () => <ApiKeysScreen /> },
  { path: '/admin/account', title: 'account.title', nav: true, render: () => <MyAccount /> },
  { path: '/admin/settings', title: 'settings.title', nav: true, roles: ADMINS, render: () => <SettingsScreen /> },
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
