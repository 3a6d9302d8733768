import { Type } from '@sinclair/typebox';
import type { TypedFastify } from '../http/typed-fastify.ts';
import { presentArticle } from '../content/article.presenter.ts';
import { ArticleResponse, BaseVersion } from '../content/articles.schemas.ts';
import { requireArticle } from '../content/article-versions.ts';
import { authorize } from '../content/policy.ts';
import { restoreRevision } from '../content/revision-restore.service.ts';
import { requireRevision, revisionsOf } from '../content/revisions.service.ts';
import { emptyBodyIsNone, tags } from './articles.routes.ts';
import type { AdminDeps } from './auth.ts';
import { staffOf } from './auth.ts';
import { errors, IdParams, ListOf, Open } from './schemas.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const RevisionParams = Type.Object({
  id: Type.String({ format: 'uuid' }),
  revisionId: Type.String({ format: 'uuid' }),
});
const revisionFields = {
  id: Type.String(),
  action: Type.String({
    description:
      'the change that made it: create, save, autosave, publish, schedule, unpublish, submit, return (to draft), correction, restore (of a revision), trash, untrash (out of the trash)',
  }),
  autosave: Type.Boolean({ description: 'made by autosaves, folded into one while they come within 5 minutes' }),
  version: Nullable(Type.Integer({ description: 'the article’s version it keeps' })),
  staff: Nullable(Type.Object({ id: Type.String(), name: Type.String() }, { description: 'who made it' })),
  // Kept from before the staff object, for scripts that read it.
  staffId: Nullable(Type.String({ description: 'the member of staff who made the change' })),
  system: Nullable(
    Type.Union([Type.Literal('scheduler'), Type.Literal('seed'), Type.Literal('operator')], {
      description: 'set when the system made the change: the scheduler, the seed, an operator command',
    }),
  ),
  note: Nullable(Type.String({ description: 'the note sent back with a return to draft, or a correction’s text' })),
  restoredFrom: Nullable(Type.String({ description: 'the revision a restore brought back' })),
  createdAt: Type.String(),
  updatedAt: Nullable(Type.String({ description: 'the last autosave folded into it' })),
};
const RevisionSummary = Open(
  {
    ...revisionFields,
    snapshot: Type.Unknown({ description: 'the article as it stood after the change, without its body' }),
  },
  'One saved state of the article',
);
const RevisionWhole = Open(
  {
    ...revisionFields,
    snapshot: Type.Unknown({ description: 'the article as it stood after the change, body included' }),
  },
  'One saved state of the article, whole',
);
const RestoreBody = Type.Object({ baseVersion: Type.Optional(BaseVersion) }, { additionalProperties: false });

/** Revisions: the list, one whole, and restoring one. */
export function registerArticleRevisionRoutes(api: TypedFastify, deps: AdminDeps): void {
  const content = { db: deps.db, invalidation: deps.invalidation };
  const withStaffId = <R extends { staff: { id: string } | null }>(revision: R) => ({
    ...revision,
    staffId: revision.staff?.id ?? null,
  });

  api.get(
    '/articles/:id/revisions',
    {
      schema: {
        tags,
        summary: 'Every revision, newest first',
        description:
          'One per save, publication, scheduling, withdrawal, submission, correction, restore and trash; autosaves fold into one per staff member and 5 minutes. Snapshots come without bodies: `GET /articles/{id}/revisions/{revisionId}` has one whole.',
        params: IdParams,
        response: { 200: ListOf('revisions', RevisionSummary, 'Revisions, newest first') },
      },
    },
    async (request) => {
      authorize(staffOf(request), 'article.read', await requireArticle(deps.db, request.params.id));
      return { revisions: (await revisionsOf(deps.db, request.params.id)).map(withStaffId) };
    },
  );

  api.get(
    '/articles/:id/revisions/:revisionId',
    {
      schema: {
        tags,
        summary: 'One revision with its whole snapshot, body included',
        params: RevisionParams,
        response: { 200: RevisionWhole },
      },
    },
    async (request) => {
      authorize(staffOf(request), 'article.read', await requireArticle(deps.db, request.params.id));
      return withStaffId(await requireRevision(deps.db, request.params.id, request.params.revisionId));
    },
  );

  api.post(
    '/articles/:id/revisions/:revisionId/restore',
    {
      schema: {
        tags,
        summary: 'Bring the article back to a revision (as a new revision)',
        description:
          'Restores the text and its presentation (headline, dek, body, byline, section, label, tags, picks, feature image, search and social fields), not the status, slug or access level. What the revision named and has since been deleted is left out. The restore is itself a new version and revision; `baseVersion` makes it conflict-safe, as for PATCH.',
        params: RevisionParams,
        body: RestoreBody,
        'x-optional-body': true,
        response: { 200: ArticleResponse, ...errors(409) },
      },
      preValidation: emptyBodyIsNone,
    },
    async (request) =>
      presentArticle(
        deps.db,
        await restoreRevision(
          content,
          staffOf(request),
          request.params.id,
          request.params.revisionId,
          request.body?.baseVersion,
        ),
        deps.config.publicUrl,
      ),
  );
}
