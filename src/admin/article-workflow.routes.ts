import { Type } from '@sinclair/typebox';
import type { TypedFastify } from '../http/typed-fastify.ts';
import { presentArticle } from '../content/article.presenter.ts';
import { ArticleResponse, BaseVersion } from '../content/articles.schemas.ts';
import type { ArticleRow } from '../content/articles.table.ts';
import { BULK_ACTIONS, BULK_LIMIT, bulkChange } from '../content/bulk.service.ts';
import { restoreFromTrash, TRASH_DAYS, trashArticle } from '../content/trash.service.ts';
import { RETURN_NOTE_LIMIT, returnToDraft, submitArticle } from '../content/workflow.service.ts';
import { emptyBodyIsNone, tags } from './articles.routes.ts';
import type { AdminDeps } from './auth.ts';
import { staffOf } from './auth.ts';
import { errors, IdParams, NoContent } from './schemas.ts';

const VersionOnly = Type.Object({ baseVersion: Type.Optional(BaseVersion) }, { additionalProperties: false });
const ReturnBody = Type.Object(
  {
    note: Type.Optional(
      Type.String({ maxLength: RETURN_NOTE_LIMIT, description: 'what the writer should change; shown with the draft' }),
    ),
    baseVersion: Type.Optional(BaseVersion),
  },
  { additionalProperties: false },
);
const BulkBody = Type.Object(
  {
    ids: Type.Array(Type.String({ format: 'uuid' }), { minItems: 1, maxItems: BULK_LIMIT, uniqueItems: true }),
    action: Type.Union(
      BULK_ACTIONS.map((action) => Type.Literal(action)),
      { description: '`restore` takes articles out of the trash' },
    ),
  },
  { additionalProperties: false },
);
const BulkResults = Type.Object(
  {
    results: Type.Array(
      Type.Object(
        {
          id: Type.String(),
          ok: Type.Boolean(),
          status: Type.Optional(Type.String({ description: 'the article’s status after the action (when ok)' })),
          version: Type.Optional(Type.Integer()),
          trashedAt: Type.Optional(Type.Union([Type.String(), Type.Null()])),
          error: Type.Optional(
            Type.Object(
              { code: Type.String(), message: Type.String() },
              { description: 'why this article was refused (when not ok): the error it would get alone' },
            ),
          ),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { description: 'One result per article, in the order asked' },
);

/** Ready for edit (submit, send back), the trash, and actions on several articles at once. */
export function registerArticleWorkflowRoutes(api: TypedFastify, deps: AdminDeps): void {
  const content = { db: deps.db, invalidation: deps.invalidation };
  const present = (row: ArticleRow) => presentArticle(deps.db, row, deps.config.publicUrl);

  api.post(
    '/articles/:id/submit',
    {
      schema: {
        tags,
        summary: 'Submit a draft for edit (status ready)',
        description:
          'Its writer submits it (or an editor); it then waits in the editors’ queue (`GET /articles?status=ready`) and a contributor can no longer change it. Only a draft can be submitted (409 otherwise).',
        params: IdParams,
        body: VersionOnly,
        'x-optional-body': true,
        response: { 200: ArticleResponse, ...errors(409) },
      },
      preValidation: emptyBodyIsNone,
    },
    async (request) =>
      present(await submitArticle(content, staffOf(request), request.params.id, request.body?.baseVersion)),
  );

  api.post(
    '/articles/:id/return',
    {
      schema: {
        tags,
        summary: 'Send an article that is ready for edit back to draft, with an optional note',
        description: 'The note is kept with the draft (`returnNote`) and in its revision, until it is submitted again.',
        params: IdParams,
        body: ReturnBody,
        'x-optional-body': true,
        response: { 200: ArticleResponse, ...errors(409) },
      },
      preValidation: emptyBodyIsNone,
    },
    async (request) =>
      present(
        await returnToDraft(
          content,
          staffOf(request),
          request.params.id,
          request.body?.note,
          request.body?.baseVersion,
        ),
      ),
  );

  api.delete(
    '/articles/:id',
    {
      schema: {
        tags,
        summary: 'Move an article to the trash',
        description: `A published article is withdrawn first (its address answers 410, as for an unpublished one) and a scheduled one goes back to draft. It can be restored for ${TRASH_DAYS} days (\`POST /articles/{id}/restore-from-trash\`); then it is deleted for good, with its revisions.`,
        params: IdParams,
        response: { 204: NoContent, ...errors(409) },
      },
    },
    async (request, reply) => {
      await trashArticle(content, staffOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  api.post(
    '/articles/:id/restore-from-trash',
    {
      schema: {
        tags,
        summary: 'Take an article out of the trash',
        description: 'It comes back in the status it had in the trash: a story withdrawn by the trash stays withdrawn.',
        params: IdParams,
        body: VersionOnly,
        'x-optional-body': true,
        response: { 200: ArticleResponse, ...errors(409) },
      },
      preValidation: emptyBodyIsNone,
    },
    async (request) =>
      present(await restoreFromTrash(content, staffOf(request), request.params.id, request.body?.baseVersion)),
  );

  api.post(
    '/articles/bulk',
    {
      schema: {
        tags,
        summary: 'Trash, restore, unpublish or submit several articles',
        description:
          'Each article goes through the same rules as when done alone, in its own transaction; some may be refused while others go through. The answer is 200 with one result per article.',
        body: BulkBody,
        response: { 200: BulkResults },
      },
    },
    async (request) => ({
      results: await bulkChange(content, staffOf(request), request.body.ids, request.body.action),
    }),
  );
}
