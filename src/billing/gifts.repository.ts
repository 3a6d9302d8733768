import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { GiftRow, GiftsTable } from './gifts.table.ts';

type Executor = Kysely<Database> | Transaction<Database>;

/** Queries of the gifts table (migration 0023); the rules are in gifts.service.ts and its neighbours. */

export async function insertGift(db: Executor, row: GiftsTable): Promise<void> {
  await db.insertInto('gifts').values(row).execute();
}

export async function deleteGift(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('gifts').where('id', '=', id).execute();
}

/** Deletes the gifts never paid for that were set out before `before`; how many. */
export async function deleteUnpaidGiftsBefore(db: Executor, before: string): Promise<number> {
  const deleted = await db
    .deleteFrom('gifts')
    .where('paid_at', 'is', null)
    .where('created_at', '<', before)
    .executeTakeFirst();
  return Number(deleted.numDeletedRows);
}

export async function setGiftCheckoutSession(db: Executor, id: string, sessionId: string): Promise<void> {
  await db.updateTable('gifts').set({ stripe_checkout_session_id: sessionId }).where('id', '=', id).execute();
}

export function findGift(db: Executor, id: string): Promise<GiftRow | undefined> {
  return db.selectFrom('gifts').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findGiftByTokenHash(db: Executor, tokenHash: string): Promise<GiftRow | undefined> {
  return db.selectFrom('gifts').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export function findGiftByCheckoutSession(db: Executor, sessionId: string): Promise<GiftRow | undefined> {
  return db.selectFrom('gifts').selectAll().where('stripe_checkout_session_id', '=', sessionId).executeTakeFirst();
}

export function findGiftByPaymentIntent(db: Executor, paymentIntentId: string): Promise<GiftRow | undefined> {
  return db.selectFrom('gifts').selectAll().where('stripe_payment_intent_id', '=', paymentIntentId).executeTakeFirst();
}

/** Marks a gift paid once: false when it was paid before (a replayed or repeated event). */
export async function markGiftPaid(
  db: Executor,
  id: string,
  paid: { tokenHash: string; paidAt: string; expiresAt: string; paymentIntentId: string | null; buyerId: string },
): Promise<boolean> {
  const updated = await db
    .updateTable('gifts')
    .set({
      token_hash: paid.tokenHash,
      paid_at: paid.paidAt,
      expires_at: paid.expiresAt,
      stripe_payment_intent_id: paid.paymentIntentId,
      buyer_member_id: paid.buyerId,
    })
    .where('id', '=', id)
    .where('paid_at', 'is', null)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) > 0;
}

/** Marks a gift redeemed once, if still redeemable at `now`: false when another redemption, a refund or time got there first. */
export async function markGiftRedeemed(db: Executor, id: string, memberId: string, now: string): Promise<boolean> {
  const updated = await db
    .updateTable('gifts')
    .set({ redeemed_at: now, redeemed_by: memberId })
    .where('id', '=', id)
    .where('paid_at', 'is not', null)
    .where('redeemed_at', 'is', null)
    .where('refunded_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) > 0;
}

export async function setGiftGrant(db: Executor, id: string, grantId: string): Promise<void> {
  await db.updateTable('gifts').set({ grant_id: grantId }).where('id', '=', id).execute();
}

/** Marks a gift refunded once: false when it was before. */
export async function markGiftRefunded(db: Executor, id: string, at: string): Promise<boolean> {
  const updated = await db
    .updateTable('gifts')
    .set({ refunded_at: at })
    .where('id', '=', id)
    .where('refunded_at', 'is', null)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) > 0;
}

/** The paid gifts a member bought, newest first. */
export function giftsBoughtBy(db: Executor, memberId: string): Promise<GiftRow[]> {
  return db
    .selectFrom('gifts')
    .selectAll()
    .where('buyer_member_id', '=', memberId)
    .where('paid_at', 'is not', null)
    .orderBy('paid_at', 'desc')
    .execute();
}

/** Every gift a member set out to buy (paid or not), oldest first: for "download my data". */
export function giftsSetOutBy(db: Executor, memberId: string): Promise<GiftRow[]> {
  return db.selectFrom('gifts').selectAll().where('buyer_member_id', '=', memberId).orderBy('created_at').execute();
}

/** The paid gifts a member redeemed or that are addressed to their email, oldest first. */
export function giftsReceivedBy(db: Executor, memberId: string, emailNormalized: string): Promise<GiftRow[]> {
  return db
    .selectFrom('gifts')
    .selectAll()
    .where('paid_at', 'is not', null)
    .where((eb) => eb.or([eb('redeemed_by', '=', memberId), eb('recipient_email_normalized', '=', emailNormalized)]))
    .orderBy('paid_at')
    .execute();
}

/** Paid gifts addressed to this email that can still be redeemed at `now`, oldest first. */
export function giftsWaitingFor(db: Executor, emailNormalized: string, now: string): Promise<GiftRow[]> {
  return db
    .selectFrom('gifts')
    .selectAll()
    .where('recipient_email_normalized', '=', emailNormalized)
    .where('paid_at', 'is not', null)
    .where('redeemed_at', 'is', null)
    .where('refunded_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('paid_at')
    .execute();
}
