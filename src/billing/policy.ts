import { AppError } from '../http/errors.ts';
import { describeActor, isSystem, type SystemActor } from '../staff/actor.ts';
import type { StaffRole } from '../staff/staff.table.ts';

/**
 * `tiers.read`: see tiers, prices and offers in the newsroom; `tiers.manage`: change tiers and their
 * prices; `offers.manage`: make and end offers (discount links).
 */
export type BillingAction = 'tiers.read' | 'tiers.manage' | 'offers.manage';
export type BillingPolicyActor = { role: StaffRole } | SystemActor;

/**
 * What readers pay is the newsroom's business decision: admins set tiers and prices, and the seed
 * sets up a demo newsroom's. Editors may look (they choose which tiers a story is for).
 */
export function canBilling(actor: BillingPolicyActor, action: BillingAction): boolean {
  if (isSystem(actor)) return actor.task === 'seed';
  switch (action) {
    case 'tiers.read':
      return actor.role === 'editor' || actor.role === 'admin';
    case 'tiers.manage':
    case 'offers.manage':
      return actor.role === 'admin';
  }
}

/** Throws FORBIDDEN unless the billing policy allows the action. */
export function authorizeBilling(actor: BillingPolicyActor, action: BillingAction): void {
  if (!canBilling(actor, action))
    throw new AppError(
      'FORBIDDEN',
      action === 'tiers.read'
        ? `${describeActor(actor)} may not see tiers and prices; ask an editor or admin.`
        : action === 'offers.manage'
          ? `${describeActor(actor)} may not make or end offers; ask an admin.`
          : `${describeActor(actor)} may not change tiers and prices; ask an admin.`,
    );
}
