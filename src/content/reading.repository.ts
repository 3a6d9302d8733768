import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../db/schema.ts';
import { jsonArrayOf, jsonRows } from '../db/json-rows.ts';
import { runPrepared } from '../db/prepared.ts';
import { listedSql, READER_SCOPES, readableTextSql, type ReaderScope } from './reader-scope.ts';

type Db = Kysely<Database>;

// One shape per scope (its readable text differs), made once rather than on every page view.
const ARTICLE_SHAPES = new Map(READER_SCOPES.map((scope) => [scope, `reader:article:${scope.name}`]));

/**
 * An article with its label, section, feature image, authors, tags, corrections and picked related
 * stories, in one query; `text` is the plain text it may carry.
 */
function articleWithEverything(db: Db, text: RawBuilder<string>) {
  return db
    .selectFrom('articles')
    .leftJoin('labels', 'labels.id', 'articles.label_id')
    .leftJoin('sections', 'sections.id', 'articles.section_id')
    .leftJoin('images', 'images.id', 'articles.feature_image_id')
    .innerJoin('article_bodies', 'article_bodies.article_id', 'articles.id')
    .selectAll('articles')
    .select((eb) => [
      'article_bodies.body',
      text.as('readable_text'),
      'labels.name as label_name',
      'sections.slug as section_slug',
      'sections.name as section_name',
      'images.format as image_format',
      'images.width as image_width',
      'images.height as image_height',
      'images.widths as image_widths',
      'images.alt as image_alt',
      'images.caption as image_caption',
      'images.credit as image_credit',
      jsonArrayOf(
        db,
        eb
          .selectFrom('article_authors')
          .innerJoin('authors', 'authors.id', 'article_authors.author_id')
          .select(['authors.slug', 'authors.name'])
          .whereRef('article_authors.article_id', '=', 'articles.id')
          .orderBy('article_authors.position'),
      ).as('authors'),
      jsonArrayOf(
        db,
        eb
          .selectFrom('article_tags')
          .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
          .select(['tags.id', 'tags.slug', 'tags.name'])
          .whereRef('article_tags.article_id', '=', 'articles.id')
          .orderBy('article_tags.position'),
      ).as('tags'),
      jsonArrayOf(
        db,
        eb
          .selectFrom('corrections')
          .select(['corrections.kind', 'corrections.body', 'corrections.published_at'])
          .whereRef('corrections.article_id', '=', 'articles.id')
          .orderBy('corrections.published_at', 'asc')
          .orderBy('corrections.id', 'asc'),
      ).as('corrections'),
      jsonArrayOf(
        db,
        eb
          .selectFrom('article_related')
          .select('article_related.related_id')
          .whereRef('article_related.article_id', '=', 'articles.id')
          .orderBy('article_related.position'),
      ).as('picks'),
      // The chosen tiers of a story for chosen tiers (read back with chosenTiersOfRow).
      jsonArrayOf(
        db,
        eb
          .selectFrom('article_access_tiers')
          .select('article_access_tiers.tier_id')
          .whereRef('article_access_tiers.article_id', '=', 'articles.id')
          .orderBy('article_access_tiers.tier_id'),
      ).as('access_tiers'),
    ]);
}

/** The tier ids of a row's `access_tiers` column (a story's chosen tiers, sorted). */
export function chosenTiersOfRow(row: { access_tiers: Array<{ tier_id: string }> | string }): string[] {
  return jsonRows(row.access_tiers).map((tier) => tier.tier_id);
}

/** What the article page reads of one article (articleForReader, articleForPreview). */
export type ArticleForPage = NonNullable<Awaited<ReturnType<typeof articleForPreview>>>;

/**
 * An article by slug with everything its page shows, in one query (the article page's hot path; one
 * round trip on PostgreSQL, not five). Its plain text comes as `readable_text`, already cut to what
 * the scope may read.
 */
export async function articleForReader(db: Db, scope: ReaderScope, slug: string): Promise<ArticleForPage | undefined> {
  const rows = await runPrepared(
    db,
    ARTICLE_SHAPES.get(scope) ?? `reader:article:${scope.name}`,
    (p) => articleWithEverything(db, readableTextSql(scope)).where('articles.slug', '=', p('slug')),
    { slug },
  );
  return rows[0];
}

/**
 * An article by id whatever its status, with all its text, for a preview link's holder (the link
 * is the key: src/content/preview-links.service.ts). Not a reader query: only the preview route calls it.
 */
export async function articleForPreview(db: Db, id: string) {
  return articleWithEverything(db, sql<string>`article_bodies.body_text`)
    .where('articles.id', '=', id)
    .executeTakeFirst();
}

/**
 * Documents and bylines of several articles the scope may see (for feeds), in one query. The
 * document is whole: readableDocument() cuts a locked one to its free preview. Feeds carry no
 * plain text, so none is read.
 */
export async function feedEntriesForReader(db: Db, scope: ReaderScope, articleIds: readonly string[]) {
  if (articleIds.length === 0) return [];
  return db
    .selectFrom('articles')
    .innerJoin('article_bodies', 'article_bodies.article_id', 'articles.id')
    .select((eb) => [
      'articles.id',
      'articles.access',
      'article_bodies.body',
      jsonArrayOf(
        db,
        eb
          .selectFrom('article_authors')
          .innerJoin('authors', 'authors.id', 'article_authors.author_id')
          .select('authors.name')
          .whereRef('article_authors.article_id', '=', 'articles.id')
          .orderBy('article_authors.position'),
      ).as('authors'),
      jsonArrayOf(
        db,
        eb
          .selectFrom('article_access_tiers')
          .select('article_access_tiers.tier_id')
          .whereRef('article_access_tiers.article_id', '=', 'articles.id')
          .orderBy('article_access_tiers.tier_id'),
      ).as('access_tiers'),
    ])
    .where(listedSql(scope))
    .where('articles.id', 'in', [...articleIds])
    .execute();
}
