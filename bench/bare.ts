import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BenchOptions } from './options.ts';
import { freePort, start, stop, waitForOk } from './processes.ts';
import { measure, type WrkResult } from './wrk.ts';

/**
 * Measures a bare Fastify route sending the article page's response from memory: its bytes and its
 * headers, since a cached page has to send both (bench/bare-server.ts).
 */
export async function benchBareRoute(
  options: BenchOptions,
  articleHtml: string,
  headers: Readonly<Record<string, string>>,
): Promise<WrkResult> {
  const folder = path.join(options.outputDir, 'bare');
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, 'article.html');
  writeFileSync(file, articleHtml);
  const headersFile = path.join(folder, 'article.headers.json');
  writeFileSync(headersFile, JSON.stringify(headers, null, 2));
  const port = await freePort(options.barePort);
  console.log(`\n== bare Fastify route (bench/bare-server.ts, one process) ==`);
  const server = start(
    'bare route',
    process.execPath,
    ['--import', 'tsx', 'bench/bare-server.ts', file, headersFile, String(port)],
    {
      cwd: options.root,
    },
  );
  try {
    const url = `http://127.0.0.1:${port}/article.html`;
    await waitForOk(url, server, 30_000);
    const result = await measure(url, options.warmupSeconds, options.durationSeconds, options, server.pid);
    console.log(
      `  ${'article.html'.padEnd(13)} ${result.requestsPerSecond.toFixed(0).padStart(7)} req/s  p99 ${result.p99Ms.toFixed(2).padStart(7)} ms  CPU ${result.cpuMicrosPerRequest.toFixed(0).padStart(5)} µs/request`,
    );
    return result;
  } finally {
    await stop(server);
  }
}
