import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../http/errors.ts';
import { SYSTEM, SYSTEM_TASKS } from './actor.ts';
import { authorizeStaff, canStaff, type StaffAction, type StaffPolicyActor } from './policy.ts';
import type { StaffRole } from './staff.table.ts';

const ROLES: StaffRole[] = ['contributor', 'author', 'editor', 'admin'];
const ACTORS: StaffPolicyActor[] = [...ROLES.map((role) => ({ role })), ...SYSTEM_TASKS.map((task) => SYSTEM[task])];

// Y = allowed, . = refused. Columns: contributor, author, editor, admin | scheduler, seed, operator.
const TABLE: Array<[StaffAction, string]> = [
  ['staff.manage', '...Y|..Y'],
  ['staff.invite', '...Y|...'],
  ['apiKey.manageOwn', 'YYYY|...'],
  ['account.manageOwn', 'YYYY|...'],
];

describe('staff policy: every staff role and system task against every action', () => {
  for (const [action, expected] of TABLE) {
    it(`${action}: ${expected}`, () => {
      const marks = ACTORS.map((actor) => (canStaff(actor, action) ? 'Y' : '.'));
      assert.equal(`${marks.slice(0, 4).join('')}|${marks.slice(4).join('')}`, expected);
    });
  }

  it('refuses with FORBIDDEN, naming who', () => {
    assert.throws(
      () => authorizeStaff({ role: 'editor' }, 'staff.manage'),
      (error: unknown) => error instanceof AppError && error.status === 403 && /^An editor may not/.test(error.message),
    );
  });
});
