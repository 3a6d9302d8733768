import { Type } from '@sinclair/typebox';

// Reader routes declare what they read from the address. Path segments stay plain strings: an
// address that is not a slug names nothing, so it answers 404 (the routes check SLUG_PATTERN), not
// 400. Query objects allow other parameters (?utm_source=…); those never change the page.

/** `/:slug`, `/tag/:slug`, `/author/:slug` and their feeds. */
export const SlugParams = Type.Object({ slug: Type.String() });
/** `/:section/:slug`: an article. */
export const ArticleParams = Type.Object({ section: Type.String(), slug: Type.String() });
/** `/sitemaps/:file`: a month's sitemap, such as 2026-11.xml. */
export const SitemapFileParams = Type.Object({ file: Type.String() });
/**
 * `?page=N` on archives. Only its type is declared here: parsePageNumber() refuses anything but a
 * whole number from 1 with a message readers understand, on the site's own 400 page.
 */
export const PageQuery = Type.Object({
  page: Type.Optional(Type.String({ description: 'a whole number from 1' })),
});

/** A stylesheet's file name; one no page links to is a 404 (checked in the route), never a 400. */
export const StylesheetParams = Type.Object({ file: Type.String({ maxLength: 100 }) });
