import type { Transaction } from 'kysely';
import type Stripe from 'stripe';
import type { Database } from '../db/schema.ts';
import type { MailMessage } from '../mail/mailer.ts';
import { giftMail, giftReceiptMail } from '../mail/gift.mail.ts';
import { endGiftGrant } from '../members/complimentary.service.ts';
import { recordMemberEvent } from '../members/history.ts';
import { ensureMember, findMember, parseEmail } from '../members/members.service.ts';
import { recordPayment } from '../members/subscription-mirror.ts';
import { readSettings } from '../settings/settings.ts';
import { hashSecret, newSecret } from '../staff/secrets.ts';
import { KIND_KEY } from './contributions.service.ts';
import { rememberStripeCustomer } from './customers.ts';
import { findGift, findGiftByPaymentIntent, markGiftPaid, markGiftRefunded } from './gifts.repository.ts';
import { GIFT_ID_KEY } from './gifts.service.ts';
import type { GiftRow } from './gifts.table.ts';
import { isoOfSeconds, stripeIdOf } from './subscription-state.ts';
import { findTierRow } from './tiers.repository.ts';

type Trx = Transaction<Database>;

/** How long a paid gift waits for its recipient. */
export const GIFT_REDEEM_DAYS = 365;

/** Whether a Checkout session pays for a gift subscription. */
export const isGiftSession = (session: Stripe.Checkout.Session): boolean =>
  session.mode === 'payment' && session.metadata?.[KIND_KEY] === 'gift';

/**
 * A gift paid, told by checkout.session.completed (stripe-event-handlers.ts): the gift marked paid
 * with a new redeem token (only its hash is kept; the link lives in the recipient's mail alone), the
 * purchase in the buyer's history, the gift mailed to the recipient and the receipt to the buyer.
 * Only the first event that finds the gift unpaid does this: a replay marks, records and mails nothing.
 * An anonymous buyer becomes a member by the address they gave, so the gift shows on /account.
 */
export async function giftPaid(
  trx: Trx,
  session: Stripe.Checkout.Session,
  at: { created: number; publicUrl: string },
): Promise<MailMessage[]> {
  if (!isGiftSession(session) || session.payment_status !== 'paid') return [];
  const gift = await findGift(trx, session.metadata?.[GIFT_ID_KEY] ?? '');
  // The session must be the one Gaceta made for this gift: metadata alone can be edited in Stripe's dashboard.
  if (!gift || gift.stripe_checkout_session_id !== session.id) return [];
  const buyer = await buyerOf(trx, gift);
  if (!buyer) return [];
  const token = newSecret();
  const paidAt = isoOfSeconds(at.created);
  const expiresAt = new Date(Date.parse(paidAt) + GIFT_REDEEM_DAYS * 86_400_000).toISOString();
  const paymentIntentId = stripeIdOf(session.payment_intent);
  const marked = await markGiftPaid(trx, gift.id, {
    tokenHash: hashSecret(token),
    paidAt,
    expiresAt,
    paymentIntentId,
    buyerId: buyer.id,
  });
  if (!marked) return [];
  // Money the newsroom received: on the buyer's payments, where a refund (recordRefund) finds it by its intent.
  await recordPayment(trx, {
    memberId: buyer.id,
    kind: 'gift',
    stripeId: session.id,
    stripePaymentIntentId: paymentIntentId,
    number: null,
    amountPaid: session.amount_total ?? gift.amount,
    currency: session.currency ?? gift.currency,
    status: 'paid',
    paidAt,
    hostedInvoiceUrl: null,
  });
  const customer = stripeIdOf(session.customer);
  if (customer && gift.buyer_member_id) await rememberStripeCustomer(trx, buyer.id, customer);
  await recordMemberEvent(trx, buyer.id, 'gift-purchased', 'stripe', {
    gift: gift.id,
    tier: gift.tier_id,
    months: gift.months,
    amount: gift.amount,
    currency: gift.currency,
    to: gift.recipient_email,
  });
  const settings = await readSettings(trx);
  const facts = {
    timeZone: settings.timeZone,
    site: settings.title,
    tier: (await findTierRow(trx, gift.tier_id))?.name ?? '',
    months: gift.months,
  };
  const toRecipient = giftMail({
    ...facts,
    locale: gift.locale,
    from: buyer.name || buyer.email,
    recipientName: gift.recipient_name,
    message: gift.message,
    expiresAt,
    redeemUrl: `${at.publicUrl}/gift/redeem/${token}`,
  });
  const receipt = giftReceiptMail({
    ...facts,
    locale: buyer.locale ?? gift.locale,
    recipient: gift.recipient_name ? `${gift.recipient_name} (${gift.recipient_email})` : gift.recipient_email,
    amount: gift.amount,
    currency: gift.currency,
    paidAt,
    accountUrl: `${at.publicUrl}/account`,
  });
  return [
    { ...toRecipient, to: gift.recipient_email },
    { ...receipt, to: buyer.email },
  ];
}

/** The buyer: the member who bought it, or the member an anonymous buyer's address is (made if new). */
async function buyerOf(trx: Trx, gift: GiftRow) {
  if (gift.buyer_member_id) return findMember(trx, gift.buyer_member_id);
  const address = parseEmail(gift.buyer_email);
  return address ? ensureMember(trx, { ...address, locale: gift.locale }, 'stripe') : undefined;
}

/**
 * A gift's payment refunded in full (charge.refunded): an unredeemed gift can no longer be redeemed,
 * a redeemed one's access ends now, and the member's gifts stacked after it move up by the time it
 * had left (endGiftGrant). Gives the member whose access changed. A partial refund is a
 * goodwill gesture, not a return of the gift: it changes nothing here.
 */
export async function giftRefunded(trx: Trx, charge: Stripe.Charge, created: number): Promise<string[]> {
  const paymentIntentId = stripeIdOf(charge.payment_intent);
  if (!paymentIntentId || !charge.refunded) return [];
  const gift = await findGiftByPaymentIntent(trx, paymentIntentId);
  if (!gift || !(await markGiftRefunded(trx, gift.id, isoOfSeconds(created)))) return [];
  const detail = { gift: gift.id, amount: charge.amount_refunded, currency: charge.currency };
  if (gift.buyer_member_id) await recordMemberEvent(trx, gift.buyer_member_id, 'gift-refunded', 'stripe', detail);
  if (!gift.redeemed_by) return [];
  const ended = gift.grant_id ? await endGiftGrant(trx, gift.grant_id) : false;
  await recordMemberEvent(trx, gift.redeemed_by, 'gift-refunded', 'stripe', { ...detail, accessEnded: ended });
  return ended ? [gift.redeemed_by] : [];
}
