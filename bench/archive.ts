import { existsSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { BenchOptions, BenchPaths } from './options.ts';
import { countPublishedPostgres, ensureDatabase, pickPathsPostgres } from './postgres.ts';
import { run } from './processes.ts';

/** A database the bench measures Gaceta on, with the environment that points Gaceta at it. */
export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** Where its media (and SQLite's file) live: GACETA_DATA_DIR. */
  readonly dataDir: string;
  readonly databaseUrl?: string;
  /** How many published articles it should hold. */
  readonly articles: number;
}

export function stores(options: BenchOptions): Store[] {
  const sqlite: Store = { kind: 'sqlite', dataDir: options.dataDir, articles: options.articles };
  if (!options.databaseUrl) return [sqlite];
  return [
    sqlite,
    {
      kind: 'postgres',
      dataDir: path.join(options.dataDir, 'postgres'),
      databaseUrl: options.databaseUrl,
      articles: options.pgArticles,
    },
  ];
}

export function sqliteFile(dataDir: string): string {
  return path.join(dataDir, 'gaceta.sqlite');
}

/** Published articles in the SQLite archive (0 when there is no database yet). */
export function countPublished(dataDir: string): number {
  const file = sqliteFile(dataDir);
  if (!existsSync(file)) return 0;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare("select count(*) as n from articles where status = 'published'").get() as
      { n: number } | undefined;
    return row?.n ?? 0;
  } catch {
    return 0; // no schema yet
  } finally {
    db.close();
  }
}

/** Environment for running the Gaceta CLI against a store. */
export function gacetaEnv(store: Store, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  // GACETA_BENCH_PARENT marks the processes this benchmark started (handy when checking for leftovers).
  return {
    ...process.env,
    GACETA_DATA_DIR: store.dataDir,
    DATABASE_URL: store.databaseUrl ?? '',
    LOG_LEVEL: 'warn',
    GACETA_BENCH_PARENT: String(process.pid),
    ...extra,
  };
}

async function countIn(store: Store): Promise<number> {
  return store.databaseUrl ? countPublishedPostgres(store.databaseUrl) : countPublished(store.dataDir);
}

/** Generates articles until the store holds at least `store.articles` published ones; reused across runs. */
export async function ensureArchive(options: BenchOptions, store: Store): Promise<number> {
  if (store.databaseUrl) await ensureDatabase(store.databaseUrl);
  const where = store.databaseUrl ?? store.dataDir;
  const existing = await countIn(store);
  if (existing >= store.articles) {
    console.log(`archive (${store.kind}): reusing ${where} (${existing} published articles)`);
    return existing;
  }
  const missing = store.articles - existing;
  console.log(`archive (${store.kind}): ${existing} published articles in ${where}; generating ${missing} more`);
  const started = Date.now();
  const { code, output } = await run(
    'gaceta generate',
    process.execPath,
    ['--import', 'tsx', 'src/cli/main.ts', 'generate', '--articles', String(missing)],
    {
      cwd: options.root,
      env: gacetaEnv(store),
      onLine: (line) => console.log(`  generate: ${line}`),
    },
  );
  if (code !== 0) throw new Error(`gaceta generate exited with ${code}:\n${output}`);
  const total = await countIn(store);
  console.log(
    `archive (${store.kind}): ${total} published articles (generated ${missing} in ${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  return total;
}

/** How far down the list the measured article sits: not the newest, so not on the home page. */
const ARTICLE_OFFSET = 500;

/** An article a little way into the archive and its section. */
export async function pickPaths(store: Store, published: number): Promise<BenchPaths> {
  const offset = Math.max(0, Math.min(ARTICLE_OFFSET, published - 1));
  if (store.databaseUrl) return pickPathsPostgres(store.databaseUrl, offset);
  const db = new Database(sqliteFile(store.dataDir), { readonly: true, fileMustExist: true });
  try {
    const row = db
      .prepare(
        `select a.slug, s.slug as section from articles a join sections s on s.id = a.section_id
      where a.status = 'published' order by a.published_at desc, a.id desc limit 1 offset ?`,
      )
      .get(offset) as { slug: string; section: string } | undefined;
    if (!row) throw new Error('no published article with a section in the archive');
    return { article: `/${row.section}/${row.slug}`, section: `/${row.section}` };
  } finally {
    db.close();
  }
}
