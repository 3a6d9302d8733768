import type { Kysely } from 'kysely';
import { nowIso } from '../../db/ids.ts';
import type { Database } from '../../db/schema.ts';
import { Invalidation } from '../../http/invalidation.ts';
import { GIFT_REDEEM_DAYS } from '../../billing/gift-payments.ts';
import { redeemGift } from '../../billing/gift-redemption.ts';
import { markGiftPaid, setGiftCheckoutSession } from '../../billing/gifts.repository.ts';
import { writeUnpaidGift } from '../../billing/gifts.service.ts';
import { findTierBySlug } from '../../billing/tiers.repository.ts';
import { recordMemberEvent } from '../../members/history.ts';
import { ensureMember, parseEmail } from '../../members/members.service.ts';
import { recordPayment } from '../../members/subscription-mirror.ts';
import { hashSecret, newSecret } from '../../staff/secrets.ts';

export const DEMO_GIFTED_MEMBER = 'gifted@valley-gazette.example';
export const DEMO_GIFT_RECIPIENT = 'friend@valley-gazette.example';

/**
 * Two gifts the demo's free reader bought, as a paid webhook leaves them (each a payment on their account): six months of Supporter
 * redeemed by a member (their account says "Gift access until"), and a year of it still waiting,
 * whose redeem link is logged (it exists nowhere else: only its hash is stored).
 */
export async function createDemoGifts(
  db: Kysely<Database>,
  buyerEmail: string,
  publicUrl: string,
  log: (line: string) => void,
): Promise<void> {
  const tier = await findTierBySlug(db, 'supporter');
  const buyerAddress = parseEmail(buyerEmail);
  const gifted = parseEmail(DEMO_GIFTED_MEMBER);
  if (!tier || !buyerAddress || !gifted) return;
  const buyer = await ensureMember(db, buyerAddress);
  const recipient = await ensureMember(db, { ...gifted, name: 'Gabi Gifted' });
  const paid = async (to: { email: string; normalized: string; name: string }, months: 6 | 12, amount: number) => {
    const order = {
      tier: { id: tier.id, name: tier.name },
      months,
      currency: 'usd',
      amount,
      recipient: to,
      message: 'Happy birthday! I know how much you like the council stories.',
      buyerEmail: buyer.email,
    };
    const id = await writeUnpaidGift(db, buyer, order, 'en');
    await setGiftCheckoutSession(db, id, `cs_demo_gift_${months}`);
    const token = newSecret();
    const now = nowIso();
    const expiresAt = new Date(Date.now() + GIFT_REDEEM_DAYS * 86_400_000).toISOString();
    const tokenHash = hashSecret(token);
    await markGiftPaid(db, id, { tokenHash, paidAt: now, expiresAt, paymentIntentId: null, buyerId: buyer.id });
    await recordPayment(db, {
      memberId: buyer.id,
      kind: 'gift',
      stripeId: `cs_demo_gift_${months}`,
      stripePaymentIntentId: null,
      number: null,
      amountPaid: amount,
      currency: 'usd',
      status: 'paid',
      paidAt: now,
      hostedInvoiceUrl: null,
    });
    await recordMemberEvent(db, buyer.id, 'gift-purchased', 'stripe', { gift: id, months, to: to.email });
    return { id, token };
  };
  const redeemed = await paid({ ...gifted, name: 'Gabi Gifted' }, 6, 3000);
  await redeemGift({ db, invalidation: new Invalidation() }, recipient.id, redeemed.id);
  const friend = parseEmail(DEMO_GIFT_RECIPIENT);
  if (!friend) return;
  const waiting = await paid({ ...friend, name: 'Frankie Friend' }, 12, 5000);
  log(
    `gifts: ${DEMO_GIFTED_MEMBER} reads Supporter stories from a redeemed gift; a year of Supporter waits for ` +
      `${DEMO_GIFT_RECIPIENT}: redeem it at ${publicUrl}/gift/redeem/${waiting.token}`,
  );
}
