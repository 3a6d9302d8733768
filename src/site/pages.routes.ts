import type { TypedFastify } from '../http/typed-fastify.ts';
import { ArticleParams, PageQuery, SlugParams, StylesheetParams } from './reader.schemas.ts';
import { cardsByIds, frontPageCards } from '../content/cards.repository.ts';
import { pinsInForce } from '../content/front-page.service.ts';
import { listPublishedCorrections } from '../content/corrections.service.ts';
import { findPublishedPage } from '../content/pages.service.ts';
import { readerScope } from '../content/reader-scope.ts';
import { readArticle, readDocumentAssets } from '../content/reading.service.ts';
import { documentReferences } from '../content/document.ts';
import { pagePath, SLUG_PATTERN } from '../content/urls.ts';
import {
  CORRECTIONS_PAGE,
  FRONT_PAGE,
  LIST_PAGES,
  PRICING_PAGE,
  articleKey,
  sectionKey,
  tagKey,
} from '../http/invalidation.ts';
import { articlePage } from './views/article.ts';
import { homePage } from './views/listings.ts';
import { correctionsPage, staticPage } from './views/pages.ts';
import { sectionArchive } from './archive.routes.ts';
import { arrangeFrontPage } from './front-page.ts';
import { embedsScript, embedsScriptPath } from './scripts.ts';
import { servePage } from './serve-page.ts';
import { meteredArticlePage, tierNamesFor } from './article-paywall.ts';
import { findSiteSection, pageQuery, parsePageNumber, type SiteDeps } from './site.deps.ts';
import { stylesheetFor } from './views/stylesheet.ts';
import { notFound } from '../http/errors.ts';

const HOME_LATEST = 4;
// Stories under the lead, so its column is about as tall as the latest list beside it on a desktop.
const HOME_SECONDARY = 2;
const HOME_PER_SECTION = 4;

/** Home, article, section-or-page, corrections and the stylesheet. */
export function registerPageRoutes(app: TypedFastify, deps: SiteDeps): void {
  const { db, cache } = deps;

  app.get('/assets/site/:file', { schema: { params: StylesheetParams } }, (request, reply) => {
    const stylesheet = stylesheetFor(request.params.file);
    if (!stylesheet) throw notFound('No such stylesheet.');
    return reply
      .type('text/css; charset=utf-8')
      .header('cache-control', 'public, max-age=31536000, immutable')
      .send(stylesheet);
  });

  app.get(embedsScriptPath(), async (_request, reply) =>
    reply
      .type('text/javascript; charset=utf-8')
      .header('cache-control', 'public, max-age=31536000, immutable')
      .send(await embedsScript()),
  );

  app.get('/', (request, reply) =>
    servePage(request, reply, cache, async (viewer) => {
      const site = await deps.siteContext();
      const now = Date.now();
      const { pins, nextLapse } = pinsInForce(site.pins, now);
      const pinnedIds = [...(pins.lead ? [pins.lead.articleId] : []), ...pins.featured.map((pin) => pin.articleId)];
      // One query for the newest stories and the section blocks; pins cost one more (by primary
      // key) only while there are any. The newest are read deep enough to fill the page around them.
      const scope = readerScope(viewer);
      const [front, pinnedCards] = await Promise.all([
        frontPageCards(db, scope, {
          latest: 1 + HOME_SECONDARY + HOME_LATEST + pinnedIds.length,
          sectionIds: site.sections.map((s) => s.id),
          perSection: HOME_PER_SECTION,
        }),
        cardsByIds(db, scope, pinnedIds),
      ]);
      // cardsByIds skips what readers may not see: a draft, scheduled or withdrawn pin leaves no gap.
      const visible = new Map(pinnedCards.map((card) => [card.id, card]));
      const page = arrangeFrontPage(
        {
          lead: pins.lead ? visible.get(pins.lead.articleId) : undefined,
          featured: pins.featured.flatMap((pin) => visible.get(pin.articleId) ?? []),
        },
        front.latest,
        site.sections.map((section, i) => ({ slug: section.slug, name: section.name, cards: front.sections[i] ?? [] })),
        { secondary: HOME_SECONDARY, latest: HOME_LATEST, perSection: HOME_PER_SECTION },
      );
      const cards = [
        ...(page.lead ? [page.lead] : []),
        ...page.secondary,
        ...page.latest,
        ...page.sections.flatMap((s) => s.cards),
      ];
      return {
        kind: 'page',
        body: homePage(page, site),
        // Every pinned story is a dependency, shown or not: a scheduled pin going live purges the page.
        keys: [LIST_PAGES, FRONT_PAGE, ...new Set([...cards.map((card) => card.id), ...pinnedIds].map(articleKey))],
        // The page must not outlive a pin; the scheduler also purges it then (removeLapsedPins).
        ...(Number.isFinite(nextLapse) ? { ttlMs: Math.max(nextLapse - now, 1) } : {}),
      };
    }),
  );

  app.get('/corrections', (request, reply) =>
    servePage(request, reply, cache, async (viewer) => {
      const site = await deps.siteContext();
      return {
        kind: 'page',
        body: correctionsPage(await listPublishedCorrections(db, readerScope(viewer)), site),
        keys: [CORRECTIONS_PAGE, LIST_PAGES],
      };
    }),
  );

  app.get('/:section/:slug', { schema: { params: ArticleParams } }, (request, reply) =>
    servePage(
      request,
      reply,
      cache,
      async (viewer) => {
        const { section, slug } = request.params;
        if (!SLUG_PATTERN.test(section) || !SLUG_PATTERN.test(slug)) return { kind: 'missing' };
        // The site context is kept in memory: reading it first costs the article no query.
        const site = await deps.siteContext();
        const found = await readArticle(db, section, slug, viewer, site.settings.previewParagraphs);
        if (found.kind !== 'found') return found.kind === 'moved' ? { kind: 'redirect', location: found.path } : found;
        const { article } = found;
        return {
          kind: 'page',
          body: articlePage(article, site, { tierNames: await tierNamesFor(deps, article) }),
          // Every article it referenced, shown or not (a scheduled one appears when it goes live); computed
          // related stories change when the section or a shared tag gets a new story.
          keys: [
            articleKey(article.id),
            ...article.referencedIds.map(articleKey),
            ...(article.section ? [sectionKey(article.section.id)] : []),
            ...article.tags.map((tag) => tagKey(tag.id)),
            // Its invitation names tiers: every tier change purges the pricing key.
            ...(article.access === 'tiers' ? [PRICING_PAGE] : []),
          ],
        };
      },
      '',
      meteredArticlePage(deps, request.params),
    ),
  );

  app.get('/:slug', { schema: { params: SlugParams, querystring: PageQuery } }, (request, reply) => {
    const pageNumber = parsePageNumber(request.query.page);
    return servePage(
      request,
      reply,
      cache,
      async (viewer) => {
        const { slug } = request.params;
        if (!SLUG_PATTERN.test(slug)) return { kind: 'missing' };
        const section = await findSiteSection(deps, slug);
        if (section) return sectionArchive(deps, readerScope(viewer), section, pageNumber);
        const page = await findPublishedPage(db, slug);
        if (!page) return { kind: 'missing' };
        // A static page has no page 2; sending ?page=N to its one address keeps the cache to one entry.
        if (pageNumber > 1) return { kind: 'redirect', location: pagePath(page.slug) };
        const [site, assets] = await Promise.all([
          deps.siteContext(),
          readDocumentAssets(db, readerScope(viewer), page.body),
        ]);
        return {
          kind: 'page',
          body: staticPage(page, assets, site),
          // Every story the page refers to, shown or not: one going live must repaint the page.
          keys: [`page:${page.id}`, ...documentReferences(page.body).articleIds.map(articleKey)],
        };
      },
      pageQuery(pageNumber),
    );
  });
}
