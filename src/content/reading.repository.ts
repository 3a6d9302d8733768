import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { runPrepared } from '../db/prepared.ts';

type Db = Kysely<Database>;

/** An article by slug with its label, section and feature image, in one query (the article page's hot path). */
export async function articleForReader(db: Db, slug: string) {
  const rows = await runPrepared(
    db,
    'reader:article',
    (p) =>
      db
        .selectFrom('articles')
        .leftJoin('labels', 'labels.id', 'articles.label_id')
        .leftJoin('sections', 'sections.id', 'articles.section_id')
        .leftJoin('images', 'images.id', 'articles.feature_image_id')
        .innerJoin('article_bodies', 'article_bodies.article_id', 'articles.id')
        .selectAll('articles')
        .select([
          'article_bodies.body',
          'article_bodies.body_text',
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
        ])
        .where('articles.slug', '=', p('slug')),
    { slug },
  );
  return rows[0];
}

export async function authorsForReader(db: Db, articleId: string): Promise<Array<{ slug: string; name: string }>> {
  return runPrepared(
    db,
    'reader:authors',
    (p) =>
      db
        .selectFrom('article_authors')
        .innerJoin('authors', 'authors.id', 'article_authors.author_id')
        .select(['authors.slug', 'authors.name'])
        .where('article_authors.article_id', '=', p('id'))
        .orderBy('article_authors.position'),
    { id: articleId },
  );
}

export async function tagsForReader(
  db: Db,
  articleId: string,
): Promise<Array<{ id: string; slug: string; name: string }>> {
  return runPrepared(
    db,
    'reader:tags',
    (p) =>
      db
        .selectFrom('article_tags')
        .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
        .select(['tags.id', 'tags.slug', 'tags.name'])
        .where('article_tags.article_id', '=', p('id'))
        .orderBy('article_tags.position'),
    { id: articleId },
  );
}

export async function correctionsForReader(
  db: Db,
  articleId: string,
): Promise<Array<{ kind: 'correction' | 'clarification'; body: string; published_at: string }>> {
  return runPrepared(
    db,
    'reader:corrections',
    (p) =>
      db
        .selectFrom('corrections')
        .select(['kind', 'body', 'published_at'])
        .where('article_id', '=', p('id'))
        .orderBy('published_at', 'asc')
        .orderBy('id', 'asc'),
    { id: articleId },
  );
}

/** Author names of several articles at once (for feeds), in byline order. */
export async function authorNamesByArticle(db: Db, articleIds: readonly string[]): Promise<Map<string, string[]>> {
  const byArticle = new Map<string, string[]>();
  if (articleIds.length === 0) return byArticle;
  const rows = await db
    .selectFrom('article_authors')
    .innerJoin('authors', 'authors.id', 'article_authors.author_id')
    .select(['article_authors.article_id', 'authors.name'])
    .where('article_authors.article_id', 'in', [...articleIds])
    .orderBy('article_authors.position')
    .execute();
  for (const row of rows) byArticle.set(row.article_id, [...(byArticle.get(row.article_id) ?? []), row.name]);
  return byArticle;
}
