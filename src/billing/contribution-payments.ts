import type { Transaction } from 'kysely';
import type Stripe from 'stripe';
import type { Database } from '../db/schema.ts';
import { isLocale } from '../i18n/i18n.ts';
import { contributionReceiptMail } from '../mail/contribution-receipt.mail.ts';
import type { MailMessage } from '../mail/mailer.ts';
import { ensureMember, findMember, parseEmail } from '../members/members.service.ts';
import { recordPayment } from '../members/subscription-mirror.ts';
import { readSettings } from '../settings/settings.ts';
import { isContribution } from './contributions.service.ts';
import { rememberStripeCustomer } from './customers.ts';
import { isoOfSeconds, stripeIdOf } from './subscription-state.ts';

type Trx = Transaction<Database>;

/**
 * A paid contribution, told by checkout.session.completed (stripe-event-handlers.ts): the payment
 * on the member's account and its receipt. An anonymous donor becomes a member by the email
 * Checkout collected (made by 'stripe' in their history), so the gift shows on /account once they
 * sign in with it. The receipt goes out only when the payment is new: a replayed or repeated event
 * records nothing and mails nothing. Sessions of other kinds (a gift subscription) are left alone.
 */
export async function contributionPaid(
  trx: Trx,
  session: Stripe.Checkout.Session,
  knownMemberId: string | null,
  at: { created: number; publicUrl: string },
): Promise<MailMessage[]> {
  if (!isContribution(session) || session.payment_status !== 'paid') return [];
  const member = knownMemberId ? await findMember(trx, knownMemberId) : await donorOf(trx, session);
  if (!member) return [];
  const customer = stripeIdOf(session.customer);
  if (customer) await rememberStripeCustomer(trx, member.id, customer);
  const paidAt = isoOfSeconds(at.created);
  const payment = { amount: session.amount_total ?? 0, currency: session.currency ?? '' };
  const recorded = await recordPayment(trx, {
    memberId: member.id,
    kind: 'contribution',
    stripeId: session.id,
    stripePaymentIntentId: stripeIdOf(session.payment_intent),
    number: null,
    amountPaid: payment.amount,
    currency: payment.currency,
    status: 'paid',
    paidAt,
    hostedInvoiceUrl: null,
  });
  if (!recorded) return [];
  const settings = await readSettings(trx);
  const mail = contributionReceiptMail({
    locale: member.locale ?? settings.locale,
    timeZone: settings.timeZone,
    site: settings.title,
    ...payment,
    paidAt,
    accountUrl: `${at.publicUrl}/account`,
  });
  return [{ ...mail, to: member.email }];
}

/** The member an anonymous donor is: found or made by the email Checkout collected, in Checkout's language. */
async function donorOf(trx: Trx, session: Stripe.Checkout.Session) {
  const address = parseEmail(session.customer_details?.email ?? session.customer_email ?? '');
  if (!address) return undefined;
  const locale = session.locale && isLocale(session.locale) ? session.locale : null;
  return ensureMember(trx, { ...address, locale }, 'stripe');
}
