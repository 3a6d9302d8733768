import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { nowIso } from '../db/ids.ts';
import type { Invalidation } from '../http/invalidation.ts';
import { announceAccessChange } from '../members/access-changes.ts';
import { grantTierAccess } from '../members/complimentary.service.ts';
import { recordMemberEvent } from '../members/history.ts';
import { findMember } from '../members/members.service.ts';
import { hashSecret } from '../staff/secrets.ts';
import {
  findGift,
  findGiftByTokenHash,
  giftsBoughtBy,
  giftsReceivedBy,
  giftsSetOutBy,
  giftsWaitingFor,
  markGiftRedeemed,
  setGiftGrant,
} from './gifts.repository.ts';
import type { GiftRow } from './gifts.table.ts';
import { findTierRow } from './tiers.repository.ts';

/** Why a gift cannot be redeemed now, or that it can. */
export type GiftState = 'redeemable' | 'redeemed' | 'refunded' | 'expired';

/** A paid gift as its recipient sees it: from whom, what, their message, and whether it can be redeemed. */
export interface GiftView {
  id: string;
  tierName: string;
  months: number;
  from: string;
  recipientName: string;
  message: string;
  expiresAt: string;
  state: GiftState;
}

function stateOf(gift: GiftRow, now: string): GiftState {
  if (gift.refunded_at) return 'refunded';
  if (gift.redeemed_at) return 'redeemed';
  return (gift.expires_at ?? '') <= now ? 'expired' : 'redeemable';
}

async function viewOf(db: Kysely<Database>, gift: GiftRow): Promise<GiftView> {
  const buyer = gift.buyer_member_id ? await findMember(db, gift.buyer_member_id) : undefined;
  return {
    id: gift.id,
    tierName: (await findTierRow(db, gift.tier_id))?.name ?? '',
    months: gift.months,
    from: buyer?.name || gift.buyer_email,
    recipientName: gift.recipient_name,
    message: gift.message,
    expiresAt: gift.expires_at ?? '',
    state: stateOf(gift, nowIso()),
  };
}

/** The paid gift a redeem link's token opens; undefined for a token that is no gift's. */
export async function giftOfToken(db: Kysely<Database>, token: string): Promise<GiftView | undefined> {
  const gift = await findGiftByTokenHash(db, hashSecret(token));
  return gift?.paid_at ? viewOf(db, gift) : undefined;
}

/** Paid gifts addressed to a member's own email, waiting to be redeemed. */
export async function giftsWaitingForMember(db: Kysely<Database>, memberId: string): Promise<GiftView[]> {
  const member = await findMember(db, memberId);
  if (!member) return [];
  const gifts = await giftsWaitingFor(db, member.email_normalized, nowIso());
  return Promise.all(gifts.map((gift) => viewOf(db, gift)));
}

/**
 * Redeems a gift for a member: the gift spent (once: a racing second redemption finds it spent), a
 * grant on its tier for its months from now or from the end of their running gift on that tier, the
 * redemption in their history, and the change announced after the commit so the very next page is
 * paid. A gift that cannot be redeemed gives its state instead.
 */
export async function redeemGift(
  deps: { db: Kysely<Database>; invalidation: Invalidation },
  memberId: string,
  giftId: string,
): Promise<{ endsAt: string; tierName: string } | Exclude<GiftState, 'redeemable'> | 'unknown'> {
  const outcome = await deps.db.transaction().execute(async (trx) => {
    const gift = await findGift(trx, giftId);
    if (!gift?.paid_at) return 'unknown' as const;
    const now = nowIso();
    if (!(await markGiftRedeemed(trx, gift.id, memberId, now))) {
      const state = stateOf(gift, now);
      // Read before the update lost the race: the other redemption is what happened.
      return state === 'redeemable' ? ('redeemed' as const) : state;
    }
    const tierName = (await findTierRow(trx, gift.tier_id))?.name ?? '';
    const grant = await grantTierAccess(trx, memberId, { tierId: gift.tier_id, months: gift.months, note: '' });
    await setGiftGrant(trx, gift.id, grant.id);
    await recordMemberEvent(trx, memberId, 'gift-redeemed', 'member', {
      gift: gift.id,
      tier: gift.tier_id,
      months: gift.months,
      endsAt: grant.endsAt,
    });
    return { endsAt: grant.endsAt, tierName };
  });
  if (typeof outcome === 'object') announceAccessChange(deps.invalidation, memberId);
  return outcome;
}

/** A gift a member gave, as their account page lists it. */
export interface GivenGift {
  recipient: string;
  tierName: string;
  months: number;
  paidAt: string;
  status: 'sent' | 'redeemed' | 'refunded';
}

/** The gifts a member bought and paid for, newest first. */
export async function giftsGivenBy(db: Kysely<Database>, memberId: string): Promise<GivenGift[]> {
  const gifts = await giftsBoughtBy(db, memberId);
  const names = new Map<string, string>();
  for (const gift of gifts)
    if (!names.has(gift.tier_id)) names.set(gift.tier_id, (await findTierRow(db, gift.tier_id))?.name ?? '');
  return gifts.map((gift) => ({
    recipient: gift.recipient_name ? `${gift.recipient_name} (${gift.recipient_email})` : gift.recipient_email,
    tierName: names.get(gift.tier_id) ?? '',
    months: gift.months,
    paidAt: gift.paid_at ?? '',
    status: gift.refunded_at ? 'refunded' : gift.redeemed_at ? 'redeemed' : 'sent',
  }));
}

/**
 * The gifts a member gave and received, for "download my data": what they wrote and were sent, and
 * what became of each (redeem tokens and Stripe ids left out: they are keys, not the member's data).
 */
export async function giftDataOf(
  db: Kysely<Database>,
  memberId: string,
): Promise<{ given: Array<Record<string, unknown>>; received: Array<Record<string, unknown>> }> {
  const member = await findMember(db, memberId);
  if (!member) return { given: [], received: [] };
  const [given, received] = await Promise.all([
    giftsSetOutBy(db, memberId),
    giftsReceivedBy(db, memberId, member.email_normalized),
  ]);
  const tierNames = new Map<string, string>();
  for (const gift of [...given, ...received])
    if (!tierNames.has(gift.tier_id)) tierNames.set(gift.tier_id, (await findTierRow(db, gift.tier_id))?.name ?? '');
  const common = (gift: GiftRow) => ({
    tier: tierNames.get(gift.tier_id) ?? '',
    months: gift.months,
    message: gift.message,
    paidAt: gift.paid_at,
    expiresAt: gift.expires_at,
    redeemedAt: gift.redeemed_at,
    refundedAt: gift.refunded_at,
  });
  return {
    given: given.map((gift) => ({
      ...common(gift),
      recipientEmail: gift.recipient_email,
      recipientName: gift.recipient_name,
      amount: gift.amount,
      currency: gift.currency,
      setOutAt: gift.created_at,
    })),
    received: received.map((gift) => ({
      ...common(gift),
      from: gift.buyer_email,
      redeemedByYou: gift.redeemed_by === memberId,
    })),
  };
}
