import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { type ArticleDocument, parseDocument } from './document.ts';

/** A published static page by slug. */
export async function findPublishedPage(db: Kysely<Database>, slug: string): Promise<{ id: string; slug: string; title: string; body: ArticleDocument } | undefined> {
  const row = await db.selectFrom('pages').select(['id', 'slug', 'title', 'body']).where('slug', '=', slug).where('status', '=', 'published').executeTakeFirst();
  return row ? { id: row.id, slug: row.slug, title: row.title, body: parseDocument(row.body) } : undefined;
}

/** Where a changed address now lives, if the newsroom recorded it. */
export async function findRedirect(db: Kysely<Database>, fromPath: string): Promise<string | undefined> {
  const row = await db.selectFrom('redirects').select('to_path').where('from_path', '=', fromPath).executeTakeFirst();
  return row?.to_path;
}

/** Stores a static page. */
export async function insertPage(db: Kysely<Database>, page: { id: string; slug: string; title: string; body: ArticleDocument; status: 'draft' | 'published'; at: string }): Promise<void> {
  await db.insertInto('pages').values({ id: page.id, slug: page.slug, title: page.title, body: JSON.stringify(page.body), status: page.status, created_at: page.at, modified_at: page.at }).execute();
}

/**
 * Makes `from` answer 301 to `to`. Older redirects to `from` now point straight at `to` (no
 * chains), and `to` itself stops redirecting.
 */
export async function recordRedirect(db: Kysely<Database>, from: string, to: string, id: string, at: string): Promise<void> {
  await db.updateTable('redirects').set({ to_path: to }).where('to_path', '=', from).execute();
  await db.deleteFrom('redirects').where('from_path', 'in', [from, to]).execute();
  await db.insertInto('redirects').values({ id, from_path: from, to_path: to, created_at: at }).execute();
}
