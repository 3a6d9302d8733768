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
  'password_resets',
  'staff_invitations',
  'staff_recovery_codes',
  'staff_sign_in_challenges',
  'preview_links',
  'article_presence',
  'members',
  'member_links',
  'member_sessions',
  'complimentary_access',
  'member_keys',
  'tiers',
  'tier_prices',
  'member_events',
  'stripe_customers',
  'stripe_events',
  'member_subscriptions',
  'member_payments',
  'member_preferences',
  'member_groups',
  'group_seats',
  'group_invites',
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
    const free = await db.selectFrom('tiers').select(['slug']).where('kind', '=', 'free').execute();
    assert.deepEqual(free, [{ slug: 'free' }], 'the migration makes the one free tier');
    const tier = { description: '', benefits: '[]', position: 1, trial_days: 0, created_at: '2026-01-01T00:00:00Z' };
    await assert.rejects(
      db
        .insertInto('tiers')
        .values({ ...tier, id: 't1', slug: 'gratis', name: 'Gratis', kind: 'free' })
        .execute(),
      'a second free tier is refused',
    );
    await db
      .insertInto('tiers')
      .values({ ...tier, id: 't2', slug: 'paid', name: 'Paid', kind: 'paid' })
      .execute();
    const price = { tier_id: 't2', currency: 'usd', interval: 'month' as const, created_at: tier.created_at };
    await db
      .insertInto('tier_prices')
      .values({ ...price, id: 'p1', amount: 500 })
      .execute();
    await assert.rejects(
      db
        .insertInto('tier_prices')
        .values({ ...price, id: 'p2', amount: 600 })
        .execute(),
      'one active price per tier, currency and interval',
    );
    await db.updateTable('tier_prices').set({ archived_at: tier.created_at }).where('id', '=', 'p1').execute();
    await db
      .insertInto('tier_prices')
      .values({ ...price, id: 'p2', amount: 600 })
      .execute();
  });

  it('migrates down and up again', async () => {
    const db = database.handle.db as never;
    const migrator = await migratorFor(db, database.handle.dialect);
    const down = await migrator.migrateTo(NO_MIGRATIONS);
    assert.equal(down.error, undefined);
    assert.deepEqual(
      down.results?.map((result) => result.migrationName),
      [
        '0024_member_groups',
        '0023_gifts',
        '0022_offers',
        '0020_paywall_tiers',
        '0019_member_preferences',
        '0018_member_subscriptions',
        '0017_stripe_customers_events',
        '0016_member_events',
        '0015_tiers',
        '0014_members',
        '0010_page_version',
        '0009_document_version_2',
        '0007_newsroom_screens',
        '0006_editorial_workflow',
        '0005_staff_accounts',
        '0004_revision_actor',
        '0003_front_page_pins',
        '0002_listing_order',
        '0001_core',
      ],
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
      '0005_staff_accounts',
      '0006_editorial_workflow',
      '0007_newsroom_screens',
      '0009_document_version_2',
      '0010_page_version',
      '0014_members',
      '0015_tiers',
      '0016_member_events',
      '0017_stripe_customers_events',
      '0018_member_subscriptions',
      '0019_member_preferences',
      '0020_paywall_tiers',
      '0022_offers',
      '0023_gifts',
      '0024_member_groups',
    ]);
    const count = await sql<{ n: number }>`select count(*) as n from articles`.execute(database.handle.db);
    assert.equal(Number(count.rows[0]?.n), 0);
  });

  it('brings stored bodies and pages to format version 2 whatever their key order, and back down without markers', async () => {
    const db = database.handle.db;
    const migrator = await migratorFor(db as never, database.handle.dialect);
    assert.equal((await migrator.migrateTo('0004_revision_actor')).error, undefined);
    const now = new Date().toISOString();
    const paragraph = { type: 'paragraph', content: [{ type: 'text', text: 'Hola' }] };
    for (const [id, body] of [
      ['a1', JSON.stringify({ type: 'doc', version: 1, content: [paragraph] })],
      ['a2', JSON.stringify({ content: [paragraph], version: 1, type: 'doc' })],
    ] as const) {
      await sql`insert into articles (id, slug, status, headline, dek, dateline, attribution, feature_image_alt,
        feature_image_caption, feature_image_credit, access, modified_at, created_at, comment_count)
        values (${id}, ${id}, 'draft', 'H', '', '', '', '', '', '', 'public', ${now}, ${now}, 0)`.execute(db);
      await sql`insert into article_bodies (article_id, body, body_text) values (${id}, ${body}, 'Hola')`.execute(db);
    }
    await sql`insert into pages (id, slug, title, body, status, created_at, modified_at)
      values ('p1', 'about', 'About', ${JSON.stringify({ type: 'doc', version: 1, content: [] })}, 'draft', ${now}, ${now})`.execute(
      db,
    );
    await migrateToLatest(db as never, database.handle.dialect);
    const bodies = await sql<{ body: string }>`select body from article_bodies order by article_id`.execute(db);
    assert.deepEqual(
      bodies.rows.map((row) => JSON.parse(row.body)),
      [
        { type: 'doc', version: 2, content: [paragraph] },
        { type: 'doc', version: 2, content: [paragraph] },
      ],
    );
    const page = await sql<{ body: string }>`select body from pages`.execute(db);
    assert.equal(JSON.parse(page.rows[0]?.body ?? '{}').version, 2);

    await sql`update article_bodies set body = ${JSON.stringify({
      type: 'doc',
      version: 2,
      content: [paragraph, { type: 'preview_end' }, paragraph],
    })} where article_id = 'a1'`.execute(db);
    assert.equal((await migrator.migrateTo('0004_revision_actor')).error, undefined);
    const older = await sql<{ body: string }>`select body from article_bodies where article_id = 'a1'`.execute(db);
    assert.deepEqual(JSON.parse(older.rows[0]?.body ?? '{}'), {
      type: 'doc',
      version: 1,
      content: [paragraph, paragraph],
    });
    await migrateToLatest(db as never, database.handle.dialect);
  });
});
