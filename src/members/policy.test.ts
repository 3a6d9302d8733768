import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../http/errors.ts';
import { type Actor, SYSTEM, SYSTEM_TASKS } from '../staff/actor.ts';
import type { StaffRole } from '../staff/staff.table.ts';
import { authorizeMembers, canMembers, type MemberAction } from './policy.ts';

const ROLES: StaffRole[] = ['contributor', 'author', 'editor', 'admin'];
const ACTORS: Actor[] = [
  ...ROLES.map((role) => ({ id: role, name: role, email: `${role}@newsroom.example`, role })),
  ...SYSTEM_TASKS.map((task) => SYSTEM[task]),
];

// Y = allowed, . = refused. Columns: contributor, author, editor, admin | scheduler, seed, operator.
const TABLE: Array<[MemberAction, string]> = [
  ['members.read', '..YY|...'],
  ['members.readRevenue', '..YY|...'],
  ['members.grantComplimentary', '..YY|.Y.'],
  ['members.import', '..YY|...'],
];

describe('members policy: every staff role and system task against every action', () => {
  for (const [action, expected] of TABLE) {
    it(`${action}: ${expected}`, () => {
      const marks = ACTORS.map((actor) => (canMembers(actor, action) ? 'Y' : '.'));
      assert.equal(`${marks.slice(0, 4).join('')}|${marks.slice(4).join('')}`, expected);
    });
  }

  it('refuses with FORBIDDEN, naming who', () => {
    assert.throws(
      () => authorizeMembers(ACTORS[1] as Actor, 'members.grantComplimentary'),
      (error: unknown) =>
        error instanceof AppError && error.status === 403 && /^An author may not grant/.test(error.message),
    );
    assert.throws(
      () => authorizeMembers(ACTORS[0] as Actor, 'members.read'),
      (error: unknown) =>
        error instanceof AppError && /^A contributor may not see the members list/.test(error.message),
    );
  });
});
