import type { Selectable } from 'kysely';

/** How long a gift lasts: the three lengths a buyer may choose. */
export const GIFT_MONTHS = [1, 6, 12] as const;
export type GiftMonths = (typeof GIFT_MONTHS)[number];

/** A gift subscription (migration 0023): bought for someone else, redeemed once by an emailed link. */
export interface GiftsTable {
  id: string;
  /** sha256 of the redeem link's token; null until the gift is paid (the token is made then). */
  token_hash: string | null;
  tier_id: string;
  months: number;
  /** What the buyer paid, in the currency's minor unit. */
  amount: number;
  currency: string;
  /** The language the buyer used: the recipient's mail is written in it. */
  locale: 'en' | 'es';
  buyer_member_id: string | null;
  buyer_email: string;
  recipient_email: string;
  recipient_email_normalized: string;
  recipient_name: string;
  message: string;
  stripe_checkout_session_id: string | null;
  stripe_payment_intent_id: string | null;
  created_at: string;
  paid_at: string | null;
  /** The last moment it can be redeemed (a year after payment). */
  expires_at: string | null;
  redeemed_at: string | null;
  redeemed_by: string | null;
  /** The complimentary grant redemption made (members' complimentary_access), ended by a refund. */
  grant_id: string | null;
  refunded_at: string | null;
}

export type GiftRow = Selectable<GiftsTable>;
