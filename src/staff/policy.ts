import { AppError } from '../http/errors.ts';
import { describeActor, isSystem, type SystemActor } from './actor.ts';
import type { StaffRole } from './staff.table.ts';

export type StaffAction = 'staff.manage' | 'staff.invite' | 'apiKey.manageOwn' | 'account.manageOwn';
export type StaffPolicyActor = { role: StaffRole } | SystemActor;

/**
 * Only admins manage staff accounts and invite people; every member of staff manages their own
 * API keys and their own account (password, language, two-factor sign-in). Of the system, only an
 * operator's command (`gaceta create-staff`, which makes the first admin) manages staff; the system
 * invites no one (an invitation is signed by the admin who sent it) and has no keys or account.
 * Following a reset or invitation link is not in this table: the emailed token is the authority.
 */
export function canStaff(actor: StaffPolicyActor, action: StaffAction): boolean {
  if (isSystem(actor)) return action === 'staff.manage' && actor.task === 'operator';
  if (action === 'apiKey.manageOwn' || action === 'account.manageOwn') return true;
  return actor.role === 'admin';
}

const PHRASE: Record<StaffAction, string> = {
  'staff.manage': 'manage staff accounts; ask an admin',
  'staff.invite': 'invite staff; ask an admin',
  'apiKey.manageOwn': 'hold API keys',
  'account.manageOwn': 'have an account of its own',
};

/** Throws FORBIDDEN, naming who and what, unless the staff policy allows the action. */
export function authorizeStaff(actor: StaffPolicyActor, action: StaffAction): void {
  if (!canStaff(actor, action)) throw new AppError('FORBIDDEN', `${describeActor(actor)} may not ${PHRASE[action]}.`);
}
