import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { measure, type WrkResult, type WrkSettings } from './wrk.ts';

/** Connections of the steady load: few, each waiting between requests as readers' browsers do. */
const STEADY_CONNECTIONS = 4;

/**
 * The page's latency at half the rate it peaked at: wrk with each of 4 connections pausing between
 * requests (wrk's Lua `delay()`), so requests rarely queue behind one another. At the peak, 32
 * connections always waiting for an answer make the mean latency 32 ÷ the rate (Little's law), a
 * measure of the queue rather than of the page; a reader meets the page at a load the server keeps up
 * with. Both figures are printed; the p99 targets are judged on this one.
 */
export async function steadyLatency(
  url: string,
  peakPerSecond: number,
  seconds: number,
  outputDir: string,
  serverPid: number,
  headers: readonly string[] = [],
): Promise<WrkResult> {
  const wanted = peakPerSecond / 2;
  // Each connection makes one request every STEADY_CONNECTIONS / wanted seconds, latency included.
  const pauseMs = Math.max(0, Math.round((STEADY_CONNECTIONS * 1000) / wanted));
  const script = path.join(outputDir, `pace-${pauseMs}.lua`);
  writeFileSync(script, `function delay()\n  return ${pauseMs}\nend\n`);
  const settings: WrkSettings = { threads: 1, connections: STEADY_CONNECTIONS, headers, script };
  return measure(url, 1, seconds, settings, serverPid);
}
