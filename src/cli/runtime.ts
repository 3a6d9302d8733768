import type { Config } from '../config.ts';
import { type DatabaseHandle, openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { Invalidation } from '../http/invalidation.ts';
import { localStorage, type MediaStorage } from '../media/storage.ts';

/** The database, media storage and invalidation channel a command works with. */
export interface Runtime {
  handle: DatabaseHandle;
  storage: MediaStorage;
  invalidation: Invalidation;
}

/** Opens the configured database (migrated to the latest schema) and media storage. */
export async function openRuntime(config: Config): Promise<Runtime> {
  const handle = openDatabase({ databaseUrl: config.databaseUrl, sqliteFile: config.sqliteFile });
  await migrateToLatest(handle.db as never);
  return { handle, storage: localStorage(config.mediaDir), invalidation: new Invalidation() };
}
