import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';
import { withFastRows } from './sqlite-rows.ts';

export type Dialect = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  readonly db: Kysely<Database>;
  readonly dialect: Dialect;
  /** Refreshes the query planner's statistics (SQLite's PRAGMA optimize; PostgreSQL's autovacuum does this itself). */
  optimize(): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** PostgreSQL connection string; when absent, sqliteFile is used. */
  databaseUrl?: string | undefined;
  sqliteFile?: string;
  /** PostgreSQL schema to use (tests isolate themselves in one schema each). */
  pgSchema?: string;
}

/** Opens the embedded SQLite database (WAL mode) or a PostgreSQL pool. */
export function openDatabase(options: DatabaseOptions): DatabaseHandle {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.pgSchema);
  return openSqlite(options.sqliteFile ?? ':memory:');
}

function openSqlite(file: string): DatabaseHandle {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  // WAL lets readers proceed while a writer commits; NORMAL sync is durable across process crashes in WAL.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // A 32 MB page cache (the default is 2 MB) keeps the indexes of a large archive in memory.
  sqlite.pragma('cache_size = -32768');
  // Without statistics SQLite walks the whole publication-date index to find the few articles of
  // an id list; SQLite recommends this pragma at open and now and then (see optimize()).
  refreshStatistics(sqlite, 'optimize = 0x10002');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return {
    db,
    dialect: 'sqlite',
    optimize: async () => {
      refreshStatistics(sqlite);
    },
    close: async () => {
      refreshStatistics(sqlite);
      await db.destroy();
    },
  };
}

/**
 * Runs PRAGMA optimize and keeps only the per-index row estimates (sqlite_stat1) it gathers.
 * better-sqlite3 builds SQLite with STAT4, and with STAT4 samples present a prepared statement whose
 * parameter is compared with an indexed column is parsed and planned again every time a value is
 * bound (see sqlite3_prepare_v2). That made every card query of a reader page re-plan on each run,
 * about three times its cost; stat1 alone gives our queries the plans they need.
 */
function refreshStatistics(sqlite: SQLite.Database, pragma = 'optimize'): void {
  sqlite.pragma(pragma);
  const hasSamples = sqlite.prepare("select 1 from sqlite_schema where name = 'sqlite_stat4'").get() !== undefined;
  if (!hasSamples) return;
  const { changes } = sqlite.prepare('delete from sqlite_stat4').run();
  // Makes the planner read the statistics again (prepared statements re-plan once).
  if (changes > 0) sqlite.exec('analyze sqlite_schema');
}

const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely prepares every query anew; preparing costs more than running most of ours. Keeping the
 * prepared statement per SQL text (bounded, oldest dropped first) roughly halves the time of a page.
 */
function withStatementCache(sqlite: SQLite.Database): SQLite.Database {
  const statements = new Map<string, SQLite.Statement>();
  return new Proxy(sqlite, {
    get(target, property, receiver) {
      if (property !== 'prepare') {
        const value = Reflect.get(target, property, receiver) as unknown;
        return typeof value === 'function' ? value.bind(target) : value;
      }
      return (source: string): SQLite.Statement => {
        let statement = statements.get(source);
        if (!statement) {
          statement = withFastRows(target.prepare(source));
          statements.set(source, statement);
          if (statements.size > STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value ?? '');
        }
        return statement;
      };
    },
  });
}

function openPostgres(connectionString: string, schema?: string): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString,
    max: 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', optimize: async () => {}, close: () => db.destroy() };
}
