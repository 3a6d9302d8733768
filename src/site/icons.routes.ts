import { Type } from '@sinclair/typebox';
import type { TypedFastify } from '../http/typed-fastify.ts';
import { SITE_CONTEXT } from '../http/invalidation.ts';
import { ICON_FILES, iconSet, type IconName } from './icons.ts';
import type { SiteDeps } from './site.deps.ts';

const IconQuery = Type.Object({ v: Type.Optional(Type.String({ maxLength: 40 })) });

/**
 * Favicon, touch icons and the web manifest at the addresses browsers and phones ask for. Pages
 * link them with ?v=<version>, which may be kept for a year; the bare addresses (asked for by
 * crawlers and older phones) are kept for an hour, so a new site name or colour shows soon.
 */
export function registerIconRoutes(app: TypedFastify, deps: SiteDeps): void {
  for (const [name, path] of Object.entries(ICON_FILES) as Array<[IconName, string]>) {
    app.get(path, { schema: { querystring: IconQuery } }, async (request, reply) => {
      const set = iconSet((await deps.siteContext()).settings);
      const file = await set.file(name);
      const etag = `"${set.version}-${name}"`;
      reply
        .type(file.contentType)
        .header('etag', etag)
        .header(
          'cache-control',
          request.query.v === set.version
            ? 'public, max-age=31536000, immutable'
            : 'public, max-age=3600, s-maxage=86400',
        )
        .header('surrogate-key', SITE_CONTEXT);
      if (request.headers['if-none-match'] === etag) return reply.code(304).send();
      return reply.send(file.body);
    });
  }
}
