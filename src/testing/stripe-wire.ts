import { randomBytes } from 'node:crypto';
import Stripe from 'stripe';

/*
 * What the Stripe stand-in (stripe.ts) and its billing endpoints (stripe-billing.ts) share: Stripe's
 * wire format (form-encoded parameters, error answers, signed webhook events) and id making.
 */

export type Params = { [key: string]: string | Params | Params[] | string[] };
/** An answer of the API: a status and the JSON body. */
export interface Answer {
  status: number;
  body: unknown;
}
/** A Stripe object as the stand-in keeps it. */
export type StripeObject = Record<string, unknown> & { id: string };
/** An API endpoint: the parsed parameters, the path's match (its groups), the query. */
export type Handler = (request: {
  params: Params;
  path: RegExpMatchArray;
  query: URLSearchParams;
}) => Answer | Promise<Answer>;
/** A page a browser opens on the stand-in (Checkout's payment page, the portal): HTML or a redirect. */
export interface PageAnswer {
  status: number;
  html?: string;
  location?: string;
}
export type PageHandler = (request: { form: Params; path: RegExpMatchArray }) => PageAnswer | Promise<PageAnswer>;

export const STRIPE_TEST_KEY = 'sk_test_gaceta_stand_in';
export const STRIPE_TEST_WEBHOOK_SECRET = 'whsec_gaceta_stand_in';

/** Stripe's answer to a request it refuses. */
export const stripeError = (status: number, type: string, message: string, code?: string): Answer => ({
  status,
  body: { error: { type, message, ...(code ? { code } : {}) } },
});

/** Stripe's answer for an id it does not know. */
export const missing = (kind: string, id: string | undefined): Answer =>
  stripeError(404, 'invalid_request_error', `No such ${kind}: '${id}'`, 'resource_missing');

export const ok = (body: unknown): Answer => ({ status: 200, body });

/** A random id tail, as Stripe's ids have. */
export const token = (): string => randomBytes(12).toString('hex');
/** Now in seconds, as Stripe counts time. */
export const now = (): number => Math.floor(Date.now() / 1000);

/**
 * A webhook event's body and headers, signed exactly as Stripe signs them (the real package's
 * generateTestHeaderString), to send to Gaceta's webhook endpoint with app.inject or fetch.
 */
export function signedWebhook(
  event: {
    type: string;
    data: { object: Record<string, unknown>; previous_attributes?: Record<string, unknown> };
  } & Record<string, unknown>,
  secret = STRIPE_TEST_WEBHOOK_SECRET,
  timestamp = Math.floor(Date.now() / 1000),
): { payload: string; headers: Record<string, string> } {
  const payload = JSON.stringify({
    id: `evt_${token()}`,
    object: 'event',
    api_version: Stripe.API_VERSION,
    created: timestamp,
    livemode: false,
    pending_webhooks: 1,
    ...event,
  });
  const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp });
  return { payload, headers: { 'content-type': 'application/json', 'stripe-signature': signature } };
}

/** Stripe's form encoding (`metadata[key]=v`, `lookup_keys[0]=a`, `expand[]=x`) as nested objects. */
export function parseForm(text: string): Params {
  const root: Params = {};
  for (const [key, value] of new URLSearchParams(text)) {
    const [head = '', ...rest] = key.split('[').map((part, i) => (i === 0 ? part : part.replace(/\]$/, '')));
    let node: Params | Params[] | string[] = root;
    const path = [head, ...rest];
    path.forEach((part, i) => {
      const last = i === path.length - 1;
      const nextIsIndex = !last && /^\d*$/.test(path[i + 1] ?? '');
      const slot = part === '' && Array.isArray(node) ? String(node.length) : part;
      const holder = node as Record<string, unknown>;
      if (last) holder[slot] = value;
      else {
        holder[slot] ??= nextIsIndex ? [] : {};
        node = holder[slot] as Params;
      }
    });
  }
  return root;
}
