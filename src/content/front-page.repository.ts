import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { FrontPagePinRow } from './front-page.table.ts';

type Db = Kysely<Database>;

/** Every pin: the lead first, then the featured stories in order. */
export async function listPins(db: Db): Promise<FrontPagePinRow[]> {
  return db
    .selectFrom('front_page_pins')
    .selectAll()
    .orderBy('slot', 'desc') // 'lead' sorts after 'featured'
    .orderBy('position')
    .execute();
}

/** Replaces every pin with the given ones (inside the caller's transaction). */
export async function replacePins(db: Db, pins: readonly FrontPagePinRow[]): Promise<void> {
  await db.deleteFrom('front_page_pins').execute();
  if (pins.length)
    await db
      .insertInto('front_page_pins')
      .values([...pins])
      .execute();
}

/** Ids of the pinned articles whose pin has lapsed by `now`. */
export async function lapsedPinIds(db: Db, now: string): Promise<string[]> {
  const rows = await db
    .selectFrom('front_page_pins')
    .select('article_id')
    .where('pinned_until', 'is not', null)
    .where('pinned_until', '<=', now)
    .execute();
  return rows.map((row) => row.article_id);
}

export async function deletePins(db: Db, articleIds: readonly string[]): Promise<void> {
  if (articleIds.length) await db.deleteFrom('front_page_pins').where('article_id', 'in', articleIds).execute();
}

/** Headline and status of the given articles, for showing editors what they pinned. */
export async function pinnedArticles(
  db: Db,
  ids: readonly string[],
): Promise<Array<{ id: string; headline: string; status: string }>> {
  if (ids.length === 0) return [];
  return db.selectFrom('articles').select(['id', 'headline', 'status']).where('id', 'in', ids).execute();
}
