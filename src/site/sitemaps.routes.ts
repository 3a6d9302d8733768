import type { TypedFastify } from '../http/typed-fastify.ts';
import { SitemapFileParams } from './reader.schemas.ts';
import { readerScope } from '../content/reader-scope.ts';
import {
  listedAuthors,
  listedTags,
  publishedBetween,
  publishedMonths,
  publishedPages,
} from '../content/sitemap.repository.ts';
import { authorPath, pagePath, sectionPath, tagPath } from '../content/urls.ts';
import { html, type SafeHtml } from '../http/html.ts';
import { LIST_PAGES } from '../http/invalidation.ts';
import { servePage } from './serve-page.ts';
import type { SiteDeps } from './site.deps.ts';

const XML = 'application/xml; charset=utf-8';
const MONTH_FILE = /^(\d{4})-(0[1-9]|1[0-2])\.xml$/;
/** Google News reads articles of the last two days, at most 1,000 of them. */
const NEWS_WINDOW_MS = 48 * 3600 * 1000;
const NEWS_LIMIT = 1000;
/** The sitemap protocol's limit of URLs per file. */
const SITEMAP_LIMIT = 50_000;

const urlset = (urls: SafeHtml[], extraNs: SafeHtml | '' = ''): string =>
  html`<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"${extraNs}>
${urls}</urlset>
`.toString();

/** Sitemap index, one sitemap per month of articles, the Google News sitemap and robots.txt. */
export function registerSitemapRoutes(app: TypedFastify, deps: SiteDeps): void {
  const { db } = deps;

  app.get('/robots.txt', async (_request, reply) => {
    const site = await deps.siteContext();
    return reply
      .type('text/plain; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(
        `User-agent: *\nAllow: /\nDisallow: /admin/\n\nSitemap: ${site.publicUrl}/sitemap.xml\nSitemap: ${site.publicUrl}/sitemaps/news.xml\n`,
      );
  });

  app.get('/sitemap.xml', (request, reply) =>
    servePage(request, reply, deps.cache, async (viewer) => {
      const site = await deps.siteContext();
      const months = await publishedMonths(db, readerScope(viewer));
      const entry = (path: string, lastmod?: string) =>
        html`<sitemap><loc>${site.publicUrl + path}</loc>${lastmod ? html`<lastmod>${lastmod}</lastmod>` : ''}</sitemap>\n`;
      const body = html`<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${entry('/sitemaps/news.xml')}${entry('/sitemaps/pages.xml')}${months.map((m) => entry(`/sitemaps/${m.month}.xml`, m.lastModified))}</sitemapindex>
`.toString();
      return { kind: 'page', body, contentType: XML, keys: [LIST_PAGES] };
    }),
  );

  app.get('/sitemaps/news.xml', (request, reply) =>
    servePage(request, reply, deps.cache, async (viewer) => {
      const site = await deps.siteContext();
      const since = new Date(Date.now() - NEWS_WINDOW_MS).toISOString();
      const entries = await publishedBetween(db, readerScope(viewer), since, new Date().toISOString(), NEWS_LIMIT);
      const urls = entries.map(
        (entry) =>
          html`<url><loc>${site.publicUrl + entry.path}</loc><news:news><news:publication><news:name>${site.settings.publisherName}</news:name><news:language>${site.settings.locale}</news:language></news:publication><news:publication_date>${entry.publishedAt}</news:publication_date><news:title>${entry.headline}</news:title></news:news></url>\n`,
      );
      // The two-day window moves with time, so the process keeps this sitemap for a minute at most.
      return {
        kind: 'page',
        body: urlset(urls, html` xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"`),
        contentType: XML,
        keys: [LIST_PAGES],
        ttlMs: 60_000,
      };
    }),
  );

  app.get('/sitemaps/pages.xml', (request, reply) =>
    servePage(request, reply, deps.cache, async (viewer) => {
      const site = await deps.siteContext();
      const scope = readerScope(viewer);
      const [tags, authors, pages] = await Promise.all([
        listedTags(db, scope),
        listedAuthors(db, scope),
        publishedPages(db),
      ]);
      const url = (path: string, lastmod?: string) =>
        html`<url><loc>${site.publicUrl + path}</loc>${lastmod ? html`<lastmod>${lastmod}</lastmod>` : ''}</url>\n`;
      const urls = [
        url('/'),
        ...site.sections.map((s) => url(sectionPath(s.slug))),
        ...tags.map((tag) => url(tagPath(tag.slug))),
        ...authors.map((author) => url(authorPath(author.slug))),
        ...pages.map((page) => url(pagePath(page.slug), page.modifiedAt)),
        url('/corrections'),
      ];
      return { kind: 'page', body: urlset(urls), contentType: XML, keys: [LIST_PAGES] };
    }),
  );

  app.get('/sitemaps/:file', { schema: { params: SitemapFileParams } }, (request, reply) =>
    servePage(request, reply, deps.cache, async (viewer) => {
      const match = MONTH_FILE.exec(request.params.file);
      if (!match) return { kind: 'missing' };
      const site = await deps.siteContext();
      const start = `${match[1]}-${match[2]}`;
      const next =
        Number(match[2]) === 12
          ? `${Number(match[1]) + 1}-01`
          : `${match[1]}-${String(Number(match[2]) + 1).padStart(2, '0')}`;
      const entries = await publishedBetween(db, readerScope(viewer), start, next, SITEMAP_LIMIT);
      if (entries.length === 0) return { kind: 'missing' };
      const urls = entries.map(
        (entry) => html`<url><loc>${site.publicUrl + entry.path}</loc><lastmod>${entry.lastModified}</lastmod></url>\n`,
      );
      return { kind: 'page', body: urlset(urls), contentType: XML, keys: [LIST_PAGES] };
    }),
  );
}
