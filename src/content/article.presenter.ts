import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { ArticleJson } from './articles.schemas.ts';
import type { ArticleRow } from './articles.table.ts';
import { authorIdsOf, findArticleBody, relatedPickIds, tagIdsOf } from './articles.repository.ts';
import { findSectionById } from './taxonomy.repository.ts';
import { staffNames } from '../staff/names.ts';
import { changedBy } from './article-versions.ts';
import { listedForSomeReader } from './reader-scope.ts';
import { accessTierIdsOf } from './access-tiers.ts';
import { articlePath } from './urls.ts';

/** The admin API's view of an article: every editable field, never internal columns. */
export async function presentArticle(db: Kysely<Database>, row: ArticleRow, publicUrl: string): Promise<ArticleJson> {
  const [authorIds, tagIds, relatedIds, section, stored, names, accessTierIds] = await Promise.all([
    authorIdsOf(db, row.id),
    tagIdsOf(db, row.id),
    relatedPickIds(db, row.id),
    row.section_id ? findSectionById(db, row.section_id) : undefined,
    findArticleBody(db, row.id),
    staffNames(db, [row.modified_by]),
    accessTierIdsOf(db, row.id),
  ]);
  return {
    id: row.id,
    slug: row.slug,
    status: row.status,
    headline: row.headline,
    dek: row.dek,
    labelId: row.label_id,
    sectionId: row.section_id,
    dateline: row.dateline,
    attribution: row.attribution,
    body: JSON.parse(stored.body) as unknown,
    featureImage: row.feature_image_id
      ? {
          id: row.feature_image_id,
          alt: row.feature_image_alt,
          caption: row.feature_image_caption,
          credit: row.feature_image_credit,
          focalPoint:
            row.feature_image_focal_x === null || row.feature_image_focal_y === null
              ? null
              : { x: Number(row.feature_image_focal_x), y: Number(row.feature_image_focal_y) },
        }
      : null,
    seoTitle: row.seo_title,
    seoDescription: row.seo_description,
    socialTitle: row.social_title,
    socialDescription: row.social_description,
    authorIds,
    tagIds,
    relatedIds,
    access: row.access,
    accessTierIds,
    publishedAt: row.published_at,
    updatedAt: row.updated_at,
    modifiedAt: row.modified_at,
    createdAt: row.created_at,
    createdBy: row.created_by,
    url: listedForSomeReader(row) ? publicUrl + articlePath(section?.slug, row.slug) : null,
    version: Number(row.version),
    modifiedBy: changedBy(row, names),
    submittedAt: row.submitted_at,
    returnNote: row.return_note,
    trashedAt: row.trashed_at,
  };
}
