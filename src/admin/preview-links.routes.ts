import { Type } from '@sinclair/typebox';
import type { TypedFastify } from '../http/typed-fastify.ts';
import {
  createPreviewLink,
  listPreviewLinks,
  PREVIEW_DAYS,
  type PreviewLinkView,
  revokePreviewLink,
} from '../content/preview-links.service.ts';
import { previewPath } from '../content/urls.ts';
import { emptyBodyIsNone, tags } from './articles.routes.ts';
import type { AdminDeps } from './auth.ts';
import { staffOf } from './auth.ts';
import { errors, IdParams, ListOf, NoContent } from './schemas.ts';

const LinkParams = Type.Object({ id: Type.String({ format: 'uuid' }), linkId: Type.String({ format: 'uuid' }) });
const CreateBody = Type.Object(
  {
    days: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: PREVIEW_DAYS.max,
        description: `how long the link works (default ${PREVIEW_DAYS.default}, at most ${PREVIEW_DAYS.max})`,
      }),
    ),
  },
  { additionalProperties: false },
);
const linkFields = {
  id: Type.String(),
  createdBy: Type.Union([Type.Object({ id: Type.String(), name: Type.String() }), Type.Null()]),
  createdAt: Type.String(),
  expiresAt: Type.String(),
  revokedAt: Type.Union([Type.String(), Type.Null()]),
  active: Type.Boolean({ description: 'opens the preview now: neither expired nor revoked' }),
};
const Link = Type.Object(linkFields, { description: 'A preview link (its address is only given when it is made)' });
const NewLink = Type.Object(
  {
    ...linkFields,
    url: Type.String({ description: 'the preview’s address, with its secret token: shown this once, never again' }),
  },
  { description: 'The new link and its address' },
);

/** Private preview links of an article: make one (its address shown once), list them, revoke one. */
export function registerPreviewLinkRoutes(api: TypedFastify, deps: AdminDeps): void {
  const view = (link: PreviewLinkView) => link;

  api.post(
    '/articles/:id/preview-links',
    {
      schema: {
        tags,
        summary: 'Make a private preview link',
        description:
          'Anyone with the address sees the article as readers will, whatever its status, with a “Preview” banner, until it expires or is revoked. Only a hash of its token is kept: the address is in this answer and nowhere else.',
        params: IdParams,
        body: CreateBody,
        'x-optional-body': true,
        response: { 201: NewLink, ...errors(409) },
      },
      preValidation: emptyBodyIsNone,
    },
    async (request, reply) => {
      const { link, token } = await createPreviewLink(deps.db, staffOf(request), request.params.id, request.body?.days);
      return reply.code(201).send({ ...view(link), url: deps.config.publicUrl + previewPath(token) });
    },
  );

  api.get(
    '/articles/:id/preview-links',
    {
      schema: {
        tags,
        summary: 'The article’s preview links, newest first',
        params: IdParams,
        response: { 200: ListOf('links', Link, 'Preview links, expired and revoked ones marked') },
      },
    },
    async (request) => ({ links: (await listPreviewLinks(deps.db, staffOf(request), request.params.id)).map(view) }),
  );

  api.delete(
    '/articles/:id/preview-links/:linkId',
    {
      schema: {
        tags,
        summary: 'Revoke a preview link (its address answers 410 from then on)',
        params: LinkParams,
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await revokePreviewLink(deps.db, staffOf(request), request.params.id, request.params.linkId);
      return reply.code(204).send(null);
    },
  );
}
