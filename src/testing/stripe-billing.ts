import { escapeHtml } from '../http/html.ts';
import {
  type Answer,
  type Handler,
  missing,
  now,
  ok,
  type PageAnswer,
  type PageHandler,
  type Params,
  stripeError,
  type StripeObject,
  token,
} from './stripe-wire.ts';

/*
 * The stand-in's billing endpoints, in the shapes of the Stripe API version the `stripe` package
 * pins (billing periods on subscription items, an invoice's subscription under parent): customers,
 * Checkout sessions with a hosted payment page, subscriptions, invoices, and the customer portal
 * with a page that cancels at period end. Each change on Stripe's side is told to Gaceta as the
 * webhook events Stripe sends for it.
 */

/** What the billing endpoints need of the stand-in (stripe.ts), without importing it. */
export interface StandInCore {
  readonly url: string;
  route(method: string, pattern: RegExp, handler: Handler): void;
  page(method: string, pattern: RegExp, handler: PageHandler): void;
  store(kind: string, object: StripeObject): StripeObject;
  find(kind: string, id: string | undefined): StripeObject | undefined;
  list(kind: string): StripeObject[];
  deliver(type: string, object: StripeObject, previousAttributes?: Record<string, unknown>): Promise<void>;
}

const DAY = 86_400;
const invalid = (message: string): Answer => stripeError(400, 'invalid_request_error', message);
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** A month or a year after `seconds`, on the same day of the month, as Stripe bills. */
function oneInterval(seconds: number, interval: string): number {
  const date = new Date(seconds * 1000);
  if (interval === 'year') date.setUTCFullYear(date.getUTCFullYear() + 1);
  else date.setUTCMonth(date.getUTCMonth() + 1);
  return Math.floor(date.getTime() / 1000);
}

const page = (title: string, body: string): PageAnswer => ({
  status: 200,
  html: `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`,
});
const redirect = (location: string): PageAnswer => ({ status: 303, location });
const notFound: PageAnswer = { status: 404, html: '<!DOCTYPE html><title>Not found</title>' };

/** Adds the billing endpoints and pages to a stand-in; gives what tests make happen on Stripe's side. */
export function installBilling(standIn: StandInCore) {
  /** What every Checkout session the stand-in makes has, whatever its mode: the hosted page and its returns. */
  const hostedSession = (id: string, params: Params, created: number) => ({
    success_url: params.success_url,
    cancel_url: params.cancel_url ?? null,
    url: `${standIn.url}/checkout/${id}`,
    subscription: null,
    invoice: null,
    ui_mode: 'hosted',
    created,
    expires_at: created + DAY,
    livemode: false,
  });
  /** What a Checkout session was asked for that Stripe does not show on the session object. */
  const asked = new Map<
    string,
    { price: StripeObject; quantity: number; subscriptionData: Params; coupon: StripeObject | undefined }
  >();
  let invoiceNumber = 0;

  const money = (price: StripeObject) =>
    `${(Number(price.unit_amount) / 100).toFixed(2)} ${String(price.currency).toUpperCase()}`;
  const itemsOf = (subscription: StripeObject) => (subscription.items as { data: Array<Record<string, unknown>> }).data;
  const successUrl = (session: StripeObject) =>
    String(session.success_url).replace('{CHECKOUT_SESSION_ID}', session.id);

  standIn.route('POST', /^\/v1\/customers$/, ({ params }) =>
    ok(
      standIn.store('customers', {
        id: `cus_${token()}`,
        object: 'customer',
        email: params.email ?? null,
        name: params.name ?? null,
        description: null,
        metadata: params.metadata ?? {},
        balance: 0,
        currency: null,
        delinquent: false,
        invoice_prefix: token().slice(0, 8).toUpperCase(),
        created: now(),
        livemode: false,
      }),
    ),
  );
  standIn.route('GET', /^\/v1\/customers\/([^/]+)$/, ({ path }) => {
    const customer = standIn.find('customers', path[1]);
    return customer ? ok(customer) : missing('customer', path[1]);
  });

  standIn.route('POST', /^\/v1\/coupons$/, ({ params }) => {
    const id = text(params.id) ?? `coupon_${token()}`;
    if (standIn.find('coupons', id))
      return stripeError(400, 'invalid_request_error', 'Coupon already exists.', 'resource_already_exists');
    const percentOff = text(params.percent_off);
    const amountOff = text(params.amount_off);
    if (!percentOff === !amountOff) return invalid('Give exactly one of percent_off or amount_off.');
    if (amountOff && !text(params.currency)) return invalid('amount_off needs a currency.');
    const duration = text(params.duration) ?? 'once';
    if (duration === 'repeating' && !text(params.duration_in_months))
      return invalid('duration_in_months is required for a repeating coupon.');
    return ok(
      standIn.store('coupons', {
        id,
        object: 'coupon',
        name: params.name ?? null,
        percent_off: percentOff ? Number(percentOff) : null,
        amount_off: amountOff ? Number(amountOff) : null,
        currency: params.currency ?? null,
        currency_options: params.currency_options ?? {},
        duration,
        duration_in_months: params.duration_in_months ? Number(params.duration_in_months) : null,
        applies_to: params.applies_to ?? null,
        metadata: params.metadata ?? {},
        valid: true,
        times_redeemed: 0,
        created: now(),
        livemode: false,
      }),
    );
  });
  standIn.route('GET', /^\/v1\/coupons\/([^/]+)$/, ({ path }) => {
    const coupon = standIn.find('coupons', path[1]);
    return coupon ? ok(coupon) : missing('coupon', path[1]);
  });

  /** What a coupon takes off a price, in the price's currency (0 for a coupon not in that currency). */
  const discountOn = (coupon: StripeObject | undefined, price: StripeObject): number => {
    if (!coupon) return 0;
    const amount = Number(price.unit_amount);
    if (coupon.percent_off !== null) return Math.round((amount * Number(coupon.percent_off)) / 100);
    const options = coupon.currency_options as Record<string, { amount_off?: string }>;
    const off =
      coupon.currency === price.currency
        ? Number(coupon.amount_off)
        : Number(options[String(price.currency)]?.amount_off ?? 0);
    return Math.min(off, amount);
  };

  standIn.route('POST', /^\/v1\/checkout\/sessions$/, ({ params }) => {
    if (params.mode === 'payment') return paymentSession(params);
    if (params.mode !== 'subscription') return invalid('The stand-in makes subscription and payment sessions only.');
    const customer = text(params.customer);
    if (customer && !standIn.find('customers', customer)) return missing('customer', customer);
    const items = (params.line_items ?? []) as Params[];
    const price = standIn.find('prices', text(items[0]?.price));
    if (!price) return missing('price', text(items[0]?.price));
    if (!price.active || !price.recurring)
      return invalid('In subscription mode, line items must use an active recurring price.');
    if (!text(params.success_url)) return invalid('Missing required param: success_url.');
    const discounts = Object.values((params.discounts ?? []) as Params[]);
    const couponId = text(discounts[0]?.coupon);
    const coupon = standIn.find('coupons', couponId);
    if (couponId && !coupon) return missing('coupon', couponId);
    // Stripe takes quantity 1 when a line item names none; a group's seats are its quantity.
    const quantity = Number(text(items[0]?.quantity) ?? '1');
    if (!Number.isInteger(quantity) || quantity < 1)
      return invalid('line_items[0][quantity] must be a positive integer.');
    const id = `cs_test_${token()}`;
    const created = now();
    asked.set(id, { price, quantity, subscriptionData: (params.subscription_data ?? {}) as Params, coupon });
    const total = (Number(price.unit_amount) - discountOn(coupon, price)) * quantity;
    return ok(
      standIn.store('checkout.sessions', {
        id,
        object: 'checkout.session',
        mode: 'subscription',
        status: 'open',
        payment_status: 'unpaid',
        customer: customer ?? null,
        customer_email: null,
        client_reference_id: params.client_reference_id ?? null,
        metadata: params.metadata ?? {},
        locale: params.locale ?? null,
        currency: price.currency,
        amount_subtotal: Number(price.unit_amount) * quantity,
        amount_total: total,
        discounts: coupon ? [{ coupon: coupon.id, promotion_code: null }] : [],
        ...hostedSession(id, params, created),
      }),
    );
  });
  standIn.route('GET', /^\/v1\/checkout\/sessions\/([^/]+)$/, ({ path, params }) => {
    const session = standIn.find('checkout.sessions', path[1]);
    if (!session) return missing('checkout.session', path[1]);
    const expand = Object.values((params.expand ?? []) as string[]);
    const subscription = standIn.find('subscriptions', text(session.subscription));
    return ok(expand.includes('subscription') && subscription ? { ...session, subscription } : session);
  });

  standIn.route('GET', /^\/v1\/subscriptions\/([^/]+)$/, ({ path }) => {
    const subscription = standIn.find('subscriptions', path[1]);
    return subscription ? ok(subscription) : missing('subscription', path[1]);
  });
  standIn.route('POST', /^\/v1\/subscriptions\/([^/]+)$/, async ({ path, params }) => {
    const subscription = standIn.find('subscriptions', path[1]);
    if (!subscription) return missing('subscription', path[1]);
    if (params.cancel_at_period_end !== undefined)
      await cancelAtPeriodEnd(subscription, params.cancel_at_period_end === 'true');
    if (params.metadata)
      subscription.metadata = { ...(subscription.metadata as Params), ...(params.metadata as Params) };
    // items[0][id] and items[0][quantity]: a new quantity for an item, as the portal's seat change does.
    const item = Object.values((params.items ?? []) as Params[])[0];
    if (item && text(item.quantity)) await changeQuantity(subscription, Number(text(item.quantity)));
    return ok(subscription);
  });
  standIn.route('DELETE', /^\/v1\/subscriptions\/([^/]+)$/, async ({ path }) => {
    const subscription = standIn.find('subscriptions', path[1]);
    if (!subscription) return missing('subscription', path[1]);
    return ok(await endSubscription(subscription.id));
  });
  standIn.route('GET', /^\/v1\/invoices\/([^/]+)$/, ({ path }) => {
    const invoice = standIn.find('invoices', path[1]);
    return invoice ? ok(invoice) : missing('invoice', path[1]);
  });
  // Which invoice a payment intent paid (Gaceta asks when a charge is refunded): the invoices whose
  // payments name it, as invoice_payment objects; none for a one-time Checkout payment.
  standIn.route('GET', /^\/v1\/invoice_payments$/, ({ params }) => {
    const asked = text((params.payment as Params | undefined)?.payment_intent);
    const data = standIn
      .list('invoices')
      .flatMap((invoice) =>
        ((invoice.payments as { data?: StripeObject[] } | undefined)?.data ?? [])
          .filter((entry) => asked && (entry.payment as Params | undefined)?.payment_intent === asked)
          .map((entry) => ({ ...entry, object: 'invoice_payment', invoice: invoice.id })),
      );
    return ok({ object: 'list', url: '/v1/invoice_payments', has_more: false, data });
  });

  standIn.route('POST', /^\/v1\/billing_portal\/sessions$/, ({ params }) => {
    const customer = text(params.customer);
    if (!standIn.find('customers', customer)) return missing('customer', customer);
    const id = `bps_${token()}`;
    return ok(
      standIn.store('billing_portal.sessions', {
        id,
        object: 'billing_portal.session',
        configuration: 'bpc_stand_in',
        customer,
        flow: null,
        locale: params.locale ?? null,
        on_behalf_of: null,
        return_url: params.return_url ?? null,
        url: `${standIn.url}/portal/${id}`,
        created: now(),
        livemode: false,
      }),
    );
  });

  // Checkout's hosted payment page: what is bought, and a Pay button that does what paying does.
  standIn.page('GET', /^\/checkout\/([^/]+)$/, ({ path }) => {
    const session = standIn.find('checkout.sessions', path[1]);
    if (session?.mode === 'payment') return paymentPage(session);
    const wanted = asked.get(path[1] ?? '');
    if (!session || !wanted) return notFound;
    if (session.status === 'complete') return redirect(successUrl(session));
    const product = standIn.find('products', text(wanted.price.product));
    const trialDays = Number(wanted.subscriptionData.trial_period_days ?? 0);
    const interval = (wanted.price.recurring as { interval: string }).interval;
    return page(
      `Pay ${String(product?.name ?? 'your subscription')}`,
      `<p class="amount">${escapeHtml(money(wanted.price))} every ${escapeHtml(interval)}</p>${wanted.quantity > 1 ? `<p class="quantity">Qty ${wanted.quantity}</p>` : ''}${wanted.coupon ? `<p class="discount">${escapeHtml(String(wanted.coupon.name ?? wanted.coupon.id))}: ${escapeHtml(money({ ...wanted.price, unit_amount: discountOn(wanted.coupon, wanted.price) }))} off</p>` : ''}${trialDays > 0 ? `<p class="trial">${trialDays} days free</p>` : ''}
<form method="post" action="/checkout/${escapeHtml(session.id)}"><button type="submit">Pay</button></form>
${session.cancel_url ? `<p><a href="${escapeHtml(String(session.cancel_url))}">Cancel</a></p>` : ''}`,
    );
  });
  standIn.page('POST', /^\/checkout\/([^/]+)$/, async ({ path, form }) => {
    const session = standIn.find('checkout.sessions', path[1]);
    if (!session || session.status !== 'open') return session ? redirect(successUrl(session)) : notFound;
    if (session.mode === 'payment') {
      const email = text(form.email) ?? '';
      if (!session.customer && !/^[^\s@]+@[^\s@]+$/.test(email)) return paymentPage(session, 'Enter your email.');
      await payOnce(session, email);
    } else await pay(session);
    return redirect(successUrl(session));
  });

  // The customer portal: the customer's subscriptions, each cancelled at the end of its period.
  standIn.page('GET', /^\/portal\/([^/]+)$/, ({ path }) => {
    const portal = standIn.find('billing_portal.sessions', path[1]);
    if (!portal) return notFound;
    const subscriptions = standIn
      .list('subscriptions')
      .filter((s) => s.customer === portal.customer && s.status !== 'canceled');
    return page(
      'Manage your subscription',
      `${subscriptions
        .map(
          (s) =>
            `<section><p>${escapeHtml(String(s.status))}${s.cancel_at_period_end ? ' (cancels at period end)' : ''}</p>${
              s.cancel_at_period_end
                ? ''
                : `<form method="post" action="/portal/${escapeHtml(portal.id)}/cancel/${escapeHtml(s.id)}"><button type="submit">Cancel at period end</button></form>`
            }</section>`,
        )
        .join('')}<p><a href="${escapeHtml(String(portal.return_url))}">Return</a></p>`,
    );
  });
  standIn.page('POST', /^\/portal\/([^/]+)\/cancel\/([^/]+)$/, async ({ path }) => {
    const portal = standIn.find('billing_portal.sessions', path[1]);
    const subscription = standIn.find('subscriptions', path[2]);
    if (!portal || !subscription || subscription.customer !== portal.customer) return notFound;
    await cancelAtPeriodEnd(subscription, true);
    return redirect(String(portal.return_url));
  });
  standIn.page('GET', /^\/invoice\/([^/]+)$/, ({ path }) => {
    const invoice = standIn.find('invoices', path[1]);
    return invoice
      ? page(`Invoice ${String(invoice.number)}`, `<p>${escapeHtml(String(invoice.status))}</p>`)
      : notFound;
  });

  /**
   * A payment-mode session (a one-time contribution): one line with price_data, for a known customer
   * or with a customer made at payment (customer_creation 'always') from the email the page asks.
   */
  function paymentSession(params: Params): Answer {
    const customer = text(params.customer);
    if (customer && !standIn.find('customers', customer)) return missing('customer', customer);
    const items = (params.line_items ?? []) as Params[];
    const priceData = (items[0]?.price_data ?? {}) as Params;
    const amount = Number(text(priceData.unit_amount));
    const currency = text(priceData.currency);
    const name = text((priceData.product_data as Params | undefined)?.name);
    if (!currency || !Number.isInteger(amount) || amount < 1 || !name)
      return invalid('line_items[0][price_data] needs a currency, a positive unit_amount and product_data[name].');
    if (!text(params.success_url)) return invalid('Missing required param: success_url.');
    const id = `cs_test_${token()}`;
    const created = now();
    return ok(
      standIn.store('checkout.sessions', {
        id,
        object: 'checkout.session',
        mode: 'payment',
        status: 'open',
        payment_status: 'unpaid',
        customer: customer ?? null,
        customer_creation: params.customer_creation ?? null,
        customer_email: params.customer_email ?? null,
        customer_details: null,
        client_reference_id: params.client_reference_id ?? null,
        metadata: params.metadata ?? {},
        locale: params.locale ?? null,
        currency,
        amount_subtotal: amount,
        amount_total: amount,
        line_description: name,
        payment_intent: null,
        ...hostedSession(id, params, created),
      }),
    );
  }

  /** Checkout's page for a one-time payment: the amount, the email when no customer is known, Pay. */
  function paymentPage(session: StripeObject, problem = ''): PageAnswer {
    if (session.status === 'complete') return redirect(successUrl(session));
    const amount = `${(Number(session.amount_total) / 100).toFixed(2)} ${String(session.currency).toUpperCase()}`;
    const email = session.customer
      ? ''
      : `<p><label for="email">Email</label> <input id="email" name="email" type="email" value="${escapeHtml(String(session.customer_email ?? ''))}"></p>`;
    return page(
      `Pay ${String(session.line_description)}`,
      `<p class="amount">${escapeHtml(amount)}</p>${problem ? `<p class="problem">${escapeHtml(problem)}</p>` : ''}
<form method="post" action="/checkout/${escapeHtml(session.id)}">${email}<button type="submit">Pay</button></form>
${session.cancel_url ? `<p><a href="${escapeHtml(String(session.cancel_url))}">Cancel</a></p>` : ''}`,
    );
  }

  /** Paying a one-time session: the customer made when asked, the payment intent, the session paid, the event. */
  async function payOnce(session: StripeObject, email: string): Promise<void> {
    let customer = text(session.customer);
    if (!customer && session.customer_creation === 'always') {
      customer = standIn.store('customers', {
        id: `cus_${token()}`,
        object: 'customer',
        email,
        name: null,
        metadata: {},
        created: now(),
        livemode: false,
      }).id;
    }
    const known = customer ? standIn.find('customers', customer) : undefined;
    Object.assign(session, {
      status: 'complete',
      payment_status: 'paid',
      customer: customer ?? null,
      customer_details: { email: email || (known?.email ?? null), name: null },
      payment_intent: `pi_${token()}`,
    });
    await standIn.deliver('checkout.session.completed', session);
  }

  /** Paying on Checkout's page: the subscription, its first invoice, the session complete, and the events. */
  async function pay(session: StripeObject): Promise<void> {
    const wanted = asked.get(session.id);
    if (!wanted) return;
    const { price, quantity, subscriptionData, coupon } = wanted;
    const created = now();
    const trialDays = Number(subscriptionData.trial_period_days ?? 0);
    const interval = (price.recurring as { interval: string }).interval;
    // In a trial, Stripe's first period is the trial; its end is the first charge.
    const periodEnd = trialDays > 0 ? created + trialDays * DAY : oneInterval(created, interval);
    const id = `sub_${token()}`;
    const subscription = standIn.store('subscriptions', {
      id,
      object: 'subscription',
      customer: session.customer,
      status: trialDays > 0 ? 'trialing' : 'active',
      currency: price.currency,
      metadata: subscriptionData.metadata ?? {},
      items: {
        object: 'list',
        data: [
          {
            id: `si_${token()}`,
            object: 'subscription_item',
            subscription: id,
            price,
            quantity,
            metadata: {},
            created,
            current_period_start: created,
            current_period_end: periodEnd,
          },
        ],
        has_more: false,
        total_count: 1,
        url: `/v1/subscription_items?subscription=${id}`,
      },
      cancel_at_period_end: false,
      cancel_at: null,
      canceled_at: null,
      cancellation_details: { comment: null, feedback: null, reason: null },
      ended_at: null,
      trial_start: trialDays > 0 ? created : null,
      trial_end: trialDays > 0 ? periodEnd : null,
      discounts: coupon ? [`di_${token()}`] : [],
      discount: coupon ? { object: 'discount', coupon, start: created, end: null } : null,
      start_date: created,
      billing_cycle_anchor: periodEnd,
      collection_method: 'charge_automatically',
      latest_invoice: null,
      created,
      livemode: false,
    });
    const invoice = makeInvoice(subscription, {
      amount: trialDays > 0 ? 0 : (Number(price.unit_amount) - discountOn(coupon, price)) * quantity,
      paid: true,
      reason: 'subscription_create',
    });
    subscription.latest_invoice = invoice.id;
    Object.assign(session, {
      status: 'complete',
      payment_status: trialDays > 0 ? 'no_payment_required' : 'paid',
      subscription: id,
      invoice: invoice.id,
    });
    await standIn.deliver('checkout.session.completed', session);
    await standIn.deliver('customer.subscription.created', subscription);
    await standIn.deliver('invoice.paid', invoice);
  }

  function makeInvoice(subscription: StripeObject, input: { amount: number; paid: boolean; reason: string }) {
    const [item] = itemsOf(subscription);
    const price = item?.price as StripeObject;
    const created = now();
    const id = `in_${token()}`;
    invoiceNumber += 1;
    return standIn.store('invoices', {
      id,
      object: 'invoice',
      customer: subscription.customer,
      status: input.paid ? 'paid' : 'open',
      number: `STANDIN-${String(invoiceNumber).padStart(4, '0')}`,
      currency: subscription.currency,
      amount_due: input.amount,
      amount_paid: input.paid ? input.amount : 0,
      amount_remaining: input.paid ? 0 : input.amount,
      subtotal: input.amount,
      total: input.amount,
      attempt_count: 1,
      attempted: true,
      billing_reason: input.reason,
      collection_method: 'charge_automatically',
      hosted_invoice_url: `${standIn.url}/invoice/${id}`,
      invoice_pdf: null,
      period_start: item?.current_period_start ?? created,
      period_end: item?.current_period_end ?? created,
      parent: {
        type: 'subscription_details',
        quote_details: null,
        subscription_details: { subscription: subscription.id, metadata: subscription.metadata },
      },
      lines: {
        object: 'list',
        data: [
          {
            id: `il_${token()}`,
            object: 'line_item',
            amount: input.amount,
            currency: subscription.currency,
            description: null,
            quantity: Number(item?.quantity ?? 1),
            period: { start: item?.current_period_start ?? created, end: item?.current_period_end ?? created },
            pricing: {
              type: 'price_details',
              price_details: { price: price?.id, product: price?.product },
              unit_amount_decimal: String(price?.unit_amount ?? input.amount),
            },
            parent: {
              type: 'subscription_item_details',
              subscription_item_details: { subscription: subscription.id, subscription_item: item?.id },
            },
          },
        ],
        has_more: false,
        url: `/v1/invoices/${id}/lines`,
      },
      status_transitions: {
        finalized_at: created,
        paid_at: input.paid ? created : null,
        marked_uncollectible_at: null,
        voided_at: null,
      },
      metadata: {},
      created,
      livemode: false,
    });
  }

  async function cancelAtPeriodEnd(subscription: StripeObject, cancel: boolean): Promise<void> {
    const previous = {
      cancel_at_period_end: subscription.cancel_at_period_end,
      cancel_at: subscription.cancel_at,
      canceled_at: subscription.canceled_at,
    };
    const periodEnd = itemsOf(subscription)[0]?.current_period_end ?? null;
    Object.assign(subscription, {
      cancel_at_period_end: cancel,
      cancel_at: cancel ? periodEnd : null,
      canceled_at: cancel ? now() : null,
      cancellation_details: { comment: null, feedback: null, reason: cancel ? 'cancellation_requested' : null },
    });
    await standIn.deliver('customer.subscription.updated', subscription, previous);
  }

  /** A new quantity on the subscription's item (a group's seats), told as customer.subscription.updated. */
  async function changeQuantity(subscription: StripeObject, quantity: number): Promise<void> {
    const previous = { items: structuredClone(subscription.items) };
    const [item] = itemsOf(subscription);
    if (item) item.quantity = quantity;
    await standIn.deliver('customer.subscription.updated', subscription, previous);
  }

  async function endSubscription(id: string): Promise<StripeObject> {
    const subscription = standIn.find('subscriptions', id);
    if (!subscription) throw new Error(`the stand-in has no subscription ${id}`);
    const ended = now();
    Object.assign(subscription, {
      status: 'canceled',
      ended_at: ended,
      canceled_at: subscription.canceled_at ?? ended,
    });
    await standIn.deliver('customer.subscription.deleted', subscription);
    return subscription;
  }

  return {
    /** Ends a subscription now, as the end of its period or a cancellation does: customer.subscription.deleted. */
    endSubscription,
    /** Changes a subscription's quantity, as an admin does in the customer portal (customer.subscription.updated). */
    async changeQuantity(subscriptionId: string, quantity: number): Promise<void> {
      const subscription = standIn.find('subscriptions', subscriptionId);
      if (!subscription) throw new Error(`the stand-in has no subscription ${subscriptionId}`);
      await changeQuantity(subscription, quantity);
    },
    /**
     * A renewal that fails: an open invoice (invoice.payment_failed) and the subscription past due
     * (customer.subscription.updated).
     */
    async failPayment(subscriptionId: string): Promise<StripeObject> {
      const subscription = standIn.find('subscriptions', subscriptionId);
      if (!subscription) throw new Error(`the stand-in has no subscription ${subscriptionId}`);
      const price = itemsOf(subscription)[0]?.price as StripeObject;
      const invoice = makeInvoice(subscription, {
        amount: Number(price.unit_amount) * Number(itemsOf(subscription)[0]?.quantity ?? 1),
        paid: false,
        reason: 'subscription_cycle',
      });
      const previous = { status: subscription.status, latest_invoice: subscription.latest_invoice };
      Object.assign(subscription, { status: 'past_due', latest_invoice: invoice.id });
      await standIn.deliver('invoice.payment_failed', invoice);
      await standIn.deliver('customer.subscription.updated', subscription, previous);
      return invoice;
    },
    /**
     * Pays a Checkout session as its page's Pay button does (for tests without a browser); `email` is
     * what an anonymous payer types on a one-time payment's page.
     */
    async pay(sessionId: string, email = ''): Promise<string> {
      const session = standIn.find('checkout.sessions', sessionId);
      if (!session) throw new Error(`the stand-in has no checkout session ${sessionId}`);
      if (session.status === 'open') await (session.mode === 'payment' ? payOnce(session, email) : pay(session));
      return successUrl(session);
    },
    /**
     * Refunds a paid one-time Checkout session in full, as the dashboard's Refund button does: its
     * charge marked refunded, and charge.refunded (amount_refunded equal to the amount, refunded true).
     */
    async refundPayment(sessionId: string): Promise<StripeObject> {
      const session = standIn.find('checkout.sessions', sessionId);
      if (!session?.payment_intent) throw new Error(`the stand-in has no paid checkout session ${sessionId}`);
      const charge = standIn.store('charges', {
        id: `ch_${token()}`,
        object: 'charge',
        payment_intent: session.payment_intent,
        amount: session.amount_total,
        amount_captured: session.amount_total,
        amount_refunded: session.amount_total,
        currency: session.currency,
        paid: true,
        refunded: true,
        status: 'succeeded',
        created: now(),
        livemode: false,
      });
      await standIn.deliver('charge.refunded', charge);
      return charge;
    },
    /** Sends a session's checkout.session.completed again, as Stripe does when it retries a delivery. */
    async redeliverCompleted(sessionId: string): Promise<void> {
      const session = standIn.find('checkout.sessions', sessionId);
      if (!session) throw new Error(`the stand-in has no checkout session ${sessionId}`);
      await standIn.deliver('checkout.session.completed', session);
    },
    /** The coupon a Checkout session was asked to apply, if any. */
    couponOf(sessionId: string): StripeObject | undefined {
      return asked.get(sessionId)?.coupon;
    },
    /** The subscription data (metadata, trial) a Checkout session was asked for. */
    subscriptionDataOf(sessionId: string): Params | undefined {
      return asked.get(sessionId)?.subscriptionData;
    },
  };
}
