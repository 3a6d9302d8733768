import type { Selectable } from 'kysely';

/** An organisation's group subscription: `seats` places on a tier, paid by one Stripe subscription. */
export interface MemberGroupsTable {
  id: string;
  name: string;
  tier_id: string;
  /** The tier's name when bought, so pages about the group need nothing from billing. */
  tier_name: string;
  /** The member who bought it, who manages it, and whose Stripe customer pays. */
  admin_member_id: string;
  /** The subscription's quantity, as Stripe last said (lowered below the seats taken, no one is removed). */
  seats: number;
  /** Lowercase; a signed-in member whose address is at this domain may take a seat. */
  email_domain: string | null;
  /** Null while Checkout has not finished: the group gives no access until it is paid. */
  stripe_subscription_id: string | null;
  /** The time of the Stripe event that set `seats` (ISO), so an older event never sets it back. */
  seats_observed_at: string | null;
  created_at: string;
}
export type MemberGroupRow = Selectable<MemberGroupsTable>;

/** A member's place in a group; running while `removed_at` is null. */
export interface GroupSeatsTable {
  id: string;
  group_id: string;
  member_id: string;
  joined_at: string;
  removed_at: string | null;
}

/** An emailed invitation to take a seat: the token hashed, for one address, once, for 14 days. */
export interface GroupInvitesTable {
  id: string;
  group_id: string;
  email_normalized: string;
  email: string;
  token_hash: string;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  revoked_at: string | null;
}
export type GroupInviteRow = Selectable<GroupInvitesTable>;
