import { machineTicks, treeCpuSeconds } from './cpu.ts';
import { run } from './processes.ts';

export interface WrkResult {
  readonly url: string;
  readonly requestsPerSecond: number;
  readonly p99Ms: number;
  readonly p50Ms: number;
  readonly requests: number;
  readonly non2xx: number;
  /** connect + read + write errors and timeouts, as wrk counts them. */
  readonly socketErrors: number;
  readonly raw: string;
  /** CPU the server used per request during the run, in µs (all its processes); NaN when not measured. */
  readonly cpuMicrosPerRequest: number;
  /** How busy the machine's cores were during the run, 0 to 1 (all of its programs: wrk, PostgreSQL, Gaceta). */
  readonly machineBusy: number;
}

export interface WrkSettings {
  readonly threads: number;
  readonly connections: number;
  /** Extra request headers ("Name: value"), such as a signed-in reader's cookie. */
  readonly headers?: readonly string[];
  /** A wrk Lua script (the steady load's pacing). */
  readonly script?: string;
}

const TIME_UNITS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

function toMs(value: string, unit: string): number {
  const factor = TIME_UNITS[unit];
  if (factor === undefined) throw new Error(`unknown wrk time unit "${unit}"`);
  return Number(value) * factor;
}

function percentile(output: string, label: string): number {
  const match = new RegExp(`^\\s*${label}%\\s+([\\d.]+)(us|ms|s|m|h)\\s*$`, 'm').exec(output);
  if (!match?.[1] || !match[2]) throw new Error(`no ${label}% latency line in wrk output:\n${output}`);
  return toMs(match[1], match[2]);
}

/** Parses the text wrk prints with --latency. */
export function parseWrk(url: string, output: string): WrkResult {
  const rps = /^Requests\/sec:\s+([\d.]+)/m.exec(output);
  if (!rps?.[1]) throw new Error(`no Requests/sec line in wrk output:\n${output}`);
  const requests = /(\d+) requests in /.exec(output);
  const non2xx = /Non-2xx or 3xx responses:\s+(\d+)/.exec(output);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  const socketErrors = socket ? socket.slice(1, 5).reduce((sum, n) => sum + Number(n), 0) : 0;
  return {
    url,
    requestsPerSecond: Number(rps[1]),
    p99Ms: percentile(output, '99'),
    p50Ms: percentile(output, '50'),
    requests: requests?.[1] ? Number(requests[1]) : 0,
    non2xx: non2xx?.[1] ? Number(non2xx[1]) : 0,
    socketErrors,
    raw: output,
    cpuMicrosPerRequest: NaN,
    machineBusy: NaN,
  };
}

/** Runs `wrk -t<threads> -c<connections> -d<seconds>s --latency <url>` and parses the result. */
export async function wrk(url: string, seconds: number, settings: WrkSettings): Promise<WrkResult> {
  const args = [`-t${settings.threads}`, `-c${settings.connections}`, `-d${seconds}s`, '--latency'];
  for (const header of settings.headers ?? []) args.push('-H', header);
  if (settings.script) args.push('-s', settings.script);
  args.push(url);
  const { code, output } = await run('wrk', '/usr/bin/wrk', args);
  if (code !== 0) throw new Error(`wrk ${args.join(' ')} exited with ${code}:\n${output}`);
  return parseWrk(url, output);
}

/**
 * A short warm-up run, then the measured run. With the server's pid, the result also says how much
 * CPU the server spent per request: unlike requests a second, that barely moves when wrk or another
 * program takes a share of the machine's two cores.
 */
export async function measure(
  url: string,
  warmupSeconds: number,
  seconds: number,
  settings: WrkSettings,
  serverPid?: number,
): Promise<WrkResult> {
  await wrk(url, warmupSeconds, settings);
  const before = serverPid === undefined ? 0 : treeCpuSeconds(serverPid);
  const machineBefore = machineTicks();
  const result = await wrk(url, seconds, settings);
  const machineAfter = machineTicks();
  const machineBusy = (machineAfter.busy - machineBefore.busy) / (machineAfter.total - machineBefore.total);
  if (serverPid === undefined || result.requests === 0) return { ...result, machineBusy };
  const used = treeCpuSeconds(serverPid) - before;
  return { ...result, machineBusy, cpuMicrosPerRequest: (used * 1e6) / result.requests };
}

/** One line of the console log: a page, its rate, p99 and the server's CPU per request. */
export function describeResult(name: string, result: WrkResult): string {
  return `  ${name.padEnd(13)} ${result.requestsPerSecond.toFixed(0).padStart(7)} req/s  p99 ${result.p99Ms.toFixed(2).padStart(7)} ms  CPU ${result.cpuMicrosPerRequest.toFixed(0).padStart(5)} µs/request`;
}
