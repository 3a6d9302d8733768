import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import type { Config } from '../config.ts';
import type { DatabaseHandle } from '../db/database.ts';

const run = promisify(execFile);

/**
 * Writes a consistent database copy and the media files into a new timestamped folder.
 * SQLite: VACUUM INTO (safe while the server runs). PostgreSQL: pg_dump in its custom format.
 */
export async function backup(config: Config, handle: DatabaseHandle, destination: string): Promise<string> {
  const folder = path.resolve(destination, `gaceta-backup-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  await fs.mkdir(folder, { recursive: true });
  if (handle.dialect === 'sqlite') {
    await sql`VACUUM INTO ${path.join(folder, 'gaceta.sqlite')}`.execute(handle.db);
  } else {
    await run('pg_dump', ['--format=custom', `--file=${path.join(folder, 'gaceta.pgdump')}`, config.databaseUrl ?? '']);
  }
  await fs
    .cp(config.mediaDir, path.join(folder, 'media'), { recursive: true, force: false, errorOnExist: false })
    .catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  return folder;
}
