import { type ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import net from 'node:net';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Every child the benchmark starts runs in its own process group (detached) and is tracked here,
 * so that normal exit, errors and Ctrl-C all stop whole groups (servers, nginx workers, wrk).
 */
const live = new Set<ChildProcess>();
const tempDirs = new Set<string>();

export interface Managed {
  readonly name: string;
  readonly child: ChildProcess;
  readonly pid: number;
  /** Resolves when the group leader exits. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** The last lines the process printed (stdout and stderr together). */
  readonly tail: string[];
}

export interface StartOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Called for every output line (stdout and stderr). */
  onLine?: (line: string) => void;
  tailLines?: number;
}

export function start(name: string, command: string, args: readonly string[], options: StartOptions = {}): Managed {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid === undefined) throw new Error(`could not start ${name} (${command})`);
  live.add(child);
  const tail: string[] = [];
  const keep = options.tailLines ?? 200;
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    createInterface({ input: stream }).on('line', (line) => {
      tail.push(line);
      if (tail.length > keep) tail.shift();
      options.onLine?.(line);
    });
  }
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => {
      live.delete(child);
      resolve({ code, signal });
    });
    child.on('error', (error) => {
      tail.push(String(error));
      live.delete(child);
      resolve({ code: -1, signal: null });
    });
  });
  return { name, child, pid: child.pid, exited, tail };
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // the group is already gone
  }
}

/** Asks a process group to stop (SIGTERM), then kills it if it has not exited after `graceMs`. */
export async function stop(managed: Managed, graceMs = 5000): Promise<void> {
  if (managed.child.exitCode === null && managed.child.signalCode === null) {
    signalGroup(managed.pid, 'SIGTERM');
    const timedOut = await Promise.race([managed.exited.then(() => false), sleep(graceMs).then(() => true)]);
    if (timedOut) {
      signalGroup(managed.pid, 'SIGKILL');
      await managed.exited;
    }
  }
  // Leftover members of the group (e.g. an nginx worker whose master died) go too.
  signalGroup(managed.pid, 'SIGKILL');
}

/** Runs a process to completion and returns its exit code and output. */
export async function run(
  name: string,
  command: string,
  args: readonly string[],
  options: StartOptions = {},
): Promise<{ code: number | null; output: string }> {
  const managed = start(name, command, args, { ...options, tailLines: options.tailLines ?? 10_000 });
  const { code } = await managed.exited;
  // readline may still hold the last line for a tick after 'exit'
  await sleep(20);
  return { code, output: managed.tail.join('\n') };
}

export function registerTempDir(dir: string): void {
  tempDirs.add(dir);
}

export function removeTempDirs(): void {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
}

/** Synchronously kills every tracked group; safe to call from an 'exit' handler. */
export function killAll(): void {
  for (const child of live) if (child.pid !== undefined) signalGroup(child.pid, 'SIGKILL');
  live.clear();
  removeTempDirs();
}

/** Makes sure no server, nginx or wrk outlives the benchmark, however it ends. */
export function installCleanup(): void {
  process.on('exit', killAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      console.error(`\nbench: ${signal} received, stopping child processes`);
      killAll();
      process.exit(130);
    });
  }
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** The first port from `preferred` that nothing on 127.0.0.1 is listening on. */
export async function freePort(preferred: number): Promise<number> {
  for (let port = preferred; port < preferred + 100; port++) if (await canListen(port)) return port;
  throw new Error(`no free port between ${preferred} and ${preferred + 99}`);
}

/** Polls `url` until it answers 200; fails early if the process exits. */
export async function waitForOk(url: string, managed: Managed, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastProblem = 'no answer yet';
  while (Date.now() < deadline) {
    if (managed.child.exitCode !== null || managed.child.signalCode !== null) {
      throw new Error(`${managed.name} exited before answering ${url}:\n${managed.tail.slice(-30).join('\n')}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await response.arrayBuffer();
      if (response.status === 200) return;
      lastProblem = `HTTP ${response.status}`;
    } catch (error) {
      lastProblem = error instanceof Error ? error.message : String(error);
    }
    await sleep(200);
  }
  throw new Error(
    `${managed.name} did not answer 200 at ${url} within ${timeoutMs / 1000} s (${lastProblem}):\n${managed.tail.slice(-30).join('\n')}`,
  );
}
