import type { MessageKey } from '../messages.ts';

export type TaxonomyTable = 'sections' | 'tags' | 'labels' | 'authors';
export type TextField = 'description' | 'bio';

/** What each of the four lists shows and edits (the API takes the same fields: src/admin/taxonomy.routes.ts). */
export interface TaxonomyKind {
  table: TaxonomyTable;
  title: MessageKey;
  create: MessageKey;
  empty: MessageKey;
  deleteBody: MessageKey;
  /** A longer text besides name and slug. */
  text?: TextField;
  /** Ordered by a number (sections in the navigation, labels in pickers). */
  position: boolean;
  /** The reader page's address; labels have none. */
  path?: (slug: string) => string;
}

export const KINDS: Record<TaxonomyTable, TaxonomyKind> = {
  sections: {
    table: 'sections',
    title: 'taxonomy.sections.title',
    create: 'taxonomy.sections.new',
    empty: 'taxonomy.sections.empty',
    deleteBody: 'taxonomy.sections.deleteBody',
    text: 'description',
    position: true,
    path: (slug) => `/${slug}`,
  },
  tags: {
    table: 'tags',
    title: 'taxonomy.tags.title',
    create: 'taxonomy.tags.new',
    empty: 'taxonomy.tags.empty',
    deleteBody: 'taxonomy.tags.deleteBody',
    text: 'description',
    position: false,
    path: (slug) => `/tag/${slug}`,
  },
  labels: {
    table: 'labels',
    title: 'taxonomy.labels.title',
    create: 'taxonomy.labels.new',
    empty: 'taxonomy.labels.empty',
    deleteBody: 'taxonomy.labels.deleteBody',
    position: true,
  },
  authors: {
    table: 'authors',
    title: 'taxonomy.authors.title',
    create: 'taxonomy.authors.new',
    empty: 'taxonomy.authors.empty',
    deleteBody: 'taxonomy.authors.deleteBody',
    text: 'bio',
    position: false,
    path: (slug) => `/author/${slug}`,
  },
};

/** The link kinds an author may have (src/content/author-profile.ts), services by their own names. */
export const LINK_KINDS = [
  ['website', ''],
  ['x', 'X'],
  ['bluesky', 'Bluesky'],
  ['mastodon', 'Mastodon'],
  ['threads', 'Threads'],
  ['instagram', 'Instagram'],
  ['facebook', 'Facebook'],
  ['linkedin', 'LinkedIn'],
  ['tiktok', 'TikTok'],
  ['youtube', 'YouTube'],
] as const;
export type LinkKind = (typeof LINK_KINDS)[number][0];

export interface AuthorLink {
  kind: LinkKind;
  url: string;
}

/** A section, tag, label or author as the API lists it. */
export interface TaxonomyItem {
  id: string;
  name: string;
  slug: string;
  description?: string;
  position?: number;
  bio?: string;
  photoImageId?: string | null;
  links?: AuthorLink[];
}
