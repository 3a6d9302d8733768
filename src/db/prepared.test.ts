import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { newId } from './ids.ts';
import { PreparedShapeError, runPrepared, verifyPreparedShapes } from './prepared.ts';
import { createTestDatabase, type TestDatabase } from '../testing/harness.ts';

describe('queries compiled once per shape', () => {
  let database: TestDatabase;

  before(async () => {
    database = await createTestDatabase();
    for (const name of ['Politics', 'Sports'])
      await database.handle.db
        .insertInto('sections')
        .values({ id: newId(), slug: name.toLowerCase(), name, description: '', position: 0 })
        .execute();
  });
  after(async () => {
    verifyPreparedShapes(true);
    await database.handle.close();
    await database.drop();
  });

  // A query whose filter depends on an argument, with a shape string that forgets to say so.
  const sectionNames = (onlyPolitics: boolean) => {
    const { db } = database.handle;
    return runPrepared(
      db,
      'test:sections',
      (p) => {
        const query = db.selectFrom('sections').select('name').orderBy('name');
        return onlyPolitics ? query.where('slug', '=', p('slug')) : query;
      },
      { slug: 'politics' },
    );
  };

  it('catches a shape string that names two different queries, with a message saying what to fix', async () => {
    verifyPreparedShapes(true);
    assert.deepEqual(await sectionNames(true), [{ name: 'Politics' }]);
    await assert.rejects(
      sectionNames(false),
      (error: unknown) =>
        error instanceof PreparedShapeError &&
        /test:sections/.test(error.message) &&
        /add what differs to the shape string/.test(error.message),
    );
  });

  it('without verification (production) the wrong SQL would silently run, which is why the suite verifies', async () => {
    verifyPreparedShapes(false);
    // The cached SQL filters by slug although this call asked for every section.
    assert.deepEqual(await sectionNames(false), [{ name: 'Politics' }]);
  });
});
