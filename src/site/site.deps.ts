import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { AppError } from '../http/errors.ts';
import type { PageCache } from '../http/page-cache.ts';
import { findSectionBySlug } from '../content/taxonomy.repository.ts';
import type { SiteContext } from './site-context.ts';

/** What the reader site's routes need. */
export interface SiteDeps {
  db: Kysely<Database>;
  cache: PageCache;
  siteContext: () => Promise<SiteContext>;
  /** The time now (ms since the epoch): the meter's month. Tests set it to cross a month; else Date.now. */
  now?: () => number;
}

export const PAGE_SIZE = 20;

/** Parses ?page=N; anything but a whole number from 1 is refused with a message. */
export function parsePageNumber(raw: unknown): number {
  if (raw === undefined || raw === '') return 1;
  const page = Number(raw);
  if (typeof raw !== 'string' || !Number.isInteger(page) || page < 1 || page > 100000) {
    throw new AppError('INVALID_PAGE', 'The page number must be a whole number from 1.');
  }
  return page;
}

/** The canonical query of a page number for the page cache's key: none for the first page. */
export const pageQuery = (page: number): string => (page > 1 ? `page=${page}` : '');

/**
 * A section by slug, from the site context the page needs anyway (no query); one made since the
 * context was loaded (in another process, say) is still found in the table.
 */
export async function findSiteSection(
  deps: Pick<SiteDeps, 'db' | 'siteContext'>,
  slug: string,
): Promise<SiteContext['sections'][number] | undefined> {
  const site = await deps.siteContext();
  return site.sections.find((section) => section.slug === slug) ?? (await findSectionBySlug(deps.db, slug));
}
