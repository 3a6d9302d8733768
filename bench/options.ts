import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Settings for one benchmark run, read from BENCH_* environment variables. */
export interface BenchOptions {
  /** The repository root (where src/cli/main.ts lives). */
  readonly root: string;
  readonly articles: number;
  readonly durationSeconds: number;
  readonly warmupSeconds: number;
  readonly connections: number;
  readonly threads: number;
  readonly dataDir: string;
  readonly outputDir: string;
  readonly gacetaPort: number;
  readonly nginxPort: number;
}

function positive(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number from 1, got "${raw}"`);
  return value;
}

export function readOptions(): BenchOptions {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const outputDir = path.join(root, 'bench', 'output');
  const dataDir = process.env.BENCH_DATA_DIR ? path.resolve(process.env.BENCH_DATA_DIR) : path.join(outputDir, 'data');
  return {
    root,
    articles: positive('BENCH_ARTICLES', 100_000),
    durationSeconds: positive('BENCH_DURATION', 10),
    warmupSeconds: 2,
    connections: positive('BENCH_CONNECTIONS', 32),
    threads: 2,
    dataDir,
    outputDir,
    gacetaPort: 4810,
    nginxPort: 4820,
  };
}
