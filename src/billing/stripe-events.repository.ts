import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { nowIso } from '../db/ids.ts';

type Executor = Kysely<Database> | Transaction<Database>;

/** Stores a received event unless its id is already stored (a replay); true when it was new. */
export async function insertStripeEvent(
  db: Executor,
  event: { id: string; type: string },
  payload: string,
): Promise<boolean> {
  const inserted = await db
    .insertInto('stripe_events')
    .values({
      id: event.id,
      type: event.type,
      payload,
      received_at: nowIso(),
      processed_at: null,
      attempts: 0,
      last_error: null,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** A stored event's payload, unless it was processed already. */
export async function unprocessedStripeEvent(db: Executor, id: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('stripe_events')
    .select('payload')
    .where('id', '=', id)
    .where('processed_at', 'is', null)
    .executeTakeFirst();
  return row?.payload;
}

/**
 * Marks an event processed inside the transaction that handles it; false when it was processed
 * already. The update comes first so it takes the row's lock: on PostgreSQL a second process handling
 * the same event waits here, then finds it processed and does nothing.
 */
export async function claimStripeEvent(trx: Transaction<Database>, id: string): Promise<boolean> {
  const claimed = await trx
    .updateTable('stripe_events')
    .set({ processed_at: nowIso(), attempts: sql<number>`attempts + 1`, last_error: null })
    .where('id', '=', id)
    .where('processed_at', 'is', null)
    .executeTakeFirst();
  return Number(claimed.numUpdatedRows) > 0;
}

/** Notes a failed attempt (after its transaction was rolled back): the event stays unprocessed. */
export async function noteStripeEventFailure(db: Executor, id: string, error: string): Promise<void> {
  await db
    .updateTable('stripe_events')
    .set({ attempts: sql<number>`attempts + 1`, last_error: error.slice(0, 2000) })
    .where('id', '=', id)
    .execute();
}

/** Events still to process, oldest first, leaving out those that failed `maxAttempts` times. */
export async function unprocessedStripeEventIds(db: Executor, maxAttempts: number, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('stripe_events')
    .select('id')
    .where('processed_at', 'is', null)
    .where('attempts', '<', maxAttempts)
    .orderBy('received_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((row) => row.id);
}
