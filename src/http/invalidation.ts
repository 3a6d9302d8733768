/**
 * Cache invalidation by key. Every change that affects readers purges keys here; the page cache
 * and the site context listen. With a transport (Redis, see redis-invalidation.ts) a purge made in
 * one Gaceta process reaches every other process serving the same database; caches in front of
 * Gaceta (Varnish, see varnish-purge.ts) hear it once, from the process that made it.
 */
export type PurgeListener = (keys: readonly string[]) => void;

/** Carries purges between processes. */
export interface PurgeTransport {
  publish(keys: readonly string[]): void;
  /** Calls back with purges made by other processes. */
  onRemote(listener: PurgeListener): void;
}

/** A shared cache in front of Gaceta (Varnish, a CDN), told of every purge made in this process. */
export interface PurgeSink {
  send(keys: readonly string[]): void;
}

/** Purges everything; caches in front of Gaceta tag every page with it (deploy/varnish/gaceta.vcl). */
export const ALL_PAGES = 'all';
export const LIST_PAGES = 'lists';
export const SITE_CONTEXT = 'site';
export const CORRECTIONS_PAGE = 'corrections';
/** The home page alone: changing the pinned stories purges it and nothing else. */
export const FRONT_PAGE = 'front';
/** The pricing page: every change to tiers or prices purges it. */
export const PRICING_PAGE = 'pricing';
export const articleKey = (id: string): string => `article:${id}`;
export const sectionKey = (id: string): string => `section:${id}`;
export const tagKey = (id: string): string => `tag:${id}`;

export class Invalidation {
  readonly #listeners: PurgeListener[] = [];
  readonly #transport: PurgeTransport | undefined;
  readonly #caches: readonly PurgeSink[];

  constructor(transport?: PurgeTransport, caches: readonly PurgeSink[] = []) {
    this.#transport = transport;
    this.#caches = caches;
    // Purges from other processes are applied here only: their own process told the caches in front.
    transport?.onRemote((keys) => this.#apply(keys));
  }

  subscribe(listener: PurgeListener): void {
    this.#listeners.push(listener);
  }

  /** Purges here at once, in every other process through the transport, and in the caches in front. */
  purge(keys: readonly string[]): void {
    if (keys.length === 0) return;
    this.#apply(keys);
    this.#transport?.publish(keys);
    for (const cache of this.#caches) cache.send(keys);
  }

  #apply(keys: readonly string[]): void {
    for (const listener of this.#listeners) listener(keys);
  }
}
