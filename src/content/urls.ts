/** Reader-facing addresses; the one place that knows how URLs are shaped. */
export const NO_SECTION_PATH = 'news';

export function articlePath(sectionSlug: string | null | undefined, slug: string): string {
  return `/${sectionSlug ?? NO_SECTION_PATH}/${slug}`;
}
export const sectionPath = (slug: string): string => `/${slug}`;
export const tagPath = (slug: string): string => `/tag/${slug}`;
export const authorPath = (slug: string): string => `/author/${slug}`;
export const pagePath = (slug: string): string => `/${slug}`;
/** A private preview link's address; the token is the only key to it. */
export const previewPath = (token: string): string => `/preview/${token}`;

/** First path segments Gaceta itself answers, so no section or page may take them. */
export const RESERVED_SLUGS = new Set([
  'tag',
  'author',
  'media',
  'admin',
  'api',
  'feed',
  'rss',
  'feeds',
  'sitemap.xml',
  'sitemaps',
  'robots.txt',
  'corrections',
  NO_SECTION_PATH,
  'assets',
  'search',
  'ask',
  'members',
  'account',
  'signin',
  'signup',
  'pricing',
  // The pricing page's buttons lead here; checkout answers it (issue 14).
  'subscribe',
  // One-time contributions (billing/contributions.routes.ts).
  'contribute',
  // An offer's link, /offer/<code> (billing/offers.routes.ts).
  'offer',
  // Gift subscriptions: /gift, /gift/done, /gift/redeem/<token> (billing/gifts.routes.ts).
  'gift',
  // Group subscriptions: /groups/new, /groups/join/<token>, /groups/<id>/join (billing and members).
  'groups',
  // Stripe's webhook endpoint (billing/webhooks.routes.ts).
  'webhooks',
  'comments',
  'page',
  'preview',
]);

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A URL-safe slug from a headline or name: accents dropped, lower case, hyphens. */
export function slugify(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 90)
      .replace(/-+$/, '') || 'untitled'
  );
}
