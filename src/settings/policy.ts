import { AppError } from '../http/errors.ts';
import { describeActor, isSystem, type SystemActor } from '../staff/actor.ts';
import type { StaffRole } from '../staff/staff.table.ts';

export type SettingsAction = 'settings.manage';
export type SettingsPolicyActor = { role: StaffRole } | SystemActor;

/** Site settings change every page: admins change them, and the seed sets up a new site's. */
export function canSettings(actor: SettingsPolicyActor, action: SettingsAction): boolean {
  switch (action) {
    case 'settings.manage':
      return isSystem(actor) ? actor.task === 'seed' : actor.role === 'admin';
  }
}

/** Throws FORBIDDEN unless the settings policy allows the action. */
export function authorizeSettings(actor: SettingsPolicyActor, action: SettingsAction): void {
  if (!canSettings(actor, action))
    throw new AppError('FORBIDDEN', `${describeActor(actor)} may not change site settings; ask an admin.`);
}
