import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { memberHistory } from '../members/history.ts';
import { findMemberByEmail } from '../members/members.service.ts';
import { paymentsOf, subscribedTierIds, subscriptionsOf } from '../members/subscriptions.ts';
import { writeSettings } from '../settings/settings.ts';
import { makeArticle, makeSection, makeStaff, paragraphs, signIn } from '../testing/factories.ts';
import { startTestApp, TEST_DIALECT, type TestApp } from '../testing/harness.ts';
import { ReaderBrowser } from '../testing/reader-browser.ts';
import { startTestSmtp, type TestSmtp } from '../testing/smtp.ts';
import { signedWebhook, STRIPE_TEST_WEBHOOK_SECRET } from '../testing/stripe.ts';
import {
  DAY,
  deliver,
  makeMember,
  makeSupporterTier,
  now,
  subscription,
  type WebhookEvent as Event,
} from '../testing/stripe-events.ts';
import { stripeCustomerOf } from './customers.ts';

describe(`what Stripe's webhooks give a member: paid access, the grace period, payments on ${TEST_DIALECT}`, () => {
  let smtp: TestSmtp;
  let t: TestApp;
  let tierId = '';
  let paidPath = '';
  let ip = 0;
  const db = () => t.database.handle.db;
  const send = (event: Event) => deliver(t, event);
  const member = (email: string) => makeMember(t, email);

  /** A reader signed in through the emailed link, in a browser of their own. */
  async function signedIn(email: string): Promise<ReaderBrowser> {
    await new ReaderBrowser(t, `10.2.0.${++ip}`).submit('/signin', '/signin', { email });
    await t.outbox.settled();
    const mail = smtp.received.filter((m) => m.to.some((to) => to.toLowerCase() === email)).at(-1);
    assert.ok(mail?.links[0]);
    const reader = new ReaderBrowser(t, `10.2.0.${++ip}`);
    const url = new URL(mail.links[0]);
    assert.equal((await reader.get(url.pathname + url.search)).statusCode, 303);
    return reader;
  }

  before(async () => {
    smtp = await startTestSmtp();
    t = await startTestApp({
      smtpUrl: smtp.url,
      mailFrom: 'desk@news.example',
      stripeWebhookSecret: STRIPE_TEST_WEBHOOK_SECRET,
    });
    tierId = await makeSupporterTier(t);
    const section = await makeSection(db(), 'Politics');
    const paid = await makeArticle(t, {
      headline: 'The budget, line by line',
      sectionId: section.id,
      access: 'paid',
      body: paragraphs('Free opening.', 'Second free paragraph.', 'Only subscribers read this sentence.'),
    });
    paidPath = `/politics/${paid.slug}`;
  });
  after(async () => {
    await t.close();
    await smtp.close();
  });

  it('gives access through cancel-at-period-end until the period ends, and none after', async () => {
    const id = await member('period@example.com');
    await send({
      type: 'customer.subscription.updated',
      data: {
        object: subscription('sub_period', 'active', { member: id, cancelAtPeriodEnd: true, periodEnd: now() - 60 }),
      },
    });
    assert.equal((await subscriptionsOf(db(), id))[0]?.givesAccess, false);
  });

  it('keeps a past-due subscriber reading for the grace period, counted from when it was first seen past due', async () => {
    const recent = await member('late@example.com');
    const overdue = await member('overdue@example.com');
    await send({
      type: 'customer.subscription.updated',
      created: now() - 3 * DAY,
      data: { object: subscription('sub_late', 'past_due', { member: recent }) },
    });
    await send({
      type: 'customer.subscription.updated',
      created: now() - 8 * DAY,
      data: { object: subscription('sub_overdue', 'past_due', { member: overdue }) },
    });
    // A later retry's event does not restart the grace period.
    await send({
      type: 'customer.subscription.updated',
      created: now() - DAY,
      data: { object: subscription('sub_overdue', 'past_due', { member: overdue }) },
    });
    assert.deepEqual(await subscribedTierIds(db(), recent), [tierId], 'three days late, seven days of grace');
    assert.deepEqual(await subscribedTierIds(db(), overdue), [], 'eight days late');
    assert.equal((await subscriptionsOf(db(), overdue))[0]?.givesAccess, false);
    await writeSettings(db(), { paymentGraceDays: 2 });
    try {
      assert.deepEqual(await subscribedTierIds(db(), recent), [], 'the site shortened the grace period to two days');
    } finally {
      await writeSettings(db(), { paymentGraceDays: 7 });
    }
    await send({
      type: 'customer.subscription.updated',
      data: { object: subscription('sub_overdue', 'active', { member: overdue }) },
    });
    assert.deepEqual(await subscribedTierIds(db(), overdue), [tierId], 'paid at last');
  });

  it('lets admins set the grace period through the admin API, within 0 to 60 days', async () => {
    const id = await member('grace@example.com');
    await send({
      type: 'customer.subscription.updated',
      created: now() - DAY,
      data: { object: subscription('sub_grace', 'past_due', { member: id }) },
    });
    assert.deepEqual(await subscribedTierIds(db(), id), [tierId]);
    const admin = await signIn(t, await makeStaff(t, 'admin'));
    const patch = (paymentGraceDays: number) =>
      t.app.inject({ method: 'PATCH', url: '/admin/api/settings', headers: admin, payload: { paymentGraceDays } });
    assert.equal((await patch(61)).statusCode, 400);
    assert.equal((await patch(0)).statusCode, 200);
    try {
      assert.deepEqual(await subscribedTierIds(db(), id), [], 'no grace: access ends with the failed payment');
    } finally {
      assert.equal((await patch(7)).statusCode, 200);
    }
  });

  it('opens a paid article to a signed-in member right after subscription.created, and closes it right after deleted', async () => {
    const reader = await signedIn('subscriber@example.com');
    const id = (await findMemberByEmail(db(), 'subscriber@example.com'))?.id ?? '';
    const secret = /Only subscribers read this sentence/;
    assert.doesNotMatch((await reader.get(paidPath)).body, secret, 'a free member first');
    await send({
      type: 'checkout.session.completed',
      data: {
        object: {
          id: 'cs_sub',
          object: 'checkout.session',
          mode: 'subscription',
          client_reference_id: id,
          customer: 'cus_subscriber',
          subscription: 'sub_paywall',
          payment_status: 'paid',
          metadata: {},
        },
      },
    });
    assert.equal(await stripeCustomerOf(db(), id), 'cus_subscriber');
    // The customer alone names the member: no metadata on this subscription.
    await send({
      type: 'customer.subscription.created',
      data: { object: subscription('sub_paywall', 'active', { customer: 'cus_subscriber' }) },
    });
    const paid = await reader.get(paidPath);
    assert.match(paid.body, secret, 'read at once, no waiting for the claim to expire');
    await send({
      type: 'customer.subscription.deleted',
      data: { object: subscription('sub_paywall', 'canceled', { customer: 'cus_subscriber' }) },
    });
    const closed = await reader.get(paidPath);
    assert.doesNotMatch(closed.body, secret, 'the paywall returns at once');
    assert.match(closed.body, /Your free membership does not include it\./);
  });

  it('records paid invoices, refunds, failed payments and contributions once each', async () => {
    const id = await member('payer@example.com');
    const invoice = {
      id: 'in_payer_1',
      object: 'invoice',
      customer: 'cus_payer',
      number: 'GACETA-0001',
      amount_paid: 500,
      amount_due: 500,
      attempt_count: 1,
      currency: 'usd',
      status: 'paid',
      status_transitions: { paid_at: now() - 60 },
      hosted_invoice_url: 'https://invoice.stripe.example/in_payer_1',
      parent: {
        type: 'subscription_details',
        subscription_details: { subscription: 'sub_payer', metadata: { gaceta_member_id: id } },
      },
      payments: { object: 'list', data: [{ payment: { type: 'payment_intent', payment_intent: 'pi_payer_1' } }] },
    };
    const paid = signedWebhook({ type: 'invoice.paid', data: { object: invoice } });
    for (let i = 0; i < 2; i++)
      assert.equal(
        (await t.app.inject({ method: 'POST', url: '/webhooks/stripe', payload: paid.payload, headers: paid.headers }))
          .statusCode,
        200,
      );
    const failed = {
      ...invoice,
      id: 'in_payer_2',
      status: 'open',
      amount_paid: 0,
      hosted_invoice_url: 'https://invoice.stripe.example/in_payer_2',
    };
    await send({ type: 'invoice.payment_failed', data: { object: { ...failed, attempt_count: 1 } } });
    await send({ type: 'invoice.payment_failed', data: { object: { ...failed, attempt_count: 2 } } });
    await t.outbox.settled();
    const told = smtp.received.filter((m) => m.to.includes('payer@example.com'));
    assert.equal(told.length, 1, 'the reader hears once per invoice, not at every retry of the card');
    assert.match(told[0]?.subject ?? '', /did not go through/);
    assert.ok(
      told[0]?.links.includes('https://invoice.stripe.example/in_payer_2'),
      'with the page of Stripe where they pay',
    );
    await send({
      type: 'charge.refunded',
      data: {
        object: {
          id: 'ch_1',
          object: 'charge',
          payment_intent: 'pi_payer_1',
          amount: 500,
          amount_refunded: 200,
          currency: 'usd',
        },
      },
    });
    // Stripe sends the running total: an older event arriving late changes nothing.
    await send({
      type: 'charge.refunded',
      data: {
        object: {
          id: 'ch_1',
          object: 'charge',
          payment_intent: 'pi_payer_1',
          amount: 500,
          amount_refunded: 100,
          currency: 'usd',
        },
      },
    });
    await send({
      type: 'checkout.session.completed',
      data: {
        object: {
          id: 'cs_gift',
          object: 'checkout.session',
          mode: 'payment',
          client_reference_id: id,
          customer: 'cus_payer',
          payment_intent: 'pi_gift',
          amount_total: 2500,
          currency: 'mxn',
          payment_status: 'paid',
          metadata: {},
        },
      },
    });
    const payments = await paymentsOf(db(), id);
    assert.deepEqual(
      payments.map((p) => [
        p.kind,
        p.stripeInvoiceId,
        p.number,
        p.amountPaid,
        p.amountRefunded,
        p.currency,
        p.hostedInvoiceUrl,
      ]),
      [
        ['contribution', 'cs_gift', null, 2500, 0, 'mxn', null],
        ['subscription', 'in_payer_1', 'GACETA-0001', 500, 200, 'usd', 'https://invoice.stripe.example/in_payer_1'],
      ],
    );
    assert.deepEqual(
      (await memberHistory(db(), id)).map((event) => event.kind),
      ['contribution', 'refund', 'payment-failed', 'payment-failed', 'payment', 'signed-up'],
    );
  });
});
