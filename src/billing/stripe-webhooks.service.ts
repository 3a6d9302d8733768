import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import Stripe from 'stripe';
import type { Database } from '../db/schema.ts';
import { AppError } from '../http/errors.ts';
import type { Invalidation } from '../http/invalidation.ts';
import { announceAccessChange } from '../members/access-changes.ts';
import type { Outbox } from '../mail/mailer.ts';
import { deleteUnpaidGiftsBefore } from './gifts.repository.ts';
import { type Handled, type HandlingContext, handleStripeEvent } from './stripe-event-handlers.ts';
import {
  claimStripeEvent,
  insertStripeEvent,
  noteStripeEventFailure,
  unprocessedStripeEvent,
  unprocessedStripeEventIds,
} from './stripe-events.repository.ts';
import { stripeIdOf } from './subscription-state.ts';

export interface StripeWebhookDeps {
  db: Kysely<Database>;
  invalidation: Invalidation;
  outbox: Outbox;
  /** The site's address, for links in mail. */
  publicUrl: string;
  /** Asked what an event leaves out (which invoice a refunded charge paid); undefined without keys. */
  stripe?: Stripe | undefined;
}

/**
 * Checks that `payload` is an event Stripe signed with `secret` within the last five minutes (the
 * package's default tolerance, which refuses a recorded delivery replayed later) and gives it.
 */
export function verifyStripeEvent(payload: Buffer, signature: string | undefined, secret: string): Stripe.Event {
  if (!signature) throw new AppError('SIGNATURE_INVALID', 'The Stripe-Signature header is missing.');
  try {
    return Stripe.webhooks.constructEvent(payload, signature, secret);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError('SIGNATURE_INVALID', `The Stripe signature does not match this event: ${reason}`);
  }
}

/** Stores a verified event before anything is done about it; false when its id was stored before. */
export function storeStripeEvent(db: Kysely<Database>, event: Stripe.Event, payload: Buffer): Promise<boolean> {
  return insertStripeEvent(db, event, payload.toString('utf8'));
}

/**
 * Handles a stored event in one transaction that also marks it processed, then announces the access
 * changes it made. False when it was processed already (a replay, or another process got there
 * first). A failure rolls everything back, notes the error on the event and is thrown again: the
 * event stays unprocessed, for Stripe's retry or the sweep.
 */
export async function processStripeEvent(deps: StripeWebhookDeps, id: string): Promise<boolean> {
  let handled: Handled | undefined;
  try {
    const payload = await unprocessedStripeEvent(deps.db, id);
    if (payload === undefined) return false;
    const event = JSON.parse(payload) as Stripe.Event;
    // Asked before the transaction: no database lock is held while Stripe answers.
    const context = { publicUrl: deps.publicUrl, ...(await factsFor(deps, event)) };
    handled = await deps.db.transaction().execute(async (trx) => {
      if (!(await claimStripeEvent(trx, id))) return undefined;
      return handleStripeEvent(trx, event, context);
    });
  } catch (error) {
    await noteStripeEventFailure(deps.db, id, error instanceof Error ? (error.stack ?? error.message) : String(error));
    throw error;
  }
  if (handled === undefined) return false;
  for (const memberId of new Set(handled.accessChanged)) announceAccessChange(deps.invalidation, memberId);
  for (const message of handled.mail) void deps.outbox.deliver(message);
  return true;
}

/**
 * What an event does not say but its handling needs, asked of Stripe when keys are configured (a
 * failure leaves the event for a retry). A refunded charge names its payment intent, and since
 * Stripe's 2025 API versions an invoice's payments are left out of its events: which invoice that
 * intent paid. A completed Checkout names its subscription, whose own "created" event may have come
 * first and been passed over (its customer was not known yet): the subscription as it is now.
 */
async function factsFor(deps: StripeWebhookDeps, event: Stripe.Event): Promise<Omit<HandlingContext, 'publicUrl'>> {
  if (!deps.stripe) return {};
  if (event.type === 'charge.refunded') {
    const paymentIntent = stripeIdOf(event.data.object.payment_intent);
    if (!paymentIntent) return {};
    const payments = await deps.stripe.invoicePayments.list({
      payment: { type: 'payment_intent', payment_intent: paymentIntent },
      limit: 1,
    });
    return { refundedInvoiceId: stripeIdOf(payments.data[0]?.invoice) };
  }
  if (event.type === 'checkout.session.completed' && event.data.object.mode === 'subscription') {
    const subscription = stripeIdOf(event.data.object.subscription);
    return subscription ? { checkoutSubscription: await deps.stripe.subscriptions.retrieve(subscription) } : {};
  }
  return {};
}

// Stripe itself retries a failed delivery for three days; past this many failures an event waits for
// those deliveries (or an operator) instead of failing again every minute.
const SWEEP_MAX_ATTEMPTS = 20;
const SWEEP_BATCH = 100;

// A Checkout session expires 24 hours after it is made; a gift still unpaid a week after can no longer be.
const ABANDONED_GIFT_DAYS = 7;

/**
 * Processes what was stored but not processed (a crash mid-handling, a failure); how many were done.
 * Also deletes the gifts whose Checkout was abandoned (unpaid a week after they were set out): they
 * hold a recipient's address and a message nobody paid to send.
 */
export async function sweepStripeEvents(
  deps: StripeWebhookDeps,
  log: FastifyBaseLogger,
  now = new Date(),
): Promise<number> {
  const abandoned = await deleteUnpaidGiftsBefore(
    deps.db,
    new Date(now.getTime() - ABANDONED_GIFT_DAYS * 86_400_000).toISOString(),
  );
  if (abandoned > 0) log.info({ gifts: abandoned }, 'deleted gifts whose Checkout was abandoned');
  let done = 0;
  for (const id of await unprocessedStripeEventIds(deps.db, SWEEP_MAX_ATTEMPTS, SWEEP_BATCH)) {
    try {
      if (await processStripeEvent(deps, id)) done++;
    } catch (error) {
      log.error({ err: error, stripeEvent: id }, 'a stored Stripe event failed again; it stays unprocessed');
    }
  }
  return done;
}
