import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { containsText } from '../db/text-search.ts';
import type { ImageRow } from './images.table.ts';

type Db = Kysely<Database>;

/** The columns the media library searches: what the uploader called the file and what it says about it. */
const SEARCHED = ['file_name', 'alt', 'caption', 'credit'] as const;

/** A page of the media library, newest first (off the images_newest index), optionally searched. */
export async function listImageRows(
  db: Db,
  options: { search?: string; limit: number; offset: number },
): Promise<ImageRow[]> {
  let query = db
    .selectFrom('images')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(options.limit)
    .offset(options.offset);
  if (options.search) query = query.where(containsText(SEARCHED, options.search));
  return query.execute();
}

/** How many images the library (or a search of it) holds, for its pages. */
export async function countImageRows(db: Db, search?: string): Promise<number> {
  let query = db.selectFrom('images').select((eb) => eb.fn.countAll<number | string>().as('count'));
  if (search) query = query.where(containsText(SEARCHED, search));
  return Number((await query.executeTakeFirstOrThrow()).count);
}

export async function deleteImageRow(db: Db, id: string): Promise<void> {
  await db.deleteFrom('images').where('id', '=', id).execute();
}
