import { findGroup } from '../members/groups.service.ts';
import type { Locale } from '../i18n/i18n.ts';
import {
  type CheckoutDeps,
  customerFor,
  type Offer,
  retrieveCheckoutSession,
  type Subscriber,
} from './checkout.service.ts';
import { GROUP_KIND } from './group-subscriptions.ts';
import { applyStripeSubscription } from './subscription-state.ts';

/**
 * Buying a group subscription: Stripe Checkout in subscription mode for `seats` of a tier's price
 * (quantity = seats), paid by the buyer's own Stripe customer. The session and the subscription carry
 * the group in their metadata (gaceta_kind=group): the webhook, or the return page, ties the
 * subscription to the group (group-subscriptions.ts), which gives nothing until then.
 */

/** Starts Checkout for a pending group and gives the address of Stripe's payment page. */
export async function startGroupCheckout(
  deps: CheckoutDeps,
  buyer: Subscriber,
  offer: Offer,
  group: { id: string; seats: number },
  options: { locale: Locale },
): Promise<string> {
  const customer = await customerFor(deps, buyer);
  const metadata = {
    gaceta_kind: GROUP_KIND,
    gaceta_group_id: group.id,
    gaceta_member_id: buyer.id,
    gaceta_tier_id: offer.tier.id,
    gaceta_price_id: offer.price.id,
  };
  // No trial for a group: an organisation's seats are paid from the start (docs/decisions.md).
  const session = await deps.stripe.checkout.sessions.create({
    mode: 'subscription',
    customer,
    client_reference_id: buyer.id,
    line_items: [{ price: offer.price.stripe_price_id ?? '', quantity: group.seats }],
    subscription_data: { metadata },
    metadata,
    locale: options.locale,
    success_url: `${deps.publicUrl}/groups/done?session_id={CHECKOUT_SESSION_ID}`,
    cancel_url: `${deps.publicUrl}/groups/new`,
  });
  if (!session.url) throw new Error(`Stripe gave checkout session ${session.id} no url`);
  return session.url;
}

/**
 * The buyer's return from Checkout: the group's id once its subscription is applied (as the webhook
 * will apply it again, harmlessly); 'unknown' for a session that is not this member's group purchase,
 * 'open' when Checkout was left unfinished.
 */
export async function completeGroupCheckout(
  deps: CheckoutDeps,
  memberId: string,
  sessionId: string,
): Promise<{ groupId: string } | 'unknown' | 'open'> {
  const session = await retrieveCheckoutSession(deps, sessionId);
  if (session === 'unknown') return 'unknown';
  const groupId = session.metadata?.gaceta_group_id ?? '';
  if (session.client_reference_id !== memberId || session.metadata?.gaceta_kind !== GROUP_KIND) return 'unknown';
  if (!(await findGroup(deps.db, groupId))) return 'unknown';
  const subscription = session.subscription;
  if (session.status !== 'complete' || !subscription || typeof subscription === 'string') return 'open';
  await applyStripeSubscription(
    { db: deps.db, invalidation: deps.invalidation },
    subscription,
    Math.floor(Date.now() / 1000),
  );
  return { groupId };
}
