import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.ts';
import { countLiteral } from '../db/prepared.ts';
import { modifiedForReaders, modifiedForReadersSql } from './modified.ts';
import { listedSql, type ReaderScope } from './reader-scope.ts';
import type { AuthorRow, TagRow } from './taxonomy.table.ts';
import { articlePath } from './urls.ts';

type Db = Kysely<Database>;

/** A published article as a sitemap lists it. */
export interface SitemapEntry {
  path: string;
  headline: string;
  publishedAt: string;
  lastModified: string;
}

/** Months (YYYY-MM) that have articles the scope may see, newest first, with their latest change. */
export async function publishedMonths(
  db: Db,
  scope: ReaderScope,
): Promise<Array<{ month: string; lastModified: string }>> {
  const month = sql<string>`substr(published_at, 1, 7)`;
  const rows = await db
    .selectFrom('articles')
    .where(listedSql(scope))
    .select([month.as('month'), (eb) => eb.fn.max(modifiedForReadersSql()).as('last_modified')])
    .groupBy(month)
    .orderBy('month', 'desc')
    .execute();
  return rows.map((row) => ({ month: row.month, lastModified: String(row.last_modified) }));
}

/** Articles the scope may see with publication time in [from, to), newest first, at most `limit`. */
export async function publishedBetween(
  db: Db,
  scope: ReaderScope,
  from: string,
  to: string,
  limit: number,
): Promise<SitemapEntry[]> {
  const rows = await db
    .selectFrom('articles')
    .leftJoin('sections', 'sections.id', 'articles.section_id')
    .where(listedSql(scope))
    .where('articles.published_at', '>=', from)
    .where('articles.published_at', '<', to)
    .select([
      'articles.slug',
      'articles.headline',
      'articles.modified_at',
      'articles.published_at',
      'sections.slug as section_slug',
    ])
    .orderBy('articles.published_at', 'desc')
    .limit(countLiteral(limit))
    .execute();
  return rows.map((row) => {
    const publishedAt = row.published_at ?? row.modified_at;
    return {
      path: articlePath(row.section_slug, row.slug),
      headline: row.headline,
      publishedAt,
      lastModified: modifiedForReaders(publishedAt, row.modified_at),
    };
  });
}

/** Published static pages. */
export async function publishedPages(db: Db): Promise<Array<{ slug: string; modifiedAt: string }>> {
  const rows = await db
    .selectFrom('pages')
    .select(['slug', 'modified_at'])
    .where('status', '=', 'published')
    .orderBy('slug')
    .execute();
  return rows.map((row) => ({ slug: row.slug, modifiedAt: row.modified_at }));
}

/**
 * Tags with at least one article the scope may see. A tag made for a story still in draft or
 * scheduled would otherwise give its name away before the story is out.
 */
export async function listedTags(db: Db, scope: ReaderScope): Promise<TagRow[]> {
  return db
    .selectFrom('tags')
    .selectAll()
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('article_tags')
          .innerJoin('articles', 'articles.id', 'article_tags.article_id')
          .select('article_tags.article_id')
          .whereRef('article_tags.tag_id', '=', 'tags.id')
          .where('article_tags.listed_at', 'is not', null)
          .where(listedSql(scope)),
      ),
    )
    .orderBy('name')
    .execute();
}

/** Authors with at least one article the scope may see (see listedTags). */
export async function listedAuthors(db: Db, scope: ReaderScope): Promise<AuthorRow[]> {
  return db
    .selectFrom('authors')
    .selectAll()
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('article_authors')
          .innerJoin('articles', 'articles.id', 'article_authors.article_id')
          .select('article_authors.article_id')
          .whereRef('article_authors.author_id', '=', 'authors.id')
          .where('article_authors.listed_at', 'is not', null)
          .where(listedSql(scope)),
      ),
    )
    .orderBy('name')
    .execute();
}
