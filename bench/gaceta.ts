import { readFileSync } from 'node:fs';
import { gacetaEnv, type Store } from './archive.ts';
import type { BenchOptions } from './options.ts';
import { processTree } from './cpu.ts';
import { freePort, start, stop, waitForOk } from './processes.ts';
import { paidReaderCookie } from './member.ts';
import { steadyLatency } from './steady.ts';
import { describeResult, measure, wrk, type WrkResult } from './wrk.ts';

export type Mode = 'uncached' | 'cached';

export interface Endpoint {
  readonly name: string;
  readonly path: string;
  /** Read as a signed-in reader with paid access (measured with one process only). */
  readonly reader?: 'paid';
}

export interface Probe {
  readonly status: number;
  readonly bytes: number;
  readonly contentType: string;
}

/** What one configuration of Gaceta is: its database, how many processes, the page cache on or off. */
export interface Setup {
  readonly store: Store;
  readonly workers: number;
  readonly mode: Mode;
}

export interface GacetaRun {
  readonly setup: Setup;
  readonly endpoints: readonly Endpoint[];
  readonly results: ReadonlyMap<string, WrkResult>;
  /** Page cache off, one process: each page at half its peak rate (steady.ts). */
  readonly steady: ReadonlyMap<string, WrkResult>;
  readonly probes: ReadonlyMap<string, Probe>;
  /** Resident memory of the largest process after the runs, and its peak, in MB. */
  readonly rssMb: number;
  readonly peakRssMb: number;
  /** Lines the server logged at LOG_LEVEL=warn (warnings and errors). */
  readonly serverLines: readonly string[];
  /** The article page HTML, for the nginx and bare-route comparisons. */
  readonly articleHtml: string;
  /** The article page's own response headers (not the ones Node adds to every response), for the bare route. */
  readonly articleHeaders: Readonly<Record<string, string>>;
}

/** Headers Node's HTTP server writes on every response by itself; the bare route gets them the same way. */
const TRANSPORT_HEADERS = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);

/** Resident and peak resident memory of a process, in MB, from /proc/<pid>/status. */
export function memoryMb(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

export function describeSetup(setup: Setup): string {
  const processes = setup.workers === 1 ? '1 process' : `${setup.workers} workers`;
  return `${setup.store.kind}, ${processes}, page cache ${setup.mode === 'cached' ? 'on' : 'off'}`;
}

/** A `gaceta serve` running for a setup. */
export interface RunningGaceta {
  readonly base: string;
  readonly pid: number;
  /** Lines the server logged at LOG_LEVEL=warn (warnings and errors). */
  readonly serverLines: readonly string[];
  stop(): Promise<void>;
}

/** Starts `gaceta serve` for a setup and waits until it (and every worker) answers. */
export async function startGaceta(
  options: BenchOptions,
  setup: Setup,
  preferredPort = options.gacetaPort,
): Promise<RunningGaceta> {
  const port = await freePort(preferredPort);
  const base = `http://127.0.0.1:${port}`;
  const serverLines: string[] = [];
  const args = ['--import', 'tsx', 'src/cli/main.ts', 'serve'];
  if (setup.workers > 1) args.push('--workers', String(setup.workers));
  const postgres = setup.store.kind === 'postgres';
  // With --workers, the primary says when every worker listens; measuring before would measure fewer.
  let markAllListening = (): void => {};
  const allListening = new Promise<void>((resolve) => (markAllListening = resolve));
  const server = start('gaceta serve', process.execPath, args, {
    cwd: options.root,
    env: gacetaEnv(setup.store, {
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: base,
      PAGE_CACHE: setup.mode === 'cached' ? 'on' : 'off',
      ...(postgres ? { DATABASE_POOL_SIZE: String(options.poolSize) } : {}),
      ...(postgres && options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
    }),
    onLine: (line) => {
      if (/^gaceta: \d+ workers serving/.test(line)) markAllListening();
      else if (serverLines.length < 1000 && !line.startsWith('gaceta: ')) serverLines.push(line);
    },
  });
  try {
    const started = Date.now();
    await waitForOk(`${base}/`, server);
    // Workers start one by one: every one of them must be up before measuring.
    if (setup.workers > 1)
      await Promise.race([
        allListening,
        new Promise((_, reject) =>
          setTimeout(() => reject(new Error('the workers did not all start in 60 s')), 60_000),
        ),
      ]);
    console.log(`server up in ${((Date.now() - started) / 1000).toFixed(1)} s (pid ${server.pid})`);
  } catch (error) {
    await stop(server, 15_000);
    throw error;
  }
  return { base, pid: server.pid, serverLines, stop: () => stop(server, 15_000) };
}

/** Starts `gaceta serve` for a setup, runs wrk against each endpoint, and stops it. */
export async function benchGaceta(
  options: BenchOptions,
  setup: Setup,
  allEndpoints: readonly Endpoint[],
  /** More measuring while the server is still up (the article page in turns with the bare route). */
  whileUp?: (server: { base: string; pid: number }) => Promise<void>,
): Promise<GacetaRun> {
  const endpoints = allEndpoints.filter((endpoint) => !endpoint.reader || setup.workers === 1);
  console.log(`\n== Gaceta: ${describeSetup(setup)} ==`);
  const server = await startGaceta(options, setup);
  const { base, serverLines } = server;
  try {
    const paidCookie = endpoints.some((endpoint) => endpoint.reader) ? await paidReaderCookie(setup.store) : '';
    const headersOf = (endpoint: Endpoint): string[] => (endpoint.reader ? [`Cookie: ${paidCookie}`] : []);
    const probes = new Map<string, Probe>();
    let articleHtml = '';
    let articleHeaders: Record<string, string> = {};
    for (const endpoint of endpoints) {
      const response = await fetch(base + endpoint.path, {
        signal: AbortSignal.timeout(30_000),
        headers: endpoint.reader ? { cookie: paidCookie } : {},
      });
      const body = await response.text();
      probes.set(endpoint.name, {
        status: response.status,
        bytes: Buffer.byteLength(body),
        contentType: response.headers.get('content-type') ?? '',
      });
      if (endpoint.reader && response.headers.get('cache-control') !== 'private, no-cache')
        throw new Error(
          `${endpoint.path} was not read as a signed-in reader (${response.headers.get('cache-control')})`,
        );
      if (endpoint.name === 'article') {
        articleHtml = body;
        articleHeaders = Object.fromEntries(
          [...response.headers].filter(([name]) => !TRANSPORT_HEADERS.has(name.toLowerCase())),
        );
      }
      if (response.status !== 200) console.log(`  WARNING: ${endpoint.path} answered HTTP ${response.status}`);
    }
    // A fresh process compiles its code and fills its caches on the first pages it serves: every
    // page runs once before any is measured, or the first page measured pays for all of them.
    for (const endpoint of endpoints)
      await wrk(base + endpoint.path, options.warmupSeconds, { ...options, headers: headersOf(endpoint) });
    const results = new Map<string, WrkResult>();
    const steady = new Map<string, WrkResult>();
    for (const endpoint of endpoints) {
      const url = base + endpoint.path;
      const headers = headersOf(endpoint);
      const result = await measure(
        url,
        options.warmupSeconds,
        options.durationSeconds,
        { ...options, headers },
        server.pid,
      );
      results.set(endpoint.name, result);
      const errors =
        result.non2xx + result.socketErrors > 0
          ? `  (non-2xx: ${result.non2xx}, socket errors: ${result.socketErrors})`
          : '';
      console.log(describeResult(endpoint.name, result) + errors);
      if (setup.mode === 'uncached' && setup.workers === 1) {
        const paced = await steadyLatency(
          url,
          result.requestsPerSecond,
          options.durationSeconds,
          options.outputDir,
          server.pid,
          headers,
        );
        steady.set(endpoint.name, paced);
        console.log(`${describeResult('  half load', paced)}  (p50 ${paced.p50Ms.toFixed(2)} ms)`);
      }
    }
    await whileUp?.({ base, pid: server.pid });
    const memory = processTree(server.pid)
      .map(memoryMb)
      .reduce((a, b) => ({ rss: Math.max(a.rss, b.rss), peak: Math.max(a.peak, b.peak) }));
    console.log(
      `  resident memory ${memory.rss.toFixed(0)} MB (peak ${memory.peak.toFixed(0)} MB) in the largest process`,
    );
    if (serverLines.length > 0)
      console.log(
        `  server logged ${serverLines.length} warning/error line(s); first: ${serverLines[0]?.slice(0, 300)}`,
      );
    return {
      setup,
      endpoints,
      results,
      steady,
      probes,
      rssMb: memory.rss,
      peakRssMb: memory.peak,
      serverLines,
      articleHtml,
      articleHeaders,
    };
  } finally {
    await server.stop();
  }
}
