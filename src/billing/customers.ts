import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { nowIso } from '../db/ids.ts';

type Executor = Kysely<Database> | Transaction<Database>;

/** Which Stripe customer stands for which member (billing's table, migration 0017). */

/** The Stripe customer that stands for this member, once Gaceta or Checkout made one (the newest). */
export async function stripeCustomerOf(db: Executor, memberId: string): Promise<string | null> {
  const row = await db
    .selectFrom('stripe_customers')
    .select('stripe_customer_id')
    .where('member_id', '=', memberId)
    .orderBy('created_at', 'desc')
    .orderBy('stripe_customer_id', 'desc')
    .executeTakeFirst();
  return row?.stripe_customer_id ?? null;
}

/** The member a Stripe customer stands for. */
export async function memberOfStripeCustomer(db: Executor, customerId: string): Promise<string | null> {
  const row = await db
    .selectFrom('stripe_customers')
    .select('member_id')
    .where('stripe_customer_id', '=', customerId)
    .executeTakeFirst();
  return row?.member_id ?? null;
}

/**
 * Remembers which Stripe customer is this member (made by Gaceta before Checkout, or by Checkout).
 * Remembering it again changes nothing: a customer, once someone's, stays theirs.
 */
export async function rememberStripeCustomer(db: Executor, memberId: string, stripeCustomerId: string): Promise<void> {
  await db
    .insertInto('stripe_customers')
    .values({ stripe_customer_id: stripeCustomerId, member_id: memberId, created_at: nowIso() })
    .onConflict((oc) => oc.column('stripe_customer_id').doNothing())
    .execute();
}
