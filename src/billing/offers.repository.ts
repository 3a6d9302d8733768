import { type Kysely, type Transaction, sql } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { OfferRow, OffersTable } from './offers.table.ts';

type Executor = Kysely<Database> | Transaction<Database>;

/** Every offer, newest first, with its redemptions so far. */
export async function listOfferRows(db: Executor): Promise<Array<OfferRow & { redemptions: number }>> {
  const rows = await db
    .selectFrom('offers')
    .selectAll('offers')
    .select((eb) =>
      eb
        .selectFrom('offer_redemptions')
        .select(sql<number>`count(*)`.as('n'))
        .whereRef('offer_redemptions.offer_id', '=', 'offers.id')
        .as('redemptions'),
    )
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({ ...row, redemptions: Number(row.redemptions ?? 0) }));
}

export function findOfferRow(db: Executor, id: string): Promise<OfferRow | undefined> {
  return db.selectFrom('offers').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findOfferByCode(db: Executor, code: string): Promise<OfferRow | undefined> {
  return db.selectFrom('offers').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function insertOffer(db: Executor, row: OffersTable): Promise<void> {
  await db.insertInto('offers').values(row).execute();
}

export async function archiveOfferRow(db: Executor, id: string, at: string): Promise<void> {
  await db
    .updateTable('offers')
    .set({ archived_at: at })
    .where('id', '=', id)
    .where('archived_at', 'is', null)
    .execute();
}

/** Active offers Stripe does not have yet, oldest first. */
export function offersOutOfSync(db: Executor): Promise<OfferRow[]> {
  return db
    .selectFrom('offers')
    .selectAll()
    .where('stripe_synced_at', 'is', null)
    .where('archived_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function markOfferSynced(db: Executor, id: string, couponId: string | null, at: string): Promise<void> {
  await db
    .updateTable('offers')
    .set({ stripe_coupon_id: couponId, stripe_synced_at: at })
    .where('id', '=', id)
    .execute();
}

export async function countRedemptions(db: Executor, offerId: string): Promise<number> {
  const row = await db
    .selectFrom('offer_redemptions')
    .select(sql<number>`count(*)`.as('n'))
    .where('offer_id', '=', offerId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Notes a subscription made with an offer; a second note of the same subscription changes nothing. */
export async function insertRedemption(
  db: Executor,
  row: { stripe_subscription_id: string; offer_id: string; member_id: string | null; redeemed_at: string },
): Promise<void> {
  await db
    .insertInto('offer_redemptions')
    .values(row)
    .onConflict((oc) => oc.column('stripe_subscription_id').doNothing())
    .execute();
}
