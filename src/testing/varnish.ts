import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The sample VCL shipped for operators; the test runs it as it is, with the backend's port filled in. */
export const SAMPLE_VCL = path.resolve(import.meta.dirname, '../../deploy/varnish/gaceta.vcl');

const VMOD_DIRS = [
  '/usr/lib/x86_64-linux-gnu/varnish/vmods',
  '/usr/lib/aarch64-linux-gnu/varnish/vmods',
  '/usr/lib/varnish/vmods',
  '/usr/lib64/varnish/vmods',
  '/usr/local/lib/varnish/vmods',
];

// Debian installs varnishd in /usr/sbin, which is not on every user's PATH.
const VARNISHD = ['varnishd', '/usr/sbin/varnishd', '/usr/local/sbin/varnishd'].find((candidate) => {
  const version = spawnSync(candidate, ['-V'], { encoding: 'utf8' });
  return !version.error && version.status === 0;
});

/** Why the Varnish test cannot run here, or false when varnishd and the xkey vmod are installed. */
export function varnishMissing(): string | false {
  if (!VARNISHD) return 'varnishd is not installed (apt-get install varnish varnish-modules)';
  if (!VMOD_DIRS.some((dir) => fs.existsSync(path.join(dir, 'libvmod_xkey.so'))))
    return 'the xkey vmod is not installed (apt-get install varnish-modules)';
  return false;
}

export interface RunningVarnish {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts varnishd in the foreground with the sample VCL in front of a backend on 127.0.0.1.
 * `-j none` runs it without a jail, which works for root (CI) and for other users alike.
 */
export async function startVarnish(port: number, backendPort: number): Promise<RunningVarnish> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gaceta-varnish-'));
  const vcl = fs.readFileSync(SAMPLE_VCL, 'utf8').replace(/\.port = "\d+";/, `.port = "${backendPort}";`);
  fs.writeFileSync(path.join(dir, 'gaceta.vcl'), vcl);
  const args = ['-F', '-n', path.join(dir, 'work'), '-a', `127.0.0.1:${port}`, '-f', path.join(dir, 'gaceta.vcl')];
  args.push('-s', 'malloc,32m', '-T', 'none', '-j', 'none');
  const child: ChildProcess = spawn(VARNISHD ?? 'varnishd', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const url = `http://127.0.0.1:${port}`;
  // Compiling the VCL takes a second or two; Varnish answers once its child has started.
  for (let i = 0; i < 150; i++) {
    if (child.exitCode !== null) break;
    try {
      await fetch(`${url}/robots.txt`, { signal: AbortSignal.timeout(1000) });
      return { url, stop };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  await stop();
  throw new Error(`varnishd did not start:\n${output}`);
}
