/**
 * `npm run bench`: generates a synthetic archive (once), then measures Gaceta with the page cache
 * off and on, and nginx serving the same article as a static file, with wrk. Prints a markdown
 * table and writes it to bench/output/results.md. Exits 0 even when targets are missed.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ensureArchive, pickPaths } from './archive.ts';
import { benchGaceta, type Endpoint, type GacetaRun } from './gaceta.ts';
import { benchNginx } from './nginx.ts';
import { readOptions } from './options.ts';
import { installCleanup, killAll, run } from './processes.ts';
import { buildReport } from './report.ts';

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

async function main(): Promise<void> {
  installCleanup();
  requireTools();
  const options = readOptions();
  mkdirSync(options.outputDir, { recursive: true });
  console.log(
    `bench: ${options.articles} articles, wrk -t${options.threads} -c${options.connections} -d${options.durationSeconds}s, data in ${options.dataDir}`,
  );

  const articles = await ensureArchive(options);
  const paths = pickPaths(options.dataDir);
  const endpoints: Endpoint[] = [
    { name: 'article', path: paths.article },
    { name: 'home', path: '/' },
    { name: 'section', path: paths.section },
    { name: 'rss', path: '/feed.xml' },
    { name: 'news sitemap', path: '/sitemaps/news.xml' },
  ];

  const runs: GacetaRun[] = [];
  runs.push(await benchGaceta(options, 'uncached', endpoints));
  runs.push(await benchGaceta(options, 'cached', endpoints));
  const articleHtml = runs[0]?.articleHtml ?? '';
  if (articleHtml === '') throw new Error(`could not fetch the article page ${paths.article}`);
  const nginx = await benchNginx(options, articleHtml);

  const version = await run('nginx -v', '/usr/sbin/nginx', ['-v']);
  const nginxVersion = /nginx\/[\d.]+/.exec(version.output)?.[0] ?? 'nginx';
  const { markdown, missed } = buildReport({ options, articles, endpoints, runs, nginx, nginxVersion });
  const resultsFile = path.join(options.outputDir, 'results.md');
  writeFileSync(resultsFile, markdown);
  console.log(`\n${markdown}`);
  console.log(missed.length === 0 ? 'bench: all targets met' : `bench: ${missed.length} target(s) missed (see above)`);
  console.log(`bench: results written to ${resultsFile}`);
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
