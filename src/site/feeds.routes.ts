import type { TypedFastify } from '../http/typed-fastify.ts';
import { SlugParams } from './reader.schemas.ts';
import { type ArticleCard, type CardFilter, listCards } from '../content/cards.repository.ts';
import { readerScope, type ReaderScope } from '../content/reader-scope.ts';
import { readableBodies } from '../content/reading.service.ts';
import { findAuthorBySlug, findTagBySlug } from '../content/taxonomy.repository.ts';
import { articlePath, authorPath, sectionPath, SLUG_PATTERN, tagPath } from '../content/urls.ts';
import { html } from '../http/html.ts';
import { LIST_PAGES, articleKey } from '../http/invalidation.ts';
import { imageSources, SOCIAL_IMAGE_WIDTH } from '../media/images.ts';
import { feedBody } from './feed-body.ts';
import { type PageResult, servePage } from './serve-page.ts';
import { findSiteSection, type SiteDeps } from './site.deps.ts';
import type { SiteContext } from './site-context.ts';

const FEED_SIZE = 30;
const RSS = 'application/rss+xml; charset=utf-8';

// The html template escapes for XML as well; feeds are built with it so there is one escaper.
function item(card: ArticleCard, site: SiteContext, authors: string[], content: string | null) {
  const link = site.publicUrl + articlePath(card.section?.slug, card.slug);
  const image = card.image ? imageSources(card.image, SOCIAL_IMAGE_WIDTH) : null;
  return html`<item>
<title>${card.headline}</title>
<link>${link}</link>
<guid isPermaLink="false">${card.id}</guid>
<pubDate>${new Date(card.publishedAt).toUTCString()}</pubDate>
${card.dek ? html`<description>${card.dek}</description>` : ''}
${content ? html`<content:encoded>${content}</content:encoded>` : ''}
${authors.map((name) => html`<dc:creator>${name}</dc:creator>`)}
${card.section ? html`<category>${card.section.name}</category>` : ''}
${image && card.image ? html`<media:content url="${site.publicUrl + image.src}" medium="image" type="image/${card.image.format}" width="${image.width}" height="${image.height}"><media:description>${card.image.alt}</media:description></media:content>` : ''}
</item>
`;
}

/** An RSS feed of the cards the filter selects, as the scope may see and read them. */
export async function feedPage(
  deps: Pick<SiteDeps, 'db' | 'siteContext'>,
  scope: ReaderScope,
  title: string,
  path: string,
  description: string,
  filter: CardFilter,
): Promise<PageResult> {
  const site = await deps.siteContext();
  const cards = await listCards(deps.db, scope, filter, FEED_SIZE);
  const ids = cards.map((card) => card.id);
  const bodies = await readableBodies(deps.db, scope, ids, site.settings.previewParagraphs);
  const body = html`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">
<channel>
<title>${title}</title>
<link>${site.publicUrl + path}</link>
<description>${description}</description>
<language>${site.settings.locale}</language>
<atom:link href="${site.publicUrl + (path === '/' ? '' : path)}/feed.xml" rel="self" type="application/rss+xml"/>
${cards[0] ? html`<lastBuildDate>${new Date(cards[0].publishedAt).toUTCString()}</lastBuildDate>` : ''}
${cards.map((card) =>
  item(
    card,
    site,
    bodies.bylines.get(card.id) ?? [],
    feedBody(bodies.bodies.get(card.id), bodies, site.t, site.publicUrl),
  ),
)}
</channel>
</rss>
`.toString();
  const shown = new Set([...ids, ...bodies.referencedArticleIds]);
  return { kind: 'page', body, contentType: RSS, keys: [LIST_PAGES, ...[...shown].map(articleKey)] };
}

/** A section, tag or author whose stories a feed lists. */
interface FeedSubject {
  name: string;
  path: string;
  description: string;
  filter: CardFilter;
}

/** RSS 2.0 for the site and for every section, tag and author. */
export function registerFeedRoutes(app: TypedFastify, deps: SiteDeps): void {
  app.get('/feed.xml', (request, reply) =>
    servePage(request, reply, deps.cache, async (viewer) => {
      const site = await deps.siteContext();
      return feedPage(deps, readerScope(viewer), site.settings.title, '/', site.settings.description, {});
    }),
  );
  // Section, tag and author feeds differ only in how the slug is looked up and what the feed is called.
  const subjectFeed = (route: string, find: (slug: string) => Promise<FeedSubject | undefined>): void => {
    app.get(route, { schema: { params: SlugParams } }, (request, reply) =>
      servePage(request, reply, deps.cache, async (viewer) => {
        const subject = SLUG_PATTERN.test(request.params.slug) ? await find(request.params.slug) : undefined;
        if (!subject) return { kind: 'missing' };
        const site = await deps.siteContext();
        const { name, path, description, filter } = subject;
        return feedPage(deps, readerScope(viewer), `${site.settings.title}: ${name}`, path, description, filter);
      }),
    );
  };
  subjectFeed('/:slug/feed.xml', async (slug) => {
    const section = await findSiteSection(deps, slug);
    return (
      section && {
        name: section.name,
        path: sectionPath(section.slug),
        description: section.description || section.name,
        filter: { sectionId: section.id },
      }
    );
  });
  subjectFeed('/tag/:slug/feed.xml', async (slug) => {
    const tag = await findTagBySlug(deps.db, slug);
    return (
      tag && {
        name: tag.name,
        path: tagPath(tag.slug),
        description: tag.description || tag.name,
        filter: { tagId: tag.id },
      }
    );
  });
  subjectFeed('/author/:slug/feed.xml', async (slug) => {
    const author = await findAuthorBySlug(deps.db, slug);
    return (
      author && {
        name: author.name,
        path: authorPath(author.slug),
        description: author.bio || author.name,
        filter: { authorId: author.id },
      }
    );
  });
}
