import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { StaffActor } from '../staff/actor.ts';
import { staffNameSql, staffRoleSql } from '../staff/names.ts';
import { requireArticle } from './article-versions.ts';
import { authorize } from './policy.ts';

/*
 * Who else has an article open. The editor says "still here" every ~15 s while it is open; someone
 * not heard from for PRESENCE_WINDOW_MS (three missed beats) has left, even if their tab crashed
 * before saying so. Kept in the database, not in a process's memory, so staff on different
 * processes (serve --workers, several servers) see each other.
 */

type Db = Kysely<Database>;

export const PRESENCE_WINDOW_MS = 45_000;

export interface PresentStaff {
  id: string;
  name: string;
  /** Their role, so "also open by Ana (editor)" says who can do what. */
  role: string;
  seenAt: string;
}

/** Records that this member of staff has the article open, and answers who else has (seen within the window). */
export async function markPresent(
  db: Db,
  actor: StaffActor,
  articleId: string,
  now = new Date(),
): Promise<PresentStaff[]> {
  authorize(actor, 'article.read', await requireArticle(db, articleId));
  const seenAt = now.toISOString();
  await db
    .insertInto('article_presence')
    .values({ article_id: articleId, staff_id: actor.id, seen_at: seenAt })
    .onConflict((conflict) => conflict.columns(['article_id', 'staff_id']).doUpdateSet({ seen_at: seenAt }))
    .execute();
  const since = new Date(now.getTime() - PRESENCE_WINDOW_MS).toISOString();
  const rows = await db
    .selectFrom('article_presence')
    .select([
      'staff_id',
      'seen_at',
      staffNameSql('article_presence.staff_id').as('name'),
      staffRoleSql('article_presence.staff_id').as('role'),
    ])
    .where('article_id', '=', articleId)
    .where('staff_id', '!=', actor.id)
    .where('seen_at', '>=', since)
    .orderBy('seen_at', 'desc')
    .execute();
  return rows.map((row) => ({ id: row.staff_id, name: row.name ?? '', role: row.role ?? '', seenAt: row.seen_at }));
}

/** The member of staff closed the article (or left the editor). */
export async function markAbsent(db: Db, actor: StaffActor, articleId: string): Promise<void> {
  authorize(actor, 'article.read', await requireArticle(db, articleId));
  await db
    .deleteFrom('article_presence')
    .where('article_id', '=', articleId)
    .where('staff_id', '=', actor.id)
    .execute();
}

/** Forgets who was last seen long ago (the scheduler's housekeeping), so the table holds only open articles. */
export async function forgetStalePresence(db: Db, now = Date.now()): Promise<void> {
  const before = new Date(now - 10 * PRESENCE_WINDOW_MS).toISOString();
  await db.deleteFrom('article_presence').where('seen_at', '<', before).execute();
}
