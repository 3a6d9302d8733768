import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BenchOptions } from './options.ts';
import { freePort, start, stop, waitForOk } from './processes.ts';
import { describeResult, measure, type WrkResult } from './wrk.ts';

/** The bare route's server while it runs. */
export interface BareRoute {
  readonly url: string;
  readonly pid: number;
  stop(): Promise<void>;
}

/**
 * Starts a bare Fastify route sending the article page's response from memory: its bytes and its
 * headers, since a cached page has to send both (bench/bare-server.ts).
 */
export async function startBareRoute(
  options: BenchOptions,
  articleHtml: string,
  headers: Readonly<Record<string, string>>,
): Promise<BareRoute> {
  const folder = path.join(options.outputDir, 'bare');
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, 'article.html');
  writeFileSync(file, articleHtml);
  const headersFile = path.join(folder, 'article.headers.json');
  writeFileSync(headersFile, JSON.stringify(headers, null, 2));
  const port = await freePort(options.barePort);
  const server = start(
    'bare route',
    process.execPath,
    ['--import', 'tsx', 'bench/bare-server.ts', file, headersFile, String(port)],
    { cwd: options.root },
  );
  const url = `http://127.0.0.1:${port}/article.html`;
  await waitForOk(url, server, 30_000);
  return { url, pid: server.pid, stop: () => stop(server) };
}

/** Measures the bare route the way every page is measured. */
export async function benchBareRoute(options: BenchOptions, bare: BareRoute): Promise<WrkResult> {
  console.log(`\n== bare Fastify route (bench/bare-server.ts, one process) ==`);
  const result = await measure(bare.url, options.warmupSeconds, options.durationSeconds, options, bare.pid);
  console.log(describeResult('article.html', result));
  return result;
}

/** Two pages measured in turns so both meet the machine in the same state (medians of each). */
export interface PairedRun {
  readonly rounds: number;
  readonly first: WrkResult;
  readonly second: WrkResult;
}

/** A page to measure in turns: where, which server process, and any request headers. */
export interface TurnTarget {
  readonly url: string;
  readonly pid: number;
  readonly headers?: readonly string[];
}

const PAIRED_ROUNDS = 5;

function median(results: WrkResult[], by: (result: WrkResult) => number): WrkResult {
  const sorted = [...results].sort((a, b) => by(a) - by(b));
  const middle = sorted[Math.floor(sorted.length / 2)];
  if (!middle) throw new Error('no results');
  return middle;
}

/**
 * Alternates short runs of two pages and keeps the median of each by CPU per request: this
 * machine's speed drifts by tens of percent within minutes, in the same way for both.
 */
export async function measureInTurns(
  options: BenchOptions,
  names: readonly [string, string],
  first: TurnTarget,
  second: TurnTarget,
  /** What the medians are taken by: CPU per request (one server against another) or requests a second. */
  by: 'cpu' | 'rate' = 'cpu',
): Promise<PairedRun> {
  const key = by === 'cpu' ? (r: WrkResult) => r.cpuMicrosPerRequest : (r: WrkResult) => -r.requestsPerSecond;
  const seconds = Math.max(2, Math.ceil(options.durationSeconds / 2));
  const runs: [WrkResult[], WrkResult[]] = [[], []];
  for (let round = 0; round < PAIRED_ROUNDS; round++)
    for (const [index, target] of [first, second].entries())
      runs[index]?.push(
        await measure(target.url, 1, seconds, { ...options, headers: target.headers ?? [] }, target.pid),
      );
  const result = {
    rounds: PAIRED_ROUNDS,
    first: median(runs[0], key),
    second: median(runs[1], key),
  };
  console.log(`  in turns (${PAIRED_ROUNDS} rounds of ${seconds} s, medians):`);
  console.log(describeResult(names[0], result.first));
  console.log(describeResult(names[1], result.second));
  return result;
}
