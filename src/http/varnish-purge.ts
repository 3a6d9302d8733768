import { ALL_PAGES, type PurgeSink } from './invalidation.ts';

/** Varnish refuses request headers over 8 KB by default (http_req_hdr_len); 100 keys stay well under. */
const KEYS_PER_REQUEST = 100;
/** Past this many keys waiting (Varnish down through a busy hour), purging everything is cheaper. */
const MAX_PENDING_KEYS = 10_000;

export interface VarnishPurgerOptions {
  /** Varnish listen addresses (http://host:port), one per cache. */
  urls: readonly string[];
  /** Told of every failed attempt; the purge is retried. */
  onError: (error: Error) => void;
  /** First retry after this long, doubling up to maxRetryMs. */
  retryMs?: number;
  maxRetryMs?: number;
  timeoutMs?: number;
}

export interface VarnishPurger extends PurgeSink {
  /** Resolves once every purge sent so far has reached every Varnish (for tests and shutdown). */
  settled(): Promise<void>;
  close(): void;
}

/**
 * Sends purges to Varnish with the xkey vmod: `PURGE /` with the keys in an `xkey-purge` header,
 * as deploy/varnish/gaceta.vcl expects. Sending never blocks or fails the change that purged: keys
 * wait in a queue per Varnish (merged while one request is out) and a failed request is logged and
 * retried with backoff until it succeeds.
 */
export function varnishPurger(options: VarnishPurgerOptions): VarnishPurger {
  const targets = options.urls.map((url) => new Target(url, options));
  return {
    send(keys) {
      for (const target of targets) target.add(keys);
    },
    async settled() {
      await Promise.all(targets.map((target) => target.settled()));
    },
    close() {
      for (const target of targets) target.close();
    },
  };
}

class Target {
  readonly #url: string;
  readonly #options: VarnishPurgerOptions;
  #pending = new Set<string>();
  #sending = false;
  #timer: NodeJS.Timeout | undefined;
  #failures = 0;
  #closed = false;
  #waiters: Array<() => void> = [];

  constructor(url: string, options: VarnishPurgerOptions) {
    this.#url = url;
    this.#options = options;
  }

  add(keys: readonly string[]): void {
    if (this.#closed) return;
    if (this.#pending.has(ALL_PAGES)) return;
    if (keys.includes(ALL_PAGES) || this.#pending.size + keys.length > MAX_PENDING_KEYS) {
      this.#pending = new Set([ALL_PAGES]);
    } else {
      for (const key of keys) this.#pending.add(key);
    }
    if (!this.#sending && !this.#timer) void this.#flush();
  }

  settled(): Promise<void> {
    if (this.#idle()) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  close(): void {
    this.#closed = true;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#pending.clear();
    this.#wake();
  }

  #idle(): boolean {
    return this.#closed || (this.#pending.size === 0 && !this.#sending && !this.#timer);
  }

  #wake(): void {
    if (!this.#idle()) return;
    for (const resolve of this.#waiters.splice(0)) resolve();
  }

  async #flush(): Promise<void> {
    this.#timer = undefined;
    while (this.#pending.size > 0 && !this.#closed) {
      const keys = [...this.#pending].slice(0, KEYS_PER_REQUEST);
      for (const key of keys) this.#pending.delete(key);
      this.#sending = true;
      const problem = await this.#request(keys);
      this.#sending = false;
      if (problem) {
        if (this.#closed) break;
        // Put the keys back (unless a purge of everything came meanwhile) and try again later.
        if (!this.#pending.has(ALL_PAGES)) for (const key of keys) this.#pending.add(key);
        this.#failures++;
        const retryMs = this.#options.retryMs ?? 500;
        const delay = Math.min(retryMs * 2 ** (this.#failures - 1), this.#options.maxRetryMs ?? 30_000);
        this.#options.onError(
          new Error(
            `Varnish purge at ${this.#url} failed (attempt ${this.#failures}, retrying in ${delay} ms): ${problem}`,
          ),
        );
        this.#timer = setTimeout(() => void this.#flush(), delay);
        this.#timer.unref();
        return;
      }
      this.#failures = 0;
    }
    this.#wake();
  }

  /** One PURGE request; what went wrong, or null. */
  async #request(keys: readonly string[]): Promise<string | null> {
    try {
      const response = await fetch(this.#url, {
        method: 'PURGE',
        headers: { 'xkey-purge': keys.join(' ') },
        signal: AbortSignal.timeout(this.#options.timeoutMs ?? 5000),
      });
      await response.arrayBuffer();
      return response.ok ? null : `${response.status} ${response.statusText}`;
    } catch (error) {
      const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
      return `${error instanceof Error ? error.message : String(error)}${cause}`;
    }
  }
}
