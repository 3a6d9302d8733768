import type { Config } from '../config.ts';
import { type DatabaseHandle, openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { Invalidation } from '../http/invalidation.ts';
import { redisTransport } from '../http/redis-invalidation.ts';
import { localStorage, type MediaStorage } from '../media/storage.ts';

/** The database, media storage and invalidation channel a command works with. */
export interface Runtime {
  handle: DatabaseHandle;
  storage: MediaStorage;
  invalidation: Invalidation;
  close(): Promise<void>;
}

/** Opens the configured database (migrated to the latest schema), media storage and, with REDIS_URL, shared purges. */
export async function openRuntime(
  config: Config,
  onError: (error: unknown) => void = (error) => console.error(error),
): Promise<Runtime> {
  const handle = openDatabase({ databaseUrl: config.databaseUrl, sqliteFile: config.sqliteFile });
  await migrateToLatest(handle.db as never, handle.dialect);
  const transport = config.redisUrl ? redisTransport(config.redisUrl, onError) : undefined;
  await transport?.ready;
  return {
    handle,
    storage: localStorage(config.mediaDir),
    invalidation: new Invalidation(transport),
    async close() {
      await transport?.close();
      await handle.close();
    },
  };
}
