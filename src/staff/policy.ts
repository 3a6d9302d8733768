import { AppError } from '../http/errors.ts';
import { describeActor, isSystem, type SystemActor } from './actor.ts';
import type { StaffRole } from './staff.table.ts';

export type StaffAction = 'staff.manage' | 'apiKey.manageOwn';
export type StaffPolicyActor = { role: StaffRole } | SystemActor;

/**
 * Only admins manage staff accounts; every member of staff manages their own API keys. Of the
 * system, only an operator's command (`gaceta create-staff`, which makes the first admin) manages
 * staff, and the system has no API keys of its own.
 */
export function canStaff(actor: StaffPolicyActor, action: StaffAction): boolean {
  if (isSystem(actor)) return action === 'staff.manage' && actor.task === 'operator';
  if (action === 'apiKey.manageOwn') return true;
  return actor.role === 'admin';
}

const PHRASE: Record<StaffAction, string> = {
  'staff.manage': 'manage staff accounts; ask an admin',
  'apiKey.manageOwn': 'hold API keys',
};

/** Throws FORBIDDEN, naming who and what, unless the staff policy allows the action. */
export function authorizeStaff(actor: StaffPolicyActor, action: StaffAction): void {
  if (!canStaff(actor, action)) throw new AppError('FORBIDDEN', `${describeActor(actor)} may not ${PHRASE[action]}.`);
}
