import type { Kysely } from 'kysely';
import Stripe from 'stripe';
import type { Database } from '../db/schema.ts';
import { AppError } from '../http/errors.ts';
import type { Invalidation } from '../http/invalidation.ts';
import type { Locale } from '../i18n/i18n.ts';
import { rememberStripeCustomer, stripeCustomerOf } from './customers.ts';
import { syncCatalogue } from './stripe-sync.ts';
import { applyStripeSubscription } from './subscription-state.ts';
import { findPriceWithTier, findTierRow } from './tiers.repository.ts';
import type { TierPriceRow, TierRow } from './tiers.table.ts';
import type { OfferRedemption } from './offers-redemption.ts';

/** What subscribing needs: the database, Stripe, the site's address for Stripe's return links. */
export interface CheckoutDeps {
  db: Kysely<Database>;
  stripe: Stripe;
  invalidation: Invalidation;
  publicUrl: string;
}

/** A paid tier's price a reader may subscribe at. */
export interface Offer {
  tier: TierRow;
  price: TierPriceRow;
}

/**
 * The offer behind a pricing page link: 'unknown' for a price that does not exist, is archived, or
 * belongs to an archived or free tier; 'unsynced' when Stripe has no price for it even after one
 * catalogue sync (an admin's change that did not reach Stripe yet, usually during an outage).
 */
export async function findOffer(deps: CheckoutDeps, priceId: string): Promise<Offer | 'unknown' | 'unsynced'> {
  const found = await findPriceWithTier(deps.db, priceId);
  if (!found || !isOffered(found)) return 'unknown';
  if (found.price.stripe_price_id) return found;
  // Throws STRIPE_UNAVAILABLE when Stripe cannot be reached; the caller says so.
  await syncCatalogue(deps.db, deps.stripe);
  const again = await findPriceWithTier(deps.db, priceId);
  return again && isOffered(again) && again.price.stripe_price_id ? again : 'unsynced';
}

const isOffered = ({ price, tier }: Offer): boolean =>
  price.archived_at === null && tier.archived_at === null && tier.kind === 'paid';

/** Who subscribes: a member, as Stripe's customer is made for them. */
export interface Subscriber {
  id: string;
  email: string;
}

/**
 * Starts Stripe Checkout for a member at an offer and gives the address of Stripe's payment page.
 * The member's Stripe customer is made first when they have none, under an idempotency key named
 * after the member, so a retry after a lost answer finds the same customer instead of a second one.
 * Throws Stripe's error when Stripe cannot be reached; nothing of Gaceta's is written before Stripe
 * has made the customer.
 */
export async function startCheckout(
  deps: CheckoutDeps,
  member: Subscriber,
  offer: Offer,
  options: { locale: Locale; attribution: string; redemption?: OfferRedemption },
): Promise<string> {
  const customer = await customerFor(deps, member);
  const { redemption } = options;
  const metadata = {
    gaceta_member_id: member.id,
    gaceta_tier_id: offer.tier.id,
    gaceta_price_id: offer.price.id,
    // Stripe drops a metadata key whose value is empty; a checkout from nowhere in particular has none.
    ...(options.attribution ? { attribution: options.attribution } : {}),
    // The webhook counts the offer's redemption by it (offers-redemption.ts).
    ...(redemption ? { gaceta_offer: redemption.offerId } : {}),
  };
  // An offer's longer trial replaces the tier's.
  const trialDays = redemption?.trialDays ?? Number(offer.tier.trial_days);
  const session = await deps.stripe.checkout.sessions.create({
    mode: 'subscription',
    customer,
    client_reference_id: member.id,
    line_items: [{ price: offer.price.stripe_price_id ?? '', quantity: 1 }],
    ...(redemption?.couponId ? { discounts: [{ coupon: redemption.couponId }] } : {}),
    subscription_data: { metadata, ...(trialDays > 0 ? { trial_period_days: trialDays } : {}) },
    metadata,
    locale: options.locale,
    success_url: `${deps.publicUrl}/subscribe/done?session_id={CHECKOUT_SESSION_ID}`,
    cancel_url: `${deps.publicUrl}/pricing`,
  });
  if (!session.url) throw new Error(`Stripe gave checkout session ${session.id} no url`);
  return session.url;
}

/** The member's Stripe customer, made (once, under an idempotency key) when they have none yet. */
export async function customerFor(deps: CheckoutDeps, member: Subscriber): Promise<string> {
  const known = await stripeCustomerOf(deps.db, member.id);
  if (known) return known;
  const made = await deps.stripe.customers.create(
    { email: member.email, metadata: { gaceta_member_id: member.id } },
    { idempotencyKey: `gaceta-customer-${member.id}` },
  );
  await rememberStripeCustomer(deps.db, member.id, made.id);
  return made.id;
}

/** A finished checkout as the thank-you page tells it. */
export interface CompletedCheckout {
  tierName: string;
  trialEnd: string | null;
  /** The article the reader came from, if any (a path on this site). */
  attribution: string;
}

/**
 * The reader's return from Checkout: the session as Stripe tells it, with its subscription. When it
 * is this member's and paid for, the subscription is applied at once (as the webhook will be again,
 * harmlessly), so the reader reads what they paid for on their next page. 'unknown' for a session
 * that is not Stripe's or not this member's; 'open' when Checkout was left unfinished.
 */
export async function completeCheckout(
  deps: CheckoutDeps,
  memberId: string,
  sessionId: string,
): Promise<CompletedCheckout | 'unknown' | 'open'> {
  const session = await retrieveCheckoutSession(deps, sessionId);
  if (session === 'unknown' || session.client_reference_id !== memberId || session.mode !== 'subscription')
    return 'unknown';
  const subscription = session.subscription;
  if (session.status !== 'complete' || !subscription || typeof subscription === 'string') return 'open';
  await applyStripeSubscription(
    { db: deps.db, invalidation: deps.invalidation },
    subscription,
    Math.floor(Date.now() / 1000),
  );
  const tier = await findTierRow(deps.db, subscription.metadata.gaceta_tier_id ?? '');
  return {
    tierName: tier?.name ?? '',
    trialEnd:
      subscription.status === 'trialing' && subscription.trial_end
        ? new Date(subscription.trial_end * 1000).toISOString()
        : null,
    attribution: subscription.metadata.attribution ?? '',
  };
}

/** A Checkout session as Stripe tells it now, its subscription expanded; 'unknown' when Stripe has none by that id. */
export async function retrieveCheckoutSession(
  deps: CheckoutDeps,
  sessionId: string,
): Promise<Stripe.Checkout.Session | 'unknown'> {
  try {
    return await deps.stripe.checkout.sessions.retrieve(sessionId, { expand: ['subscription'] });
  } catch (error) {
    if (error instanceof Stripe.errors.StripeInvalidRequestError && error.statusCode === 404) return 'unknown';
    throw error;
  }
}

/** The address of Stripe's customer portal for this member, or 'none' when Stripe has no customer for them. */
export async function openBillingPortal(deps: CheckoutDeps, memberId: string): Promise<string | 'none'> {
  const customer = await stripeCustomerOf(deps.db, memberId);
  if (!customer) return 'none';
  const portal = await deps.stripe.billingPortal.sessions.create({
    customer,
    return_url: `${deps.publicUrl}/account`,
  });
  return portal.url;
}

/**
 * Whether an error is Stripe failing us: unreachable, timing out, failing, or refusing a request
 * (the catalogue sync says so as STRIPE_UNAVAILABLE). The reader is told nothing was charged.
 */
export const isStripeTrouble = (error: unknown): boolean =>
  error instanceof Stripe.errors.StripeError || (error instanceof AppError && error.code === 'STRIPE_UNAVAILABLE');
