import type { StaffRole } from './staff.table.ts';

export type StaffAction = 'staff.manage' | 'settings.manage' | 'apiKey.manageOwn';

/** Only admins manage staff and site settings; everyone manages their own API keys. */
export function canStaff(actor: { role: StaffRole }, action: StaffAction): boolean {
  if (action === 'apiKey.manageOwn') return true;
  return actor.role === 'admin';
}
