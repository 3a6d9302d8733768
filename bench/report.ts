import os from 'node:os';
import type { Endpoint, GacetaRun } from './gaceta.ts';
import type { NginxRun } from './nginx.ts';
import type { BenchOptions } from './options.ts';
import type { WrkResult } from './wrk.ts';

export interface ReportInput {
  readonly options: BenchOptions;
  readonly articles: number;
  readonly endpoints: readonly Endpoint[];
  readonly runs: readonly GacetaRun[];
  readonly nginx: NginxRun;
  readonly nginxVersion: string;
}

interface Target {
  readonly text: string;
  readonly check: (result: WrkResult) => boolean;
}

const MIN_UNCACHED_ARTICLE_RPS = 3000;
const MIN_CACHED_TO_NGINX = 0.3;
const MAX_RSS_MB = 300;

function p99Below(ms: number): Target {
  return { text: `p99 < ${ms} ms`, check: (r) => r.p99Ms < ms };
}

function targetFor(endpoint: string, run: GacetaRun): Target {
  if (endpoint === 'article' && run.mode === 'uncached') {
    return {
      text: `≥ ${MIN_UNCACHED_ARTICLE_RPS} req/s, p99 < 20 ms`,
      check: (r) => r.requestsPerSecond >= MIN_UNCACHED_ARTICLE_RPS && r.p99Ms < 20,
    };
  }
  return endpoint === 'rss' || endpoint === 'news sitemap' ? p99Below(50) : p99Below(20);
}

const verdict = (ok: boolean): string => (ok ? 'pass' : '**FAIL**');
const rps = (n: number): string => Math.round(n).toLocaleString('en-US');
const ms = (n: number): string => (n < 10 ? n.toFixed(2) : n.toFixed(1));

/** Builds the markdown report and the list of missed targets. */
export function buildReport(input: ReportInput): { markdown: string; missed: string[] } {
  const { options, runs, nginx } = input;
  const missed: string[] = [];
  const errorNotes: string[] = [];
  const lines = ['| endpoint | mode | req/s | p99 ms | target | pass/fail |', '|---|---|---:|---:|---|---|'];
  for (const endpoint of input.endpoints) {
    for (const run of runs) {
      const result = run.results.get(endpoint.name);
      if (!result) continue;
      const target = targetFor(endpoint.name, run);
      const errors = result.non2xx + result.socketErrors;
      const ok = target.check(result) && errors === 0;
      if (!target.check(result))
        missed.push(
          `${endpoint.name} (${run.mode}): ${rps(result.requestsPerSecond)} req/s, p99 ${ms(result.p99Ms)} ms; target ${target.text}`,
        );
      if (errors > 0) {
        const note = `${endpoint.name} (${run.mode}) ${endpoint.path}: ${result.non2xx} non-2xx/3xx responses, ${result.socketErrors} socket errors out of ${result.requests} requests`;
        errorNotes.push(note);
        missed.push(`errors: ${note}`);
      }
      const status = run.probes.get(endpoint.name)?.status;
      const suffix =
        errors > 0 ? ` (${errors} errors)` : status !== undefined && status !== 200 ? ` (HTTP ${status})` : '';
      lines.push(
        `| ${endpoint.name} \`${endpoint.path}\` | ${run.mode} | ${rps(result.requestsPerSecond)} | ${ms(result.p99Ms)} | ${target.text} | ${verdict(ok)}${suffix} |`,
      );
    }
  }
  const n = nginx.result;
  lines.push(
    `| nginx static \`/article.html\` | static | ${rps(n.requestsPerSecond)} | ${ms(n.p99Ms)} | baseline | — |`,
  );

  const checks = ['| check | value | target | pass/fail |', '|---|---:|---|---|'];
  const cached = runs.find((r) => r.mode === 'cached')?.results.get('article');
  if (cached) {
    const ratio = cached.requestsPerSecond / n.requestsPerSecond;
    const ok = ratio >= MIN_CACHED_TO_NGINX;
    if (!ok)
      missed.push(
        `cached article ÷ nginx static: ${(ratio * 100).toFixed(0)}% (target ≥ ${MIN_CACHED_TO_NGINX * 100}%)`,
      );
    checks.push(
      `| cached article req/s ÷ nginx static req/s | ${(ratio * 100).toFixed(0)}% | ≥ ${MIN_CACHED_TO_NGINX * 100}% | ${verdict(ok)} |`,
    );
  }
  const uncached = runs.find((r) => r.mode === 'uncached')?.results.get('article');
  if (uncached) {
    const ok = uncached.requestsPerSecond >= MIN_UNCACHED_ARTICLE_RPS;
    checks.push(
      `| uncached article req/s | ${rps(uncached.requestsPerSecond)} | ≥ ${MIN_UNCACHED_ARTICLE_RPS} | ${verdict(ok)} |`,
    );
  }
  for (const run of runs) {
    const ok = run.rssMb < MAX_RSS_MB;
    if (!ok) missed.push(`resident memory (${run.mode}): ${run.rssMb.toFixed(0)} MB (target < ${MAX_RSS_MB} MB)`);
    checks.push(
      `| Gaceta resident memory after runs, ${run.mode} (peak) | ${run.rssMb.toFixed(0)} MB (${run.peakRssMb.toFixed(0)} MB) | < ${MAX_RSS_MB} MB | ${verdict(ok)} |`,
    );
  }

  const sizes = input.endpoints.map((e) => {
    const probe = runs[0]?.probes.get(e.name);
    return probe
      ? `${e.name} ${(probe.bytes / 1024).toFixed(1)} KB (HTTP ${probe.status}, ${probe.contentType})`
      : `${e.name} ?`;
  });
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const notes = [
    `- machine: nproc ${os.availableParallelism()}, ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GB RAM, ${os.type()} ${os.release()}`,
    `- node ${process.version}; ${input.nginxVersion} with worker_processes 1; Gaceta is one Node process`,
    `- wrk -t${options.threads} -c${options.connections} -d${options.durationSeconds}s --latency (after a ${options.warmupSeconds} s warm-up per URL); wrk runs on the same machine and competes for CPU`,
    `- archive: ${input.articles.toLocaleString('en-US')} published articles (SQLite, ${options.dataDir})`,
    `- response sizes: ${sizes.join('; ')}`,
  ];
  for (const run of runs) {
    if (run.serverLines.length > 0)
      notes.push(
        `- server logged ${run.serverLines.length} warning/error line(s) with the cache ${run.mode === 'cached' ? 'on' : 'off'}; first: \`${run.serverLines[0]?.slice(0, 300)}\``,
      );
  }

  const markdown = [
    `# Gaceta benchmark (${new Date().toISOString()})`,
    '',
    ...lines,
    '',
    ...checks,
    '',
    missed.length === 0
      ? '**All targets met.**'
      : `**Targets missed (${missed.length}):**\n\n${missed.map((m) => `- ${m}`).join('\n')}`,
    '',
    ...(errorNotes.length > 0
      ? ['**Server errors during the runs:**', '', ...errorNotes.map((e) => `- ${e}`), '']
      : []),
    '## Notes',
    '',
    ...notes,
    '',
  ].join('\n');
  return { markdown, missed };
}
