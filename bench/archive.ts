import { existsSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { BenchOptions } from './options.ts';
import { run } from './processes.ts';

export function sqliteFile(dataDir: string): string {
  return path.join(dataDir, 'gaceta.sqlite');
}

/** Published articles in the archive (0 when there is no database yet). */
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

/** Environment for running the Gaceta CLI against the benchmark data folder. */
export function gacetaEnv(options: BenchOptions, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  // GACETA_BENCH_PARENT marks the processes this benchmark started (handy when checking for leftovers).
  return {
    ...process.env,
    GACETA_DATA_DIR: options.dataDir,
    LOG_LEVEL: 'warn',
    GACETA_BENCH_PARENT: String(process.pid),
    ...extra,
  };
}

/** Generates articles until the archive holds at least `options.articles` published ones. */
export async function ensureArchive(options: BenchOptions): Promise<number> {
  const existing = countPublished(options.dataDir);
  if (existing >= options.articles) {
    console.log(`archive: reusing ${options.dataDir} (${existing} published articles)`);
    return existing;
  }
  const missing = options.articles - existing;
  console.log(`archive: ${existing} published articles in ${options.dataDir}; generating ${missing} more`);
  const started = Date.now();
  const { code, output } = await run(
    'gaceta generate',
    process.execPath,
    ['--import', 'tsx', 'src/cli/main.ts', 'generate', '--articles', String(missing)],
    {
      cwd: options.root,
      env: gacetaEnv(options),
      onLine: (line) => console.log(`  generate: ${line}`),
    },
  );
  if (code !== 0) throw new Error(`gaceta generate exited with ${code}:\n${output}`);
  const total = countPublished(options.dataDir);
  console.log(
    `archive: ${total} published articles (generated ${missing} in ${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  return total;
}

export interface BenchPaths {
  readonly article: string;
  readonly section: string;
}

/** An article a little way into the archive (not the newest, so not on the home page) and its section. */
export function pickPaths(dataDir: string): BenchPaths {
  const db = new Database(sqliteFile(dataDir), { readonly: true, fileMustExist: true });
  try {
    const count = (db.prepare("select count(*) as n from articles where status = 'published'").get() as { n: number })
      .n;
    const row = db
      .prepare(
        `select a.slug, s.slug as section from articles a join sections s on s.id = a.section_id
      where a.status = 'published' order by a.published_at desc limit 1 offset ?`,
      )
      .get(Math.max(0, Math.min(500, count - 1))) as { slug: string; section: string } | undefined;
    if (!row) throw new Error('no published article with a section in the archive');
    return { article: `/${row.section}/${row.slug}`, section: `/${row.section}` };
  } finally {
    db.close();
  }
}
