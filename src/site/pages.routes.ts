import type { FastifyInstance } from 'fastify';
import { frontPageCards } from '../content/cards.repository.ts';
import { listPublishedCorrections } from '../content/corrections.service.ts';
import { findPublishedPage } from '../content/pages.service.ts';
import { readArticle } from '../content/reading.service.ts';
import { findSectionBySlug } from '../content/taxonomy.repository.ts';
import { SLUG_PATTERN } from '../content/urls.ts';
import { CORRECTIONS_PAGE, LIST_PAGES, articleKey, sectionKey, tagKey } from '../http/invalidation.ts';
import { articlePage } from './views/article.ts';
import { homePage } from './views/listings.ts';
import { correctionsPage, staticPage } from './views/pages.ts';
import { sectionArchive } from './archive.routes.ts';
import { servePage } from './serve-page.ts';
import type { SiteDeps } from './site.deps.ts';
import { STYLESHEET, STYLESHEET_PATH } from './views/stylesheet.ts';

const HOME_LATEST = 6;
const HOME_PER_SECTION = 4;

/** Home, article, section-or-page, corrections and the stylesheet. */
export function registerPageRoutes(app: FastifyInstance, deps: SiteDeps): void {
  const { db, cache } = deps;

  app.get(STYLESHEET_PATH, (_request, reply) =>
    reply
      .type('text/css; charset=utf-8')
      .header('cache-control', 'public, max-age=31536000, immutable')
      .send(STYLESHEET),
  );

  app.get('/', (request, reply) =>
    servePage(request, reply, cache, async () => {
      const site = await deps.siteContext();
      const front = await frontPageCards(db, {
        latest: HOME_LATEST + 1,
        sectionIds: site.sections.map((s) => s.id),
        perSection: HOME_PER_SECTION,
      });
      const top = front.latest;
      const sections = site.sections.map((section, i) => ({
        slug: section.slug,
        name: section.name,
        cards: front.sections[i] ?? [],
      }));
      const cards = [...top, ...sections.flatMap((s) => s.cards)];
      return {
        kind: 'page',
        body: homePage({ lead: top[0], latest: top.slice(1), sections }, site),
        keys: [LIST_PAGES, ...cards.map((card) => articleKey(card.id))],
      };
    }),
  );

  app.get('/corrections', (request, reply) =>
    servePage(request, reply, cache, async () => {
      const site = await deps.siteContext();
      return {
        kind: 'page',
        body: correctionsPage(await listPublishedCorrections(db), site),
        keys: [CORRECTIONS_PAGE, LIST_PAGES],
      };
    }),
  );

  app.get<{ Params: { section: string; slug: string } }>('/:section/:slug', (request, reply) =>
    servePage(request, reply, cache, async (viewer) => {
      const { section, slug } = request.params;
      if (!SLUG_PATTERN.test(section) || !SLUG_PATTERN.test(slug)) return { kind: 'missing' };
      const found = await readArticle(db, section, slug, viewer);
      if (found.kind !== 'found') return found.kind === 'moved' ? { kind: 'redirect', location: found.path } : found;
      const { article } = found;
      const site = await deps.siteContext();
      const shown = [article.id, ...article.related.map((c) => c.id), ...article.bodyCards.keys()];
      return {
        kind: 'page',
        body: articlePage(article, site),
        // Computed related stories change when the section or a shared tag gets a new story.
        keys: [
          ...shown.map(articleKey),
          ...(article.section ? [sectionKey(article.section.id)] : []),
          ...article.tags.map((tag) => tagKey(tag.id)),
        ],
      };
    }),
  );

  app.get<{ Params: { slug: string }; Querystring: { page?: string } }>('/:slug', (request, reply) =>
    servePage(request, reply, cache, async () => {
      const { slug } = request.params;
      if (!SLUG_PATTERN.test(slug)) return { kind: 'missing' };
      const section = await findSectionBySlug(db, slug);
      if (section) return sectionArchive(deps, section, request.query.page);
      const page = await findPublishedPage(db, slug);
      if (!page) return { kind: 'missing' };
      return { kind: 'page', body: staticPage(page, await deps.siteContext()), keys: [`page:${page.id}`] };
    }),
  );
}
