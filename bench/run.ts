/**
 * `npm run bench`: generates a synthetic archive on SQLite and on PostgreSQL (once; both are kept
 * and reused), then measures Gaceta with the page cache off and on, on SQLite with one process and
 * on PostgreSQL with 1, 2 and 4 (`gaceta serve --workers N`), beside two baselines of the same run:
 * a bare Fastify route and nginx sending the same article bytes. Prints a markdown table of ratios
 * and writes it to bench/output/results.md. Exits 0 even when targets are missed.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { ensureArchive, pickPaths, type Store, stores } from './archive.ts';
import { benchBareRoute, measureInTurns, type PairedRun, startBareRoute } from './bare.ts';
import { benchEditor, editorReport } from './editor.ts';
import { benchGaceta, type Endpoint, type GacetaRun, type Mode } from './gaceta.ts';
import { paidReaderCookie } from './member.ts';
import { benchNginx } from './nginx.ts';
import { readOptions } from './options.ts';
import { storesInTurns } from './stores-in-turns.ts';
import { installCleanup, killAll, run } from './processes.ts';
import { buildReport } from './report.ts';
import type { WrkResult } from './wrk.ts';

/** The load generator and the baseline come from Debian; say so before generating an archive for nothing. */
function requireTools(): void {
  const missing = [
    ['/usr/bin/wrk', 'wrk'],
    ['/usr/sbin/nginx', 'nginx'],
  ]
    .filter(([file]) => !existsSync(file ?? ''))
    .map(([, name]) => name);
  if (missing.length > 0)
    throw new Error(`${missing.join(' and ')} not found; install with: apt-get install -y ${missing.join(' ')}`);
}

/** Redis must answer before the PostgreSQL processes are started, or each would wait for it until the bench gives up. */
async function requireRedis(url: string | undefined): Promise<void> {
  if (!url) return;
  const { hostname, port } = new URL(url);
  const reachable = await new Promise<boolean>((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 6379), timeout: 2000 });
    const answer = (ok: boolean) => () => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', answer(true));
    socket.once('error', answer(false));
    socket.once('timeout', answer(false));
  });
  if (!reachable)
    throw new Error(
      `Redis does not answer at ${url}; start it (redis-server) or measure without it: BENCH_REDIS_URL=off`,
    );
}

async function main(): Promise<void> {
  installCleanup();
  requireTools();
  const options = readOptions();
  if (options.databaseUrl) await requireRedis(options.redisUrl);
  mkdirSync(options.outputDir, { recursive: true });
  const started = Date.now();
  console.log(
    `bench: ${options.articles} articles, wrk -t${options.threads} -c${options.connections} -d${options.durationSeconds}s, data in ${options.dataDir}; PostgreSQL: ${options.databaseUrl ?? 'off'} with ${options.workers.join(', ')} process(es)`,
  );

  const articles = new Map<string, number>();
  const endpointsOf = new Map<Store, Endpoint[]>();
  const measured = stores(options);
  for (const store of measured) {
    const published = await ensureArchive(options, store);
    articles.set(store.kind, published);
    const paths = await pickPaths(store, published);
    endpointsOf.set(store, [
      { name: 'article', path: paths.article },
      { name: 'article, paid reader', path: paths.article, reader: 'paid' },
      { name: 'home', path: '/' },
      { name: 'section', path: paths.section },
      { name: 'rss', path: '/feed.xml' },
      { name: 'news sitemap', path: '/sitemaps/news.xml' },
    ]);
  }

  const runs: GacetaRun[] = [];
  const measure = async (
    store: Store,
    workers: number,
    mode: Mode,
    whileUp?: Parameters<typeof benchGaceta>[3],
  ): Promise<GacetaRun> => {
    const result = await benchGaceta(options, { store, workers, mode }, endpointsOf.get(store) ?? [], whileUp);
    runs.push(result);
    return result;
  };
  const [sqlite, postgres] = measured;
  if (!sqlite) throw new Error('no SQLite store');
  // SQLite and one PostgreSQL process alternate, so both meet the machine in the same state.
  const article = endpointsOf.get(sqlite)?.[0]?.path ?? '/';
  // The signed-in paid reader's target is judged in turns with the anonymous reader on one server.
  let paidReader: PairedRun | undefined;
  const first = await measure(sqlite, 1, 'uncached', async (server) => {
    const target = { url: server.base + article, pid: server.pid };
    const cookie = await paidReaderCookie(sqlite);
    paidReader = await measureInTurns(options, ['article', 'article, paid reader'], target, {
      ...target,
      headers: [`Cookie: ${cookie}`],
    });
  });
  const articleHtml = first.articleHtml;
  if (articleHtml === '') throw new Error(`could not fetch the article page ${endpointsOf.get(sqlite)?.[0]?.path}`);
  const bareRoute = await startBareRoute(options, articleHtml, first.articleHeaders);
  let paired: PairedRun | undefined;
  let cachedPaidReader: PairedRun | undefined;
  let bare: WrkResult | undefined;
  try {
    if (postgres) await measure(postgres, 1, 'uncached');
    await measure(sqlite, 1, 'cached', async (server) => {
      const target = { url: server.base + article, pid: server.pid };
      paired = await measureInTurns(options, ['article', 'bare route'], target, bareRoute);
      const cookie = await paidReaderCookie(sqlite);
      cachedPaidReader = await measureInTurns(options, ['article', 'article, paid reader'], target, {
        ...target,
        headers: [`Cookie: ${cookie}`],
      });
    });
    if (postgres) await measure(postgres, 1, 'cached');
    bare = await benchBareRoute(options, bareRoute);
  } finally {
    await bareRoute.stop();
  }
  const nginx = await benchNginx(options, articleHtml);
  const databasesInTurns = postgres
    ? await storesInTurns(options, [sqlite, postgres], (store) => endpointsOf.get(store) ?? [])
    : undefined;
  if (postgres)
    for (const workers of options.workers.filter((n) => n > 1)) {
      await measure(postgres, workers, 'uncached');
      await measure(postgres, workers, 'cached');
    }

  const version = await run('nginx -v', '/usr/sbin/nginx', ['-v']);
  const nginxVersion = /nginx\/[\d.]+/.exec(version.output)?.[0] ?? 'nginx';
  const endpoints = endpointsOf.get(sqlite) ?? [];
  if (!paired || !bare) throw new Error('the cached article was not measured in turns with the bare route');
  if (!paidReader || !cachedPaidReader)
    throw new Error('the paid reader was not measured in turns with the anonymous reader');
  const reader = buildReport({
    options,
    articles,
    endpoints,
    runs,
    nginx,
    bare,
    paired,
    paidReader,
    cachedPaidReader,
    databasesInTurns,
    nginxVersion,
  });
  // The editor is measured last, in a browser, with no reader-page server running.
  const editor = editorReport(await benchEditor());
  const markdown = `${reader.markdown}\n${editor.markdown}`;
  const missed = [...reader.missed, ...editor.missed];
  const resultsFile = path.join(options.outputDir, 'results.md');
  writeFileSync(resultsFile, markdown);
  console.log(`\n${markdown}`);
  console.log(missed.length === 0 ? 'bench: all targets met' : `bench: ${missed.length} target(s) missed (see above)`);
  console.log(`bench: results written to ${resultsFile} (${((Date.now() - started) / 60_000).toFixed(1)} min)`);
}

main().then(
  () => {
    killAll();
    process.exitCode = 0;
  },
  (error: unknown) => {
    console.error('bench failed:', error instanceof Error ? error.message : error);
    killAll();
    process.exitCode = 1;
  },
);
