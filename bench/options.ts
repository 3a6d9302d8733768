import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Settings for one benchmark run, read from BENCH_* environment variables. */
export interface BenchOptions {
  /** The repository root (where src/cli/main.ts lives). */
  readonly root: string;
  readonly articles: number;
  /** Articles in the PostgreSQL archive (BENCH_PG_ARTICLES; the same as SQLite's by default). */
  readonly pgArticles: number;
  readonly durationSeconds: number;
  readonly warmupSeconds: number;
  readonly connections: number;
  readonly threads: number;
  readonly dataDir: string;
  readonly outputDir: string;
  readonly gacetaPort: number;
  readonly nginxPort: number;
  readonly barePort: number;
  /** PostgreSQL to measure (a database of the bench's own, created when missing); undefined: SQLite only. */
  readonly databaseUrl: string | undefined;
  /** Process counts to measure on PostgreSQL (`gaceta serve --workers N`). */
  readonly workers: readonly number[];
  /** Redis shared by the PostgreSQL processes, as a newsroom running several would have. */
  readonly redisUrl: string | undefined;
  /** DATABASE_POOL_SIZE of every Gaceta process on PostgreSQL. */
  readonly poolSize: number;
}

function positive(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number from 1, got "${raw}"`);
  return value;
}

/** A URL setting that `off` turns off. */
function optionalUrl(name: string, fallback: string): string | undefined {
  const raw = process.env[name];
  if (raw === 'off') return undefined;
  return raw || fallback;
}

function counts(name: string, fallback: string): number[] {
  const raw = process.env[name] || fallback;
  const values = raw.split(',').map((part) => Number(part.trim()));
  if (values.some((n) => !Number.isInteger(n) || n < 1 || n > 16))
    throw new Error(`${name} must list process counts from 1 to 16, like "1,2,4", got "${raw}"`);
  return [...new Set(values)].sort((a, b) => a - b);
}

export function readOptions(): BenchOptions {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const outputDir = path.join(root, 'bench', 'output');
  const dataDir = process.env.BENCH_DATA_DIR ? path.resolve(process.env.BENCH_DATA_DIR) : path.join(outputDir, 'data');
  const articles = positive('BENCH_ARTICLES', 100_000);
  return {
    root,
    articles,
    pgArticles: positive('BENCH_PG_ARTICLES', articles),
    durationSeconds: positive('BENCH_DURATION', 10),
    warmupSeconds: positive('BENCH_WARMUP', 2),
    connections: positive('BENCH_CONNECTIONS', 32),
    threads: 2,
    dataDir,
    outputDir,
    gacetaPort: 4810,
    nginxPort: 4820,
    barePort: 4830,
    databaseUrl: optionalUrl('BENCH_DATABASE_URL', 'postgres://postgres@127.0.0.1:5432/gaceta_bench'),
    workers: counts('BENCH_WORKERS', '1,2,4'),
    redisUrl: optionalUrl('BENCH_REDIS_URL', 'redis://127.0.0.1:6379'),
    poolSize: positive('BENCH_POOL_SIZE', 10),
  };
}

/** The pages measured on an archive: an article a little way in, and its section. */
export interface BenchPaths {
  readonly article: string;
  readonly section: string;
}
