import type { Selectable } from 'kysely';

/** Which Stripe customer stands for which member (a member may have had more than one). */
export interface StripeCustomersTable {
  stripe_customer_id: string;
  member_id: string;
  created_at: string;
}

/** A webhook event as Stripe sent it, stored before it is acted on; `processed_at` null: not yet done. */
export interface StripeEventsTable {
  id: string;
  type: string;
  /** The event's JSON exactly as received (its signature was checked on these bytes). */
  payload: string;
  received_at: string;
  processed_at: string | null;
  attempts: number;
  last_error: string | null;
}
export type StripeEventRow = Selectable<StripeEventsTable>;
