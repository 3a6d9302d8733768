import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SYSTEM, SYSTEM_TASKS } from '../staff/actor.ts';
import type { StaffRole } from '../staff/staff.table.ts';
import { type BillingAction, type BillingPolicyActor, canBilling } from './policy.ts';

const ROLES: StaffRole[] = ['contributor', 'author', 'editor', 'admin'];
const ACTORS: BillingPolicyActor[] = [...ROLES.map((role) => ({ role })), ...SYSTEM_TASKS.map((task) => SYSTEM[task])];

// Y = allowed, . = refused. Columns: contributor, author, editor, admin | scheduler, seed, operator.
const TABLE: Array<[BillingAction, string]> = [
  ['tiers.read', '..YY|.Y.'],
  ['tiers.manage', '...Y|.Y.'],
  ['offers.manage', '...Y|.Y.'],
];

describe('billing policy: every staff role and system task against every action', () => {
  for (const [action, expected] of TABLE) {
    it(`${action}: ${expected}`, () => {
      const marks = ACTORS.map((actor) => (canBilling(actor, action) ? 'Y' : '.'));
      assert.equal(`${marks.slice(0, 4).join('')}|${marks.slice(4).join('')}`, expected);
    });
  }
});
