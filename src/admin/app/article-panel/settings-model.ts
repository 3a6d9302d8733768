import { slugify } from '../../../content/urls.ts';

export type AccessLevel = 'public' | 'members' | 'paid' | 'tiers';
export const ACCESS_LEVELS: readonly AccessLevel[] = ['public', 'members', 'paid', 'tiers'];

/** The feature image as the article holds it: the image, and what readers read with it. */
export interface FeatureImageSetting {
  id: string;
  alt: string;
  caption: string;
  credit: string;
  /** null: the centre. */
  focalPoint: { x: number; y: number } | null;
}

/** Everything about an article besides its headline and text, as the admin API names it. */
export interface ArticleSettings {
  slug: string;
  dek: string;
  labelId: string | null;
  sectionId: string | null;
  dateline: string;
  attribution: string;
  featureImage: FeatureImageSetting | null;
  authorIds: string[];
  tagIds: string[];
  access: AccessLevel;
  /** The chosen tiers when access is 'tiers', sorted (the server keeps them so). */
  accessTierIds: string[];
  seoTitle: string;
  seoDescription: string;
  socialTitle: string;
  socialDescription: string;
}

const EMPTY: ArticleSettings = {
  slug: '',
  dek: '',
  labelId: null,
  sectionId: null,
  dateline: '',
  attribution: '',
  featureImage: null,
  authorIds: [],
  tagIds: [],
  access: 'public',
  accessTierIds: [],
  seoTitle: '',
  seoDescription: '',
  socialTitle: '',
  socialDescription: '',
};

const KEYS = Object.keys(EMPTY) as Array<keyof ArticleSettings>;

/** The settings of an article as the server holds them (a new article has none yet). */
export function settingsOf(article: Partial<ArticleSettings> | undefined): ArticleSettings {
  const settings = { ...EMPTY };
  for (const key of KEYS) if (article?.[key] !== undefined) Object.assign(settings, { [key]: article[key] });
  return settings;
}

/**
 * What a save must send: only the settings that differ from the server's, so a save never sends a
 * field the staff member did not touch (an unchanged access level is harmless, but a contributor's
 * save should not depend on that). The slug follows the headline until it is edited by hand.
 */
export function changedSettings(
  mine: ArticleSettings,
  server: Partial<ArticleSettings> | undefined,
  headline: string,
  slugFollowsHeadline: boolean,
): Partial<ArticleSettings> {
  const theirs = settingsOf(server);
  const wanted = { ...mine, slug: slugFollowsHeadline && headline.trim() ? slugify(headline) : mine.slug };
  const changes: Partial<ArticleSettings> = {};
  for (const key of KEYS) {
    if (key === 'slug' && !wanted.slug) continue;
    if (JSON.stringify(wanted[key]) !== JSON.stringify(theirs[key])) Object.assign(changes, { [key]: wanted[key] });
  }
  return changes;
}

/** A slug still follows the headline while the article was never out and nobody has set it by hand. */
export function slugFollows(article: (Partial<ArticleSettings> & { headline: string; status: string }) | undefined) {
  if (!article) return true;
  return (article.status === 'draft' || article.status === 'ready') && article.slug === slugify(article.headline);
}

/** Moves one item of a list up (-1) or down (+1). */
export function moved<T>(list: readonly T[], index: number, by: -1 | 1): T[] {
  const target = index + by;
  if (target < 0 || target >= list.length) return [...list];
  const copy = [...list];
  [copy[index], copy[target]] = [copy[target] as T, copy[index] as T];
  return copy;
}
