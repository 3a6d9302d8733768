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
  /** Most PostgreSQL connections this process opens (DATABASE_POOL_SIZE). */
  poolSize?: number;
}

/** Opens the embedded SQLite database (WAL mode) or a PostgreSQL pool. */
export function openDatabase(options: DatabaseOptions): DatabaseHandle {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.pgSchema, options.poolSize ?? 10);
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

function openPostgres(connectionString: string, schema: string | undefined, poolSize: number): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString,
    max: poolSize,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  const names = new StatementNames(STATEMENT_CACHE_SIZE);
  pool.on('connect', (client) => {
    // JIT compiling a query costs milliseconds, on every run of a prepared one, and saves
    // microseconds on Gaceta's short queries; PostgreSQL turns it on above a plan cost that a large
    // archive's sitemap reaches. (A SET, not a startup option, so a URL's own options still apply.)
    client.query('SET jit = off').catch(() => {});
    // PostgreSQL's default random_page_cost (4) prices a disk that seeks; on SSDs or an archive held
    // in memory it steered the section page to a walk of the whole listing index, four times slower
    // than its own. 1.1 is the usual SSD setting; a server tuned otherwise keeps its own value.
    client
      .query("SELECT set_config('random_page_cost', '1.1', false) WHERE current_setting('random_page_cost') = '4'")
      .catch(() => {});
    preparesRepeatedQueries(client, names);
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', optimize: async () => {}, close: () => db.destroy() };
}

/**
 * Names for SQL texts run more than once. An unnamed statement is parsed and planned by PostgreSQL
 * on every run, and planning a reader query (joins over five tables, a union per section on the home
 * page) took five to ten times as long as running it. A named statement is parsed once per
 * connection and its plan kept. Bounded: once full, new texts run unnamed (nothing is evicted,
 * since every connection holds the statements it has prepared).
 */
class StatementNames {
  readonly #seen = new Set<string>();
  readonly #names = new Map<string, string>();
  readonly #capacity: number;

  constructor(capacity: number) {
    this.#capacity = capacity;
  }

  nameOf(text: string): string | undefined {
    const name = this.#names.get(text);
    if (name !== undefined || this.#names.size >= this.#capacity) return name;
    // A text seen once may never come again (an IN list of an unusual length); the second run names it.
    if (!this.#seen.has(text)) {
      if (this.#seen.size >= this.#capacity * 4) this.#seen.clear();
      this.#seen.add(text);
      return undefined;
    }
    const named = `gaceta_${this.#names.size + 1}`;
    this.#names.set(text, named);
    return named;
  }
}

/** Makes a pool client send repeated query texts as named prepared statements (see StatementNames). */
function preparesRepeatedQueries(client: pg.PoolClient, names: StatementNames): void {
  const query = client.query.bind(client) as (config: pg.QueryConfig) => Promise<pg.QueryResult>;
  const plain = client.query.bind(client);
  (client as { query: unknown }).query = (text: unknown, values?: unknown): unknown => {
    if (typeof text !== 'string' || (values !== undefined && !Array.isArray(values)))
      return (plain as (...args: unknown[]) => unknown)(text, values);
    const name = names.nameOf(text);
    if (name === undefined) return (plain as (...args: unknown[]) => unknown)(text, values);
    return query({ name, text, values: values as unknown[] | undefined });
  };
}
