import Stripe from 'stripe';
import type { Locale } from '../i18n/i18n.ts';
import { type CheckoutDeps, customerFor, type Subscriber } from './checkout.service.ts';
import { offeredTiers } from './tiers.service.ts';

/**
 * One-time contributions through Stripe Checkout in payment mode (docs/decisions.md, "One-time
 * contributions"). Nothing is written on Gaceta's side when the reader sets out: the webhook
 * (contribution-payments.ts) records the payment once Stripe says it was paid.
 */

/** The metadata key that tells which of Gaceta's one-time payments a Checkout session is. */
export const KIND_KEY = 'gaceta_kind';

/** The currencies a reader may give in: those the tiers are offered in, the first the default. */
export async function contributionCurrencies(deps: Pick<CheckoutDeps, 'db'>): Promise<string[]> {
  return (await offeredTiers(deps.db)).currencies;
}

export interface Contribution {
  currency: string;
  /** In the currency's smallest unit, already checked against amount-rules. */
  amount: number;
  note: string;
  /** The page the reader came from (a path on this site), or ''. */
  attribution: string;
}

/**
 * Starts Checkout for a contribution and gives the address of Stripe's payment page. A member gives
 * as their own Stripe customer; an anonymous reader's email is asked by Checkout, which makes the
 * customer the webhook then finds or makes a member for. Throws Stripe's error when Stripe fails.
 */
export async function startContribution(
  deps: CheckoutDeps,
  giver: Subscriber | null,
  gift: Contribution,
  options: { locale: Locale; siteTitle: string },
): Promise<string> {
  const customer = giver ? await customerFor(deps, giver) : null;
  // Stripe drops a metadata key whose value is empty: only what there is is sent.
  const metadata = {
    [KIND_KEY]: 'contribution',
    ...(giver ? { gaceta_member_id: giver.id } : {}),
    ...(gift.attribution ? { attribution: gift.attribution } : {}),
    ...(gift.note ? { note: gift.note } : {}),
  };
  const session = await deps.stripe.checkout.sessions.create({
    mode: 'payment',
    line_items: [
      {
        price_data: {
          currency: gift.currency,
          unit_amount: gift.amount,
          product_data: { name: `Contribution to ${options.siteTitle}` },
        },
        quantity: 1,
      },
    ],
    ...(giver && customer ? { customer, client_reference_id: giver.id } : { customer_creation: 'always' as const }),
    metadata,
    payment_intent_data: { metadata },
    locale: options.locale,
    success_url: `${deps.publicUrl}/contribute/thanks?session_id={CHECKOUT_SESSION_ID}`,
    cancel_url: `${deps.publicUrl}/contribute`,
  });
  if (!session.url) throw new Error(`Stripe gave checkout session ${session.id} no url`);
  return session.url;
}

/** Whether a Checkout session is a contribution: so marked, or unmarked (sessions from before the mark). */
export function isContribution(session: Stripe.Checkout.Session): boolean {
  const kind = session.metadata?.[KIND_KEY];
  return session.mode === 'payment' && (kind === undefined || kind === 'contribution');
}

/**
 * The reader's return from Checkout: the amount given when the session is a paid contribution,
 * 'open' when it is not paid (yet), 'unknown' when it is not a contribution Stripe knows. The session
 * id is the key: Stripe's ids cannot be guessed, and the page shows nothing but the amount.
 */
export async function finishedContribution(
  deps: CheckoutDeps,
  sessionId: string,
): Promise<{ amount: number; currency: string } | 'open' | 'unknown'> {
  let session: Stripe.Checkout.Session;
  try {
    session = await deps.stripe.checkout.sessions.retrieve(sessionId);
  } catch (error) {
    if (error instanceof Stripe.errors.StripeInvalidRequestError && error.statusCode === 404) return 'unknown';
    throw error;
  }
  if (!isContribution(session)) return 'unknown';
  if (session.status !== 'complete' || session.payment_status !== 'paid') return 'open';
  return { amount: session.amount_total ?? 0, currency: session.currency ?? '' };
}
