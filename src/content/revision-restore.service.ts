import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Actor } from '../staff/actor.ts';
import { changeArticle } from './article-change.ts';
import type { UpdateArticleInput } from './articles.schemas.ts';
import { applyEdit, type ContentDeps } from './articles.service.ts';
import type { ArticleRow } from './articles.table.ts';
import type { ArticleDocument } from './document.ts';
import { requireRevision } from './revisions.service.ts';
import { existingIds } from './taxonomy.repository.ts';

type Db = Kysely<Database>;
type Snapshot = Partial<ArticleRow> & {
  body?: ArticleDocument;
  authorIds?: string[];
  tagIds?: string[];
  relatedIds?: string[];
};

/** Ids of `table` among `ids` that still exist, in their order. */
async function stillThere(db: Db, table: Parameters<typeof existingIds>[1], ids: readonly string[]): Promise<string[]> {
  const found = await existingIds(db, table, ids);
  return ids.filter((id) => found.has(id));
}

/**
 * The edit that brings an article back to a revision's text and presentation: headline, dek, body,
 * dateline, attribution, label, section, tags, authors, picks, feature image, search and social
 * fields. Not its status, address (slug) or access level: a restore brings back words, not a
 * publication decision. What the revision named and has since been deleted is left out.
 */
async function editFromSnapshot(db: Db, articleId: string, s: Snapshot): Promise<UpdateArticleInput> {
  const [labels, sections, authors, tags, related, images] = await Promise.all([
    stillThere(db, 'labels', s.label_id ? [s.label_id] : []),
    stillThere(db, 'sections', s.section_id ? [s.section_id] : []),
    stillThere(db, 'authors', s.authorIds ?? []),
    stillThere(db, 'tags', s.tagIds ?? []),
    stillThere(
      db,
      'articles',
      (s.relatedIds ?? []).filter((id) => id !== articleId),
    ),
    stillThere(db, 'images', s.feature_image_id ? [s.feature_image_id] : []),
  ]);
  const body = s.body ?? { type: 'doc', version: 1, content: [] };
  const blockImages = await existingIds(
    db,
    'images',
    body.content.flatMap((b) => (b.type === 'image' ? [b.imageId] : [])),
  );
  const blockArticles = await existingIds(
    db,
    'articles',
    body.content.flatMap((b) => (b.type === 'related' ? [b.articleId] : [])),
  );
  const focal =
    s.feature_image_focal_x !== undefined &&
    s.feature_image_focal_x !== null &&
    s.feature_image_focal_y !== undefined &&
    s.feature_image_focal_y !== null
      ? { x: Number(s.feature_image_focal_x), y: Number(s.feature_image_focal_y) }
      : null;
  return {
    ...(s.headline ? { headline: s.headline } : {}),
    dek: s.dek ?? '',
    dateline: s.dateline ?? '',
    attribution: s.attribution ?? '',
    labelId: labels[0] ?? null,
    sectionId: sections[0] ?? null,
    authorIds: authors,
    tagIds: tags,
    relatedIds: related,
    body: {
      ...body,
      content: body.content.filter(
        (b) =>
          (b.type !== 'image' || blockImages.has(b.imageId)) &&
          (b.type !== 'related' || blockArticles.has(b.articleId)),
      ),
    },
    featureImage: images[0]
      ? {
          id: images[0],
          alt: s.feature_image_alt ?? '',
          caption: s.feature_image_caption ?? '',
          credit: s.feature_image_credit ?? '',
          focalPoint: focal,
        }
      : null,
    seoTitle: s.seo_title ?? '',
    seoDescription: s.seo_description ?? '',
    socialTitle: s.social_title ?? '',
    socialDescription: s.social_description ?? '',
  };
}

/**
 * Brings an article back to one of its revisions, as a new version and a new revision of its own
 * (action `restore`, naming the revision it restored): nothing is lost, the restore can be undone by
 * restoring the revision before it. Conflict-safe with `baseVersion` like any save.
 */
export async function restoreRevision(
  deps: ContentDeps,
  actor: Actor,
  articleId: string,
  revisionId: string,
  baseVersion?: number,
): Promise<ArticleRow> {
  const { after } = await changeArticle(
    deps,
    actor,
    articleId,
    'article.edit',
    { baseVersion },
    async (trx, before) => {
      const revision = await requireRevision(trx, articleId, revisionId);
      const input = await editFromSnapshot(trx, articleId, revision.snapshot as Snapshot);
      return { after: await applyEdit(trx, actor, before, input), revision: 'restore', restoredFrom: revisionId };
    },
  );
  return after;
}
