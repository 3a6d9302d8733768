import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { KyselyPlugin } from 'kysely';
import { buildApp } from '../app.ts';
import { newId, nowIso } from '../db/ids.ts';
import { memberHistory } from '../members/history.ts';
import { ensureMember, findMemberByEmail } from '../members/members.service.ts';
import { paymentsOf, subscribedTierIds, subscriptionsOf } from '../members/subscriptions.ts';
import { writeSettings } from '../settings/settings.ts';
import { makeArticle, makeSection, makeStaff, paragraphs, signIn } from '../testing/factories.ts';
import { startTestApp, TEST_DIALECT, type TestApp } from '../testing/harness.ts';
import { ReaderBrowser } from '../testing/reader-browser.ts';
import { startTestSmtp, type TestSmtp } from '../testing/smtp.ts';
import { signedWebhook, startStripeStandIn, STRIPE_TEST_KEY, STRIPE_TEST_WEBHOOK_SECRET } from '../testing/stripe.ts';
import { stripeCustomerOf } from './customers.ts';
import { insertPrice, insertTier } from './tiers.repository.ts';

const DAY = 86_400;
const now = (): number => Math.floor(Date.now() / 1000);
const PRICE = 'price_gaceta_monthly';

type Event = Parameters<typeof signedWebhook>[0];

/** A subscription as Stripe describes it in its events (the period lives on the item since 2025). */
function subscription(
  id: string,
  status: string,
  fields: { member?: string; customer?: string; cancelAtPeriodEnd?: boolean; periodEnd?: number } = {},
): Record<string, unknown> {
  const periodEnd = fields.periodEnd ?? now() + 30 * DAY;
  return {
    id,
    object: 'subscription',
    customer: fields.customer ?? `cus_${id}`,
    status,
    cancel_at_period_end: fields.cancelAtPeriodEnd ?? false,
    canceled_at: status === 'canceled' ? now() : null,
    ended_at: status === 'canceled' ? now() : null,
    trial_end: null,
    currency: 'usd',
    metadata: fields.member ? { gaceta_member_id: fields.member } : {},
    items: {
      object: 'list',
      data: [
        {
          id: `si_${id}`,
          object: 'subscription_item',
          current_period_start: periodEnd - 30 * DAY,
          current_period_end: periodEnd,
          quantity: 1,
          price: { id: PRICE, object: 'price', unit_amount: 500, currency: 'usd', recurring: { interval: 'month' } },
        },
      ],
    },
  };
}

function failingOnce(table: string): KyselyPlugin {
  let armed = true;
  return {
    transformQuery(args) {
      if (armed && args.node.kind === 'InsertQueryNode' && JSON.stringify(args.node.into).includes(`"${table}"`)) {
        armed = false;
        throw new Error('the process died here');
      }
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
}

describe(`Stripe webhooks and the subscription mirror on ${TEST_DIALECT}`, () => {
  let smtp: TestSmtp;
  let t: TestApp;
  let tierId = '';
  let paidPath = '';
  let ip = 0;
  const db = () => t.database.handle.db;

  const send = (event: Event, secret?: string, timestamp?: number) => {
    const { payload, headers } = signedWebhook(event, secret, timestamp);
    return t.app.inject({ method: 'POST', url: '/webhooks/stripe', payload, headers });
  };
  const member = async (email: string) => (await ensureMember(db(), { email, normalized: email })).id;
  const statusChanges = async (memberId: string) =>
    (await memberHistory(db(), memberId))
      .filter((event) => event.kind === 'subscription-status')
      .map(
        (event) =>
          `${String(event.detail.from)}→${String(event.detail.to)}${event.detail.cancelAtPeriodEnd ? ' (cancelling)' : ''}`,
      )
      .reverse();
  const storedEvents = async () =>
    Number(
      (
        await db()
          .selectFrom('stripe_events')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

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
    tierId = newId();
    const created = nowIso();
    await insertTier(db(), {
      id: tierId,
      slug: 'supporter',
      name: 'Supporter',
      description: '',
      benefits: '[]',
      kind: 'paid',
      position: 1,
      trial_days: 0,
      created_at: created,
      archived_at: null,
      stripe_product_id: 'prod_supporter',
      stripe_synced_at: created,
    });
    await insertPrice(db(), {
      id: newId(),
      tier_id: tierId,
      currency: 'usd',
      interval: 'month',
      amount: 500,
      created_at: created,
      archived_at: null,
      stripe_price_id: PRICE,
      stripe_synced_at: created,
    });
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

  it('refuses forged, tampered and old signatures with 400, storing and changing nothing', async () => {
    const id = await member('forged@example.com');
    const event = {
      type: 'customer.subscription.created',
      data: { object: subscription('sub_forged', 'active', { member: id }) },
    };
    const before = await storedEvents();
    assert.equal((await send(event, 'whsec_someone_else')).statusCode, 400, 'signed with another secret');
    const tampered = signedWebhook(event);
    const altered = await t.app.inject({
      method: 'POST',
      url: '/webhooks/stripe',
      payload: tampered.payload.replace('"active"', '"trialing"'),
      headers: tampered.headers,
    });
    assert.equal(altered.statusCode, 400, 'a body changed after signing');
    const old = await send(event, undefined, now() - 600);
    assert.equal(old.statusCode, 400, 'signed ten minutes ago: a recorded delivery replayed');
    assert.match(old.json<{ error: { message: string } }>().error.message, /signature/i);
    const unsigned = await t.app.inject({
      method: 'POST',
      url: '/webhooks/stripe',
      payload: tampered.payload,
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(unsigned.statusCode, 400, 'no signature at all');
    assert.equal(await storedEvents(), before, 'nothing stored');
    assert.deepEqual(await subscriptionsOf(db(), id), [], 'nothing changed');
  });

  it('answers 503 with a clear message when no signing secret is configured', async () => {
    const bare = await buildApp({
      config: { ...t.config, stripeWebhookSecret: undefined },
      db: db(),
      storage: t.storage,
      logger: false,
    });
    try {
      const { payload, headers } = signedWebhook({ type: 'invoice.paid', data: { object: { id: 'in_x' } } });
      const answer = await bare.app.inject({ method: 'POST', url: '/webhooks/stripe', payload, headers });
      assert.equal(answer.statusCode, 503);
      assert.match(answer.json<{ error: { message: string } }>().error.message, /STRIPE_WEBHOOK_SECRET/);
    } finally {
      await bare.app.close();
    }
  });

  it('acts on a replayed event once: same state, one history row', async () => {
    const id = await member('replay@example.com');
    const signed = signedWebhook({
      type: 'customer.subscription.created',
      data: { object: subscription('sub_replay', 'active', { member: id }) },
    });
    const deliver = () =>
      t.app.inject({ method: 'POST', url: '/webhooks/stripe', payload: signed.payload, headers: signed.headers });
    const first = await deliver();
    assert.equal(first.statusCode, 200);
    assert.deepEqual(first.json(), { received: true });
    const again = await deliver();
    assert.equal(again.statusCode, 200);
    assert.deepEqual(again.json(), { received: true, duplicate: true });
    const [only, ...rest] = await subscriptionsOf(db(), id);
    assert.equal(rest.length, 0);
    assert.equal(only?.status, 'active');
    assert.equal(only?.tierId, tierId, 'the tier found by the price Stripe names');
    assert.equal(only?.tierName, 'Supporter');
    assert.equal(only?.amount, 500);
    assert.equal(only?.interval, 'month');
    assert.equal(only?.givesAccess, true);
    assert.deepEqual(await statusChanges(id), ['null→active']);
  });

  it('keeps the newest state whatever order the events arrive in', async () => {
    const id = await member('order@example.com');
    const t0 = now() - 100;
    const state = (status: string, cancelAtPeriodEnd = false) =>
      subscription('sub_order', status, { member: id, cancelAtPeriodEnd });
    const event = (type: string, created: number, object: Record<string, unknown>) => ({
      type,
      created,
      data: { object },
    });
    assert.equal((await send(event('customer.subscription.updated', t0 + 1, state('active')))).statusCode, 200);
    // Created and updated in the same second, delivered backwards: the later status in the lifecycle wins.
    assert.equal((await send(event('customer.subscription.created', t0 + 1, state('incomplete')))).statusCode, 200);
    assert.equal((await subscriptionsOf(db(), id))[0]?.status, 'active');
    await send(event('customer.subscription.updated', t0 + 20, state('active', true)));
    await send(event('customer.subscription.updated', t0 + 10, state('active')));
    const cancelling = (await subscriptionsOf(db(), id))[0];
    assert.equal(cancelling?.cancelAtPeriodEnd, true, 'an older "not cancelling" does not undo the newer cancel');
    assert.equal(cancelling?.givesAccess, true, 'still read until the period ends');
    await send(event('customer.subscription.deleted', t0 + 30, state('canceled')));
    await send(event('customer.subscription.updated', t0 + 25, state('active')));
    const ended = await subscriptionsOf(db(), id);
    assert.equal(ended[0]?.status, 'canceled', 'deleted stays deleted');
    assert.equal(ended[0]?.givesAccess, false);
    assert.deepEqual(await subscribedTierIds(db(), id), []);
    assert.deepEqual(await statusChanges(id), ['null→active', 'active→active (cancelling)', 'active→canceled']);
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

  it('asks Stripe which invoice a refunded charge paid, as invoice events leave their payments out', async () => {
    const id = await member('asked@example.com');
    const standIn = await startStripeStandIn();
    standIn.route('GET', /^\/v1\/invoice_payments$/, ({ params }) => ({
      status: 200,
      body: {
        object: 'list',
        url: '/v1/invoice_payments',
        has_more: false,
        data:
          (params.payment as Record<string, string> | undefined)?.payment_intent === 'pi_asked'
            ? [{ id: 'inpay_asked', object: 'invoice_payment', invoice: 'in_asked' }]
            : [],
      },
    }));
    const keyed = await buildApp({
      config: { ...t.config, stripeSecretKey: STRIPE_TEST_KEY, stripeApiUrl: standIn.url },
      db: db(),
      storage: t.storage,
      logger: false,
    });
    const deliver = (event: Event) => {
      const { payload, headers } = signedWebhook(event);
      return keyed.app.inject({ method: 'POST', url: '/webhooks/stripe', payload, headers });
    };
    try {
      const invoice = {
        id: 'in_asked',
        object: 'invoice',
        customer: 'cus_asked',
        number: 'GACETA-0002',
        amount_paid: 900,
        currency: 'usd',
        status: 'paid',
        status_transitions: { paid_at: now() },
        parent: {
          type: 'subscription_details',
          subscription_details: { subscription: 'sub_asked', metadata: { gaceta_member_id: id } },
        },
      };
      assert.equal((await deliver({ type: 'invoice.paid', data: { object: invoice } })).statusCode, 200);
      const refunded = {
        type: 'charge.refunded',
        data: {
          object: {
            id: 'ch_asked',
            object: 'charge',
            payment_intent: 'pi_asked',
            amount: 900,
            amount_refunded: 900,
            currency: 'usd',
          },
        },
      };
      const signed = signedWebhook(refunded);
      const redeliver = () =>
        keyed.app.inject({ method: 'POST', url: '/webhooks/stripe', payload: signed.payload, headers: signed.headers });
      standIn.down = true;
      assert.equal((await redeliver()).statusCode, 500, 'Stripe unreachable: Stripe is asked to send it again');
      standIn.down = false;
      const again = await redeliver();
      assert.deepEqual(again.json(), { received: true }, 'the stored event, processed at the retry');
      assert.equal((await paymentsOf(db(), id))[0]?.amountRefunded, 900);
    } finally {
      await keyed.app.close();
      await standIn.stop();
    }
  });

  it('stores and marks processed an event type it does not act on', async () => {
    const answer = await send({
      id: 'evt_unknown_type',
      type: 'customer.tax_id.created',
      data: { object: { id: 'txi_1' } },
    });
    assert.equal(answer.statusCode, 200);
    const row = await db()
      .selectFrom('stripe_events')
      .selectAll()
      .where('id', '=', 'evt_unknown_type')
      .executeTakeFirstOrThrow();
    assert.equal(row.type, 'customer.tax_id.created');
    assert.ok(row.processed_at);
  });

  it('finishes at the next start an event whose handling failed midway', async () => {
    const id = await member('crash@example.com');
    const crashing = await buildApp({
      config: t.config,
      db: db().withPlugin(failingOnce('member_subscriptions')),
      storage: t.storage,
      logger: false,
    });
    const { payload, headers } = signedWebhook({
      id: 'evt_crash',
      type: 'customer.subscription.created',
      data: { object: subscription('sub_crash', 'trialing', { member: id }) },
    });
    try {
      const failed = await crashing.app.inject({ method: 'POST', url: '/webhooks/stripe', payload, headers });
      assert.equal(failed.statusCode, 500, 'Stripe is told to retry');
    } finally {
      await crashing.app.close();
    }
    const stored = await db()
      .selectFrom('stripe_events')
      .selectAll()
      .where('id', '=', 'evt_crash')
      .executeTakeFirstOrThrow();
    assert.equal(stored.processed_at, null, 'stored, and left unprocessed');
    assert.equal(Number(stored.attempts), 1);
    assert.match(stored.last_error ?? '', /the process died here/);
    assert.deepEqual(await subscriptionsOf(db(), id), [], 'nothing half-done: the transaction was rolled back');
    assert.deepEqual(await statusChanges(id), []);

    const restarted = await buildApp({ config: t.config, db: db(), storage: t.storage, logger: false });
    try {
      await restarted.app.ready();
      const done = await db()
        .selectFrom('stripe_events')
        .selectAll()
        .where('id', '=', 'evt_crash')
        .executeTakeFirstOrThrow();
      assert.ok(done.processed_at, 'processed when the app started again');
      assert.equal((await subscriptionsOf(db(), id))[0]?.status, 'trialing');
      assert.deepEqual(await statusChanges(id), ['null→trialing']);
      // Stripe's own retry now finds it done.
      const retried = await restarted.app.inject({ method: 'POST', url: '/webhooks/stripe', payload, headers });
      assert.deepEqual(retried.json(), { received: true, duplicate: true });
      assert.deepEqual(await statusChanges(id), ['null→trialing']);
    } finally {
      await restarted.app.close();
    }
  });
});
