import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/**
 * Which Stripe customer stands for which member.
 *
 * INTERFACE FIRST: the webhook work adds the table and fills these in (until then they find nothing).
 */

/** The Stripe customer that stands for this member, once Gaceta or Checkout made one. */
export async function stripeCustomerOf(_db: Kysely<Database>, _memberId: string): Promise<string | null> {
  return null;
}

/** The member a Stripe customer stands for. */
export async function memberOfStripeCustomer(_db: Kysely<Database>, _customerId: string): Promise<string | null> {
  return null;
}

/** Remembers which Stripe customer is this member (made by Gaceta before Checkout, or by Checkout). */
export async function rememberStripeCustomer(
  _db: Kysely<Database>,
  _memberId: string,
  _stripeCustomerId: string,
): Promise<void> {}
