import type { Transaction } from 'kysely';
import type Stripe from 'stripe';
import type { Database } from '../db/schema.ts';
import type { MailMessage } from '../mail/mailer.ts';
import { groupPaymentFailedMail } from '../mail/group-payment-failed.mail.ts';
import { paymentFailedMail } from '../mail/payment-failed.mail.ts';
import { findGroup } from '../members/groups.service.ts';
import { recordMemberEvent } from '../members/history.ts';
import { readSettings } from '../settings/settings.ts';
import { findMember } from '../members/members.service.ts';
import { recordPayment, recordRefund } from '../members/subscription-mirror.ts';
import { contributionPaid } from './contribution-payments.ts';
import { rememberStripeCustomer } from './customers.ts';
import { giftPaid, giftRefunded, isGiftSession } from './gift-payments.ts';
import { isGroupSubscription } from './group-subscriptions.ts';
import { countOfferRedemption } from './offers-redemption.ts';
import { isoOfSeconds, memberOfStripeObject, mirrorForAccess, stripeIdOf } from './subscription-state.ts';

type Trx = Transaction<Database>;

/**
 * What each Stripe event Gaceta listens to does, inside the transaction that marks it processed.
 * Handling gives the members whose access may have changed and the mail to send, both acted on
 * only after the commit (a rolled-back attempt announces and sends nothing). An
 * event about something that is not a Gaceta member's (another product sold on the same Stripe
 * account) changes nothing and is done: answering 500 would only make Stripe send it for days.
 */

/** What the handling knows besides the event. */
export interface HandlingContext {
  /** The site's address, for links in mail. */
  publicUrl: string;
  /** The invoice a refunded charge paid, when Stripe could tell (stripe-webhooks.service.ts asks). */
  refundedInvoiceId?: string | null;
  /** The subscription a completed Checkout made, as Stripe has it now. */
  checkoutSubscription?: Stripe.Subscription;
}

/** What to do once the handling is committed. */
export interface Handled {
  accessChanged: string[];
  mail: MailMessage[];
}

const NOTHING_AFTER: Handled = { accessChanged: [], mail: [] };

/** Handles one verified event. Unknown types do nothing. */
export async function handleStripeEvent(trx: Trx, event: Stripe.Event, context: HandlingContext): Promise<Handled> {
  switch (event.type) {
    case 'checkout.session.completed':
      if (event.data.object.mode === 'payment') {
        const session = event.data.object;
        if (isGiftSession(session))
          return { accessChanged: [], mail: await giftPaid(trx, session, { ...context, created: event.created }) };
        const known = await memberOfSession(trx, session);
        return {
          accessChanged: [],
          mail: await contributionPaid(trx, session, known, { ...context, created: event.created }),
        };
      }
      return { accessChanged: await checkoutCompleted(trx, event, context), mail: [] };
    case 'customer.subscription.created':
    case 'customer.subscription.updated':
    case 'customer.subscription.deleted': {
      const changed = await mirrorForAccess(trx, event.data.object, event.created);
      if (event.type === 'customer.subscription.created')
        await countOfferRedemption(trx, event.data.object, changed[0] ?? null, isoOfSeconds(event.created));
      return { accessChanged: changed, mail: [] };
    }
    case 'invoice.paid':
      await invoicePaid(trx, event.data.object, event.created);
      return NOTHING_AFTER;
    case 'invoice.payment_failed':
      return { accessChanged: [], mail: await paymentFailed(trx, event.data.object, context) };
    case 'charge.refunded':
      await recordRefund(trx, {
        stripePaymentIntentId: stripeIdOf(event.data.object.payment_intent),
        stripeId: context.refundedInvoiceId ?? null,
        amountRefunded: event.data.object.amount_refunded,
      });
      return { accessChanged: await giftRefunded(trx, event.data.object, event.created), mail: [] };
    default:
      return NOTHING_AFTER;
  }
}

/** The member Checkout was for: Gaceta names them in client_reference_id (or the metadata). */
async function memberOfSession(trx: Trx, session: Stripe.Checkout.Session): Promise<string | null> {
  const named = session.client_reference_id;
  if (named && (await findMember(trx, named))) return named;
  return memberOfStripeObject(trx, session.metadata, session.customer);
}

async function checkoutCompleted(
  trx: Trx,
  event: Stripe.CheckoutSessionCompletedEvent,
  context: HandlingContext,
): Promise<string[]> {
  const session = event.data.object;
  const memberId = await memberOfSession(trx, session);
  if (!memberId) return [];
  const customer = stripeIdOf(session.customer);
  if (customer) await rememberStripeCustomer(trx, memberId, customer);
  if (session.mode === 'subscription') {
    // Its own events usually tell it; this covers a "created" that came before the customer was known.
    const subscription = context.checkoutSubscription;
    return subscription ? mirrorForAccess(trx, subscription, event.created) : [];
  }
  return [];
}

async function memberOfInvoice(trx: Trx, invoice: Stripe.Invoice): Promise<string | null> {
  return memberOfStripeObject(trx, invoice.parent?.subscription_details?.metadata, invoice.customer);
}

async function invoicePaid(trx: Trx, invoice: Stripe.Invoice, created: number): Promise<void> {
  const memberId = await memberOfInvoice(trx, invoice);
  if (!memberId) return;
  // The payment intent is how a later refund (charge.refunded) finds this payment.
  const paymentIntent = invoice.payments?.data.map((p) => stripeIdOf(p.payment.payment_intent)).find(Boolean) ?? null;
  await recordPayment(trx, {
    memberId,
    kind: 'subscription',
    stripeId: invoice.id,
    stripePaymentIntentId: paymentIntent,
    number: invoice.number,
    amountPaid: invoice.amount_paid,
    currency: invoice.currency,
    status: invoice.status ?? 'paid',
    paidAt: isoOfSeconds(invoice.status_transitions?.paid_at ?? created),
    hostedInvoiceUrl: invoice.hosted_invoice_url ?? null,
  });
}

/** The group an invoice's subscription pays for (its metadata names it), if it is a group's. */
async function groupPaidBy(trx: Trx, invoice: Stripe.Invoice) {
  const details = invoice.parent?.subscription_details;
  if (!isGroupSubscription(details?.metadata)) return undefined;
  const group = await findGroup(trx, details?.metadata?.gaceta_group_id ?? '');
  return group && group.stripe_subscription_id === stripeIdOf(details?.subscription) ? group : undefined;
}

/** Notes the failure in the member's history; on the first attempt, a mail asking them to pay. */
async function paymentFailed(trx: Trx, invoice: Stripe.Invoice, context: HandlingContext): Promise<MailMessage[]> {
  const memberId = await memberOfInvoice(trx, invoice);
  if (!memberId) return [];
  await recordMemberEvent(trx, memberId, 'payment-failed', 'stripe', {
    invoice: invoice.id,
    amount: invoice.amount_due,
    currency: invoice.currency,
    attempt: invoice.attempt_count,
  });
  // Stripe retries the card several times, each failure an event: the reader hears once per invoice.
  const member = await findMember(trx, memberId);
  if (!member || invoice.attempt_count > 1) return [];
  const settings = await readSettings(trx);
  const group = await groupPaidBy(trx, invoice);
  if (group) {
    const groupMail = groupPaymentFailedMail({
      locale: member.locale ?? settings.locale,
      site: settings.title,
      group: group.name,
      seats: Number(group.seats),
      groupPageUrl: `${context.publicUrl}/account/groups/${group.id}`,
      payUrl: invoice.hosted_invoice_url ?? null,
      keepsAccess: settings.paymentGraceDays > 0,
    });
    return [{ ...groupMail, to: member.email }];
  }
  const mail = paymentFailedMail({
    locale: member.locale ?? settings.locale,
    site: settings.title,
    accountUrl: `${context.publicUrl}/account`,
    payUrl: invoice.hosted_invoice_url ?? null,
    keepsAccess: settings.paymentGraceDays > 0,
  });
  return [{ ...mail, to: member.email }];
}
