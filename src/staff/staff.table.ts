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
