import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type Config, loadConfig } from '../config.ts';
import { type DatabaseHandle, openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { verifyPreparedShapes } from '../db/prepared.ts';
import { type AppDeps, buildApp, type GacetaApp } from '../app.ts';
import { Invalidation } from '../http/invalidation.ts';
import { localStorage, type MediaStorage } from '../media/storage.ts';

/** Which database the suite runs on: scripts/test.mjs sets GACETA_TEST_DATABASE_URL for the PostgreSQL pass. */
export const TEST_DATABASE_URL = process.env.GACETA_TEST_DATABASE_URL || undefined;
export const TEST_DIALECT = TEST_DATABASE_URL ? 'postgres' : 'sqlite';
/** Redis for the tests that share purges through it, and a prefix of this test process's own (REDIS_PREFIX). */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL || undefined;
export const TEST_REDIS_PREFIX = `gaceta-test-${process.pid}:`;

// Every suite checks that each prepared query's shape string names one query only (src/db/prepared.ts).
verifyPreparedShapes(true);

export interface TestDatabase {
  handle: DatabaseHandle;
  dataDir: string;
  /** Reopens the same database, as a restarted server would. */
  reopen(): DatabaseHandle;
  drop(): Promise<void>;
}

async function onTestPostgres(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** On the PostgreSQL pass, a new empty schema for one suite (its name), and a way to drop it. */
export async function createTestSchema(prefix: string): Promise<{ schema: string; drop(): Promise<void> }> {
  const schema = `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  await onTestPostgres(`CREATE SCHEMA ${schema}`);
  return { schema, drop: () => onTestPostgres(`DROP SCHEMA ${schema} CASCADE`) };
}

/** A fresh, migrated database: a temporary SQLite file, or a schema of its own on PostgreSQL. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gaceta-test-'));
  const pgSchema = TEST_DATABASE_URL ? await createTestSchema('t') : undefined;
  const schema = pgSchema?.schema;
  const open = (): DatabaseHandle =>
    openDatabase({
      databaseUrl: TEST_DATABASE_URL,
      sqliteFile: path.join(dataDir, 'test.sqlite'),
      ...(schema ? { pgSchema: schema } : {}),
    });
  const handle = open();
  await migrateToLatest(handle.db as never, handle.dialect);
  return {
    handle,
    dataDir,
    reopen: open,
    async drop() {
      await pgSchema?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface TestApp extends GacetaApp {
  config: Config;
  database: TestDatabase;
  storage: MediaStorage;
  close(): Promise<void>;
}

/** The whole application on a fresh database, for app.inject() tests. */
export async function startTestApp(
  overrides: Partial<Config> = {},
  invalidation = new Invalidation(),
  options: Pick<AppDeps, 'logStream' | 'now'> = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig(
    { GACETA_DATA_DIR: database.dataDir, PUBLIC_URL: 'https://news.example' },
    { logLevel: 'silent', ...overrides },
  );
  const storage = localStorage(config.mediaDir);
  const built = await buildApp({
    config,
    db: database.handle.db,
    storage,
    invalidation,
    // A test that reads the log gives it a stream; the others keep quiet.
    ...(options.logStream ? { logStream: options.logStream } : { logger: false }),
    ...(options.now ? { now: options.now } : {}),
  });
  return {
    ...built,
    config,
    database,
    storage,
    async close() {
      await built.app.close();
      await database.handle.close();
      await database.drop();
    },
  };
}

/** Starts the test app listening on a free loopback port (for browsers and Varnish); its base URL and port. */
export async function listenOnLoopback(t: TestApp): Promise<{ base: string; port: number }> {
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { base: `http://127.0.0.1:${port}`, port };
}
