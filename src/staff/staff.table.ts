import type { Selectable } from 'kysely';

export type StaffRole = 'contributor' | 'author' | 'editor' | 'admin';
export const STAFF_ROLES: readonly StaffRole[] = ['contributor', 'author', 'editor', 'admin'];

export interface StaffTable {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  password_hash: string;
  created_at: string;
  disabled_at: string | null;
  /** The staff member's own language; null speaks the site's. */
  locale: 'en' | 'es' | null;
  /** Two-factor sign-in (TOTP): the secret while it is on, the one being set up, the last step accepted. */
  totp_secret: string | null;
  totp_enabled_at: string | null;
  totp_pending_secret: string | null;
  totp_last_step: number | null;
}
export type StaffRow = Selectable<StaffTable>;

// Only hashes of secrets are stored, so a leaked database grants no access.
export interface StaffSessionsTable {
  token_hash: string;
  staff_id: string;
  csrf_hash: string;
  created_at: string;
  expires_at: string;
}
export interface ApiKeysTable {
  id: string;
  staff_id: string;
  name: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}
