import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { countLiteral } from '../db/prepared.ts';
import type { CorrectionKind } from './articles.table.ts';

export interface CorrectionListItem {
  kind: CorrectionKind;
  body: string;
  publishedAt: string;
  headline: string;
  articleSlug: string;
  sectionSlug: string | null;
}

/** Corrections on published articles, newest first, for /corrections. */
export async function listPublishedCorrections(db: Kysely<Database>, limit = 200): Promise<CorrectionListItem[]> {
  const rows = await db
    .selectFrom('corrections')
    .innerJoin('articles', 'articles.id', 'corrections.article_id')
    .leftJoin('sections', 'sections.id', 'articles.section_id')
    .where('articles.status', '=', 'published')
    .select([
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
  }));
}
