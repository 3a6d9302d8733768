import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, type TestDatabase } from '../testing/harness.ts';
import { hashSecret } from './secrets.ts';
import {
  authenticate,
  createApiKey,
  createStaff,
  resolveApiKey,
  resolveSession,
  startSession,
  updateStaff,
} from './staff.service.ts';
import { SYSTEM } from './actor.ts';

describe('staff accounts, sessions and keys', () => {
  let database: TestDatabase;
  before(async () => {
    database = await createTestDatabase();
  });
  after(async () => {
    await database.handle.close();
    await database.drop();
  });

  it('stores only hashes, expires sessions, and shuts out disabled staff', async () => {
    const db = database.handle.db;
    const staff = await createStaff(db, SYSTEM.operator, {
      email: 'ines@newsroom.example',
      name: 'Inés',
      role: 'author',
      password: 'a very long passphrase',
    });
    assert.equal(
      (await authenticate(db, 'INES@newsroom.example', 'a very long passphrase'))?.id,
      staff.id,
      'email is case-insensitive',
    );
    assert.equal(await authenticate(db, 'ines@newsroom.example', 'wrong passphrase!'), null);
    const session = await startSession(db, staff.id);
    const stored = await db.selectFrom('staff_sessions').selectAll().execute();
    assert.ok(
      stored.every(
        (row) => row.token_hash === hashSecret(session.token) && !JSON.stringify(row).includes(session.token),
      ),
      'no token in clear',
    );
    assert.equal((await resolveSession(db, session.token))?.actor.id, staff.id);
    await db
      .updateTable('staff_sessions')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .execute();
    assert.equal(await resolveSession(db, session.token), null, 'an expired session no longer works');
    await startSession(db, staff.id);
    assert.equal(
      (await db.selectFrom('staff_sessions').selectAll().execute()).length,
      1,
      'expired sessions are cleared',
    );
    const { key } = await createApiKey(db, staff, 'importer');
    assert.equal((await resolveApiKey(db, key))?.id, staff.id);
    await updateStaff(db, SYSTEM.operator, staff.id, { disabled: true });
    assert.equal(await resolveApiKey(db, key), null);
    assert.equal(await authenticate(db, 'ines@newsroom.example', 'a very long passphrase'), null);
    assert.equal(
      (await db.selectFrom('staff_sessions').selectAll().execute()).length,
      0,
      'disabling ends every session',
    );
  });

  it('keeps an active admin when two admins demote each other at the same time', async () => {
    const db = database.handle.db;
    await db.deleteFrom('staff').execute();
    const make = (name: string) =>
      createStaff(db, SYSTEM.operator, {
        email: `${name}@newsroom.example`,
        name,
        role: 'admin',
        password: 'a very long passphrase',
      });
    const [one, two] = [await make('one'), await make('two')];
    const results = await Promise.allSettled([
      updateStaff(db, one, two.id, { role: 'editor' }),
      updateStaff(db, two, one.id, { disabled: true }),
    ]);
    assert.deepEqual(results.map((result) => result.status).sort(), ['fulfilled', 'rejected']);
    const refused = results.find((result) => result.status === 'rejected');
    assert.match(String(refused?.reason), /last active admin/);
    const admins = await db
      .selectFrom('staff')
      .select('id')
      .where('role', '=', 'admin')
      .where('disabled_at', 'is', null)
      .execute();
    assert.equal(admins.length, 1);
  });
});
