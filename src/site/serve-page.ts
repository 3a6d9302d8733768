import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ANONYMOUS, cacheVariant, type Viewer } from '../content/access.ts';
import { AppError } from '../http/errors.ts';
import { type CachedPage, etagOf, type PageCache } from '../http/page-cache.ts';

/** What a page renderer produces: a page with the cache keys it depends on, or why there is none. */
export type PageResult =
  | { kind: 'page'; body: string; keys: readonly string[]; contentType?: string; status?: number; ttlMs?: number }
  | { kind: 'redirect'; location: string }
  | { kind: 'missing' }
  | { kind: 'gone' };

export const HTML = 'text/html; charset=utf-8';

// Browsers revalidate after a minute; a CDN may keep a page for a day and is purged by Surrogate-Key.
const CACHE_CONTROL = 'public, max-age=60, s-maxage=86400, stale-while-revalidate=60, stale-if-error=86400';
// Pages that change with time alone (ttlMs) are kept by a CDN no longer than by Gaceta.
const cacheControlFor = (ttlMs: number): string =>
  `public, max-age=60, s-maxage=${Math.ceil(ttlMs / 1000)}, stale-if-error=86400`;
// A page rendered while a purge went by may show what was just changed: no cache keeps it.
const UNCACHED = 'no-store';

/** Tells who is reading from the request alone (a signed cookie), querying only when its claim has expired. */
export interface ReaderIdentity {
  viewerOf(request: FastifyRequest, reply: FastifyReply): Viewer | Promise<Viewer>;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Set by buildApp() from the members domain; an app without it serves every reader as anonymous. */
    readerIdentity?: ReaderIdentity;
  }
}

/** Who is reading this request: a member by their signed cookie, else anonymous. */
export function viewerOf(request: FastifyRequest, reply: FastifyReply): Viewer | Promise<Viewer> {
  return request.server.readerIdentity?.viewerOf(request, reply) ?? ANONYMOUS;
}

/**
 * A page for this one reader alone (HTML), or undefined for the shared page: asked before the cache,
 * for what differs per reader and not per kind of reader (a metered read). It must answer at once,
 * with no query, for every reader it does not concern.
 */
export type PersonalPage = (viewer: Viewer) => Promise<string | undefined> | undefined;

/**
 * Serves a reader page through the page cache: one render per route, parameters and viewer variant
 * until a purge, ETag with 304 answers, and headers a CDN can cache and purge by.
 *
 * `query` is the canonical form of the query parameters the page reads (`page=2`), made by the
 * route; any other parameter (`?utm_source=…`) reaches neither the cache key nor the renderer.
 * `personal` may answer instead with a page kept by no cache at all (PersonalPage).
 */
export async function servePage(
  request: FastifyRequest,
  reply: FastifyReply,
  cache: PageCache,
  render: (viewer: Viewer) => Promise<PageResult>,
  query = '',
  personal?: PersonalPage,
): Promise<FastifyReply> {
  const viewer = await viewerOf(request, reply);
  // Awaited only when asked: the shared path (every reader but a metered one) stays as it was.
  const asked = personal?.(viewer);
  const own = asked && (await asked);
  if (own !== undefined)
    return reply.header('cache-control', 'private, no-store').header('vary', 'Cookie').type(HTML).send(own);
  const cacheKey = pageKey(request, cacheVariant(viewer), query);
  let page: CachedPage | undefined = cache.enabled ? cache.get(cacheKey) : undefined;
  let cacheControl = viewer.kind === 'anonymous' ? CACHE_CONTROL : 'private, no-cache';
  if (page?.cacheControl && viewer.kind === 'anonymous') cacheControl = page.cacheControl;
  if (!page) {
    const generation = cache.generation;
    const result = await render(viewer);
    if (result.kind === 'redirect') return reply.redirect(result.location, 301);
    if (result.kind === 'missing') throw new AppError('NOT_FOUND', 'No page at this address.');
    if (result.kind === 'gone') throw new AppError('GONE', 'This story has been withdrawn.');
    const body = Buffer.from(result.body);
    page = {
      body,
      etag: etagOf(body),
      contentType: result.contentType ?? HTML,
      status: result.status ?? 200,
      keys: result.keys,
      ...(result.ttlMs ? { expiresAt: Date.now() + result.ttlMs, cacheControl: cacheControlFor(result.ttlMs) } : {}),
    };
    if (page.cacheControl && viewer.kind === 'anonymous') cacheControl = page.cacheControl;
    // A purge while this page was rendering may have changed what it read: send it, keep it nowhere.
    if (cache.generation !== generation) cacheControl = viewer.kind === 'anonymous' ? UNCACHED : cacheControl;
    else if (page.status === 200) cache.set(cacheKey, page);
  }
  // Cached pages are compressed once and kept; uncached ones go out as they are (a CDN or proxy
  // compresses them), and so do pages too small to gain from it.
  const encoding =
    cache.enabled && page.body.length >= MIN_COMPRESSED_BYTES
      ? preferredEncoding(request.headers['accept-encoding'])
      : null;
  const etag = encoding ? `${page.etag.slice(0, -1)}-${encoding}"` : page.etag;
  reply
    .header('etag', etag)
    .header('cache-control', cacheControl)
    .header('surrogate-key', page.keys.join(' '))
    .header('vary', 'Cookie, Accept-Encoding')
    .type(page.contentType);
  if (request.headers['if-none-match'] === etag) return reply.code(304).send();
  if (encoding) return reply.code(page.status).header('content-encoding', encoding).send(compressed(page, encoding));
  return reply.code(page.status).send(page.body);
}

/**
 * The cache key of a page: viewer variant, route and the route's parameters (decoded, so
 * `/news/%66oo` is `/news/foo`), and the canonical query the route reads. Renderers cache only
 * pages whose parameters are valid slugs, so a space cannot make two parameter lists collide.
 */
function pageKey(request: FastifyRequest, variant: string, query: string): string {
  let key = variant + ' ' + (request.routeOptions.url ?? '');
  const params = request.params as Record<string, string>;
  for (const name in params) key += ' ' + params[name];
  return query ? key + ' ?' + query : key;
}

type Encoding = 'br' | 'gzip';
const MIN_COMPRESSED_BYTES = 1024;

function preferredEncoding(accept: string | undefined): Encoding | null {
  if (!accept) return null;
  if (/\bbr\b/.test(accept)) return 'br';
  if (/\bgzip\b/.test(accept)) return 'gzip';
  return null;
}

function compressed(page: CachedPage, encoding: Encoding): Buffer {
  page.compressed ??= {};
  let bytes = page.compressed[encoding];
  if (!bytes) {
    bytes =
      encoding === 'br'
        ? brotliCompressSync(page.body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 6 } })
        : gzipSync(page.body, { level: 6 });
    page.compressed[encoding] = bytes;
  }
  return bytes;
}
