import { sql, type RawBuilder } from 'kysely';

/*
 * One rule for when readers' copy of an article last changed, used by every surface that says so
 * (Open Graph's article:modified_time, JSON-LD dateModified, sitemaps' lastmod): the last save
 * (an edit, a correction) or the publication itself, whichever is later. A story scheduled ahead
 * was last saved before it went out, so its modified time is never earlier than its publication.
 */

/** When the published article last changed for readers. */
export function modifiedForReaders(publishedAt: string, modifiedAt: string): string {
  return modifiedAt > publishedAt ? modifiedAt : publishedAt;
}

/** The same rule in SQL over `articles` (ISO-8601 text compares in both databases), for aggregates. */
export function modifiedForReadersSql(): RawBuilder<string> {
  return sql<string>`case when articles.modified_at > articles.published_at then articles.modified_at else articles.published_at end`;
}
