import type { JSX } from 'preact';
import { ArticleList, QUEUE_PATH, ReadyQueue } from './articles/article-list.tsx';
import { ArticleEditorScreen } from './article/article-editor-screen.tsx';
import { Dashboard } from './dashboard/dashboard.tsx';
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
  { path: '/admin/articles/new', title: 'article.new', nav: true, render: () => <ArticleEditorScreen /> },
  { path: '/admin/articles/:id', title: 'article.edit', render: (params) => <ArticleEditorScreen id={params.id} /> },
];
