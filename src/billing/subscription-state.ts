import type { Kysely } from 'kysely';
import type Stripe from 'stripe';
import type { Database } from '../db/schema.ts';
import type { Invalidation } from '../http/invalidation.ts';

/**
 * Applies a Stripe subscription, as Stripe last described it, to the member it belongs to: the
 * status mirror, the member's history, and the announcement that their access changed. Used by the
 * webhook handling and by the return from Checkout (which need not wait for the webhook).
 * `observedAt` (seconds, as Stripe's `created`) orders the states: an older one never overwrites a
 * newer one, so replayed and out-of-order events leave the same state.
 *
 * INTERFACE FIRST: the webhook work fills this in.
 */
export async function applyStripeSubscription(
  _deps: { db: Kysely<Database>; invalidation: Invalidation },
  _subscription: Stripe.Subscription,
  _observedAt: number,
): Promise<void> {}
