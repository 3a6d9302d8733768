import { type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import type { Database } from '../db/schema.ts';
import { countLiteral, runPrepared } from '../db/prepared.ts';
import { parseWidths } from '../media/images.ts';
import type { AccessLevel } from './articles.table.ts';
import { listedSql, type ReaderScope } from './reader-scope.ts';

/** Where an image's subject is: 0..1 from the left and from the top. */
export interface FocalPoint {
  x: number;
  y: number;
}

/** An article's feature image focal point from its columns; null (the centre) when none was set. */
export function focalPointOf(row: {
  feature_image_focal_x: number | string | null;
  feature_image_focal_y: number | string | null;
}): FocalPoint | null {
  if (row.feature_image_focal_x === null || row.feature_image_focal_y === null) return null;
  return { x: Number(row.feature_image_focal_x), y: Number(row.feature_image_focal_y) };
}

/** Everything a story card shows, comment count included, so a page of cards is one query. */
export interface ArticleCard {
  id: string;
  slug: string;
  headline: string;
  dek: string;
  publishedAt: string;
  access: AccessLevel;
  commentCount: number;
  label: string | null;
  section: { slug: string; name: string } | null;
  image: {
    id: string;
    format: 'jpeg' | 'png' | 'webp' | 'gif' | 'avif';
    width: number;
    height: number;
    widths: number[];
    alt: string;
    /** Kept in view where the card crops the image. */
    focalPoint: FocalPoint | null;
  } | null;
}

export interface CardFilter {
  sectionId?: string;
  tagId?: string;
  authorId?: string;
  ids?: readonly string[];
  excludeIds?: readonly string[];
  /** Articles sharing this section or one of these tags (computed related stories); `depth` recent ones of each. */
  relatedTo?: { sectionId: string | null; tagIds: readonly string[]; depth: number };
}

type CardQuery = SelectQueryBuilder<Database, 'articles', object>;
type Param = <T = string>(name: string) => T;

/** Articles this scope may see (reader-scope.ts), as the start of every card query. */
function listedArticles(db: Kysely<Database>, scope: ReaderScope): CardQuery {
  return (db.selectFrom('articles') as CardQuery).where(listedSql(scope));
}

/** What changes the SQL text of a card query (not the values), and the values themselves. */
function shapeOf(
  scope: ReaderScope,
  filter: CardFilter,
  limit: number,
  offset: number,
): { shape: string; values: Record<string, unknown> } {
  const values: Record<string, unknown> = {};
  const parts: string[] = [scope.name, `limit${limit}`, offset === 0 ? 'first' : 'later'];
  const list = (name: string, ids: readonly string[] | undefined): void => {
    if (!ids?.length) return;
    parts.push(`${name}${ids.length}`);
    ids.forEach((id, i) => {
      values[`${name}${i}`] = id;
    });
  };
  for (const key of ['sectionId', 'tagId', 'authorId'] as const) {
    if (filter[key]) {
      parts.push(key);
      values[key] = filter[key];
    }
  }
  if (filter.ids) parts.push(`ids${filter.ids.length}`);
  list('id', filter.ids);
  list('exclude', filter.excludeIds);
  if (filter.relatedTo) {
    parts.push(`related${filter.relatedTo.depth}:${filter.relatedTo.sectionId ? 's' : ''}`);
    if (filter.relatedTo.sectionId) values.relatedSection = filter.relatedTo.sectionId;
    list('relatedTag', filter.relatedTo.tagIds);
  }
  return { shape: parts.join(','), values };
}

/**
 * The first page's offset is written into the SQL (a later page's is bound). PostgreSQL plans a
 * statement whose OFFSET it cannot see as if it skipped a tenth of the rows, so it judged the
 * reusable plan dearer than a fresh one and planned the section page's query at every run (half a
 * millisecond, more than running it). With `OFFSET 0` in the text the kept plan is used.
 */
const offsetOf = (offset: number, p: Param, name: string) => (offset === 0 ? countLiteral(0) : p<number>(name));

function cardQuery(
  db: Kysely<Database>,
  scope: ReaderScope,
  filter: CardFilter,
  page: { limit: number; offset: number },
  p: Param,
): CardQuery {
  const { limit, offset } = page;
  let query = listedArticles(db, scope);
  const params = (name: string, ids: readonly string[]): string[] => ids.map((_, i) => p(`${name}${i}`));
  if (filter.sectionId) query = query.where('articles.section_id', '=', p('sectionId'));
  // Tag and author archives page through their own (id, listed_at) index, so a prolific tag costs
  // the same as a rare one; the outer query then only orders that one page.
  if (filter.tagId) {
    query = query.where('articles.id', 'in', (qb) =>
      qb
        .selectFrom('article_tags')
        .select('article_id')
        .where('tag_id', '=', p('tagId'))
        .where('listed_at', 'is not', null)
        .orderBy('listed_at', 'desc')
        .orderBy('article_id', 'desc')
        .limit(countLiteral(limit))
        .offset(offsetOf(offset, p, 'offset')),
    );
  } else if (filter.authorId) {
    query = query.where('articles.id', 'in', (qb) =>
      qb
        .selectFrom('article_authors')
        .select('article_id')
        .where('author_id', '=', p('authorId'))
        .where('listed_at', 'is not', null)
        .orderBy('listed_at', 'desc')
        .orderBy('article_id', 'desc')
        .limit(countLiteral(limit))
        .offset(offsetOf(offset, p, 'offset')),
    );
  }
  if (filter.ids)
    query = filter.ids.length
      ? query.where('articles.id', 'in', params('id', filter.ids))
      : query.where(sql<boolean>`1 = 0`);
  if (filter.excludeIds?.length) query = query.where('articles.id', 'not in', params('exclude', filter.excludeIds));
  if (filter.relatedTo) query = query.where('articles.id', 'in', relatedWalks(scope, filter.relatedTo, p));
  return query;
}

/** Joins and columns of a story card, on any query over visible articles. */
function selectCard(query: CardQuery) {
  return query
    .leftJoin('labels', 'labels.id', 'articles.label_id')
    .leftJoin('sections', 'sections.id', 'articles.section_id')
    .leftJoin('images', 'images.id', 'articles.feature_image_id')
    .select([
      'articles.id',
      'articles.slug',
      'articles.headline',
      'articles.dek',
      'articles.published_at',
      'articles.access',
      'articles.comment_count',
      'labels.name as label_name',
      'sections.slug as section_slug',
      'sections.name as section_name',
      'images.id as image_id',
      'images.format as image_format',
      'images.width as image_width',
      'images.height as image_height',
      'images.widths as image_widths',
      'articles.feature_image_focal_x',
      'articles.feature_image_focal_y',
      // The article's own alt text wins over the image library's.
      sql<string>`coalesce(nullif(articles.feature_image_alt, ''), images.alt, '')`.as('image_alt'),
    ])
    .orderBy('articles.published_at', 'desc')
    .orderBy('articles.id', 'desc');
}

type CardRow = Awaited<ReturnType<ReturnType<typeof selectCard>['execute']>>[number];

function toCard(row: CardRow): ArticleCard {
  return {
    id: row.id,
    slug: row.slug,
    headline: row.headline,
    dek: row.dek,
    publishedAt: row.published_at ?? '',
    access: row.access,
    commentCount: Number(row.comment_count),
    label: row.label_name,
    section: row.section_slug && row.section_name ? { slug: row.section_slug, name: row.section_name } : null,
    image:
      row.image_id && row.image_format
        ? {
            id: row.image_id,
            format: row.image_format,
            width: Number(row.image_width),
            height: Number(row.image_height),
            widths: parseWidths(row.image_widths ?? '[]'),
            alt: row.image_alt,
            focalPoint: focalPointOf(row),
          }
        : null,
  };
}

/** Cards matching the filter that the scope may see, newest first. */
export async function listCards(
  db: Kysely<Database>,
  scope: ReaderScope,
  filter: CardFilter,
  limit: number,
  offset = 0,
): Promise<ArticleCard[]> {
  const { shape, values } = shapeOf(scope, filter, limit, offset);
  // Tag and author archives skip inside their index walk; the outer query only orders that page.
  const outerOffset = filter.tagId || filter.authorId ? 0 : offset;
  const rows = await runPrepared(
    db,
    `cards:${shape}`,
    (p) =>
      selectCard(cardQuery(db, scope, filter, { limit, offset }, p))
        .limit(countLiteral(limit))
        .offset(offsetOf(outerOffset, p, 'outerOffset')),
    { ...values, ...(offset === 0 ? {} : { offset, outerOffset }) },
    { anyOrder: true },
  );
  return rows.map(toCard).sort(newestFirst);
}

/** What a front page shows: the newest stories, then the newest of each section not already among them. */
export interface FrontPageCards {
  latest: ArticleCard[];
  /** One list per section, in the order of the section ids asked for. */
  sections: ArticleCard[][];
}

/**
 * The `latest` newest cards and the `perSection` newest cards of each section that come after
 * them in listing order (published_at, id), in one query: a walk of the listing index for the
 * latest, and one per section that starts below the last of them and joins as it goes, so there
 * is no id list to collect and nothing to sort.
 */
export async function frontPageCards(
  db: Kysely<Database>,
  scope: ReaderScope,
  options: { latest: number; sectionIds: readonly string[]; perSection: number },
): Promise<FrontPageCards> {
  const { latest, sectionIds, perSection } = options;
  const values: Record<string, unknown> = {};
  sectionIds.forEach((id, i) => {
    values[`section${i}`] = id;
  });
  const shape = `front:${scope.name}:${latest}:${sectionIds.length}:${perSection}`;
  const rows = await runPrepared(
    db,
    shape,
    (p) => {
      const visible = () => listedArticles(db, scope);
      // With fewer than `latest` stories there is no last one, the comparison is null and the sections are empty: all are above.
      const lastOfLatest = visible()
        .select(['articles.published_at', 'articles.id'])
        .orderBy('articles.published_at', 'desc')
        .orderBy('articles.id', 'desc')
        .limit(countLiteral(1))
        .offset(countLiteral(Math.max(latest - 1, 0)));
      // Compound members cannot carry their own ORDER BY and LIMIT in SQLite, so each is a subquery.
      const block = (query: CardQuery, index: number, limit: number) =>
        db
          .selectFrom(selectCard(query).select(sql.lit(index).as('block')).limit(countLiteral(limit)).as(`b${index}`))
          .selectAll();
      const sectionBlock = (i: number) =>
        block(
          visible()
            .where('articles.section_id', '=', p(`section${i}`))
            .where(sql<boolean>`(articles.published_at, articles.id) < ${lastOfLatest}`),
          i + 1,
          perSection,
        );
      return sectionIds.reduce((union, _, i) => union.unionAll(sectionBlock(i)), block(visible(), 0, latest));
    },
    values,
    { anyOrder: true },
  );
  const blocks: ArticleCard[][] = Array.from({ length: sectionIds.length + 1 }, () => []);
  for (const row of rows) blocks[Number(row.block)]?.push(toCard(row));
  // Rows come in any order (a UNION ALL promises none, and see anyOrder), so each block is sorted here.
  const [latestCards = [], ...sections] = blocks.map((cards) => cards.sort(newestFirst));
  return { latest: latestCards, sections };
}

/** Listing order: newest first, then by id (as the queries' ORDER BY), since rows may arrive in any order. */
function newestFirst(a: ArticleCard, b: ArticleCard): number {
  if (a.publishedAt !== b.publishedAt) return a.publishedAt < b.publishedAt ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** Cards for the given ids, in the given order, skipping any the scope may not see. */
export async function cardsByIds(
  db: Kysely<Database>,
  scope: ReaderScope,
  ids: readonly string[],
): Promise<ArticleCard[]> {
  if (ids.length === 0) return [];
  const cards = await listCards(db, scope, { ids }, ids.length);
  const byId = new Map(cards.map((card) => [card.id, card]));
  return ids.map((id) => byId.get(id)).filter((card): card is ArticleCard => card !== undefined);
}

/**
 * The newest articles of the section and of each tag, as one UNION of small index walks, cut to the
 * newest `depth` before any join, so related stories cost the same on a ten-year archive as on a new one.
 */
function relatedWalks(scope: ReaderScope, related: NonNullable<CardFilter['relatedTo']>, p: Param) {
  const depth = countLiteral(related.depth);
  const walks = [
    ...(related.sectionId
      ? [
          sql`select id, at from (select id, published_at as at from articles where ${listedSql(scope)} and section_id = ${p('relatedSection')} order by published_at desc limit ${depth}) as s`,
        ]
      : []),
    ...related.tagIds.map(
      (_, i) =>
        sql`select id, at from (select article_id as id, listed_at as at from article_tags where tag_id = ${p(`relatedTag${i}`)} and listed_at is not null order by listed_at desc limit ${depth}) as ${sql.raw(`t${i}`)}`,
    ),
  ];
  if (walks.length === 0) return sql<string>`(select null)`;
  return sql<string>`(select id from (${sql.join(walks, sql` union `)}) as candidates order by at desc, id desc limit ${depth})`;
}
