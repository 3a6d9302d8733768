import { AppError } from '../http/errors.ts';
import { type Actor, describeActor, isSystem } from '../staff/actor.ts';

export type MemberAction = 'members.read' | 'members.readRevenue' | 'members.grantComplimentary' | 'members.import';

const WHAT: Record<MemberAction, string> = {
  'members.read': 'see the members list or a member’s account',
  'members.readRevenue': 'see paid members and revenue over time',
  'members.grantComplimentary': 'grant or remove complimentary access',
  'members.import': 'import members',
};

/**
 * Editors and admins see who the members are, give and take away complimentary access, and import
 * members (a contributor or author neither reads readers' addresses nor decides who reads for free).
 * They also see the revenue dashboard: its numbers add up what they already see (who is paid, on
 * which tier, and the tiers' prices), so hiding them from editors would protect nothing.
 * Of the system, only the seed grants access, for the demo newsroom's paid member.
 */
export function canMembers(actor: Actor, action: MemberAction): boolean {
  if (isSystem(actor)) return action === 'members.grantComplimentary' && actor.task === 'seed';
  return actor.role === 'editor' || actor.role === 'admin';
}

/** Throws FORBIDDEN, naming who and what, unless the members policy allows the action. */
export function authorizeMembers(actor: Actor, action: MemberAction): void {
  if (!canMembers(actor, action))
    throw new AppError('FORBIDDEN', `${describeActor(actor)} may not ${WHAT[action]}; ask an editor.`);
}
