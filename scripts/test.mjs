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
process.exit(failed);
