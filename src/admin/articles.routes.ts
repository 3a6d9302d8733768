import { type TSchema, Type } from '@sinclair/typebox';
import type { TypedFastify } from '../http/typed-fastify.ts';
import { presentArticle } from '../content/article.presenter.ts';
import { listArticlesForStaff } from '../content/article-list.repository.ts';
import {
  ArticleResponse,
  BaseVersion,
  ChangedBySchema,
  CorrectionSchema,
  CreateArticleSchema,
  PublishSchema,
  UpdateArticleSchema,
} from '../content/articles.schemas.ts';
import { requireArticle } from '../content/article-versions.ts';
import { createDraft, updateArticle } from '../content/articles.service.ts';
import { ARTICLE_STATUSES } from '../content/articles.table.ts';
import { listArticleCorrections } from '../content/corrections.service.ts';
import { authorize } from '../content/policy.ts';
import { addCorrection, publishArticle, unpublishArticle } from '../content/publishing.service.ts';
import { errors, IdParams, Open } from './schemas.ts';
import { listTierRows } from '../billing/tiers.repository.ts';
import type { AdminDeps } from './auth.ts';
import { staffOf } from './auth.ts';

const Uuid = (description: string) => Type.String({ format: 'uuid', description });
const ListQuery = Type.Object(
  {
    status: Type.Optional(
      Type.Union(
        ARTICLE_STATUSES.map((s) => Type.Literal(s)),
        { description: '`ready` is the editors’ queue: stories submitted for edit' },
      ),
    ),
    trash: Type.Optional(
      Type.Union([Type.Literal('true'), Type.Literal('false')], {
        description: '`true`: only the trash; otherwise everything but the trash',
      }),
    ),
    // Query strings are text; bodies are not coerced, so numbers here are digit strings.
    createdBy: Type.Optional(Uuid('only articles this member of staff created')),
    authorId: Type.Optional(Uuid('only articles with this author in their byline')),
    sectionId: Type.Optional(Uuid('only articles in this section')),
    labelId: Type.Optional(Uuid('only articles with this label')),
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
export const tags = ['articles'];

const Nullable = (schema: TSchema) => Type.Union([schema, Type.Null()]);
const Named = Type.Object({ id: Type.String(), name: Type.String() });
const ArticleSummary = Open(
  {
    id: Type.String(),
    slug: Type.String(),
    status: Type.String(),
    headline: Type.String(),
    section: Nullable(Named),
    label: Nullable(Named),
    authors: Type.Array(Named, { description: 'the byline, in order' }),
    publishedAt: Nullable(Type.String()),
    modifiedAt: Type.String(),
    modifiedBy: ChangedBySchema,
    version: Type.Integer(),
    createdBy: Nullable(Type.String()),
    createdByName: Nullable(Type.String()),
    submittedAt: Nullable(Type.String({ description: 'when it was last submitted for edit' })),
    trashedAt: Nullable(Type.String({ description: 'in the trash since' })),
  },
  'An article in the staff list',
);
const CorrectionResponse = Open(
  { id: Type.String(), kind: Type.String(), body: Type.String(), publishedAt: Type.String() },
  'The correction, as readers see it under the article',
);
const UnpublishSchema = Type.Object({ baseVersion: Type.Optional(BaseVersion) }, { additionalProperties: false });

/** An empty body is none: "publish" or "unpublish" needs no details, so a bare POST means now. */
export const emptyBodyIsNone = async (request: { body: unknown }): Promise<void> => {
  const body: unknown = request.body;
  if (body === undefined || body === null || body === '') request.body = {};
};

/** Drafts, edits, scheduling, publishing and corrections; the list of articles. */
export function registerArticleRoutes(api: TypedFastify, deps: AdminDeps): void {
  const content = {
    db: deps.db,
    invalidation: deps.invalidation,
    // Archived paid tiers still count: their subscribers keep reading the stories chosen for them.
    paidTierIds: async () =>
      (await listTierRows(deps.db)).filter((tier) => tier.kind === 'paid').map((tier) => tier.id),
  };
  const present = (row: Parameters<typeof presentArticle>[1]) => presentArticle(deps.db, row, deps.config.publicUrl);

  api.get(
    '/articles',
    {
      schema: {
        tags,
        summary: 'List articles, newest change first',
        description:
          'Filters combine. Without `trash=true` the trash is left out. `total` counts every article the filters match, for pagination.',
        querystring: ListQuery,
        response: {
          200: Type.Object(
            { articles: Type.Array(ArticleSummary), total: Type.Integer() },
            { additionalProperties: true, description: 'A page of articles and how many match in all' },
          ),
        },
      },
    },
    async (request) => {
      authorize(staffOf(request), 'article.read');
      const { status, trash, createdBy, authorId, sectionId, labelId, q, limit = '20', offset = '0' } = request.query;
      return listArticlesForStaff(
        deps.db,
        {
          trash: trash === 'true',
          ...(status ? { status } : {}),
          ...(createdBy ? { createdBy } : {}),
          ...(authorId ? { authorId } : {}),
          ...(sectionId ? { sectionId } : {}),
          ...(labelId ? { labelId } : {}),
          ...(q ? { headline: q } : {}),
        },
        { limit: Number(limit), offset: Number(offset) },
      );
    },
  );

  api.post(
    '/articles',
    {
      schema: {
        tags,
        summary: 'Create a draft',
        description:
          "A draft is public unless created with another access level, which only editors and admins may set. Access 'tiers' needs `accessTierIds`, paid tiers only (422 `INVALID_ACCESS_TIERS`).",
        body: CreateArticleSchema,
        response: { 201: ArticleResponse, ...errors(409, 422) },
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
        description:
          'Send `baseVersion`, the `version` the change was made on: if anyone has changed the article since, nothing is written and the answer is 409 `ARTICLE_CHANGED` with `details` saying who (`modifiedBy`), when (`modifiedAt`) and the current `version`. Without it the change applies to whatever is current (for scripts). `autosave: true` marks an automatic save: it joins the staff member’s autosave revision started less than 5 minutes ago instead of adding one. Changing `access` or `accessTierIds` is for editors and admins; sending them unchanged is an ordinary edit. Access `tiers` needs at least one paid tier in `accessTierIds` (422 `INVALID_ACCESS_TIERS` for none, an unknown or a free tier). A trashed article cannot be changed (409 `ARTICLE_IN_TRASH`).',
        params: IdParams,
        body: UpdateArticleSchema,
        response: { 200: ArticleResponse, ...errors(409, 422) },
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
        description:
          'With no body (or `{}`) the article is published now; a future `publishAt` schedules it. Refused with 422 `TK_REMAINING` while the headline, dek, body or any other text readers see holds a TK placeholder (`details.places` says where). `baseVersion` makes it conflict-safe, as for PATCH.',
        params: IdParams,
        body: PublishSchema,
        'x-optional-body': true,
        response: { 200: ArticleResponse, ...errors(409, 422) },
      },
      preValidation: emptyBodyIsNone,
    },
    async (request) =>
      present(
        await publishArticle(
          content,
          staffOf(request),
          request.params.id,
          request.body?.publishAt,
          request.body?.baseVersion,
        ),
      ),
  );

  api.post(
    '/articles/:id/unpublish',
    {
      schema: {
        tags,
        summary: 'Withdraw an article (its address answers 410)',
        description: 'A scheduled article goes back to draft. `baseVersion` makes it conflict-safe, as for PATCH.',
        params: IdParams,
        body: UnpublishSchema,
        'x-optional-body': true,
        response: { 200: ArticleResponse, ...errors(409) },
      },
      preValidation: emptyBodyIsNone,
    },
    async (request) =>
      present(await unpublishArticle(content, staffOf(request), request.params.id, request.body?.baseVersion)),
  );

  api.get(
    '/articles/:id/corrections',
    {
      schema: {
        tags,
        summary: 'The article’s corrections and clarifications, oldest first',
        params: IdParams,
        response: { 200: Type.Object({ corrections: Type.Array(CorrectionResponse) }) },
      },
    },
    async (request) => {
      authorize(staffOf(request), 'article.read');
      const article = await requireArticle(deps.db, request.params.id);
      return { corrections: await listArticleCorrections(deps.db, article.id) };
    },
  );

  api.post(
    '/articles/:id/corrections',
    {
      schema: {
        tags,
        summary: 'Add a correction or clarification',
        description: 'A change like any other: the article gets a new version and a revision.',
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
}
