/**
 * Cache invalidation by key. Every change that affects readers purges keys here; the page cache
 * and the site context listen. One process now; a Redis transport later fans purges out to all.
 */
export type PurgeListener = (keys: readonly string[]) => void;

export const ALL_PAGES = 'all';
export const LIST_PAGES = 'lists';
export const SITE_CONTEXT = 'site';
export const CORRECTIONS_PAGE = 'corrections';
export const articleKey = (id: string): string => `article:${id}`;
export const sectionKey = (id: string): string => `section:${id}`;
export const tagKey = (id: string): string => `tag:${id}`;

export class Invalidation {
  readonly #listeners: PurgeListener[] = [];
  subscribe(listener: PurgeListener): void {
    this.#listeners.push(listener);
  }
  purge(keys: readonly string[]): void {
    if (keys.length === 0) return;
    for (const listener of this.#listeners) listener(keys);
  }
}
