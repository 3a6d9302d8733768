import type { Config } from '../config.ts';
import { startScheduler } from '../content/publishing.service.ts';
import { buildApp } from '../app.ts';
import { openRuntime } from './runtime.ts';
import { isEmpty, seedDemo } from './seed/seed.ts';

/** Starts the HTTP server and the scheduler; stops both cleanly on SIGINT/SIGTERM. */
export async function serve(config: Config, options: { seedIfEmpty: boolean }): Promise<void> {
  const runtime = await openRuntime(config);
  const { db } = runtime.handle;
  const { app } = await buildApp({ config, db, storage: runtime.storage, invalidation: runtime.invalidation });
  if (options.seedIfEmpty && (await isEmpty(db))) {
    app.log.info('empty database: loading the demo newsroom');
    await seedDemo({ db, storage: runtime.storage, invalidation: runtime.invalidation }, (line) => app.log.info(line));
  }
  const stopScheduler = startScheduler(
    { db, invalidation: runtime.invalidation },
    config.schedulerIntervalMs,
    (error) => app.log.error({ err: error }, 'scheduler failed'),
  );
  // Keeps the planner's statistics current as the archive grows (SQLite; a no-op on PostgreSQL).
  const optimizer = setInterval(
    () => void runtime.handle.optimize().catch((error: unknown) => app.log.error({ err: error }, 'optimize failed')),
    3600_000,
  );
  optimizer.unref();
  let closing = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    stopScheduler();
    clearInterval(optimizer);
    await app.close();
    await runtime.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  app.log.info(
    `Gaceta is serving ${config.publicUrl} (${runtime.handle.dialect}, page cache ${config.pageCache ? 'on' : 'off'})`,
  );
}
