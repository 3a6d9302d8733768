import type { Selectable } from 'kysely';
import type { StaffRole } from './staff.table.ts';

// An invitation to join the staff, pending until accepted, revoked or expired. Only the hash of its
// link's token is stored; resending replaces it, so an older link stops working.
export interface StaffInvitationsTable {
  id: string;
  email: string;
  role: StaffRole;
  locale: 'en' | 'es' | null;
  token_hash: string;
  invited_by: string | null;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  revoked_at: string | null;
}
export type StaffInvitationRow = Selectable<StaffInvitationsTable>;
