import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { countLiteral } from '../db/prepared.ts';
import type { CorrectionKind } from './articles.table.ts';
import { answeredSql, isListed, type ReaderScope } from './reader-scope.ts';

export interface CorrectionListItem {
  kind: CorrectionKind;
  body: string;
  publishedAt: string;
  headline: string;
  articleSlug: string;
  sectionSlug: string | null;
  /** The story was unpublished: its correction stays on the record, shown without a link. */
  withdrawn: boolean;
}

/**
 * Corrections on articles the scope may open and on withdrawn ones, newest first, for /corrections.
 * A newsroom's record of its errors does not shrink when a story is taken down.
 */
export async function listPublishedCorrections(
  db: Kysely<Database>,
  scope: ReaderScope,
  limit = 200,
): Promise<CorrectionListItem[]> {
  const rows = await db
    .selectFrom('corrections')
    .innerJoin('articles', 'articles.id', 'corrections.article_id')
    .leftJoin('sections', 'sections.id', 'articles.section_id')
    .where(answeredSql(scope))
    .select([
      'articles.status',
      'corrections.kind',
      'corrections.body',
      'corrections.published_at',
      'articles.headline',
      'articles.slug',
      'sections.slug as section_slug',
    ])
    .orderBy('corrections.published_at', 'desc')
    .orderBy('corrections.id', 'desc')
    .limit(countLiteral(limit))
    .execute();
  return rows.map((row) => ({
    kind: row.kind,
    body: row.body,
    publishedAt: row.published_at,
    headline: row.headline,
    articleSlug: row.slug,
    sectionSlug: row.section_slug,
    withdrawn: !isListed(scope, row),
  }));
}

/** One article's corrections and clarifications, oldest first, as readers see them under it. */
export async function listArticleCorrections(
  db: Kysely<Database>,
  articleId: string,
): Promise<Array<{ id: string; kind: CorrectionKind; body: string; publishedAt: string }>> {
  const rows = await db
    .selectFrom('corrections')
    .where('article_id', '=', articleId)
    .select(['id', 'kind', 'body', 'published_at'])
    .orderBy('published_at', 'asc')
    .orderBy('id', 'asc')
    .execute();
  return rows.map((row) => ({ id: row.id, kind: row.kind, body: row.body, publishedAt: row.published_at }));
}
