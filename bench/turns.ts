/**
 * `npm run bench:turns`: only the ratios measured in turns, on the archives `npm run bench` made
 * (SQLite and PostgreSQL, page cache off, one process each; and an anonymous against a signed-in
 * paid reader of the same article). Minutes instead of a quarter of an hour, for checking a change.
 */
import { ensureArchive, pickPaths, stores } from './archive.ts';
import { measureInTurns } from './bare.ts';
import type { Endpoint } from './gaceta.ts';
import { startGaceta } from './gaceta.ts';
import { paidReaderCookie } from './member.ts';
import { readOptions } from './options.ts';
import { installCleanup, killAll } from './processes.ts';
import { storesInTurns } from './stores-in-turns.ts';

async function main(): Promise<void> {
  installCleanup();
  const options = readOptions();
  const [sqlite, postgres] = stores(options);
  if (!sqlite || !postgres) throw new Error('bench:turns needs PostgreSQL (BENCH_DATABASE_URL)');
  const endpointsOf = new Map<typeof sqlite, Endpoint[]>();
  for (const store of [sqlite, postgres]) {
    const paths = await pickPaths(store, await ensureArchive(options, store));
    endpointsOf.set(store, [
      { name: 'article', path: paths.article },
      { name: 'home', path: '/' },
      { name: 'section', path: paths.section },
      { name: 'rss', path: '/feed.xml' },
      { name: 'news sitemap', path: '/sitemaps/news.xml' },
    ]);
  }
  const pairs = await storesInTurns(options, [sqlite, postgres], (store) => endpointsOf.get(store) ?? []);
  console.log('\nPostgreSQL ÷ SQLite, in turns (target ≥ 50%):');
  for (const [name, pair] of pairs)
    console.log(
      `  ${name.padEnd(13)} ${((pair.second.requestsPerSecond / pair.first.requestsPerSecond) * 100).toFixed(0)}%`,
    );

  const server = await startGaceta(options, { store: sqlite, workers: 1, mode: 'uncached' });
  try {
    const url = server.base + (endpointsOf.get(sqlite)?.[0]?.path ?? '/');
    const cookie = await paidReaderCookie(sqlite);
    const pair = await measureInTurns(
      options,
      ['article', 'article, paid reader'],
      { url, pid: server.pid },
      { url, pid: server.pid, headers: [`Cookie: ${cookie}`] },
    );
    const ratio = pair.first.cpuMicrosPerRequest / pair.second.cpuMicrosPerRequest;
    console.log(`\npaid reader ÷ anonymous, CPU per request in turns (target ≥ 80%): ${(ratio * 100).toFixed(0)}%`);
  } finally {
    await server.stop();
  }

  const cached = await startGaceta(options, { store: sqlite, workers: 1, mode: 'cached' });
  try {
    const url = cached.base + (endpointsOf.get(sqlite)?.[0]?.path ?? '/');
    const cookie = await paidReaderCookie(sqlite);
    const pair = await measureInTurns(
      options,
      ['article, cached', 'article, cached, paid reader'],
      { url, pid: cached.pid },
      { url, pid: cached.pid, headers: [`Cookie: ${cookie}`] },
    );
    const ratio = pair.first.cpuMicrosPerRequest / pair.second.cpuMicrosPerRequest;
    console.log(
      `cached paid variant ÷ anonymous, CPU per request in turns (target ≥ 90%): ${(ratio * 100).toFixed(0)}%`,
    );
  } finally {
    await cached.stop();
  }
}

main().then(
  () => killAll(),
  (error: unknown) => {
    console.error('bench:turns failed:', error instanceof Error ? error.message : error);
    killAll();
    process.exitCode = 1;
  },
);
