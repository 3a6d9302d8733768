import os from 'node:os';
import { describeSetup, type Endpoint, type GacetaRun, type Setup } from './gaceta.ts';
import type { NginxRun } from './nginx.ts';
import type { PairedRun } from './bare.ts';
import type { BenchOptions } from './options.ts';
import type { WrkResult } from './wrk.ts';

export interface ReportInput {
  readonly options: BenchOptions;
  /** Published articles per database kind. */
  readonly articles: ReadonlyMap<string, number>;
  readonly endpoints: readonly Endpoint[];
  readonly runs: readonly GacetaRun[];
  readonly nginx: NginxRun;
  readonly bare: WrkResult;
  /** The cached SQLite article (first) and the bare route (second), measured in turns. */
  readonly paired: PairedRun;
  /** The uncached SQLite article read anonymously (first) and by a signed-in paid reader (second), in turns. */
  readonly paidReader: PairedRun;
  /** The cached SQLite article read anonymously (first) and by a signed-in paid reader (second), in turns. */
  readonly cachedPaidReader: PairedRun;
  /** Each page on SQLite (first) and PostgreSQL (second), one process each, page cache off, in turns. */
  readonly databasesInTurns: ReadonlyMap<string, PairedRun> | undefined;
  readonly nginxVersion: string;
}

/**
 * Targets are ratios to baselines measured in the same run, since these machines change speed from
 * one run to the next (nginx itself has measured from 45,000 to 78,000 requests/s here), plus p99
 * latencies, which a reader feels whatever the machine.
 */
const CACHED_TO_BARE = 0.8;
const UNCACHED_ARTICLE_TO_BARE = 0.1;
const POSTGRES_TO_SQLITE = 0.5;
const SECOND_PROCESS_GAIN = 1.3;
/** A signed-in paid reader's article page against the anonymous reader's, same setup. */
const PAID_READER_TO_ANONYMOUS = 0.8;
/** "Cached pages per variant keep their rate": the paid variant's cached page against the anonymous one's. */
const CACHED_VARIANT_TO_ANONYMOUS = 0.9;
const MAX_RSS_MB = 300;

const p99Limit = (endpoint: string): number => (endpoint === 'rss' || endpoint === 'news sitemap' ? 50 : 20);

const verdict = (ok: boolean): string => (ok ? 'pass' : '**FAIL**');
const rps = (n: number): string => Math.round(n).toLocaleString('en-US');
const ms = (n: number): string => (n < 10 ? n.toFixed(2) : n.toFixed(1));
const micros = (result: WrkResult): string =>
  Number.isFinite(result.cpuMicrosPerRequest) ? result.cpuMicrosPerRequest.toFixed(0) : '?';
const busy = (result: WrkResult): string =>
  Number.isFinite(result.machineBusy) ? `${(result.machineBusy * 100).toFixed(0)}%` : '?';
const pct = (ratio: number): string => `${(ratio * 100).toFixed(0)}%`;

function same(a: Setup, b: Partial<Pick<Setup, 'mode' | 'workers'>> & { kind?: string }): boolean {
  return (
    (b.kind === undefined || a.store.kind === b.kind) &&
    (b.mode === undefined || a.mode === b.mode) &&
    (b.workers === undefined || a.workers === b.workers)
  );
}

interface Check {
  readonly text: string;
  readonly ok: boolean;
}

/** The ratio targets and p99 limit that apply to one measured figure. */
function checksFor(endpoint: string, run: GacetaRun, input: ReportInput): Check[] {
  const result = run.results.get(endpoint);
  if (!result) return [];
  const { setup } = run;
  const checks: Check[] = [];
  const limit = p99Limit(endpoint);
  // Uncached pages are judged at half their peak rate (steady.ts); cached pages keep up at the peak.
  const steady = run.steady.get(endpoint);
  if (steady) checks.push({ text: `p99 < ${limit} ms at half load`, ok: steady.p99Ms < limit });
  else if (setup.workers === 1) checks.push({ text: `p99 < ${limit} ms`, ok: result.p99Ms < limit });
  const paid = input.paidReader;
  if (setup.mode === 'uncached' && setup.store.kind === 'sqlite' && endpoint === 'article, paid reader')
    checks.push({
      text: `≥ ${pct(PAID_READER_TO_ANONYMOUS)} of the anonymous article (CPU per request, in turns: ${micros(paid.second)} against ${micros(paid.first)} µs)`,
      ok: paid.first.cpuMicrosPerRequest >= PAID_READER_TO_ANONYMOUS * paid.second.cpuMicrosPerRequest,
    });
  const cachedPaid = input.cachedPaidReader;
  if (setup.mode === 'cached' && setup.store.kind === 'sqlite' && endpoint === 'article, paid reader')
    checks.push({
      text: `≥ ${pct(CACHED_VARIANT_TO_ANONYMOUS)} of the anonymous cached article (CPU per request, in turns: ${micros(cachedPaid.second)} against ${micros(cachedPaid.first)} µs)`,
      ok: cachedPaid.first.cpuMicrosPerRequest >= CACHED_VARIANT_TO_ANONYMOUS * cachedPaid.second.cpuMicrosPerRequest,
    });
  if (setup.mode === 'cached' && endpoint === 'article' && setup.store.kind === 'sqlite')
    // Judged on the runs made in turns with the bare route, by CPU per request (see measureInTurns).
    checks.push({
      text: `≥ ${pct(CACHED_TO_BARE)} of bare route (CPU per request, in turns: ${micros(input.paired.first)} against ${micros(input.paired.second)} µs)`,
      ok: input.paired.second.cpuMicrosPerRequest >= CACHED_TO_BARE * input.paired.first.cpuMicrosPerRequest,
    });
  if (setup.mode === 'uncached' && endpoint === 'article' && setup.store.kind === 'sqlite')
    checks.push({
      text: `≥ ${pct(UNCACHED_ARTICLE_TO_BARE)} of bare route`,
      ok: result.requestsPerSecond >= UNCACHED_ARTICLE_TO_BARE * input.bare.requestsPerSecond,
    });
  const isReaderVariant = run.endpoints.some((e) => e.name === endpoint && e.reader);
  if (setup.mode === 'uncached' && setup.store.kind === 'postgres' && setup.workers === 1 && !isReaderVariant) {
    // Judged on the two measured in turns (stores-in-turns.ts) when they were; else on the runs above.
    const pair = input.databasesInTurns?.get(endpoint);
    const sqlite = pair?.first ?? sqliteFigure(input, endpoint, 'uncached');
    const postgres = pair?.second ?? result;
    if (sqlite)
      checks.push({
        text: `≥ ${pct(POSTGRES_TO_SQLITE)} of SQLite${pair ? ` (in turns: ${rps(postgres.requestsPerSecond)} against ${rps(sqlite.requestsPerSecond)} req/s, ${pct(postgres.requestsPerSecond / sqlite.requestsPerSecond)})` : ''}`,
        ok: postgres.requestsPerSecond >= POSTGRES_TO_SQLITE * sqlite.requestsPerSecond,
      });
  }
  if (setup.mode === 'uncached' && setup.store.kind === 'postgres' && setup.workers === 2) {
    const one = figure(input, endpoint, { kind: 'postgres', mode: 'uncached', workers: 1 });
    if (one)
      checks.push({
        text: `≥ ${SECOND_PROCESS_GAIN.toFixed(1)}× 1 process`,
        ok: result.requestsPerSecond >= SECOND_PROCESS_GAIN * one.requestsPerSecond,
      });
  }
  return checks;
}

function figure(
  input: ReportInput,
  endpoint: string,
  where: Partial<Pick<Setup, 'mode' | 'workers'>> & { kind?: string },
): WrkResult | undefined {
  return input.runs.find((run) => same(run.setup, where))?.results.get(endpoint);
}

function sqliteFigure(input: ReportInput, endpoint: string, mode: Setup['mode']): WrkResult | undefined {
  return figure(input, endpoint, { kind: 'sqlite', mode, workers: 1 });
}

/** Builds the markdown report and the list of missed targets. */
export function buildReport(input: ReportInput): { markdown: string; missed: string[] } {
  const { options, runs, nginx, bare } = input;
  const missed: string[] = [];
  const errorNotes: string[] = [];
  const lines = [
    '| page | database | processes | cache | req/s | p99 ms | at half load: req/s, p99 ms | CPU µs/request | ÷ SQLite | ÷ bare route | ÷ nginx | target | |',
    '|---|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---|---|',
  ];
  for (const endpoint of input.endpoints) {
    for (const run of runs) {
      const result = run.results.get(endpoint.name);
      if (!result) continue;
      const { setup } = run;
      const checks = checksFor(endpoint.name, run, input);
      const errors = result.non2xx + result.socketErrors;
      const ok = checks.every((check) => check.ok) && errors === 0;
      for (const check of checks.filter((c) => !c.ok))
        missed.push(
          `${endpoint.name} (${describeSetup(setup)}): ${rps(result.requestsPerSecond)} req/s, p99 ${ms(result.p99Ms)} ms, CPU ${micros(result)} µs/request; target ${check.text}`,
        );
      if (errors > 0) {
        const note = `${endpoint.name} (${describeSetup(setup)}) ${endpoint.path}: ${result.non2xx} non-2xx/3xx responses, ${result.socketErrors} socket errors out of ${result.requests} requests`;
        errorNotes.push(note);
        missed.push(`errors: ${note}`);
      }
      const sqlite = sqliteFigure(input, endpoint.name, setup.mode);
      const toSqlite =
        setup.store.kind === 'sqlite' && setup.workers === 1
          ? '—'
          : sqlite
            ? pct(result.requestsPerSecond / sqlite.requestsPerSecond)
            : '?';
      const status = run.probes.get(endpoint.name)?.status;
      const suffix =
        errors > 0 ? ` (${errors} errors)` : status !== undefined && status !== 200 ? ` (HTTP ${status})` : '';
      const steady = run.steady.get(endpoint.name);
      const halfLoad = steady ? `${rps(steady.requestsPerSecond)}, ${ms(steady.p99Ms)}` : '—';
      lines.push(
        `| ${endpoint.name} | ${setup.store.kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'} | ${setup.workers} | ${setup.mode === 'cached' ? 'on' : 'off'} | ${rps(result.requestsPerSecond)} | ${ms(result.p99Ms)} | ${halfLoad} | ${micros(result)} | ${toSqlite} | ${pct(result.requestsPerSecond / bare.requestsPerSecond)} | ${pct(result.requestsPerSecond / nginx.result.requestsPerSecond)} | ${checks.map((c) => c.text).join(', ') || '—'} | ${checks.length ? verdict(ok) : ''}${suffix} |`,
      );
    }
  }
  lines.push(
    `| bare Fastify route, article bytes from memory | — | 1 | — | ${rps(bare.requestsPerSecond)} | ${ms(bare.p99Ms)} | — | ${micros(bare)} | | 100% | ${pct(bare.requestsPerSecond / nginx.result.requestsPerSecond)} | baseline | |`,
    `| nginx static \`/article.html\` | — | 1 | — | ${rps(nginx.result.requestsPerSecond)} | ${ms(nginx.result.p99Ms)} | — | ${micros(nginx.result)} | | ${pct(nginx.result.requestsPerSecond / bare.requestsPerSecond)} | 100% | baseline | |`,
  );

  const scaling = [
    '| page | cache | 1 process | ' +
      options.workers
        .filter((n) => n > 1)
        .map((n) => `${n} workers`)
        .join(' | ') +
      ' |',
  ];
  scaling.push(`|---|---|${'---:|'.repeat(options.workers.length)}`);
  for (const mode of ['uncached', 'cached'] as const)
    for (const endpoint of input.endpoints.filter((e) => !e.reader)) {
      const one = figure(input, endpoint.name, { kind: 'postgres', mode, workers: 1 });
      if (!one) continue;
      const cells = options.workers
        .filter((n) => n > 1)
        .map((n) => figure(input, endpoint.name, { kind: 'postgres', mode, workers: n }))
        .map((r) =>
          r
            ? `${rps(r.requestsPerSecond)} (${(r.requestsPerSecond / one.requestsPerSecond).toFixed(2)}×, machine ${busy(r)} busy)`
            : '—',
        );
      scaling.push(
        `| ${endpoint.name} | ${mode === 'cached' ? 'on' : 'off'} | ${rps(one.requestsPerSecond)} (machine ${busy(one)} busy) | ${cells.join(' | ')} |`,
      );
    }

  const memory = ['| setup | resident memory, largest process (peak) | target | |', '|---|---:|---|---|'];
  for (const run of runs) {
    const ok = run.rssMb < MAX_RSS_MB;
    if (!ok)
      missed.push(
        `resident memory (${describeSetup(run.setup)}): ${run.rssMb.toFixed(0)} MB (target < ${MAX_RSS_MB} MB)`,
      );
    memory.push(
      `| ${describeSetup(run.setup)} | ${run.rssMb.toFixed(0)} MB (${run.peakRssMb.toFixed(0)} MB) | < ${MAX_RSS_MB} MB | ${verdict(ok)} |`,
    );
  }

  const first = runs[0];
  const sizes = input.endpoints.map((e) => {
    const probe = first?.probes.get(e.name);
    return probe
      ? `${e.name} ${(probe.bytes / 1024).toFixed(1)} KB (HTTP ${probe.status}, ${probe.contentType})`
      : `${e.name} ?`;
  });
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const [load1, load5] = os.loadavg();
  const notes = [
    `- machine: nproc ${os.availableParallelism()}, ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GB RAM, ${os.type()} ${os.release()}; load average at the end ${load1?.toFixed(2)} (1 min), ${load5?.toFixed(2)} (5 min)`,
    `- node ${process.version}; ${input.nginxVersion} with worker_processes 1; the bare route is Fastify in one Node process with no plugins, hooks or logger, sending the article page's bytes and headers from memory`,
    `- wrk -t${options.threads} -c${options.connections} -d${options.durationSeconds}s --latency (after a ${options.warmupSeconds} s warm-up per URL); wrk, PostgreSQL and Gaceta share the machine's cores`,
    `- "at half load": page cache off, one process, wrk -t1 -c4 with each connection pausing between requests so the offered rate is about half the page's peak (bench/steady.ts); uncached p99 targets are judged there, since at the peak 32 waiting connections make the latency the queue's (Little's law)`,
    `- "paid reader": the same article read with a signed-in reader's cookie (paid access): a private page, its own cache variant`,
    `- archives: ${[...input.articles].map(([kind, n]) => `${kind} ${n.toLocaleString('en-US')} published articles`).join(', ')}; PostgreSQL: ${options.databaseUrl ?? 'not measured'}, DATABASE_POOL_SIZE ${options.poolSize} per process${options.redisUrl ? `, REDIS_URL ${options.redisUrl}` : ''}`,
    `- the article measured is the ${500 + 1}st newest of its archive (the same position in both databases), the section its section`,
    `- response sizes (${first ? describeSetup(first.setup) : ''}): ${sizes.join('; ')}`,
  ];
  for (const run of runs) {
    if (run.serverLines.length > 0)
      notes.push(
        `- server logged ${run.serverLines.length} warning/error line(s) (${describeSetup(run.setup)}); first: \`${run.serverLines[0]?.slice(0, 300)}\``,
      );
  }

  const markdown = [
    `# Gaceta benchmark (${new Date().toISOString()})`,
    '',
    'Every figure beside the baselines of the same run: SQLite with one process, a bare Fastify route',
    'sending the same article bytes from memory, and nginx serving them as a static file.',
    '',
    ...lines,
    '',
    ...(scaling.length > 2
      ? [
          'PostgreSQL with several processes (`gaceta serve --workers N`), req/s, × one process, and how busy the',
          "machine's cores were (wrk, PostgreSQL and Gaceta together; at 100% a process more has no core to run on):",
          '',
          ...scaling,
          '',
        ]
      : []),
    ...memory,
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
