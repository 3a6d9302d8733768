import type { JSX } from 'preact';
import { Dashboard } from './dashboard/dashboard.tsx';
import { ApiKeysScreen } from './api-keys/api-keys.tsx';
import { FrontPageScreen } from './front-page/front-page.tsx';
import { MediaLibrary } from './media/library.tsx';
import { NavigationScreen } from './navigation/navigation.tsx';
import { PageScreen } from './pages/page-screen.tsx';
import { PagesList } from './pages/pages-list.tsx';
import { RedirectsScreen } from './redirects/redirects.tsx';
import { SettingsScreen } from './settings/settings.tsx';
import { TaxonomyScreen } from './taxonomy/taxonomy.tsx';
import type { MessageKey } from './messages.ts';

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

// Who manages sections, tags, labels, authors, pages, redirects and the home page (src/content/policy.ts).
const EDITORS: readonly Role[] = ['editor', 'admin'];
// Who changes site settings and the navigation (src/settings/policy.ts).
const ADMINS: readonly Role[] = ['admin'];

/** Every screen of the app; a new screen is one entry here. */
export const screens: readonly Screen[] = [
  { path: '/admin', title: 'dashboard', nav: true, render: () => <Dashboard /> },
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
  { path: '/admin/api-keys', title: 'apiKeys.title', nav: true, render: () => <ApiKeysScreen /> },
  { path: '/admin/settings', title: 'settings.title', nav: true, roles: ADMINS, render: () => <SettingsScreen /> },
];
