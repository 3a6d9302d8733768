import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { type FrontPagePins, readPins } from '../content/front-page.service.ts';
import { listPublishedPages } from '../content/pages.service.ts';
import { listSections } from '../content/taxonomy.repository.ts';
import { sectionPath } from '../content/urls.ts';
import { translator, type Translator } from '../i18n/i18n.ts';
import { ALL_PAGES, type Invalidation, SITE_CONTEXT } from '../http/invalidation.ts';
import type { Navigation } from '../settings/navigation.ts';
import { readSettings, type SiteSettings } from '../settings/settings.ts';
import { findImage } from '../media/images.service.ts';
import { type ImageRef, parseWidths } from '../media/images.ts';

/** A link of the header or footer navigation, resolved against the sections and published pages. */
export interface NavLink {
  href: string;
  label: string;
  /** Another site: rendered with rel="noopener". */
  external: boolean;
  /** The section's slug, to mark the current section. */
  section?: string;
}

/** What every reader page needs besides its own content: settings, navigation and the translator. */
export interface SiteContext {
  settings: SiteSettings;
  sections: Array<{ id: string; slug: string; name: string; description: string }>;
  /** Slugs of the published static pages, so links to policies appear only when the pages exist. */
  pageSlugs: ReadonlySet<string>;
  /** The header's links: as configured, or every section. */
  header: readonly NavLink[];
  /** The footer's links: as configured, or the sections and the published static pages. */
  footer: readonly NavLink[];
  /** The masthead's logo (settings.logoImageId), when one is set and still exists. */
  logo: ImageRef | undefined;
  /** The home page's pinned stories, lapsed ones included (the home page filters by the time). */
  pins: FrontPagePins;
  t: Translator;
  publicUrl: string;
}

type Sections = SiteContext['sections'];
type Pages = Array<{ id: string; slug: string; title: string }>;

const sectionLink = (section: Sections[number], label?: string): NavLink => ({
  href: sectionPath(section.slug),
  label: label ?? section.name,
  external: false,
  section: section.slug,
});
const pageLink = (page: Pages[number], label?: string): NavLink => ({
  href: `/${page.slug}`,
  label: label ?? page.title,
  external: false,
});

/**
 * A stored navigation list as links. Items naming a section that was deleted or a page that is
 * not published are left out, so the stored settings stay harmless; null gives the default.
 */
export function resolveNavigation(
  items: Navigation,
  sections: Sections,
  pages: Pages,
  fallback: () => NavLink[],
): NavLink[] {
  if (items === null) return fallback();
  const sectionsById = new Map(sections.map((section) => [section.id, section]));
  const pagesById = new Map(pages.map((page) => [page.id, page]));
  return items.flatMap((item): NavLink[] => {
    if (item.type === 'link')
      return item.url ? [{ href: item.url, label: item.label ?? item.url, external: true }] : [];
    if (item.type === 'section') {
      const section = item.id ? sectionsById.get(item.id) : undefined;
      return section ? [sectionLink(section, item.label)] : [];
    }
    const page = item.id ? pagesById.get(item.id) : undefined;
    return page ? [pageLink(page, item.label)] : [];
  });
}

/**
 * Loads the site context once and keeps it until settings, sections, pages or pins change, or
 * for at most `ttlMs` when that is set: a change made by another process only arrives as a purge
 * through Redis, so without Redis the context expires like cached pages do (PAGE_CACHE_TTL_SECONDS).
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
    const [settings, sectionRows, pages, pins] = await Promise.all([
      readSettings(db),
      listSections(db),
      listPublishedPages(db),
      readPins(db),
    ]);
    const logo = settings.logoImageId ? await findImage(db, settings.logoImageId) : undefined;
    const sections = sectionRows.map(({ id, slug, name, description }) => ({ id, slug, name, description }));
    const allSections = (): NavLink[] => sections.map((section) => sectionLink(section));
    return {
      settings,
      sections,
      pageSlugs: new Set(pages.map((page) => page.slug)),
      header: resolveNavigation(settings.headerNavigation, sections, pages, allSections),
      footer: resolveNavigation(settings.footerNavigation, sections, pages, () => [
        ...allSections(),
        ...pages.map((page) => pageLink(page)),
      ]),
      logo: logo && { ...logo, widths: parseWidths(logo.widths) },
      pins,
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
