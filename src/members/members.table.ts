import type { ColumnType, Selectable } from 'kysely';

/** A reader with an account. `email` is kept as typed; `email_normalized` (lowercase) is unique. */
export interface MembersTable {
  id: string;
  email: string;
  email_normalized: string;
  name: string;
  locale: 'en' | 'es' | null;
  created_at: string;
  attribution: string | null;
}
export type MemberRow = Selectable<MembersTable>;

export type MemberLinkPurpose = 'sign-in' | 'sign-up' | 'email-change';

/** An emailed link and its 6-digit code, both stored as hashes. */
export interface MemberLinksTable {
  token_hash: string;
  code_hash: string;
  purpose: MemberLinkPurpose;
  email_normalized: string;
  email: string;
  /** Null for a sign-up until the link is first followed and the member made. */
  member_id: string | null;
  name: string;
  attribution: string | null;
  created_at: string;
  expires_at: string;
  /** Mail scanners follow links before the reader does: a link works a few times within minutes of this. */
  first_used_at: string | null;
  uses: number;
  code_attempts: number;
  dead_at: string | null;
}
export type MemberLinkRow = Selectable<MemberLinksTable>;

export interface MemberSessionsTable {
  id: string;
  token_hash: string;
  member_id: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}

/** Access granted until `ends_at`, by staff (every tier) or by a redeemed gift (its tier). */
export interface ComplimentaryAccessTable {
  id: string;
  member_id: string;
  granted_by: string | null;
  created_at: string;
  ends_at: string;
  removed_at: string | null;
  note: string;
  /** The one tier it opens (a gift's), or null for every tier (a staff grant). Billing's id, opaque here. */
  tier_id: string | null;
  /** Where it came from; the database fills 'staff' when not said. */
  source: ColumnType<GrantSource, GrantSource | undefined, GrantSource>;
}

/** Who gave a complimentary grant: staff (or the seed), a redeemed gift, an import. */
export type GrantSource = 'staff' | 'gift' | 'import';

/** Secrets made once and shared by every process on this database (the claim signing key). */
export interface MemberKeysTable {
  name: string;
  secret: string;
}

/** One thing that happened to a member's account (members/history.ts says which kinds exist). */
export interface MemberEventsTable {
  id: string;
  member_id: string;
  kind: string;
  detail: string;
  actor: string;
  created_at: string;
}

/** A member's choices of mail (members/preferences.ts); 0 or 1. */
export interface MemberPreferencesTable {
  member_id: string;
  newsletter: number;
  comment_replies: number;
  updated_at: string;
}
