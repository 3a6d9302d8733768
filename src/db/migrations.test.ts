import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { NO_MIGRATIONS, sql } from 'kysely';
import { createTestDatabase, TEST_DIALECT, type TestDatabase } from '../testing/harness.ts';
import { migrateToLatest, migratorFor } from './migrate.ts';

const TABLES = [
  'articles',
  'article_authors',
  'article_tags',
  'article_related',
  'corrections',
  'revisions',
  'sections',
  'tags',
  'labels',
  'authors',
  'pages',
  'redirects',
  'settings',
  'images',
  'staff',
  'staff_sessions',
  'api_keys',
  'front_page_pins',
  'preview_links',
  'article_presence',
];

describe(`migrations on ${TEST_DIALECT}`, () => {
  let database: TestDatabase;
  before(async () => {
    database = await createTestDatabase();
  });
  after(async () => {
    await database.handle.close();
    await database.drop();
  });

  it('creates every table, and running again changes nothing', async () => {
    const tables = (await database.handle.db.introspection.getTables()).map((table) => table.name);
    for (const table of TABLES) assert.ok(tables.includes(table), `${table} exists`);
    assert.deepEqual(await migrateToLatest(database.handle.db as never, database.handle.dialect), []);
  });

  it('enforces the constraints the application relies on', async () => {
    const db = database.handle.db;
    await db
      .insertInto('sections')
      .values({ id: 's1', slug: 'politics', name: 'Politics', description: '', position: 0 })
      .execute();
    await assert.rejects(
      db
        .insertInto('sections')
        .values({ id: 's2', slug: 'politics', name: 'Again', description: '', position: 1 })
        .execute(),
      'slugs are unique',
    );
    await assert.rejects(
      db.insertInto('article_tags').values({ article_id: 'nope', tag_id: 'nope', position: 0 }).execute(),
      'foreign keys are enforced',
    );
    const row = await db.selectFrom('sections').select(['position']).where('id', '=', 's1').executeTakeFirstOrThrow();
    assert.equal(Number(row.position), 0);
  });

  it('migrates down and up again', async () => {
    const db = database.handle.db as never;
    const migrator = await migratorFor(db, database.handle.dialect);
    const down = await migrator.migrateTo(NO_MIGRATIONS);
    assert.equal(down.error, undefined);
    assert.deepEqual(
      down.results?.map((result) => result.migrationName),
      ['0006_editorial_workflow', '0004_revision_actor', '0003_front_page_pins', '0002_listing_order', '0001_core'],
    );
    // On PostgreSQL, introspection lists every schema's tables, other suites' running at the same time too.
    const own =
      TEST_DIALECT === 'postgres'
        ? (await sql<{ s: string }>`select current_schema() as s`.execute(database.handle.db)).rows[0]?.s
        : undefined;
    const left = (await database.handle.db.introspection.getTables())
      .filter((table) => own === undefined || table.schema === own)
      .map((table) => table.name);
    assert.ok(!left.includes('articles'));
    assert.deepEqual(await migrateToLatest(db, database.handle.dialect), [
      '0001_core',
      '0002_listing_order',
      '0003_front_page_pins',
      '0004_revision_actor',
      '0006_editorial_workflow',
    ]);
    const count = await sql<{ n: number }>`select count(*) as n from articles`.execute(database.handle.db);
    assert.equal(Number(count.rows[0]?.n), 0);
  });
});
