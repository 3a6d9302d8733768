import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { newId } from '../db/ids.ts';

/** Where media files live. Local disk now; an S3-compatible store implements the same interface later. */
export interface MediaStorage {
  /** Writes the whole file or nothing (a crash leaves no half-written file under the key). */
  put(key: string, data: Buffer): Promise<void>;
  remove(keys: readonly string[]): Promise<void>;
  /** A readable stream of the file, or null when there is none. */
  open(key: string): Promise<fs.ReadStream | null>;
}

const SAFE_KEY = /^[a-z0-9][a-z0-9/_.-]*$/i;

export function localStorage(root: string): MediaStorage {
  const resolve = (key: string): string => {
    if (!SAFE_KEY.test(key) || key.includes('..')) throw new Error(`unsafe media key ${key}`);
    return path.join(root, key);
  };
  return {
    async put(key, data) {
      const target = resolve(key);
      await fsp.mkdir(path.dirname(target), { recursive: true });
      const temporary = `${target}.${newId()}.part`;
      await fsp.writeFile(temporary, data);
      await fsp.rename(temporary, target);
    },
    async remove(keys) {
      await Promise.all(keys.map((key) => fsp.rm(resolve(key), { force: true })));
    },
    async open(key) {
      const file = resolve(key);
      try {
        const stat = await fsp.stat(file);
        if (!stat.isFile()) return null;
      } catch {
        return null;
      }
      return fs.createReadStream(file);
    },
  };
}
