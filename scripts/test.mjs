// Runs the test suite on SQLite and, when TEST_DATABASE_URL is set, on PostgreSQL at the same time:
// each pass runs its files one after another, so two passes keep two cores busy and the whole suite
// takes about as long as one. The SQLite pass prints as it goes; the PostgreSQL pass's report follows.
// (Tests that use Redis give it a prefix of their own, so the two passes never hear each other.)
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

function findTests(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return findTests(full);
    return entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

const only = process.argv.slice(2);
const files = only.length ? only : findTests('src').sort();

/** Starts one pass; its output goes to the terminal, or to `logFile` to be shown when it ends. */
function pass(name, env, logFile) {
  const heading = `\n### Test pass: ${name} (${files.length} files)\n`;
  const out = logFile ? fs.openSync(logFile, 'w') : 'inherit';
  if (logFile) fs.writeSync(out, `${heading}\n`);
  else console.log(heading);
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], {
    stdio: ['ignore', out, out],
    env: { ...process.env, ...env },
  });
  return new Promise((resolve) => {
    child.on('close', (code) => {
      if (logFile) fs.closeSync(out);
      resolve({ name, status: code ?? 1, minutes: (Date.now() - started) / 60_000, logFile });
    });
  });
}

const passes = [pass('SQLite', { GACETA_TEST_DATABASE_URL: '' })];
if (process.env.TEST_DATABASE_URL) {
  const logFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gaceta-test-pass-')), 'postgres.log');
  console.log(`### The PostgreSQL pass runs alongside; its report follows the SQLite pass's (${logFile}).`);
  passes.push(
    pass(
      `PostgreSQL (${process.env.TEST_DATABASE_URL})`,
      { GACETA_TEST_DATABASE_URL: process.env.TEST_DATABASE_URL },
      logFile,
    ),
  );
}
const results = await Promise.all(passes);
for (const result of results) if (result.logFile) process.stdout.write(fs.readFileSync(result.logFile));
console.log('');
for (const result of results)
  console.log(`### ${result.name}: ${result.status === 0 ? 'passed' : 'FAILED'} in ${result.minutes.toFixed(1)} min`);
const failed = results.some((result) => result.status !== 0) ? 1 : 0;
if (!process.env.TEST_DATABASE_URL) {
  console.log(
    '\n### Skipping the PostgreSQL pass: TEST_DATABASE_URL is not set (for example TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test).\n',
  );
}
if (!process.env.TEST_REDIS_URL) {
  console.log(
    '### The test of purges shared through Redis was skipped: TEST_REDIS_URL is not set (for example TEST_REDIS_URL=redis://127.0.0.1:6379).\n',
  );
}
// The same check as src/testing/varnish.ts: the Varnish test needs varnishd and the xkey vmod.
const varnishd = ['varnishd', '/usr/sbin/varnishd', '/usr/local/sbin/varnishd'].find(
  (candidate) => spawnSync(candidate, ['-V']).status === 0,
);
const xkey = [
  '/usr/lib/x86_64-linux-gnu/varnish/vmods',
  '/usr/lib/aarch64-linux-gnu/varnish/vmods',
  '/usr/lib/varnish/vmods',
  '/usr/lib64/varnish/vmods',
  '/usr/local/lib/varnish/vmods',
].some((dir) => fs.existsSync(path.join(dir, 'libvmod_xkey.so')));
if (!varnishd || !xkey) {
  console.log(
    `### The Varnish test was skipped: ${varnishd ? 'the xkey vmod is' : 'varnishd is'} not installed (apt-get install varnish varnish-modules).\n`,
  );
}
process.exit(failed);
