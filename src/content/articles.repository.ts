import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { runPrepared } from '../db/prepared.ts';
import { EMPTY_DOCUMENT, storedBody } from './document.ts';
import { listedAt } from './reader-scope.ts';
import type { ArticleBody, ArticleRow, CorrectionRow, NewArticleRow, ArticleRowUpdate } from './articles.table.ts';

type Db = Kysely<Database>;

export async function insertArticle(db: Db, row: NewArticleRow, body: ArticleBody): Promise<void> {
  await db.insertInto('articles').values(row).execute();
  await db
    .insertInto('article_bodies')
    .values({ article_id: row.id, ...body })
    .execute();
}

export async function findArticleBody(db: Db, id: string): Promise<ArticleBody> {
  const row = await db
    .selectFrom('article_bodies')
    .select(['body', 'body_text'])
    .where('article_id', '=', id)
    .executeTakeFirst();
  return row ?? storedBody(EMPTY_DOCUMENT);
}

export async function updateArticleBody(db: Db, id: string, body: ArticleBody): Promise<void> {
  await db.updateTable('article_bodies').set(body).where('article_id', '=', id).execute();
}

export async function updateArticleRow(db: Db, id: string, changes: ArticleRowUpdate): Promise<void> {
  await db.updateTable('articles').set(changes).where('id', '=', id).execute();
}

export async function findArticleById(db: Db, id: string): Promise<ArticleRow | undefined> {
  return db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function replaceArticleAuthors(db: Db, articleId: string, authorIds: readonly string[]): Promise<void> {
  await db.deleteFrom('article_authors').where('article_id', '=', articleId).execute();
  if (authorIds.length) {
    await db
      .insertInto('article_authors')
      .values(authorIds.map((author_id, position) => ({ article_id: articleId, author_id, position, listed_at: null })))
      .execute();
  }
}

export async function replaceArticleTags(db: Db, articleId: string, tagIds: readonly string[]): Promise<void> {
  await db.deleteFrom('article_tags').where('article_id', '=', articleId).execute();
  if (tagIds.length) {
    await db
      .insertInto('article_tags')
      .values(tagIds.map((tag_id, position) => ({ article_id: articleId, tag_id, position, listed_at: null })))
      .execute();
  }
}

export async function replaceRelatedPicks(db: Db, articleId: string, relatedIds: readonly string[]): Promise<void> {
  await db.deleteFrom('article_related').where('article_id', '=', articleId).execute();
  if (relatedIds.length) {
    await db
      .insertInto('article_related')
      .values(relatedIds.map((related_id, position) => ({ article_id: articleId, related_id, position })))
      .execute();
  }
}

/** Copies the article's visibility into its author and tag rows (see ArticleTagsTable.listed_at). */
export async function syncListing(db: Db, articleId: string): Promise<void> {
  const row = await db
    .selectFrom('articles')
    .select(['status', 'published_at'])
    .where('id', '=', articleId)
    .executeTakeFirst();
  const listed = row ? listedAt(row) : null;
  await db.updateTable('article_tags').set({ listed_at: listed }).where('article_id', '=', articleId).execute();
  await db.updateTable('article_authors').set({ listed_at: listed }).where('article_id', '=', articleId).execute();
}

export async function authorIdsOf(db: Db, articleId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('article_authors')
    .select('author_id')
    .where('article_id', '=', articleId)
    .orderBy('position')
    .execute();
  return rows.map((row) => row.author_id);
}

export async function tagIdsOf(db: Db, articleId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('article_tags')
    .select('tag_id')
    .where('article_id', '=', articleId)
    .orderBy('position')
    .execute();
  return rows.map((row) => row.tag_id);
}

/** Whether another article already has this slug. */
export async function slugTaken(db: Db, slug: string, exceptId?: string): Promise<boolean> {
  const row = await db.selectFrom('articles').select('id').where('slug', '=', slug).executeTakeFirst();
  return row !== undefined && row.id !== exceptId;
}

/** Editor-picked related stories in the editor's order (on the article page's hot path, so compiled once). */
export async function relatedPickIds(db: Db, articleId: string): Promise<string[]> {
  const rows = await runPrepared(
    db,
    'article:picks',
    (p) => db.selectFrom('article_related').select('related_id').where('article_id', '=', p('id')).orderBy('position'),
    { id: articleId },
  );
  return rows.map((row) => row.related_id);
}

export async function insertCorrection(db: Db, row: CorrectionRow): Promise<void> {
  await db.insertInto('corrections').values(row).execute();
}

/** Articles whose scheduled time has come; the scheduler publishes them. */
export async function dueScheduledIds(db: Db, now: string): Promise<string[]> {
  const rows = await db
    .selectFrom('articles')
    .select('id')
    .where('status', '=', 'scheduled')
    .where('published_at', '<=', now)
    .execute();
  return rows.map((row) => row.id);
}

/** Articles in the trash since before `cutoff`, a batch at a time (the scheduler comes back for the rest). */
export async function trashedBefore(db: Db, cutoff: string, limit = 500): Promise<string[]> {
  const rows = await db
    .selectFrom('articles')
    .select('id')
    .where('trashed_at', '<', cutoff)
    .orderBy('trashed_at')
    .limit(limit)
    .execute();
  return rows.map((row) => row.id);
}

/** Deletes articles for good; their bodies, relations, corrections, revisions, pins and links go with them (ON DELETE CASCADE). */
export async function deleteArticles(db: Db, ids: readonly string[]): Promise<void> {
  if (ids.length)
    await db
      .deleteFrom('articles')
      .where('id', 'in', [...ids])
      .execute();
}

/** Bulk insert for imports and the synthetic benchmark archive. */
export async function insertArticlesInBulk(
  db: Db,
  rows: readonly NewArticleRow[],
  bodies: ReadonlyArray<ArticleBody & { article_id: string }>,
  authors: ReadonlyArray<{ article_id: string; author_id: string; position: number; listed_at: string | null }>,
  tags: ReadonlyArray<{ article_id: string; tag_id: string; position: number; listed_at: string | null }>,
): Promise<void> {
  if (rows.length)
    await db
      .insertInto('articles')
      .values([...rows])
      .execute();
  if (bodies.length)
    await db
      .insertInto('article_bodies')
      .values([...bodies])
      .execute();
  if (authors.length)
    await db
      .insertInto('article_authors')
      .values([...authors])
      .execute();
  if (tags.length)
    await db
      .insertInto('article_tags')
      .values([...tags])
      .execute();
}
