import type { Kysely } from 'kysely';

/**
 * A revision records who made it: a member of staff (`staff_id`) or the system, by task
 * (`system_task`: scheduler, seed, operator). Before this, the system's changes had no staff id and
 * looked like those of a deleted account; they are marked as the seed's, the only system writer then.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('revisions').addColumn('system_task', 'text').execute();
  await (db as Kysely<{ revisions: { staff_id: string | null; system_task: string | null } }>)
    .updateTable('revisions')
    .set({ system_task: 'seed' })
    .where('staff_id', 'is', null)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('revisions').dropColumn('system_task').execute();
}
