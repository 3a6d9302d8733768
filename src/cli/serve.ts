import cluster, { type Worker } from 'node:cluster';
import type { Config } from '../config.ts';
import { startScheduler } from '../content/publishing.service.ts';
import { buildApp } from '../app.ts';
import { clusterTransport, relayPurges } from '../http/cluster-invalidation.ts';
import { openRuntime } from './runtime.ts';
import { createDemoMembers } from './seed/demo-members.ts';
import { createDemoStaff } from './seed/demo-staff.ts';
import { isEmpty, seedDemo } from './seed/seed.ts';

export interface ServeOptions {
  seedIfEmpty: boolean;
  /** Processes serving the port; above 1, a primary process forks them (Node's cluster module). */
  workers: number;
}

/** Tells the one worker that runs the scheduler (and SQLite's statistics upkeep) to start it. */
const SCHEDULER_ROLE = 'gaceta:scheduler';

/**
 * Starts the HTTP server and the scheduler; stops cleanly on SIGINT/SIGTERM. With `workers` > 1
 * the primary process migrates (and seeds) once, then forks the workers, which share the port.
 */
export async function serve(config: Config, options: ServeOptions): Promise<void> {
  if (cluster.isWorker) return serveOneProcess(config, { seedIfEmpty: false, scheduler: 'when-told', worker: true });
  if (options.workers <= 1) return serveOneProcess(config, { seedIfEmpty: options.seedIfEmpty, scheduler: 'now' });
  return runPrimary(config, options);
}

async function serveOneProcess(
  config: Config,
  options: { seedIfEmpty: boolean; scheduler: 'now' | 'when-told'; worker?: boolean },
): Promise<void> {
  // Purge failures (Varnish, Redis) go to the app's log once there is one, as a JSON line like the rest.
  let reportPurgeError = (error: unknown): void => console.error(error);
  const runtime = await openRuntime(
    config,
    (error) => reportPurgeError(error),
    options.worker ? clusterTransport() : undefined,
  );
  const { db } = runtime.handle;
  const { app } = await buildApp({ config, db, storage: runtime.storage, invalidation: runtime.invalidation });
  reportPurgeError = (error) => app.log.error({ err: error }, 'purge failed');
  if (options.seedIfEmpty && (await isEmpty(db))) {
    app.log.info('empty database: loading the demo newsroom');
    await seedDemo({ db, storage: runtime.storage, invalidation: runtime.invalidation }, (line) => app.log.info(line));
    await createDemoStaff(db, config.publicUrl, (line) => app.log.info(line));
    await createDemoMembers(db, config.publicUrl, (line) => app.log.info(line));
  }
  const stopBackgroundWork: Array<() => void | Promise<void>> = [];
  const startBackgroundWork = (): void => {
    if (stopBackgroundWork.length > 0) return;
    stopBackgroundWork.push(
      startScheduler({ db, invalidation: runtime.invalidation }, config.schedulerIntervalMs, (error) =>
        app.log.error({ err: error }, 'scheduler failed'),
      ),
    );
    // Keeps the planner's statistics current as the archive grows (SQLite; a no-op on PostgreSQL).
    const optimizer = setInterval(
      () => void runtime.handle.optimize().catch((error: unknown) => app.log.error({ err: error }, 'optimize failed')),
      3600_000,
    );
    optimizer.unref();
    stopBackgroundWork.push(() => clearInterval(optimizer));
  };
  if (options.scheduler === 'now') startBackgroundWork();
  else
    process.on('message', (message: unknown) => {
      if (message === SCHEDULER_ROLE) startBackgroundWork();
    });
  let closing = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    await Promise.all(stopBackgroundWork.map((stop) => stop()));
    await app.close();
    await runtime.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  // A worker whose primary is gone (killed outright) has no one to restart or stop it.
  if (options.worker) process.on('disconnect', () => void shutdown('disconnect'));
  await app.listen({ port: config.port, host: config.host });
  app.log.info(
    `Gaceta is serving ${config.publicUrl} (${runtime.handle.dialect}, page cache ${config.pageCache ? 'on' : 'off'}${options.worker ? `, worker ${process.pid}` : ''})`,
  );
}

// A worker that dies sooner than this after starting is restarted after a pause, not at once, so
// a worker that cannot start (a bad setting, the database down) does not spin the CPU.
const QUICK_DEATH_MS = 5000;
const RESTART_PAUSE_MS = 1000;

/** The primary: migrates and seeds once, forks the workers, restarts any that die, stops them all on a signal. */
async function runPrimary(config: Config, options: ServeOptions): Promise<void> {
  const runtime = await openRuntime(config);
  try {
    if (options.seedIfEmpty && (await isEmpty(runtime.handle.db))) {
      console.log('gaceta: empty database: loading the demo newsroom');
      await seedDemo({ db: runtime.handle.db, storage: runtime.storage, invalidation: runtime.invalidation }, (line) =>
        console.log(`gaceta: ${line}`),
      );
      await createDemoStaff(runtime.handle.db, config.publicUrl, (line) => console.log(`gaceta: ${line}`));
      await createDemoMembers(runtime.handle.db, config.publicUrl, (line) => console.log(`gaceta: ${line}`));
    }
  } finally {
    await runtime.close();
  }
  relayPurges(cluster);
  const startedAt = new Map<Worker, number>();
  let scheduler: Worker | undefined;
  let stopping = false;
  const fork = (): void => {
    const worker = cluster.fork();
    startedAt.set(worker, Date.now());
    // Exactly one worker runs the scheduler; when it dies, its replacement takes the role over.
    if (!scheduler) {
      scheduler = worker;
      worker.once('listening', () => worker.send(SCHEDULER_ROLE));
    }
  };
  cluster.on('exit', (worker, code, signal) => {
    const lived = Date.now() - (startedAt.get(worker) ?? 0);
    startedAt.delete(worker);
    if (worker === scheduler) scheduler = undefined;
    if (stopping) return;
    console.error(`gaceta: worker ${worker.process.pid} exited (${signal ?? `code ${code}`}); starting another`);
    if (lived < QUICK_DEATH_MS) setTimeout(() => stopping || fork(), RESTART_PAUSE_MS);
    else fork();
  });
  let listening = 0;
  const announce = (): void => {
    if (++listening === options.workers)
      console.log(`gaceta: ${options.workers} workers serving ${config.publicUrl} (primary ${process.pid})`);
  };
  cluster.on('listening', announce);
  for (let i = 0; i < options.workers; i++) fork();

  const shutdown = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    console.log(`gaceta: ${signal}: stopping ${startedAt.size} workers`);
    const workers = [...startedAt.keys()];
    let failed = false;
    let left = workers.length;
    if (left === 0) process.exit(0);
    for (const worker of workers) {
      // A worker still starting has no SIGTERM handler yet and dies of the signal: that is a clean stop too.
      worker.once('exit', (code, signal) => {
        if (code !== 0 && signal !== 'SIGTERM') failed = true;
        if (--left === 0) process.exit(failed ? 1 : 0);
      });
      worker.process.kill('SIGTERM');
    }
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}
