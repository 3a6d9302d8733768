import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { installBilling } from './stripe-billing.ts';
import {
  type Answer,
  type Handler,
  missing,
  type PageAnswer,
  type PageHandler,
  now,
  ok,
  type Params,
  parseForm,
  signedWebhook,
  STRIPE_TEST_KEY,
  STRIPE_TEST_WEBHOOK_SECRET,
  stripeError,
  type StripeObject,
  token,
} from './stripe-wire.ts';

export {
  type Params,
  parseForm,
  signedWebhook,
  STRIPE_TEST_KEY,
  STRIPE_TEST_WEBHOOK_SECRET,
  stripeError,
} from './stripe-wire.ts';

/*
 * A stand-in for Stripe's API on loopback, for tests that drive the real `stripe` package (pointed
 * at it with STRIPE_API_URL). It parses the form-encoded bodies the package sends, checks the
 * secret key, honours Idempotency-Key as Stripe does (the same request answers the same; another
 * request under a used key is refused), records every request, and can be taken down (or made to
 * fail with 500s) to play an outage. Endpoints are a table, one `route()` each: the catalogue here,
 * customers, Checkout, subscriptions, invoices and the customer portal in stripe-billing.ts, whose
 * hosted pages (Checkout's payment page, the portal) are `page()`s a browser opens, and whose
 * changes are told to Gaceta as signed webhook events POSTed to `webhookUrl`.
 */

export interface RecordedRequest {
  method: string;
  path: string;
  params: Params;
  idempotencyKey: string | undefined;
}
/** A webhook event the stand-in sent to Gaceta, and what came of it (an HTTP status, or the error). */
export interface Delivery {
  id: string;
  type: string;
  status: number | null;
  error?: string;
}

export class StripeStandIn {
  readonly requests: RecordedRequest[] = [];
  /** Objects made, by kind ('products', 'prices') and id. */
  readonly objects = new Map<string, Map<string, StripeObject>>();
  /** While true, every connection is dropped unanswered, as when Stripe cannot be reached. */
  down = false;
  /** Drop connections after this many more requests are answered (an outage in the middle of a sync). */
  answersBeforeOutage = Infinity;
  /** The next this many requests are carried out but their answers lost (the connection drops after). */
  answersToLose = 0;
  /** While true, API requests are answered 500 as when Stripe itself fails (pages still open). */
  failing = false;
  /** Where webhook events are POSTed (Gaceta's webhook endpoint); none: events are recorded, not sent. */
  webhookUrl: string | undefined;
  webhookSecret = STRIPE_TEST_WEBHOOK_SECRET;
  /** Every webhook event sent, in order, with Gaceta's answer; a failed delivery is recorded, never thrown. */
  readonly deliveries: Delivery[] = [];
  readonly #routes: Array<{ method: string; pattern: RegExp; handler: Handler }> = [];
  readonly #pages: Array<{ method: string; pattern: RegExp; handler: PageHandler }> = [];
  /** What a test makes happen on Stripe's side: a subscription ended, a payment failed (stripe-billing.ts). */
  readonly billing = installBilling(this);
  readonly #idempotent = new Map<string, { fingerprint: string; answer: Answer }>();
  #server: Server | undefined;
  url = '';

  constructor(readonly secretKey = STRIPE_TEST_KEY) {
    this.#catalogue();
  }

  /** Adds an endpoint: `pattern` matches the path (its groups reach the handler); it replaces an earlier one of the same path. */
  route(method: string, pattern: RegExp, handler: Handler): void {
    this.#routes.push({ method, pattern, handler });
  }

  /** Adds a page a browser opens (no API key; forms post to it as browsers do). */
  page(method: string, pattern: RegExp, handler: PageHandler): void {
    this.#pages.push({ method, pattern, handler });
  }

  /**
   * Sends Gaceta a webhook event about `object`, signed as Stripe signs them, and waits for its
   * answer (so a test, or a browser coming back from a hosted page, finds it handled).
   */
  async deliver(type: string, object: StripeObject, previousAttributes?: Record<string, unknown>): Promise<void> {
    const event = signedWebhook(
      {
        type,
        data: {
          object: structuredClone(object),
          ...(previousAttributes ? { previous_attributes: previousAttributes } : {}),
        },
      },
      this.webhookSecret,
    );
    const id = (JSON.parse(event.payload) as { id: string }).id;
    if (!this.webhookUrl) {
      this.deliveries.push({ id, type, status: null, error: 'no webhookUrl' });
      return;
    }
    try {
      const answer = await fetch(this.webhookUrl, { method: 'POST', headers: event.headers, body: event.payload });
      await answer.arrayBuffer();
      this.deliveries.push({ id, type, status: answer.status });
    } catch (error) {
      this.deliveries.push({ id, type, status: null, error: String(error) });
    }
  }

  /** The objects of one kind, in the order they were made. */
  list(kind: string): StripeObject[] {
    return [...(this.objects.get(kind)?.values() ?? [])];
  }

  /** Requests that made something (POST to a collection), for "nothing made twice" assertions. */
  creations(path: string): RecordedRequest[] {
    return this.requests.filter((r) => r.method === 'POST' && r.path === path);
  }

  store(kind: string, object: StripeObject): StripeObject {
    let objects = this.objects.get(kind);
    if (!objects) this.objects.set(kind, (objects = new Map()));
    objects.set(object.id, object);
    return object;
  }

  find(kind: string, id: string | undefined): StripeObject | undefined {
    return id === undefined ? undefined : this.objects.get(kind)?.get(id);
  }

  async start(): Promise<string> {
    this.#server = createServer((request, response) => void this.#serve(request, response));
    await new Promise<void>((resolve) => this.#server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    this.#server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.#server ? this.#server.close(() => resolve()) : resolve()));
  }

  async #serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    if (this.down || this.answersBeforeOutage <= 0) {
      request.socket.destroy();
      return;
    }
    this.answersBeforeOutage -= 1;
    const url = new URL(request.url ?? '/', 'http://stand-in');
    const method = request.method ?? 'GET';
    const body = Buffer.concat(chunks).toString('utf8');
    if (!url.pathname.startsWith('/v1/')) return this.#servePage(method, url.pathname, parseForm(body), response);
    const params = parseForm(method === 'GET' || method === 'DELETE' ? url.search.slice(1) : body);
    const idempotencyKey = header(request, 'idempotency-key');
    this.requests.push({ method, path: url.pathname, params, idempotencyKey });
    const answer = await this.#answer(request, method, url, params, idempotencyKey);
    if (this.answersToLose > 0) {
      this.answersToLose -= 1;
      request.socket.destroy();
      return;
    }
    response.writeHead(answer.status, { 'content-type': 'application/json', 'request-id': `req_${token()}` });
    response.end(JSON.stringify(answer.body));
  }

  async #servePage(method: string, pathname: string, form: Params, response: ServerResponse): Promise<void> {
    const page = this.#pages.find((p) => p.method === method && p.pattern.test(pathname));
    const path = page ? pathname.match(page.pattern) : null;
    const answer: PageAnswer =
      page && path
        ? await page.handler({ form, path })
        : { status: 404, html: '<!DOCTYPE html><title>Not found</title>' };
    response.writeHead(answer.status, {
      'content-type': 'text/html; charset=utf-8',
      ...(answer.location ? { location: answer.location } : {}),
    });
    response.end(answer.html ?? '');
  }

  async #answer(
    request: IncomingMessage,
    method: string,
    url: URL,
    params: Params,
    idempotencyKey: string | undefined,
  ): Promise<Answer> {
    if (header(request, 'authorization') !== `Bearer ${this.secretKey}`)
      return stripeError(401, 'invalid_request_error', 'Invalid API Key provided.');
    if (this.failing) return stripeError(500, 'api_error', 'An unknown error occurred on our side.');
    const fingerprint = `${method} ${url.pathname} ${JSON.stringify(params)}`;
    const earlier = idempotencyKey ? this.#idempotent.get(idempotencyKey) : undefined;
    if (earlier)
      return earlier.fingerprint === fingerprint
        ? earlier.answer
        : stripeError(
            400,
            'idempotency_error',
            `Keys for idempotent requests can only be used with the same parameters they were first used with.`,
          );
    // The latest definition of an endpoint wins, so a test can answer one its own way.
    const route = [...this.#routes].reverse().find((r) => r.method === method && r.pattern.test(url.pathname));
    const path = route ? url.pathname.match(route.pattern) : null;
    const answer =
      route && path
        ? await route.handler({ params, path, query: url.searchParams })
        : stripeError(404, 'invalid_request_error', `Unrecognized request URL (${method}: ${url.pathname}).`);
    // Stripe keeps the answer of a request that ran, not of one refused before it ran.
    if (idempotencyKey && answer.status < 500) this.#idempotent.set(idempotencyKey, { fingerprint, answer });
    return answer;
  }

  #catalogue(): void {
    this.route('POST', /^\/v1\/products$/, ({ params }) => {
      const id = typeof params.id === 'string' ? params.id : `prod_${token()}`;
      if (this.find('products', id))
        return stripeError(400, 'invalid_request_error', 'Product already exists.', 'resource_already_exists');
      if (!params.name) return stripeError(400, 'invalid_request_error', 'Missing required param: name.');
      return ok(
        this.store('products', {
          id,
          object: 'product',
          name: params.name,
          description: params.description ?? null,
          active: params.active !== 'false',
          metadata: params.metadata ?? {},
          created: now(),
        }),
      );
    });
    this.route('GET', /^\/v1\/products\/([^/]+)$/, ({ path }) => {
      const product = this.find('products', path[1]);
      return product ? ok(product) : missing('product', path[1]);
    });
    this.route('POST', /^\/v1\/products\/([^/]+)$/, ({ path, params }) => {
      const product = this.find('products', path[1]);
      if (!product) return missing('product', path[1]);
      const { active, metadata, description, ...rest } = params;
      Object.assign(product, rest, {
        ...(active !== undefined ? { active: active === 'true' } : {}),
        ...(description !== undefined ? { description: description || null } : {}),
        ...(metadata !== undefined ? { metadata: { ...(product.metadata as Params), ...(metadata as Params) } } : {}),
      });
      return ok(product);
    });

    this.route('POST', /^\/v1\/prices$/, ({ params }) => {
      const product = this.find('products', params.product as string);
      if (!product) return missing('product', params.product as string);
      const lookupKey = typeof params.lookup_key === 'string' ? params.lookup_key : null;
      const holder = this.list('prices').find((p) => p.lookup_key === lookupKey && p.active);
      if (lookupKey && holder) {
        if (params.transfer_lookup_key !== 'true')
          return stripeError(
            400,
            'invalid_request_error',
            `A price (\`${holder.id}\`) already uses that lookup key.`,
            'lookup_key_already_exists',
          );
        holder.lookup_key = null;
      }
      const recurring = params.recurring as Params | undefined;
      return ok(
        this.store('prices', {
          id: `price_${token()}`,
          object: 'price',
          active: true,
          currency: params.currency,
          unit_amount: Number(params.unit_amount),
          product: product.id,
          recurring: recurring ? { interval: recurring.interval, interval_count: 1 } : null,
          type: recurring ? 'recurring' : 'one_time',
          lookup_key: lookupKey,
          metadata: params.metadata ?? {},
          created: now(),
        }),
      );
    });
    this.route('POST', /^\/v1\/prices\/([^/]+)$/, ({ path, params }) => {
      const price = this.find('prices', path[1]);
      if (!price) return missing('price', path[1]);
      if (params.active !== undefined) price.active = params.active === 'true';
      if (params.metadata) price.metadata = { ...(price.metadata as Params), ...(params.metadata as Params) };
      return ok(price);
    });
    this.route('GET', /^\/v1\/prices$/, ({ params }) => {
      const keys = params.lookup_keys as string[] | undefined;
      const data = this.list('prices').filter((p) => !keys || keys.includes(p.lookup_key as string));
      return ok({ object: 'list', data, has_more: false, url: '/v1/prices' });
    });
  }
}

/** Starts a stand-in on a free loopback port. */
export async function startStripeStandIn(secretKey = STRIPE_TEST_KEY): Promise<StripeStandIn> {
  const standIn = new StripeStandIn(secretKey);
  await standIn.start();
  return standIn;
}

const header = (request: IncomingMessage, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};
