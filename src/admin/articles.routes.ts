import { type TSchema, Type } from '@sinclair/typebox';
import type { TypedFastify } from '../http/typed-fastify.ts';
import { presentArticle } from '../content/article.presenter.ts';
import {
  ArticleResponse,
  CorrectionSchema,
  CreateArticleSchema,
  PublishSchema,
  UpdateArticleSchema,
} from '../content/articles.schemas.ts';
import { createDraft, requireArticle, updateArticle } from '../content/articles.service.ts';
import { authorize } from '../content/policy.ts';
import { listArticlesForStaff, listRevisions } from '../content/articles.repository.ts';
import { addCorrection, publishArticle, unpublishArticle } from '../content/publishing.service.ts';
import { errors, IdParams, ListOf, Open } from './schemas.ts';
import type { AdminDeps } from './auth.ts';
import { staffOf } from './auth.ts';

const ListQuery = Type.Object(
  {
    status: Type.Optional(Type.Union(['draft', 'scheduled', 'published', 'unpublished'].map((s) => Type.Literal(s)))),
    // Query strings are text; bodies are not coerced, so numbers here are digit strings.
    createdBy: Type.Optional(
      Type.String({ format: 'uuid', description: 'only articles this member of staff created' }),
    ),
    q: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description: 'only articles whose headline contains this, in any case',
      }),
    ),
    limit: Type.Optional(Type.String({ pattern: '^(100|[1-9][0-9]?)$', description: '1 to 100 (default 20)' })),
    offset: Type.Optional(Type.String({ pattern: '^[0-9]{1,7}$', description: 'default 0' })),
  },
  { additionalProperties: false },
);
const tags = ['articles'];

const Nullable = (schema: TSchema) => Type.Union([schema, Type.Null()]);
const ArticleSummary = Open(
  {
    id: Type.String(),
    slug: Type.String(),
    status: Type.String(),
    headline: Type.String(),
    publishedAt: Nullable(Type.String()),
    modifiedAt: Type.String(),
    createdBy: Nullable(Type.String()),
  },
  'An article in the staff list',
);
const CorrectionResponse = Open(
  { id: Type.String(), kind: Type.String(), body: Type.String(), publishedAt: Type.String() },
  'The correction, as readers see it under the article',
);
const Revision = Open(
  {
    id: Type.String(),
    staffId: Nullable(Type.String({ description: 'the member of staff who made the change' })),
    system: Nullable(
      Type.Union([Type.Literal('scheduler'), Type.Literal('seed'), Type.Literal('operator')], {
        description: 'set when the system made the change: the scheduler, the seed, an operator command',
      }),
    ),
    createdAt: Type.String(),
    snapshot: Type.Unknown({ description: 'the article as it stood after the change' }),
  },
  'One saved state of the article',
);

/** Drafts, edits, scheduling, publishing, corrections and revisions. */
export function registerArticleRoutes(api: TypedFastify, deps: AdminDeps): void {
  const content = { db: deps.db, invalidation: deps.invalidation };
  const present = (row: Parameters<typeof presentArticle>[1]) => presentArticle(deps.db, row, deps.config.publicUrl);

  api.get(
    '/articles',
    {
      schema: {
        tags,
        summary: 'List articles, newest change first',
        querystring: ListQuery,
        response: { 200: ListOf('articles', ArticleSummary, 'A page of articles') },
      },
    },
    async (request) => {
      authorize(staffOf(request), 'article.read');
      const { status, createdBy, q, limit = '20', offset = '0' } = request.query;
      return {
        articles: await listArticlesForStaff(deps.db, {
          ...(status ? { status } : {}),
          ...(createdBy ? { createdBy } : {}),
          ...(q ? { headline: q } : {}),
          limit: Number(limit),
          offset: Number(offset),
        }),
      };
    },
  );

  api.post(
    '/articles',
    {
      schema: {
        tags,
        summary: 'Create a draft',
        description:
          'A draft is public unless created with another access level, which only editors and admins may set.',
        body: CreateArticleSchema,
        response: { 201: ArticleResponse, ...errors(409) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await present(await createDraft(content, staffOf(request), request.body))),
  );

  api.get(
    '/articles/:id',
    {
      schema: {
        tags,
        summary: 'One article with every editable field',
        params: IdParams,
        response: { 200: ArticleResponse },
      },
    },
    async (request) => {
      authorize(staffOf(request), 'article.read');
      return present(await requireArticle(deps.db, request.params.id));
    },
  );

  api.patch(
    '/articles/:id',
    {
      schema: {
        tags,
        summary: 'Change an article (keeps a revision)',
        description: 'Changing `access` is for editors and admins; sending it unchanged is an ordinary edit.',
        params: IdParams,
        body: UpdateArticleSchema,
        response: { 200: ArticleResponse, ...errors(409) },
      },
    },
    async (request) => present(await updateArticle(content, staffOf(request), request.params.id, request.body)),
  );

  api.post(
    '/articles/:id/publish',
    {
      schema: {
        tags,
        summary: 'Publish now, or schedule with a future publishAt',
        description: 'With no body (or `{}`) the article is published now; a future `publishAt` schedules it.',
        params: IdParams,
        body: PublishSchema,
        'x-optional-body': true,
        response: { 200: ArticleResponse },
      },
      // "Publish" needs no details: a request without a body (or with an empty one) means now.
      preValidation: async (request) => {
        const body: unknown = request.body;
        if (body === undefined || body === null || body === '') request.body = {};
      },
    },
    async (request) =>
      present(await publishArticle(content, staffOf(request), request.params.id, request.body?.publishAt)),
  );

  api.post(
    '/articles/:id/unpublish',
    {
      schema: {
        tags,
        summary: 'Withdraw an article (its address answers 410)',
        params: IdParams,
        response: { 200: ArticleResponse, ...errors(409) },
      },
    },
    async (request) => present(await unpublishArticle(content, staffOf(request), request.params.id)),
  );

  api.post(
    '/articles/:id/corrections',
    {
      schema: {
        tags,
        summary: 'Add a correction or clarification',
        params: IdParams,
        body: CorrectionSchema,
        response: { 201: CorrectionResponse, ...errors(409) },
      },
    },
    async (request, reply) => {
      const correction = await addCorrection(
        content,
        staffOf(request),
        request.params.id,
        request.body.kind,
        request.body.body,
      );
      return reply.code(201).send({
        id: correction.id,
        kind: correction.kind,
        body: correction.body,
        publishedAt: correction.published_at,
      });
    },
  );

  api.get(
    '/articles/:id/revisions',
    {
      schema: {
        tags,
        summary: 'Every saved revision, newest first',
        params: IdParams,
        response: { 200: ListOf('revisions', Revision, 'Revisions, newest first') },
      },
    },
    async (request) => {
      authorize(staffOf(request), 'article.read', await requireArticle(deps.db, request.params.id));
      const revisions = await listRevisions(deps.db, request.params.id);
      return {
        revisions: revisions.map((r) => ({
          id: r.id,
          staffId: r.staff_id,
          // The scheduler, the seed or an operator's command; null when a member of staff made it.
          system: r.system_task,
          createdAt: r.created_at,
          snapshot: JSON.parse(r.snapshot) as unknown,
        })),
      };
    },
  );
}
