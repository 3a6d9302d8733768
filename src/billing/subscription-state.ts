import type { Kysely, Transaction } from 'kysely';
import type Stripe from 'stripe';
import type { Database } from '../db/schema.ts';
import type { Invalidation } from '../http/invalidation.ts';
import { announceAccessChange } from '../members/access-changes.ts';
import { membersSeatedBy } from '../members/groups.ts';
import { findMember } from '../members/members.service.ts';
import { saveSubscriptionState } from '../members/subscription-mirror.ts';
import type { SubscriptionStatus } from '../members/subscriptions.ts';
import { memberOfStripeCustomer } from './customers.ts';
import { isGroupSubscription, tieGroupOf } from './group-subscriptions.ts';
import { findPriceByStripeId, findTierRow } from './tiers.repository.ts';

type Executor = Kysely<Database> | Transaction<Database>;

/** Stripe's seconds as stored instants. */
export const isoOfSeconds = (seconds: number): string => new Date(seconds * 1000).toISOString();

/** The id of a Stripe reference, whether Stripe sent the id or the expanded object. */
export const stripeIdOf = (value: string | { id: string } | null | undefined): string | null =>
  value === null || value === undefined ? null : typeof value === 'string' ? value : value.id;

/** The member a Stripe object belongs to: named in its metadata by Gaceta, or through its customer. */
export async function memberOfStripeObject(
  db: Executor,
  metadata: Stripe.Metadata | null | undefined,
  customer: string | { id: string } | null | undefined,
): Promise<string | null> {
  const named = metadata?.gaceta_member_id;
  if (named && (await findMember(db, named))) return named;
  const customerId = stripeIdOf(customer);
  return customerId ? memberOfStripeCustomer(db, customerId) : null;
}

async function tierOf(
  db: Executor,
  subscription: Stripe.Subscription,
  item: Stripe.SubscriptionItem | undefined,
): Promise<{ id: string; name: string } | null> {
  const named = subscription.metadata?.gaceta_tier_id;
  let tier = named ? await findTierRow(db, named) : undefined;
  if (!tier && item) {
    const price = await findPriceByStripeId(db, item.price.id);
    tier = price ? await findTierRow(db, price.tier_id) : undefined;
  }
  return tier ? { id: tier.id, name: tier.name } : null;
}

/**
 * Saves a subscription's state in the member's mirror inside the caller's transaction. The member
 * whose access may have changed (to announce after the commit), or null when the subscription is
 * not a Gaceta member's (another product on the same Stripe account) or a newer state is stored.
 */
export async function mirrorStripeSubscription(
  db: Executor,
  subscription: Stripe.Subscription,
  observedAt: number,
): Promise<string | null> {
  const memberId = await memberOfStripeObject(db, subscription.metadata, subscription.customer);
  if (!memberId) return null;
  // A group's subscription is tied to its group first, so it is never counted as the buyer's own.
  if (isGroupSubscription(subscription.metadata) && !(await tieGroupOf(db, subscription, observedAt))) return null;
  // Since Stripe's 2025 API versions the period lives on each subscription item, not the subscription.
  const item = subscription.items?.data[0];
  const tier = await tierOf(db, subscription, item);
  const periodEnd = item?.current_period_end ?? subscription.ended_at ?? observedAt;
  const saved = await saveSubscriptionState(db, {
    stripeSubscriptionId: subscription.id,
    memberId,
    tierId: tier?.id ?? null,
    tierName: tier?.name ?? item?.price.nickname ?? '',
    status: subscription.status as SubscriptionStatus,
    cancelAtPeriodEnd: subscription.cancel_at_period_end,
    currentPeriodEnd: isoOfSeconds(periodEnd),
    trialEnd: subscription.trial_end ? isoOfSeconds(subscription.trial_end) : null,
    canceledAt: subscription.canceled_at ? isoOfSeconds(subscription.canceled_at) : null,
    endedAt: subscription.ended_at ? isoOfSeconds(subscription.ended_at) : null,
    amount: (item?.price.unit_amount ?? 0) * (item?.quantity ?? 1),
    currency: subscription.currency,
    interval: item?.price.recurring?.interval ?? 'month',
    observedAt: isoOfSeconds(observedAt),
    // The site path the reader subscribed from, which Checkout carried in the subscription's metadata.
    attribution: subscription.metadata?.attribution || null,
  });
  return saved ? memberId : null;
}

/**
 * mirrorStripeSubscription(), giving every member whose access may have changed: the subscriber, and
 * for a group's subscription the members holding its seats.
 */
export async function mirrorForAccess(db: Executor, subscription: Stripe.Subscription, observedAt: number) {
  const memberId = await mirrorStripeSubscription(db, subscription, observedAt);
  if (!memberId) return [];
  return isGroupSubscription(subscription.metadata)
    ? [...new Set([memberId, ...(await membersSeatedBy(db, subscription.id))])]
    : [memberId];
}

/**
 * Applies a Stripe subscription, as Stripe last described it, to the member it belongs to: the
 * status mirror, the member's history, and the announcement that their access changed. Used by the
 * webhook handling and by the return from Checkout (which need not wait for the webhook).
 * `observedAt` (seconds, as Stripe's `created`) orders the states: an older one never overwrites a
 * newer one, so replayed and out-of-order events leave the same state.
 */
export async function applyStripeSubscription(
  deps: { db: Kysely<Database>; invalidation: Invalidation },
  subscription: Stripe.Subscription,
  observedAt: number,
): Promise<void> {
  const changed = await deps.db.transaction().execute((trx) => mirrorForAccess(trx, subscription, observedAt));
  for (const memberId of changed) announceAccessChange(deps.invalidation, memberId);
}
