import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Locale } from '../i18n/i18n.ts';
import { newId, nowIso } from '../db/ids.ts';
import { type CheckoutDeps, customerFor, type Subscriber } from './checkout.service.ts';
import { KIND_KEY } from './contributions.service.ts';
import { deleteGift, findGiftByCheckoutSession, insertGift, setGiftCheckoutSession } from './gifts.repository.ts';
import type { GiftMonths } from './gifts.table.ts';

/**
 * Buying a gift subscription (docs/decisions.md, "Gift subscriptions"): the gift is written first,
 * unpaid, with what was offered and the buyer's message (which never goes to Stripe), then Stripe
 * Checkout in payment mode takes the money; the webhook (gift-payments.ts) marks it paid and mails it.
 */

/** The metadata key that names the gift a Checkout session pays for. */
export const GIFT_ID_KEY = 'gaceta_gift_id';

/** A gift as the form asks for it, already checked (price from gift-prices.ts). */
export interface GiftOrder {
  tier: { id: string; name: string };
  months: GiftMonths;
  currency: string;
  amount: number;
  recipient: { email: string; normalized: string; name: string };
  message: string;
  /** The buyer's address for the receipt: the member's, or what an anonymous buyer typed. */
  buyerEmail: string;
}

/** Writes a gift as the buyer sets out: unpaid, no token yet; gives its id. */
export async function writeUnpaidGift(
  db: Kysely<Database>,
  buyer: Subscriber | null,
  order: GiftOrder,
  locale: Locale,
): Promise<string> {
  const id = newId();
  await insertGift(db, {
    id,
    token_hash: null,
    tier_id: order.tier.id,
    months: order.months,
    amount: order.amount,
    currency: order.currency,
    locale,
    buyer_member_id: buyer?.id ?? null,
    buyer_email: buyer?.email ?? order.buyerEmail,
    recipient_email: order.recipient.email,
    recipient_email_normalized: order.recipient.normalized,
    recipient_name: order.recipient.name,
    message: order.message,
    stripe_checkout_session_id: null,
    stripe_payment_intent_id: null,
    created_at: nowIso(),
    paid_at: null,
    expires_at: null,
    redeemed_at: null,
    redeemed_by: null,
    grant_id: null,
    refunded_at: null,
  });
  return id;
}

/**
 * Writes the unpaid gift and starts Checkout for it; gives the address of Stripe's payment page. A
 * member pays as their own Stripe customer; an anonymous buyer's address is handed to Checkout.
 * When Stripe fails, the unpaid gift is taken back and Stripe's error thrown.
 */
export async function startGift(
  deps: CheckoutDeps,
  buyer: Subscriber | null,
  order: GiftOrder,
  options: { locale: Locale; siteTitle: string },
): Promise<string> {
  const id = await writeUnpaidGift(deps.db, buyer, order, options.locale);
  try {
    const customer = buyer ? await customerFor(deps, buyer) : null;
    const metadata = { [KIND_KEY]: 'gift', [GIFT_ID_KEY]: id, ...(buyer ? { gaceta_member_id: buyer.id } : {}) };
    const session = await deps.stripe.checkout.sessions.create({
      mode: 'payment',
      line_items: [
        {
          price_data: {
            currency: order.currency,
            unit_amount: order.amount,
            product_data: { name: `Gift: ${order.tier.name}, ${order.months} months, ${options.siteTitle}` },
          },
          quantity: 1,
        },
      ],
      ...(buyer && customer ? { customer, client_reference_id: buyer.id } : { customer_email: order.buyerEmail }),
      metadata,
      payment_intent_data: { metadata },
      locale: options.locale,
      success_url: `${deps.publicUrl}/gift/done?session_id={CHECKOUT_SESSION_ID}`,
      cancel_url: `${deps.publicUrl}/gift`,
    });
    if (!session.url) throw new Error(`Stripe gave checkout session ${session.id} no url`);
    await setGiftCheckoutSession(deps.db, id, session.id);
    return session.url;
  } catch (error) {
    await deleteGift(deps.db, id);
    throw error;
  }
}

/** The buyer's return from Checkout: whom the gift went to once paid, 'open' before, 'unknown' for no gift of ours. */
export async function finishedGift(
  deps: Pick<CheckoutDeps, 'db'>,
  sessionId: string,
): Promise<{ recipientName: string; recipientEmail: string; buyerEmail: string } | 'open' | 'unknown'> {
  const gift = await findGiftByCheckoutSession(deps.db, sessionId);
  if (!gift) return 'unknown';
  if (!gift.paid_at) return 'open';
  return { recipientName: gift.recipient_name, recipientEmail: gift.recipient_email, buyerEmail: gift.buyer_email };
}
