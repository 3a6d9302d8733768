import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { DocumentSchema } from './document.ts';
import { SLUG_PATTERN } from './urls.ts';

const Uuid = Type.String({ format: 'uuid' });
/** A URL slug, as SLUG_PATTERN allows; every admin route that takes one uses this schema. */
export const SlugSchema = Type.String({
  pattern: SLUG_PATTERN.source,
  maxLength: 100,
  description: 'lower-case letters, digits and single hyphens',
});
export const AccessLevelSchema = Type.Union(
  [Type.Literal('public'), Type.Literal('members'), Type.Literal('paid'), Type.Literal('tiers')],
  { description: "who may read the whole story; 'tiers': members of the tiers in `accessTierIds`" },
);

/** A point of an image, from its top left corner (0, 0) to its bottom right (1, 1). */
const FocalPoint = Type.Object(
  {
    x: Type.Number({ minimum: 0, maximum: 1, description: '0 is the left edge, 1 the right' }),
    y: Type.Number({ minimum: 0, maximum: 1, description: '0 is the top edge, 1 the bottom' }),
  },
  { additionalProperties: false, description: 'where the subject is, kept in view wherever the image is cropped' },
);

const FeatureImage = Type.Object(
  {
    id: Uuid,
    alt: Type.Optional(Type.String({ maxLength: 1000 })),
    caption: Type.Optional(Type.String({ maxLength: 2000 })),
    credit: Type.Optional(Type.String({ maxLength: 500 })),
    focalPoint: Type.Optional(Type.Union([FocalPoint, Type.Null()], { description: 'null or absent: the centre' })),
  },
  { additionalProperties: false },
);

/**
 * Search and social fields: empty means "use the headline and dek". Limits follow what each place
 * shows: a page title is at most 70 characters (TITLE_LIMIT in src/site/views/layout.ts).
 */
export const SEARCH_SOCIAL_LIMITS = { seoTitle: 70, seoDescription: 300, socialTitle: 200, socialDescription: 300 };

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
  accessTierIds: Type.Optional(
    Type.Array(Uuid, {
      maxItems: 20,
      uniqueItems: true,
      description:
        "the paid tiers whose members may read a story whose access is 'tiers' (at least one); unknown or free tiers are refused (422 INVALID_ACCESS_TIERS)",
    }),
  ),
  seoTitle: Type.Optional(
    Type.String({ maxLength: SEARCH_SOCIAL_LIMITS.seoTitle, description: 'the page title in search results' }),
  ),
  seoDescription: Type.Optional(
    Type.String({ maxLength: SEARCH_SOCIAL_LIMITS.seoDescription, description: 'the description in search results' }),
  ),
  socialTitle: Type.Optional(
    Type.String({ maxLength: SEARCH_SOCIAL_LIMITS.socialTitle, description: 'the title of shared cards' }),
  ),
  socialDescription: Type.Optional(
    Type.String({
      maxLength: SEARCH_SOCIAL_LIMITS.socialDescription,
      description: 'the description of shared cards',
    }),
  ),
};

/** The version a change was made on: when it is no longer current the change is refused (409 ARTICLE_CHANGED). */
export const BaseVersion = Type.Integer({
  minimum: 1,
  description:
    'the `version` of the article this change was made on; when someone has changed it since, nothing is written and the answer is 409 ARTICLE_CHANGED saying who and when. Optional for scripts; the web app always sends it',
});

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
    baseVersion: Type.Optional(BaseVersion),
    autosave: Type.Optional(
      Type.Boolean({
        description:
          'an automatic save while typing: it joins the staff member’s previous autosave revision when that was started less than 5 minutes ago, instead of adding one',
      }),
    ),
  },
  { additionalProperties: false },
);
export type UpdateArticleInput = Static<typeof UpdateArticleSchema>;

export const PublishSchema = Type.Object(
  {
    publishAt: Type.Optional(
      Type.String({ format: 'date-time', description: 'ISO 8601; in the future schedules the article' }),
    ),
    baseVersion: Type.Optional(BaseVersion),
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

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** Who made a change: a member of staff, the system by task, or null for an account since deleted. */
export const ChangedBySchema = Nullable(
  Type.Union([
    Type.Object({ id: Type.String(), name: Type.String() }),
    Type.Object({
      system: Type.Union([Type.Literal('scheduler'), Type.Literal('seed'), Type.Literal('operator')], {
        description: 'the system made the change: the scheduler, the seed, an operator command',
      }),
    }),
  ]),
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
    Type.Object({
      id: Type.String(),
      alt: Type.String(),
      caption: Type.String(),
      credit: Type.String(),
      focalPoint: Nullable(Type.Object({ x: Type.Number(), y: Type.Number() })),
    }),
    Type.Null(),
  ]),
  seoTitle: Type.String(),
  seoDescription: Type.String(),
  socialTitle: Type.String(),
  socialDescription: Type.String(),
  authorIds: Type.Array(Type.String()),
  tagIds: Type.Array(Type.String()),
  relatedIds: Type.Array(Type.String()),
  access: Type.String(),
  accessTierIds: Type.Array(Type.String(), { description: "the chosen tiers when access is 'tiers', else empty" }),
  publishedAt: Type.Union([Type.String(), Type.Null()]),
  updatedAt: Type.Union([Type.String(), Type.Null()]),
  modifiedAt: Type.String(),
  createdAt: Type.String(),
  createdBy: Type.Union([Type.String(), Type.Null()]),
  url: Type.Union([Type.String(), Type.Null()]),
  version: Type.Integer({ description: 'grows by 1 with every change; send it back as `baseVersion`' }),
  modifiedBy: ChangedBySchema,
  submittedAt: Nullable(Type.String({ description: 'when it was last submitted for edit' })),
  returnNote: Nullable(Type.String({ description: 'what the editor said when sending it back to draft' })),
  trashedAt: Nullable(Type.String({ description: 'in the trash since; deleted for good 30 days later' })),
});
export type ArticleJson = Static<typeof ArticleResponse>;
