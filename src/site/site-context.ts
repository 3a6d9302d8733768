import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { publishedPages } from '../content/sitemap.repository.ts';
import { listSections } from '../content/taxonomy.repository.ts';
import { translator, type Translator } from '../i18n/i18n.ts';
import { ALL_PAGES, type Invalidation, SITE_CONTEXT } from '../http/invalidation.ts';
import { readSettings, type SiteSettings } from '../settings/settings.ts';

/** What every reader page needs besides its own content: settings, navigation and the translator. */
export interface SiteContext {
  settings: SiteSettings;
  sections: Array<{ id: string; slug: string; name: string; description: string }>;
  /** Slugs of the published static pages, so links to policies appear only when the pages exist. */
  pageSlugs: ReadonlySet<string>;
  t: Translator;
  publicUrl: string;
}

/**
 * Loads the site context once and keeps it until settings or sections change, or for at most
 * `ttlMs` when that is set: a change made by another process only arrives as a purge through
 * Redis, so without Redis the context expires like cached pages do (PAGE_CACHE_TTL_SECONDS).
 */
export function siteContextLoader(
  db: Kysely<Database>,
  publicUrl: string,
  invalidation: Invalidation,
  ttlMs = 0,
): () => Promise<SiteContext> {
  let current: Promise<SiteContext> | null = null;
  let loadedAt = 0;
  invalidation.subscribe((keys) => {
    if (keys.includes(SITE_CONTEXT) || keys.includes(ALL_PAGES)) current = null;
  });
  const load = async (): Promise<SiteContext> => {
    const [settings, sections, pages] = await Promise.all([readSettings(db), listSections(db), publishedPages(db)]);
    return {
      settings,
      sections: sections.map(({ id, slug, name, description }) => ({ id, slug, name, description })),
      pageSlugs: new Set(pages.map((page) => page.slug)),
      t: translator(settings.locale, settings.timeZone),
      publicUrl,
    };
  };
  return () => {
    if (current && ttlMs > 0 && Date.now() - loadedAt > ttlMs) current = null;
    if (!current) {
      loadedAt = Date.now();
      current = load();
      current.catch(() => {
        current = null;
      });
    }
    return current;
  };
}
