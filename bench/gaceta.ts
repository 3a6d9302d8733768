import { readFileSync } from 'node:fs';
import { gacetaEnv } from './archive.ts';
import type { BenchOptions } from './options.ts';
import { freePort, start, stop, waitForOk } from './processes.ts';
import { measure, type WrkResult } from './wrk.ts';

export type Mode = 'uncached' | 'cached';

export interface Endpoint {
  readonly name: string;
  readonly path: string;
}

export interface Probe {
  readonly status: number;
  readonly bytes: number;
  readonly contentType: string;
}

export interface GacetaRun {
  readonly mode: Mode;
  readonly results: ReadonlyMap<string, WrkResult>;
  readonly probes: ReadonlyMap<string, Probe>;
  readonly rssMb: number;
  readonly peakRssMb: number;
  /** Lines the server logged at LOG_LEVEL=warn (warnings and errors). */
  readonly serverLines: readonly string[];
  /** The article page HTML, for the nginx comparison. */
  readonly articleHtml: string;
}

/** Resident and peak resident memory of a process, in MB, from /proc/<pid>/status. */
export function memoryMb(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

/** Starts `gaceta serve` with the page cache on or off, runs wrk against each endpoint, and stops it. */
export async function benchGaceta(
  options: BenchOptions,
  mode: Mode,
  endpoints: readonly Endpoint[],
): Promise<GacetaRun> {
  const port = await freePort(options.gacetaPort);
  const base = `http://127.0.0.1:${port}`;
  const serverLines: string[] = [];
  console.log(`\n== Gaceta, page cache ${mode === 'cached' ? 'on' : 'off'} (${base}) ==`);
  const server = start('gaceta serve', process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve'], {
    cwd: options.root,
    env: gacetaEnv(options, {
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: base,
      PAGE_CACHE: mode === 'cached' ? 'on' : 'off',
    }),
    onLine: (line) => {
      if (serverLines.length < 1000) serverLines.push(line);
    },
  });
  try {
    const started = Date.now();
    await waitForOk(`${base}/`, server);
    console.log(`server up in ${((Date.now() - started) / 1000).toFixed(1)} s (pid ${server.pid})`);
    const probes = new Map<string, Probe>();
    let articleHtml = '';
    for (const endpoint of endpoints) {
      const response = await fetch(base + endpoint.path, { signal: AbortSignal.timeout(30_000) });
      const body = await response.text();
      probes.set(endpoint.name, {
        status: response.status,
        bytes: Buffer.byteLength(body),
        contentType: response.headers.get('content-type') ?? '',
      });
      if (endpoint.name === 'article') articleHtml = body;
      if (response.status !== 200) console.log(`  WARNING: ${endpoint.path} answered HTTP ${response.status}`);
    }
    const results = new Map<string, WrkResult>();
    for (const endpoint of endpoints) {
      const result = await measure(base + endpoint.path, options.warmupSeconds, options.durationSeconds, options);
      results.set(endpoint.name, result);
      const errors =
        result.non2xx + result.socketErrors > 0
          ? `  (non-2xx: ${result.non2xx}, socket errors: ${result.socketErrors})`
          : '';
      console.log(
        `  ${endpoint.name.padEnd(13)} ${result.requestsPerSecond.toFixed(0).padStart(7)} req/s  p99 ${result.p99Ms.toFixed(2).padStart(7)} ms${errors}`,
      );
    }
    const memory = memoryMb(server.pid);
    console.log(`  resident memory ${memory.rss.toFixed(0)} MB (peak ${memory.peak.toFixed(0)} MB)`);
    if (serverLines.length > 0)
      console.log(
        `  server logged ${serverLines.length} warning/error line(s); first: ${serverLines[0]?.slice(0, 300)}`,
      );
    return { mode, results, probes, rssMb: memory.rss, peakRssMb: memory.peak, serverLines, articleHtml };
  } finally {
    await stop(server, 10_000);
  }
}
