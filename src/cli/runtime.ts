import type { Config } from '../config.ts';
import { type DatabaseHandle, openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { verifyPreparedShapes } from '../db/prepared.ts';
import { Invalidation, type PurgeTransport } from '../http/invalidation.ts';
import { redisTransport } from '../http/redis-invalidation.ts';
import { varnishPurger } from '../http/varnish-purge.ts';
import { localStorage, type MediaStorage } from '../media/storage.ts';

/** The database, media storage and invalidation channel a command works with. */
export interface Runtime {
  handle: DatabaseHandle;
  storage: MediaStorage;
  invalidation: Invalidation;
  close(): Promise<void>;
}

/**
 * Opens the configured database (migrated to the latest schema), media storage and purges: shared
 * with other processes through REDIS_URL, else through `siblings` (the workers of one
 * `serve --workers N`), and sent to the Varnish caches of VARNISH_PURGE_URL.
 */
export async function openRuntime(
  config: Config,
  onError: (error: unknown) => void = (error) => console.error(error),
  siblings?: PurgeTransport,
): Promise<Runtime> {
  if (config.verifyQueries) verifyPreparedShapes(true);
  const handle = openDatabase({
    databaseUrl: config.databaseUrl,
    sqliteFile: config.sqliteFile,
    poolSize: config.databasePoolSize,
  });
  await migrateToLatest(handle.db as never, handle.dialect);
  const transport = config.redisUrl ? redisTransport(config.redisUrl, config.redisPrefix, onError) : undefined;
  await transport?.ready;
  const varnish = config.varnishPurgeUrls.length
    ? varnishPurger({ urls: config.varnishPurgeUrls, onError })
    : undefined;
  return {
    handle,
    storage: localStorage(config.mediaDir),
    invalidation: new Invalidation(transport ?? siblings, varnish ? [varnish] : []),
    async close() {
      // Purges still on their way get a moment to reach Varnish before the process ends.
      if (varnish) await Promise.race([varnish.settled(), new Promise((resolve) => setTimeout(resolve, 2000))]);
      varnish?.close();
      await transport?.close();
      await handle.close();
    },
  };
}
