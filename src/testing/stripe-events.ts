import type { KyselyPlugin } from 'kysely';
import { insertPrice, insertTier } from '../billing/tiers.repository.ts';
import { newId, nowIso } from '../db/ids.ts';
import { memberHistory } from '../members/history.ts';
import { ensureMember } from '../members/members.service.ts';
import type { TestApp } from './harness.ts';
import { signedWebhook } from './stripe.ts';

/*
 * What the webhook tests share: Stripe's objects as its events carry them, a paid tier whose price
 * Stripe knows, and deliveries to /webhooks/stripe signed as Stripe signs them (testing/stripe.ts).
 */

export const DAY = 86_400;
/** Now in Stripe's seconds. */
export const now = (): number => Math.floor(Date.now() / 1000);
export const PRICE = 'price_gaceta_monthly';

export type WebhookEvent = Parameters<typeof signedWebhook>[0];

/** A subscription as Stripe describes it in its events (the period lives on the item since 2025). */
export function subscription(
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

/** A paid tier "Supporter" whose monthly price Stripe knows as PRICE; its id. */
export async function makeSupporterTier(t: TestApp): Promise<string> {
  const db = t.database.handle.db;
  const tierId = newId();
  const created = nowIso();
  await insertTier(db, {
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
  await insertPrice(db, {
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
  return tierId;
}

/** Sends an event to the app's webhook endpoint, signed (with another secret or time when given). */
export function deliver(t: Pick<TestApp, 'app'>, event: WebhookEvent, secret?: string, timestamp?: number) {
  const { payload, headers } = signedWebhook(event, secret, timestamp);
  return t.app.inject({ method: 'POST', url: '/webhooks/stripe', payload, headers });
}

/** A member made directly (no mail); their id. */
export const makeMember = async (t: TestApp, email: string): Promise<string> =>
  (await ensureMember(t.database.handle.db, { email, normalized: email })).id;

/** The member's subscription status changes, oldest first, as "from→to (cancelling)". */
export async function statusChanges(t: TestApp, memberId: string): Promise<string[]> {
  return (await memberHistory(t.database.handle.db, memberId))
    .filter((event) => event.kind === 'subscription-status')
    .map(
      (event) =>
        `${String(event.detail.from)}→${String(event.detail.to)}${event.detail.cancelAtPeriodEnd ? ' (cancelling)' : ''}`,
    )
    .reverse();
}

/** A database plugin that makes the first insert into `table` throw, as a process dying midway. */
export function failingOnce(table: string): KyselyPlugin {
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
