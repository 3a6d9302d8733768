import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import Stripe from 'stripe';
import { startStripeStandIn, STRIPE_TEST_KEY, STRIPE_TEST_WEBHOOK_SECRET, type StripeStandIn } from './stripe.ts';

/*
 * The stand-in's billing part, driven by the real `stripe` package as Gaceta drives it, with the
 * webhook events it sends checked by the package's own signature verification.
 */
describe('the Stripe stand-in: customers, Checkout, subscriptions, the portal and their webhook events', () => {
  let standIn: StripeStandIn;
  let client: Stripe;
  let receiver: Server;
  const events: Stripe.Event[] = [];
  let price: Stripe.Price;

  before(async () => {
    standIn = await startStripeStandIn();
    const port = Number(new URL(standIn.url).port);
    client = new Stripe(STRIPE_TEST_KEY, { host: '127.0.0.1', port, protocol: 'http', maxNetworkRetries: 0 });
    // Gaceta's webhook endpoint, played by a server that believes only Stripe's signature.
    receiver = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const signature = String(request.headers['stripe-signature']);
        events.push(
          Stripe.webhooks.constructEvent(Buffer.concat(chunks).toString(), signature, STRIPE_TEST_WEBHOOK_SECRET),
        );
        response.end('{}');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    standIn.webhookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhooks/stripe`;
    const product = await client.products.create({ name: 'Supporter' });
    price = await client.prices.create({
      product: product.id,
      currency: 'usd',
      unit_amount: 500,
      recurring: { interval: 'month' },
    });
  });
  after(async () => {
    await standIn.stop();
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  });

  const checkout = async (trialDays?: number) => {
    const customer = await client.customers.create({ email: 'ana@example.com', metadata: { gaceta_member_id: 'm1' } });
    const session = await client.checkout.sessions.create({
      mode: 'subscription',
      customer: customer.id,
      client_reference_id: 'm1',
      line_items: [{ price: price.id, quantity: 1 }],
      subscription_data: {
        metadata: { gaceta_member_id: 'm1' },
        ...(trialDays ? { trial_period_days: trialDays } : {}),
      },
      success_url: 'https://news.example/subscribe/done?session_id={CHECKOUT_SESSION_ID}',
      cancel_url: 'https://news.example/pricing',
    });
    return { customer, session };
  };

  it('makes and finds customers', async () => {
    const made = await client.customers.create({ email: 'bo@example.com' });
    assert.equal((await client.customers.retrieve(made.id)).id, made.id);
    await assert.rejects(
      client.customers.retrieve('cus_nope'),
      (e: unknown) => e instanceof Stripe.errors.StripeInvalidRequestError,
    );
  });

  it('pays on the hosted Checkout page: the subscription, the session complete, three signed events, back to success_url', async () => {
    const { customer, session } = await checkout();
    assert.equal(session.status, 'open');
    assert.equal(session.url, `${standIn.url}/checkout/${session.id}`);
    const body = await (await fetch(session.url ?? '')).text();
    assert.match(body, /<button type="submit">Pay<\/button>/);
    assert.match(body, /5\.00 USD every month/);
    events.length = 0;
    const paid = await fetch(session.url ?? '', { method: 'POST', redirect: 'manual' });
    assert.equal(paid.status, 303);
    assert.equal(paid.headers.get('location'), `https://news.example/subscribe/done?session_id=${session.id}`);
    assert.deepEqual(
      events.map((e) => e.type),
      ['checkout.session.completed', 'customer.subscription.created', 'invoice.paid'],
    );
    const done = await client.checkout.sessions.retrieve(session.id, { expand: ['subscription'] });
    assert.equal(done.status, 'complete');
    assert.equal(done.payment_status, 'paid');
    const subscription = done.subscription as Stripe.Subscription;
    assert.equal(subscription.status, 'active');
    assert.equal(subscription.customer, customer.id);
    assert.deepEqual(subscription.metadata, { gaceta_member_id: 'm1' });
    const [item] = subscription.items.data;
    assert.ok(item);
    assert.equal(item.price.id, price.id);
    const month = new Date(item.current_period_start * 1000);
    month.setUTCMonth(month.getUTCMonth() + 1);
    assert.equal(item.current_period_end, month.getTime() / 1000, 'one interval later');
    const invoice = events[2]?.data.object as Stripe.Invoice;
    assert.equal(invoice.amount_paid, 500);
    assert.equal(invoice.parent?.subscription_details?.subscription, subscription.id);
    assert.equal((events[0]?.data.object as Stripe.Checkout.Session).subscription, subscription.id);
    assert.ok(standIn.deliveries.slice(-3).every((d) => d.status === 200));
  });

  it('starts a trial when the session asks for one: trialing until the trial ends, nothing charged', async () => {
    const { session } = await checkout(7);
    events.length = 0;
    await standIn.billing.pay(session.id);
    const subscription = events[1]?.data.object as Stripe.Subscription;
    assert.equal(subscription.status, 'trialing');
    assert.equal(subscription.trial_end, (subscription.trial_start ?? 0) + 7 * 86400);
    assert.equal(subscription.items.data[0]?.current_period_end, subscription.trial_end);
    assert.equal((events[2]?.data.object as Stripe.Invoice).amount_paid, 0);
  });

  it('cancels at period end on the portal page, and tells Gaceta', async () => {
    const { customer, session } = await checkout();
    await standIn.billing.pay(session.id);
    const portal = await client.billingPortal.sessions.create({
      customer: customer.id,
      return_url: 'https://news.example/account',
    });
    const page = await (await fetch(portal.url)).text();
    const action = /action="([^"]+)"><button type="submit">Cancel at period end/.exec(page)?.[1];
    assert.ok(action);
    events.length = 0;
    const cancelled = await fetch(`${standIn.url}${action}`, { method: 'POST', redirect: 'manual' });
    assert.equal(cancelled.headers.get('location'), 'https://news.example/account');
    const [event] = events;
    assert.ok(event);
    assert.equal(event.type, 'customer.subscription.updated');
    const subscription = event.data.object as Stripe.Subscription;
    assert.equal(subscription.cancel_at_period_end, true);
    assert.equal(subscription.cancel_at, subscription.items.data[0]?.current_period_end);
    assert.deepEqual(event.data.previous_attributes, {
      cancel_at_period_end: false,
      cancel_at: null,
      canceled_at: null,
    });
    await assert.rejects(
      client.billingPortal.sessions.create({ customer: 'cus_nope' }),
      (e: unknown) => e instanceof Stripe.errors.StripeInvalidRequestError,
    );
  });

  it('ends a subscription and fails a payment as a test asks, with the events Stripe sends', async () => {
    const { session } = await checkout();
    await standIn.billing.pay(session.id);
    const subscriptionId = String(standIn.find('checkout.sessions', session.id)?.subscription);
    events.length = 0;
    await standIn.billing.failPayment(subscriptionId);
    assert.deepEqual(
      events.map((e) => e.type),
      ['invoice.payment_failed', 'customer.subscription.updated'],
    );
    assert.equal((events[1]?.data.object as Stripe.Subscription).status, 'past_due');
    assert.equal((events[0]?.data.object as Stripe.Invoice).status, 'open');
    events.length = 0;
    await standIn.billing.endSubscription(subscriptionId);
    assert.equal(events[0]?.type, 'customer.subscription.deleted');
    assert.equal((await client.subscriptions.retrieve(subscriptionId)).status, 'canceled');
  });

  it('records a delivery Gaceta did not take, and plays Stripe failing with 500s', async () => {
    const { session } = await checkout();
    const url = standIn.webhookUrl;
    standIn.webhookUrl = 'http://127.0.0.1:9/nowhere';
    try {
      await standIn.billing.pay(session.id);
    } finally {
      standIn.webhookUrl = url;
    }
    const failed = standIn.deliveries.slice(-3);
    assert.ok(
      failed.every((d) => d.status === null && d.error),
      JSON.stringify(failed),
    );
    standIn.failing = true;
    await assert.rejects(client.customers.create({}), (e: unknown) => e instanceof Stripe.errors.StripeAPIError);
    standIn.failing = false;
  });
});
