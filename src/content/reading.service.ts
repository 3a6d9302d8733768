import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { ImageRef } from '../media/images.ts';
import { findImages } from '../media/images.service.ts';
import { parseWidths } from '../media/images.ts';
import type { Viewer } from './access.ts';
import { jsonRows } from '../db/json-rows.ts';
import {
  chosenTiersOfRow,
  type ArticleForPage,
  articleForPreview,
  articleForReader,
  feedEntriesForReader,
} from './reading.repository.ts';
import type { AccessLevel, CorrectionKind } from './articles.table.ts';
import { type ArticleCard, cardsByIds, type FocalPoint, focalPointOf, listCards } from './cards.repository.ts';
import { type ArticleDocument, documentPlainText, documentReferences, parseDocument } from './document.ts';
import {
  freePreview,
  type Invitation,
  invitationFor,
  type ReadableDocument,
  readableBody,
  readableDocument,
  readerAnswer,
  readerScope,
  type ReaderScope,
} from './reader-scope.ts';
import { articlePath } from './urls.ts';

export const RELATED_COUNT = 4;

export interface ImageWithDetails {
  ref: ImageRef;
  alt: string;
  caption: string;
  credit: string;
}

/** A published article as a reader's page needs it; the body is already cut to what the viewer may read. */
export interface ArticleView {
  id: string;
  slug: string;
  path: string;
  headline: string;
  dek: string;
  label: string | null;
  section: { id: string; slug: string; name: string } | null;
  dateline: string;
  attribution: string;
  publishedAt: string;
  updatedAt: string | null;
  modifiedAt: string;
  access: AccessLevel;
  /** The tiers whose members read a chosen-tiers story (access 'tiers'); the invitation names them. */
  accessTierIds: string[];
  locked: boolean;
  /** How many leading blocks of `body` every reader may read; those after them are the locked part. */
  freeBlocks: number;
  /** What a reader who meets the story locked is invited to do; null when the viewer may read it. */
  invitation: Invitation | null;
  commentCount: number;
  authors: Array<{ slug: string; name: string }>;
  tags: Array<{ id: string; slug: string; name: string }>;
  featureImage: ImageWithDetails | null;
  /** Where the feature image's subject is, kept in view wherever it is cropped; null is the centre. */
  focalPoint: FocalPoint | null;
  /** Search results' title and description ('' falls back to the headline and dek). */
  search: { title: string; description: string };
  /** Shared cards' title and description ('' falls back to the search ones, then headline and dek). */
  social: { title: string; description: string };
  corrections: Array<{ kind: CorrectionKind; body: string; publishedAt: string }>;
  body: ArticleDocument;
  /** Images and story cards the body refers to, loaded in one query each. */
  bodyImages: Map<string, ImageWithDetails>;
  bodyCards: Map<string, ArticleCard>;
  related: ArticleCard[];
  /**
   * Every article the page looked at, shown or not: inline cards and editor's picks that readers
   * cannot see yet (scheduled) are still referenced, so the page is purged when they go live.
   */
  referencedIds: readonly string[];
  /** Plain-text excerpt for descriptions when the dek is empty (never beyond the free preview of a story some readers meet locked). */
  excerpt: string;
}

export type ArticleLookup =
  { kind: 'found'; article: ArticleView } | { kind: 'moved'; path: string } | { kind: 'gone' } | { kind: 'missing' };

function toImageDetails(row: {
  id: string;
  format: ImageRef['format'];
  width: number;
  height: number;
  widths: string;
  alt: string;
  caption: string;
  credit: string;
}): ImageWithDetails {
  return {
    ref: {
      id: row.id,
      format: row.format,
      width: Number(row.width),
      height: Number(row.height),
      widths: parseWidths(row.widths),
    },
    alt: row.alt,
    caption: row.caption,
    credit: row.credit,
  };
}

/** What a document's image and related blocks show, loaded in one query each. */
export interface DocumentAssets {
  images: Map<string, ImageWithDetails>;
  /** Only stories readers may see: a block pointing at any other renders nothing. */
  cards: Map<string, ArticleCard>;
}

/** Loads the images and story cards a document refers to (articles and static pages alike). */
export async function readDocumentAssets(
  db: Kysely<Database>,
  scope: ReaderScope,
  doc: ArticleDocument,
): Promise<DocumentAssets> {
  const refs = documentReferences(doc);
  const [images, cards] = await Promise.all([findImages(db, refs.imageIds), cardsByIds(db, scope, refs.articleIds)]);
  const details = new Map<string, ImageWithDetails>();
  for (const id of refs.imageIds) {
    const image = images.get(id);
    if (image) details.set(id, toImageDetails(image));
  }
  return { images: details, cards: new Map(cards.map((card) => [card.id, card])) };
}

/** Loads a published article by section and slug for a reader; other states say why it cannot be shown. */
export async function readArticle(
  db: Kysely<Database>,
  sectionSlug: string,
  slug: string,
  viewer: Viewer,
  previewParagraphs: number,
): Promise<ArticleLookup> {
  const scope = readerScope(viewer);
  const row = await articleForReader(db, scope, slug);
  if (!row) return { kind: 'missing' };
  const answer = readerAnswer(scope, row);
  if (answer !== 'found') return { kind: answer };
  const path = articlePath(row.section_slug, row.slug);
  if (path !== `/${sectionSlug}/${slug}`) return { kind: 'moved', path };
  return { kind: 'found', article: await articleView(db, scope, row, previewParagraphs) };
}

/**
 * An article as a preview link shows it: whatever its status, whole, with everything around it
 * (inline cards, related stories) as staff see the site, so it looks exactly as it will to readers.
 */
export async function readArticlePreview(
  db: Kysely<Database>,
  id: string,
  previewParagraphs: number,
): Promise<ArticleView | undefined> {
  const row = await articleForPreview(db, id);
  return row ? articleView(db, readerScope(STAFF), row, previewParagraphs) : undefined;
}

const STAFF: Viewer = { kind: 'staff' };

/** The article page's view of an article row: its body as the scope may read it, and what it refers to. */
async function articleView(
  db: Kysely<Database>,
  scope: ReaderScope,
  row: ArticleForPage,
  previewParagraphs: number,
): Promise<ArticleView> {
  const access = { access: row.access, accessTierIds: chosenTiersOfRow(row) };
  const { doc, text, locked, freeBlocks } = readableBody(
    scope,
    access,
    parseDocument(row.body),
    row.readable_text,
    previewParagraphs,
  );
  const authors = jsonRows(row.authors);
  const tags = jsonRows(row.tags);
  const corrections = jsonRows(row.corrections);
  const picks = jsonRows(row.picks).map((pick) => pick.related_id);
  const [assets, related] = await Promise.all([
    readDocumentAssets(db, scope, doc),
    relatedStories(
      db,
      scope,
      row.id,
      row.section_id,
      tags.map((tag) => tag.id),
      picks,
    ),
  ]);

  const featureImage =
    row.feature_image_id && row.image_format
      ? toImageDetails({
          id: row.feature_image_id,
          format: row.image_format,
          width: Number(row.image_width),
          height: Number(row.image_height),
          widths: row.image_widths ?? '[]',
          alt: row.feature_image_alt || (row.image_alt ?? ''),
          caption: row.feature_image_caption || (row.image_caption ?? ''),
          credit: row.feature_image_credit || (row.image_credit ?? ''),
        })
      : null;
  return {
    id: row.id,
    slug: row.slug,
    path: articlePath(row.section_slug, row.slug),
    headline: row.headline,
    dek: row.dek,
    label: row.label_name,
    section:
      row.section_id && row.section_slug && row.section_name
        ? { id: row.section_id, slug: row.section_slug, name: row.section_name }
        : null,
    dateline: row.dateline,
    attribution: row.attribution,
    publishedAt: row.published_at ?? row.created_at,
    updatedAt: row.updated_at,
    modifiedAt: row.modified_at,
    access: row.access,
    locked,
    freeBlocks,
    accessTierIds: access.accessTierIds,
    invitation: invitationFor(scope, access),
    commentCount: Number(row.comment_count),
    authors,
    tags,
    featureImage,
    focalPoint: focalPointOf(row),
    search: { title: row.seo_title, description: row.seo_description },
    social: { title: row.social_title, description: row.social_description },
    corrections: corrections.map((c) => ({ kind: c.kind, body: c.body, publishedAt: c.published_at })),
    body: doc,
    bodyImages: assets.images,
    bodyCards: assets.cards,
    related,
    referencedIds: [...new Set([...documentReferences(doc).articleIds, ...picks, ...related.map((card) => card.id)])],
    // Descriptions are the same in every variant of the page, so a shared card never quotes the locked part.
    excerpt: (row.access === 'public' || locked ? text : documentPlainText(freePreview(doc, previewParagraphs))).slice(
      0,
      300,
    ),
  };
}

/** Editor-picked stories first, then recent ones sharing the section or a tag. */
export async function relatedStories(
  db: Kysely<Database>,
  scope: ReaderScope,
  articleId: string,
  sectionId: string | null,
  tagIds: readonly string[],
  pickIds: readonly string[],
): Promise<ArticleCard[]> {
  const picked = (await cardsByIds(db, scope, pickIds)).slice(0, RELATED_COUNT);
  const missing = RELATED_COUNT - picked.length;
  if (missing <= 0) return picked;
  const excludeIds = [articleId, ...picked.map((card) => card.id)];
  const computed = await listCards(
    db,
    scope,
    { relatedTo: { sectionId, tagIds, depth: missing + excludeIds.length }, excludeIds },
    missing,
  );
  return [...picked, ...computed];
}

/** Bodies of several articles as a viewer may read them, with their bylines and what they refer to, for feeds. */
export interface ReadableBodies {
  bodies: Map<string, ReadableDocument>;
  /** Author names by article, in byline order. */
  bylines: Map<string, string[]>;
  images: Map<string, ImageWithDetails>;
  cards: Map<string, ArticleCard>;
  /** Every article the readable bodies refer to, shown or not (a hidden one may go live later). */
  referencedArticleIds: string[];
}

export async function readableBodies(
  db: Kysely<Database>,
  scope: ReaderScope,
  articleIds: readonly string[],
  previewParagraphs: number,
): Promise<ReadableBodies> {
  const bodies = new Map<string, ReadableDocument>();
  const bylines = new Map<string, string[]>();
  const imageIds = new Set<string>();
  const referenced = new Set<string>();
  for (const row of await feedEntriesForReader(db, scope, articleIds)) {
    const access = { access: row.access, accessTierIds: chosenTiersOfRow(row) };
    const readable = readableDocument(scope, access, parseDocument(row.body), previewParagraphs);
    bodies.set(row.id, readable);
    bylines.set(
      row.id,
      jsonRows(row.authors).map((author) => author.name),
    );
    const refs = documentReferences(readable.doc);
    for (const id of refs.imageIds) imageIds.add(id);
    for (const id of refs.articleIds) referenced.add(id);
  }
  const [imageRows, cards] = await Promise.all([findImages(db, [...imageIds]), cardsByIds(db, scope, [...referenced])]);
  const images = new Map<string, ImageWithDetails>();
  for (const [id, row] of imageRows) images.set(id, toImageDetails(row));
  return {
    bodies,
    bylines,
    images,
    cards: new Map(cards.map((card) => [card.id, card])),
    referencedArticleIds: [...referenced],
  };
}
