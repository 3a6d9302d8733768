// Runs the test suite on SQLite, then again on PostgreSQL when TEST_DATABASE_URL is set.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
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

function pass(name, env) {
  console.log(`\n### Test pass: ${name} (${files.length} files)\n`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], {
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  return result.status ?? 1;
}

let failed = pass('SQLite', { GACETA_TEST_DATABASE_URL: '' });
if (process.env.TEST_DATABASE_URL) {
  failed ||= pass(`PostgreSQL (${process.env.TEST_DATABASE_URL})`, {
    GACETA_TEST_DATABASE_URL: process.env.TEST_DATABASE_URL,
  });
} else {
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
