import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { documentReferences, parseDocument } from './document.ts';

/** One place content shows an image: an article's feature image or body, a static page, an author's photo. */
export interface ContentImageUse {
  kind: 'article' | 'page' | 'author';
  id: string;
  /** The article's headline, the page's title, the author's name. */
  title: string;
  /** The article's or page's status; authors have none. */
  status: string | null;
  as: 'feature' | 'body' | 'photo';
}

/**
 * Where content uses an image, drafts and unpublished stories included (they may come back). Image
 * blocks live inside the JSON bodies, which no index covers: a body is a candidate when its text
 * holds the id (ids are UUIDs, so the text test is exact enough to narrow and cheap to write on both
 * databases), and counts only when its parsed document really has an image block with it. This scans
 * the bodies, which is fine for one image in the newsroom, never for a reader page.
 */
export async function contentImageUses(db: Kysely<Database>, imageId: string): Promise<ContentImageUse[]> {
  const textHolds = `%${imageId}%`;
  const [features, articleBodies, pages, authors] = await Promise.all([
    db
      .selectFrom('articles')
      .select(['id', 'headline', 'status'])
      .where('feature_image_id', '=', imageId)
      .orderBy('modified_at', 'desc')
      .execute(),
    db
      .selectFrom('article_bodies')
      .innerJoin('articles', 'articles.id', 'article_bodies.article_id')
      .select(['articles.id', 'articles.headline', 'articles.status', 'article_bodies.body'])
      .where('article_bodies.body', 'like', textHolds)
      .orderBy('articles.modified_at', 'desc')
      .execute(),
    db
      .selectFrom('pages')
      .select(['id', 'title', 'status', 'body'])
      .where('body', 'like', textHolds)
      .orderBy('title')
      .execute(),
    db.selectFrom('authors').select(['id', 'name']).where('photo_image_id', '=', imageId).orderBy('name').execute(),
  ]);
  const inBody = (json: string) => documentReferences(parseDocument(json)).imageIds.includes(imageId);
  return [
    ...features.map((a): ContentImageUse => ({
      kind: 'article',
      id: a.id,
      title: a.headline,
      status: a.status,
      as: 'feature',
    })),
    ...articleBodies
      .filter((a) => inBody(a.body))
      .map((a): ContentImageUse => ({ kind: 'article', id: a.id, title: a.headline, status: a.status, as: 'body' })),
    ...pages
      .filter((p) => inBody(p.body))
      .map((p): ContentImageUse => ({ kind: 'page', id: p.id, title: p.title, status: p.status, as: 'body' })),
    ...authors.map((a): ContentImageUse => ({ kind: 'author', id: a.id, title: a.name, status: null, as: 'photo' })),
  ];
}
