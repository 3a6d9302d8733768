import { type Static, Type } from '@sinclair/typebox';
import { DocumentSchema } from './document.ts';
import { SLUG_PATTERN } from './urls.ts';

const Uuid = Type.String({ format: 'uuid' });
/** A URL slug, as SLUG_PATTERN allows; every admin route that takes one uses this schema. */
export const SlugSchema = Type.String({
  pattern: SLUG_PATTERN.source,
  maxLength: 100,
  description: 'lower-case letters, digits and single hyphens',
});
export const AccessLevelSchema = Type.Union([Type.Literal('public'), Type.Literal('members'), Type.Literal('paid')]);

const FeatureImage = Type.Object(
  {
    id: Uuid,
    alt: Type.Optional(Type.String({ maxLength: 1000 })),
    caption: Type.Optional(Type.String({ maxLength: 2000 })),
    credit: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

const editableFields = {
  slug: Type.Optional(SlugSchema),
  dek: Type.Optional(Type.String({ maxLength: 600 })),
  labelId: Type.Optional(Type.Union([Uuid, Type.Null()])),
  sectionId: Type.Optional(Type.Union([Uuid, Type.Null()])),
  dateline: Type.Optional(Type.String({ maxLength: 120 })),
  attribution: Type.Optional(Type.String({ maxLength: 300 })),
  body: Type.Optional(DocumentSchema),
  featureImage: Type.Optional(Type.Union([FeatureImage, Type.Null()])),
  authorIds: Type.Optional(Type.Array(Uuid, { maxItems: 10, uniqueItems: true })),
  tagIds: Type.Optional(Type.Array(Uuid, { maxItems: 30, uniqueItems: true })),
  relatedIds: Type.Optional(Type.Array(Uuid, { maxItems: 10, uniqueItems: true })),
  access: Type.Optional(AccessLevelSchema),
};

export const CreateArticleSchema = Type.Object(
  {
    headline: Type.String({ minLength: 1, maxLength: 300 }),
    ...editableFields,
  },
  { additionalProperties: false },
);
export type CreateArticleInput = Static<typeof CreateArticleSchema>;

export const UpdateArticleSchema = Type.Object(
  {
    headline: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
    ...editableFields,
    /** Marks a published article as materially changed, so readers see "Updated ...". */
    materialUpdate: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type UpdateArticleInput = Static<typeof UpdateArticleSchema>;

export const PublishSchema = Type.Object(
  {
    publishAt: Type.Optional(
      Type.String({ format: 'date-time', description: 'ISO 8601; in the future schedules the article' }),
    ),
  },
  { additionalProperties: false },
);

export const CorrectionSchema = Type.Object(
  {
    kind: Type.Union([Type.Literal('correction'), Type.Literal('clarification')]),
    body: Type.String({ minLength: 1, maxLength: 2000 }),
  },
  { additionalProperties: false },
);

export const ArticleResponse = Type.Object({
  id: Uuid,
  slug: Type.String(),
  status: Type.String(),
  headline: Type.String(),
  dek: Type.String(),
  labelId: Type.Union([Type.String(), Type.Null()]),
  sectionId: Type.Union([Type.String(), Type.Null()]),
  dateline: Type.String(),
  attribution: Type.String(),
  body: Type.Unknown(),
  featureImage: Type.Union([
    Type.Object({ id: Type.String(), alt: Type.String(), caption: Type.String(), credit: Type.String() }),
    Type.Null(),
  ]),
  authorIds: Type.Array(Type.String()),
  tagIds: Type.Array(Type.String()),
  relatedIds: Type.Array(Type.String()),
  access: Type.String(),
  publishedAt: Type.Union([Type.String(), Type.Null()]),
  updatedAt: Type.Union([Type.String(), Type.Null()]),
  modifiedAt: Type.String(),
  createdAt: Type.String(),
  createdBy: Type.Union([Type.String(), Type.Null()]),
  url: Type.Union([Type.String(), Type.Null()]),
});
export type ArticleJson = Static<typeof ArticleResponse>;
