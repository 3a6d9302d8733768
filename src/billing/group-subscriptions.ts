import type { Kysely, Transaction } from 'kysely';
import type Stripe from 'stripe';
import type { Database } from '../db/schema.ts';
import { tieGroupSubscription } from '../members/groups.service.ts';

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * How a group's Stripe subscription (made by group-checkout.service.ts, marked in its metadata) reaches
 * its group: tied to it when first seen, its quantity the group's seat count. Called before the
 * subscription is mirrored under its buyer, in the same transaction, so the mirror never counts it as
 * the buyer's own subscription (members/access-query.ts leaves out subscriptions tied to groups).
 */

/** The metadata Gaceta puts on a group's Checkout session and subscription. */
export const GROUP_KIND = 'group';
export const isGroupSubscription = (metadata: Stripe.Metadata | null | undefined): boolean =>
  metadata?.gaceta_kind === GROUP_KIND;

/**
 * Ties a group's subscription to its group and sets its seats. False when the subscription names no
 * group Gaceta has (then it must not be mirrored: it would give its buyer access on its own).
 */
export async function tieGroupOf(
  db: Executor,
  subscription: Stripe.Subscription,
  observedAt: number,
): Promise<boolean> {
  const groupId = subscription.metadata?.gaceta_group_id;
  if (!groupId) return false;
  const tied = await tieGroupSubscription(db, {
    groupId,
    stripeSubscriptionId: subscription.id,
    quantity: subscription.items?.data[0]?.quantity ?? 1,
    observedAt: new Date(observedAt * 1000).toISOString(),
  });
  return tied !== null;
}
