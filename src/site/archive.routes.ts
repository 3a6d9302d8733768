import type { TypedFastify } from '../http/typed-fastify.ts';
import { PageQuery, SlugParams } from './reader.schemas.ts';
import { type CardFilter, listCards } from '../content/cards.repository.ts';
import { readerScope, type ReaderScope } from '../content/reader-scope.ts';
import type { SectionRow } from '../content/taxonomy.table.ts';
import { findAuthorBySlug, findTagBySlug } from '../content/taxonomy.repository.ts';
import { authorPath, sectionPath, SLUG_PATTERN, tagPath } from '../content/urls.ts';
import { LIST_PAGES, articleKey } from '../http/invalidation.ts';
import { servePage, type PageResult } from './serve-page.ts';
import { PAGE_SIZE, pageQuery, parsePageNumber, type SiteDeps } from './site.deps.ts';
import { type ArchiveModel, archivePage, type AuthorProfile } from './views/listings.ts';
import { parseAuthorLinks } from '../content/author-profile.ts';
import { findImage } from '../media/images.service.ts';
import { parseWidths } from '../media/images.ts';

async function archive(
  deps: SiteDeps,
  scope: ReaderScope,
  kind: ArchiveModel['kind'],
  what: { name: string; description: string; basePath: string; profile?: AuthorProfile },
  filter: CardFilter,
  page: number,
): Promise<PageResult> {
  // One card more than a page tells whether an older page exists, without counting the archive.
  const fetched = await listCards(deps.db, scope, filter, PAGE_SIZE + 1, (page - 1) * PAGE_SIZE);
  if (page > 1 && fetched.length === 0) return { kind: 'missing' };
  const cards = fetched.slice(0, PAGE_SIZE);
  const site = await deps.siteContext();
  return {
    kind: 'page',
    body: archivePage({ kind, ...what, cards, page, hasOlder: fetched.length > PAGE_SIZE }, site),
    keys: [LIST_PAGES, ...cards.map((card) => articleKey(card.id))],
  };
}

/** A section's archive page (the section route is shared with static pages, see pages.routes.ts). */
export function sectionArchive(
  deps: SiteDeps,
  scope: ReaderScope,
  section: Pick<SectionRow, 'id' | 'slug' | 'name' | 'description'>,
  page: number,
): Promise<PageResult> {
  return archive(
    deps,
    scope,
    'section',
    { name: section.name, description: section.description, basePath: sectionPath(section.slug) },
    { sectionId: section.id },
    page,
  );
}

/** What a tag or author archive needs from its slug: the heading, its address and the card filter. */
interface ArchiveSubject {
  what: { name: string; description: string; basePath: string; profile?: AuthorProfile };
  filter: CardFilter;
}

/** Registers `/<kind>/:slug`, an archive of the stories of the tag or author that `find` looks up. */
function registerArchive(
  app: TypedFastify,
  deps: SiteDeps,
  kind: 'tag' | 'author',
  find: (slug: string) => Promise<ArchiveSubject | undefined>,
): void {
  app.get(`/${kind}/:slug`, { schema: { params: SlugParams, querystring: PageQuery } }, (request, reply) => {
    const page = parsePageNumber(request.query.page);
    return servePage(
      request,
      reply,
      deps.cache,
      async (viewer) => {
        const { slug } = request.params;
        const subject = SLUG_PATTERN.test(slug) ? await find(slug) : undefined;
        if (!subject) return { kind: 'missing' };
        return archive(deps, readerScope(viewer), kind, subject.what, subject.filter, page);
      },
      pageQuery(page),
    );
  });
}

/** Tag and author archives. */
export function registerArchiveRoutes(app: TypedFastify, deps: SiteDeps): void {
  registerArchive(app, deps, 'tag', async (slug) => {
    const tag = await findTagBySlug(deps.db, slug);
    return (
      tag && {
        what: { name: tag.name, description: tag.description, basePath: tagPath(tag.slug) },
        filter: { tagId: tag.id },
      }
    );
  });
  registerArchive(app, deps, 'author', async (slug) => {
    const author = await findAuthorBySlug(deps.db, slug);
    if (!author) return undefined;
    const photo = author.photo_image_id ? await findImage(deps.db, author.photo_image_id) : undefined;
    const profile: AuthorProfile = {
      photo: photo && { ...photo, widths: parseWidths(photo.widths) },
      links: parseAuthorLinks(author.links),
    };
    return {
      what: { name: author.name, description: author.bio, basePath: authorPath(author.slug), profile },
      filter: { authorId: author.id },
    };
  });
}
