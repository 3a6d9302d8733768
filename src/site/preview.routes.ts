import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import { openPreview } from '../content/preview-links.service.ts';
import { readArticlePreview } from '../content/reading.service.ts';
import { previewPath } from '../content/urls.ts';
import type { TypedFastify } from '../http/typed-fastify.ts';
import { HTML } from './serve-page.ts';
import type { SiteDeps } from './site.deps.ts';
import { articlePage } from './views/article.ts';
import { errorPage } from './views/pages.ts';

// Any text: what is not a token opens nothing (404, checked before any query), like any unknown address.
const PreviewParams = Type.Object({ token: Type.String() });

/**
 * A preview is for whoever holds the link, never for a cache: no shared or browser copy, no ETag or
 * Surrogate-Key (nothing could purge it), out of search engines, and no Referer that would carry the
 * token to the sites its links lead to.
 */
function privately(reply: FastifyReply, status: number): FastifyReply {
  return reply
    .code(status)
    .type(HTML)
    .header('cache-control', 'private, no-store')
    .header('x-robots-tag', 'noindex, nofollow')
    .header('referrer-policy', 'no-referrer');
}

/** /preview/<token>: the article exactly as the reader page shows it, whatever its status, with a banner. */
export function registerPreviewRoutes(app: TypedFastify, deps: SiteDeps): void {
  app.get('/preview/:token', { schema: { params: PreviewParams } }, async (request, reply) => {
    const { token } = request.params;
    const [opened, site] = await Promise.all([openPreview(deps.db, token), deps.siteContext()]);
    const article =
      opened.kind === 'found'
        ? await readArticlePreview(deps.db, opened.articleId, site.settings.previewParagraphs)
        : undefined;
    if (!article) {
      const gone = opened.kind === 'gone';
      return privately(reply, gone ? 410 : 404).send(
        errorPage(gone ? 'previewGone' : 'notFound', site, previewPath(token)),
      );
    }
    return privately(reply, 200).send(articlePage(article, site, { preview: true }));
  });
}
