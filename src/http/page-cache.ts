import xxhash from 'xxhash-wasm';
import { ALL_PAGES, type Invalidation } from './invalidation.ts';

export interface CachedPage {
  /** UTF-8 bytes: encoded once, then hashed, compressed and sent as they are. */
  body: Buffer;
  etag: string;
  contentType: string;
  status: number;
  keys: readonly string[];
  /** For pages that change with time alone (the news sitemap); others live until purged. */
  expiresAt?: number;
  /** Cache-Control for shared caches when the page changes with time alone (see expiresAt). */
  cacheControl?: string;
  /** Compressed copies, made on first request for each encoding. */
  compressed?: { br?: Buffer; gzip?: Buffer };
}

// An ETag only has to tell two versions of one page apart, which a 64-bit hash does; XXH64 reads a
// page ten times faster than SHA-1, a tenth of the time of an uncached home page.
const { h64Raw } = await xxhash();

/** A strong ETag over a page body. */
export function etagOf(body: Buffer): string {
  return `"${h64Raw(body).toString(36)}"`;
}

/**
 * Rendered pages kept in the process, least recently used out first. Each page lists the keys
 * it depends on (the articles it shows, "lists", ...); a purge of any key drops the page.
 */
export class PageCache {
  readonly #entries = new Map<string, CachedPage>();
  readonly #byKey = new Map<string, Set<string>>();
  readonly #capacity: number;
  readonly #ttlMs: number;
  readonly enabled: boolean;
  #generation = 0;

  constructor(options: { enabled: boolean; capacity: number; ttlMs?: number; invalidation: Invalidation }) {
    this.enabled = options.enabled;
    this.#capacity = options.capacity;
    this.#ttlMs = options.ttlMs ?? 0;
    options.invalidation.subscribe((keys) => this.purge(keys));
  }

  get(url: string): CachedPage | undefined {
    const entry = this.#entries.get(url);
    if (entry?.expiresAt !== undefined && entry.expiresAt <= Date.now()) {
      this.#drop(url);
      return undefined;
    }
    if (entry) {
      this.#entries.delete(url);
      this.#entries.set(url, entry);
    }
    return entry;
  }

  set(url: string, page: CachedPage): void {
    if (!this.enabled) return;
    if (this.#ttlMs > 0) page.expiresAt = Math.min(page.expiresAt ?? Infinity, Date.now() + this.#ttlMs);
    this.#drop(url);
    this.#entries.set(url, page);
    for (const key of page.keys) {
      let urls = this.#byKey.get(key);
      if (!urls) this.#byKey.set(key, (urls = new Set()));
      urls.add(url);
    }
    while (this.#entries.size > this.#capacity) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#drop(oldest);
    }
  }

  /** Counts purges, so a render can tell that one went by while it ran (see servePage). */
  get generation(): number {
    return this.#generation;
  }

  purge(keys: readonly string[]): void {
    this.#generation++;
    if (keys.includes(ALL_PAGES)) {
      this.#entries.clear();
      this.#byKey.clear();
      return;
    }
    for (const key of keys) {
      const urls = this.#byKey.get(key);
      if (!urls) continue;
      for (const url of [...urls]) this.#drop(url);
      this.#byKey.delete(key);
    }
  }

  get size(): number {
    return this.#entries.size;
  }

  #drop(url: string): void {
    const entry = this.#entries.get(url);
    if (!entry) return;
    this.#entries.delete(url);
    for (const key of entry.keys) {
      const urls = this.#byKey.get(key);
      urls?.delete(url);
      if (urls?.size === 0) this.#byKey.delete(key);
    }
  }
}
