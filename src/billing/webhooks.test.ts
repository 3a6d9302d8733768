import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildApp } from '../app.ts';
import { paymentsOf, subscribedTierIds, subscriptionsOf } from '../members/subscriptions.ts';
import { startTestApp, TEST_DIALECT, type TestApp } from '../testing/harness.ts';
import { signedWebhook, startStripeStandIn, STRIPE_TEST_KEY, STRIPE_TEST_WEBHOOK_SECRET } from '../testing/stripe.ts';
import {
  deliver,
  failingOnce,
  makeMember,
  makeSupporterTier,
  now,
  statusChanges as statusChangesIn,
  subscription,
  type WebhookEvent as Event,
} from '../testing/stripe-events.ts';

describe(`Stripe webhooks: signatures, replays, order and crashes on ${TEST_DIALECT}`, () => {
  let t: TestApp;
  let tierId = '';
  const db = () => t.database.handle.db;
  const send = (event: Event, secret?: string, timestamp?: number) => deliver(t, event, secret, timestamp);
  const member = (email: string) => makeMember(t, email);
  const statusChanges = (memberId: string) => statusChangesIn(t, memberId);
  const storedEvents = async () =>
    Number(
      (
        await db()
          .selectFrom('stripe_events')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  before(async () => {
    t = await startTestApp({ stripeWebhookSecret: STRIPE_TEST_WEBHOOK_SECRET });
    tierId = await makeSupporterTier(t);
  });
  after(() => t.close());

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

  it('mirrors the subscription a completed Checkout made when its "created" event came before the customer was known', async () => {
    const id = await member('early@example.com');
    const standIn = await startStripeStandIn();
    const late = subscription('sub_early', 'active', { customer: 'cus_early' });
    // Stripe has the subscription (the stand-in answers GET /v1/subscriptions/sub_early with it).
    standIn.store('subscriptions', { ...late, id: 'sub_early' });
    const keyed = await buildApp({
      config: { ...t.config, stripeSecretKey: STRIPE_TEST_KEY, stripeApiUrl: standIn.url },
      db: db(),
      storage: t.storage,
      logger: false,
    });
    try {
      // No metadata and a customer nobody knows yet: passed over, and done (not retried for days).
      const created = await deliver(keyed, { type: 'customer.subscription.created', data: { object: late } });
      assert.deepEqual(created.json(), { received: true });
      assert.deepEqual(await subscriptionsOf(db(), id), []);
      const session = {
        id: 'cs_early',
        object: 'checkout.session',
        mode: 'subscription',
        client_reference_id: id,
        customer: 'cus_early',
        subscription: 'sub_early',
        payment_status: 'paid',
        metadata: {},
      };
      assert.equal(
        (await deliver(keyed, { type: 'checkout.session.completed', data: { object: session } })).statusCode,
        200,
      );
      assert.deepEqual(await subscribedTierIds(db(), id), [tierId], 'the member reads as paid');
      assert.deepEqual(await statusChanges(id), ['null→active']);
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
