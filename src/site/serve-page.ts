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

/** Who is reading this request. Member sign-in arrives with the paywall issue; until then every reader is anonymous. */
export function viewerOf(_request: FastifyRequest): Viewer {
  return ANONYMOUS;
}

/**
 * Serves a reader page through the page cache: one render per URL and viewer variant until a
 * purge, ETag with 304 answers, and headers a CDN can cache and purge by.
 */
export async function servePage(
  request: FastifyRequest,
  reply: FastifyReply,
  cache: PageCache,
  render: (viewer: Viewer) => Promise<PageResult>,
): Promise<FastifyReply> {
  const viewer = viewerOf(request);
  const cacheKey = `${cacheVariant(viewer)} ${request.url}`;
  let page: CachedPage | undefined = cache.enabled ? cache.get(cacheKey) : undefined;
  if (!page) {
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
      ...(result.ttlMs ? { expiresAt: Date.now() + result.ttlMs } : {}),
    };
    if (page.status === 200) cache.set(cacheKey, page);
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
    .header('cache-control', viewer.kind === 'anonymous' ? CACHE_CONTROL : 'private, no-cache')
    .header('surrogate-key', page.keys.join(' '))
    .header('vary', 'Cookie, Accept-Encoding')
    .type(page.contentType);
  if (request.headers['if-none-match'] === etag) return reply.code(304).send();
  if (encoding) return reply.code(page.status).header('content-encoding', encoding).send(compressed(page, encoding));
  return reply.code(page.status).send(page.body);
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
