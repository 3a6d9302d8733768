import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { newId, nowIso } from '../db/ids.ts';
import { AppError } from '../http/errors.ts';
import type { Actor } from '../staff/actor.ts';
import type { PagesDeps } from './pages.service.ts';
import { authorize } from './policy.ts';

/** Where a changed address now lives, if the newsroom recorded it. */
export async function findRedirect(db: Kysely<Database>, fromPath: string): Promise<string | undefined> {
  const row = await db.selectFrom('redirects').select('to_path').where('from_path', '=', fromPath).executeTakeFirst();
  return row?.to_path;
}

/**
 * Makes `from` answer 301 to `to`. Older redirects to `from` now point straight at `to` (no
 * chains), and `to` itself stops redirecting.
 */
export async function recordRedirect(
  db: Kysely<Database>,
  from: string,
  to: string,
  id: string,
  at: string,
): Promise<void> {
  await db.updateTable('redirects').set({ to_path: to }).where('to_path', '=', from).execute();
  await db.deleteFrom('redirects').where('from_path', 'in', [from, to]).execute();
  await db.insertInto('redirects').values({ id, from_path: from, to_path: to, created_at: at }).execute();
}

export async function listRedirects(
  db: Kysely<Database>,
): Promise<Array<{ id: string; fromPath: string; toPath: string; createdAt: string }>> {
  const rows = await db
    .selectFrom('redirects')
    .select(['id', 'from_path', 'to_path', 'created_at'])
    .orderBy('from_path')
    .execute();
  return rows.map((row) => ({ id: row.id, fromPath: row.from_path, toPath: row.to_path, createdAt: row.created_at }));
}

/** An editor's redirect from one site path to another. */
export async function createRedirect(
  deps: PagesDeps,
  actor: Actor,
  fromPath: string,
  toPath: string,
): Promise<{ id: string; fromPath: string; toPath: string }> {
  authorize(actor, 'redirect.manage');
  if (fromPath === toPath)
    throw new AppError('VALIDATION_FAILED', 'A redirect must lead somewhere else.', [
      { field: 'toPath', message: 'equals fromPath' },
    ]);
  const taken = await findRedirect(deps.db, fromPath);
  if (taken)
    throw new AppError('CONFLICT', `${fromPath} already redirects.`, [
      { field: 'fromPath', message: 'already redirects' },
    ]);
  const id = newId();
  await deps.db
    .insertInto('redirects')
    .values({ id, from_path: fromPath, to_path: toPath, created_at: nowIso() })
    .execute();
  return { id, fromPath, toPath };
}

export async function deleteRedirect(deps: PagesDeps, actor: Actor, id: string): Promise<void> {
  authorize(actor, 'redirect.manage');
  const result = await deps.db.deleteFrom('redirects').where('id', '=', id).executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) throw new AppError('NOT_FOUND', `No redirect with id ${id}.`);
}
