import { AppError } from '../http/errors.ts';
import { type Actor, describeActor, isSystem } from '../staff/actor.ts';

export type MemberAction = 'members.grantComplimentary';

/**
 * Editors and admins give and take away complimentary access (a contributor or author does not
 * decide who reads for free). Of the system, only the seed does, for the demo newsroom's paid member.
 */
export function canMembers(actor: Actor, action: MemberAction): boolean {
  if (isSystem(actor)) return action === 'members.grantComplimentary' && actor.task === 'seed';
  return actor.role === 'editor' || actor.role === 'admin';
}

/** Throws FORBIDDEN, naming who and what, unless the members policy allows the action. */
export function authorizeMembers(actor: Actor, action: MemberAction): void {
  if (!canMembers(actor, action))
    throw new AppError(
      'FORBIDDEN',
      `${describeActor(actor)} may not grant or remove complimentary access; ask an editor.`,
    );
}
