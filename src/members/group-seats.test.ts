import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, TEST_DIALECT, type TestDatabase } from '../testing/harness.ts';
import { createPendingGroup, takeSeat, tieGroupSubscription } from './groups.service.ts';
import { ensureMember } from './members.service.ts';

/*
 * The last seat goes once: readers racing for it each count the seats taken and take one in their
 * own transaction, at the same time (on PostgreSQL, on connections of their own).
 */
describe(`taking the last seats of a group at once on ${TEST_DIALECT}`, () => {
  let database: TestDatabase;
  const db = () => database.handle.db;
  const member = (email: string) => ensureMember(db(), { email, normalized: email });

  before(async () => {
    database = await createTestDatabase();
  });
  after(async () => {
    await database.handle.close();
    await database.drop();
  });

  it('gives each free seat to one reader and tells the others the group is full', async () => {
    const admin = await member('admin@uni.example');
    const groupId = await createPendingGroup(db(), {
      name: 'Uni Press',
      tierId: 'tier-supporter',
      tierName: 'Supporter',
      adminMemberId: admin.id,
      seats: 3,
      emailDomain: null,
    });
    const readers = await Promise.all(Array.from({ length: 8 }, (_, i) => member(`reader${i}@uni.example`)));
    assert.equal(
      await db()
        .transaction()
        .execute((trx) => takeSeat(trx, groupId, admin.id)),
      'unknown',
      'not paid yet',
    );
    await db()
      .transaction()
      .execute((trx) =>
        tieGroupSubscription(trx, {
          groupId,
          stripeSubscriptionId: 'sub_race',
          quantity: 3,
          observedAt: new Date().toISOString(),
        }),
      );
    const outcomes = await Promise.all(
      readers.map((reader) =>
        db()
          .transaction()
          .execute((trx) => takeSeat(trx, groupId, reader.id)),
      ),
    );
    assert.deepEqual(
      outcomes.filter((outcome) => outcome === 'taken').length,
      2,
      'the admin holds one of three seats: two are left',
    );
    assert.deepEqual(outcomes.filter((outcome) => outcome === 'full').length, readers.length - 2);
    const running = await db()
      .selectFrom('group_seats')
      .select('member_id')
      .where('group_id', '=', groupId)
      .where('removed_at', 'is', null)
      .execute();
    assert.equal(running.length, 3);
    assert.equal(
      await db()
        .transaction()
        .execute((trx) => takeSeat(trx, groupId, admin.id)),
      'already',
    );
  });
});
