import { Type } from '@sinclair/typebox';
import type { TypedFastify } from '../http/typed-fastify.ts';
import { DocumentSchema } from '../content/document.ts';
import { createPage, deletePage, listPages, readPage, updatePage } from '../content/pages.service.ts';
import { createRedirect, deleteRedirect, listRedirects } from '../content/redirects.service.ts';
import { readSettings, SiteSettingsSchema } from '../settings/settings.ts';
import { updateSettings } from '../settings/settings.service.ts';
import { errors, IdParams, ListOf, NoContent, Open } from './schemas.ts';
import { SlugSchema as Slug } from '../content/articles.schemas.ts';
import type { AdminDeps } from './auth.ts';
import { staffOf } from './auth.ts';

const Title = Type.String({ minLength: 1, maxLength: 200 });
// One leading slash only: "//host" would be a protocol-relative address, an open redirect.
const Path = Type.String({
  pattern: '^/(?!/)[^\\s?#]*$',
  maxLength: 500,
  description: 'a site-relative path such as /old/address',
});
const pageFields = {
  slug: Type.Optional(Slug),
  body: Type.Optional(DocumentSchema),
  status: Type.Optional(Type.Union([Type.Literal('draft'), Type.Literal('published')])),
};

const PageJson = Open(
  {
    id: Type.String(),
    slug: Type.String(),
    title: Type.String(),
    status: Type.String(),
    modifiedAt: Type.String(),
    version: Type.Integer({ description: '+1 on every change; send it back as `baseVersion`' }),
  },
  'A static page',
);
const RedirectJson = Open(
  { id: Type.String(), fromPath: Type.String(), toPath: Type.String() },
  'A permanent (301) redirect',
);

/** Static pages, redirects and site settings. */
export function registerSiteAdminRoutes(api: TypedFastify, deps: AdminDeps): void {
  const content = { db: deps.db, invalidation: deps.invalidation };

  const listPagesSchema = {
    tags: ['pages'],
    summary: 'List static pages',
    response: { 200: ListOf('pages', PageJson, 'Every static page') },
  };
  api.get('/pages', { schema: listPagesSchema }, async () => ({
    pages: await listPages(deps.db),
  }));

  api.get(
    '/pages/:id',
    {
      schema: {
        tags: ['pages'],
        summary: 'One static page with its body',
        params: IdParams,
        response: { 200: Open({ ...PageJson.properties, body: DocumentSchema }, 'A static page and its body') },
      },
    },
    async (request) => readPage(deps.db, request.params.id),
  );

  api.post(
    '/pages',
    {
      schema: {
        tags: ['pages'],
        summary: 'Create a static page',
        body: Type.Object({ title: Title, ...pageFields }, { additionalProperties: false }),
        response: { 201: PageJson, ...errors(409) },
      },
    },
    async (request, reply) => reply.code(201).send(await createPage(content, staffOf(request), request.body)),
  );

  api.patch(
    '/pages/:id',
    {
      schema: {
        tags: ['pages'],
        summary: 'Change a static page',
        description:
          'Send `baseVersion`, the `version` the change was made on: if anyone has changed the page since, nothing is written and the answer is 409 `PAGE_CHANGED` with `details` saying when (`modifiedAt`) and the current `version`. Without it the change applies to whatever is current (for scripts).',
        params: IdParams,
        body: Type.Object(
          { title: Type.Optional(Title), ...pageFields, baseVersion: Type.Optional(Type.Integer({ minimum: 1 })) },
          { additionalProperties: false },
        ),
        response: { 200: PageJson, ...errors(409) },
      },
    },
    async (request) => updatePage(content, staffOf(request), request.params.id, request.body),
  );

  api.delete(
    '/pages/:id',
    { schema: { tags: ['pages'], summary: 'Delete a static page', params: IdParams, response: { 204: NoContent } } },
    async (request, reply) => {
      await deletePage(content, staffOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  const listRedirectsSchema = {
    tags: ['redirects'],
    summary: 'List redirects',
    response: { 200: ListOf('redirects', RedirectJson, 'Every redirect') },
  };
  api.get('/redirects', { schema: listRedirectsSchema }, async () => ({
    redirects: await listRedirects(deps.db),
  }));

  api.post(
    '/redirects',
    {
      schema: {
        tags: ['redirects'],
        summary: 'Answer 301 from one path to another',
        body: Type.Object({ fromPath: Path, toPath: Path }, { additionalProperties: false }),
        response: { 201: RedirectJson, ...errors(409) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createRedirect(content, staffOf(request), request.body.fromPath, request.body.toPath)),
  );

  api.delete(
    '/redirects/:id',
    { schema: { tags: ['redirects'], summary: 'Remove a redirect', params: IdParams, response: { 204: NoContent } } },
    async (request, reply) => {
      await deleteRedirect(content, staffOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  api.get(
    '/settings',
    { schema: { tags: ['settings'], summary: 'Site settings', response: { 200: SiteSettingsSchema } } },
    async () => readSettings(deps.db),
  );

  api.patch(
    '/settings',
    {
      schema: {
        tags: ['settings'],
        summary: 'Change site settings and the header and footer navigation (admins)',
        body: Type.Partial(SiteSettingsSchema),
        response: { 200: SiteSettingsSchema },
      },
    },
    async (request) => updateSettings(content, staffOf(request), request.body),
  );
}
