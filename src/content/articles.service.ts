import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { newId, nowIso } from '../db/ids.ts';
import { AppError, type FieldProblem } from '../http/errors.ts';
import { type Actor, staffIdOf, systemTaskOf } from '../staff/actor.ts';
import {
  findArticleBody,
  insertArticle,
  replaceArticleAuthors,
  replaceArticleTags,
  replaceRelatedPicks,
  slugTaken,
  syncListing,
  updateArticleBody,
  updateArticleRow,
} from './articles.repository.ts';
import { changeArticle, type ContentDeps } from './article-change.ts';
import { requireArticle } from './article-versions.ts';
import { recordRevision } from './revisions.service.ts';
import { type AccessRequest, accessTierIdsOf, plannedAccessTiers, writeAccessTiers } from './access-tiers.ts';
import { hadReaderAddress, listedForSomeReader } from './reader-scope.ts';
import { recordRedirect } from './redirects.service.ts';
import type { CreateArticleInput, UpdateArticleInput } from './articles.schemas.ts';
import type { ArticleRow, ArticleRowUpdate } from './articles.table.ts';
import { cleanDocument, documentReferenceProblems } from './document-checks.ts';
import { EMPTY_DOCUMENT, parseDocument, storedBody } from './document.ts';
import { authorize } from './policy.ts';
import { existingIds, findSectionById } from './taxonomy.repository.ts';
import { articlePath, slugify } from './urls.ts';

// What every content service works with; declared beside changeArticle, which all changes go through.
export type { ContentDeps };
// Transactions are Kysely instances too, so every function here runs inside the caller's transaction.
type Db = Kysely<Database>;

/**
 * Refuses references to things that do not exist. A body's image and related blocks are checked
 * only where they are new: a story whose inline card names an article since deleted for good can
 * still be saved (the card renders nothing), so the editor never loses a save to someone else's delete.
 */
async function checkReferences(db: Db, input: UpdateArticleInput, self?: ArticleRow): Promise<void> {
  const problems: FieldProblem[] = [];
  const expect = async (
    field: string,
    table: Parameters<typeof existingIds>[1],
    ids: readonly string[],
  ): Promise<void> => {
    const found = await existingIds(db, table, ids);
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length) problems.push({ field, message: `unknown id ${missing.join(', ')}` });
  };
  if (input.labelId) await expect('labelId', 'labels', [input.labelId]);
  if (input.sectionId) await expect('sectionId', 'sections', [input.sectionId]);
  if (input.authorIds) await expect('authorIds', 'authors', input.authorIds);
  if (input.tagIds) await expect('tagIds', 'tags', input.tagIds);
  if (input.relatedIds) {
    if (self && input.relatedIds.includes(self.id))
      problems.push({ field: 'relatedIds', message: 'an article cannot be related to itself' });
    await expect('relatedIds', 'articles', input.relatedIds);
  }
  if (input.featureImage) await expect('featureImage.id', 'images', [input.featureImage.id]);
  if (input.body) {
    const stored = self ? parseDocument((await findArticleBody(db, self.id)).body) : undefined;
    problems.push(...(await documentReferenceProblems(db, input.body, 'body', stored)));
  }
  if (problems.length)
    throw new AppError('VALIDATION_FAILED', 'The article refers to things that do not exist.', problems);
}

async function uniqueSlug(db: Db, wanted: string, exceptId?: string): Promise<string> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const candidate = attempt === 0 ? wanted : `${wanted}-${attempt + 1}`;
    if (!(await slugTaken(db, candidate, exceptId))) return candidate;
  }
  throw new AppError('SLUG_TAKEN', `The slug ${wanted} is taken.`, [{ field: 'slug', message: 'is taken' }]);
}

async function writeRelations(db: Db, id: string, input: UpdateArticleInput): Promise<void> {
  if (input.authorIds) await replaceArticleAuthors(db, id, input.authorIds);
  if (input.tagIds) await replaceArticleTags(db, id, input.tagIds);
  if (input.relatedIds) await replaceRelatedPicks(db, id, input.relatedIds);
  if (input.authorIds || input.tagIds) await syncListing(db, id);
}

/** A headline with letters in it, trimmed; only spaces is refused with a message, not stored empty. */
function headlineOf(raw: string): string {
  const headline = raw.trim();
  if (!headline)
    throw new AppError('VALIDATION_FAILED', 'The headline is blank: write a headline, not only spaces.', [
      { field: 'headline', message: 'must contain more than spaces' },
    ]);
  return headline;
}

/** New drafts are public unless an editor says otherwise. */
export const DEFAULT_ACCESS = 'public';

/** The paid tiers, asked of billing only when an edit chooses tiers (most edits do not). */
async function paidTiersFor(deps: ContentDeps, input: AccessRequest): Promise<readonly string[] | undefined> {
  if (input.access !== 'tiers' && input.accessTierIds === undefined) return undefined;
  return deps.paidTierIds?.();
}

/** A text field as stored: trimmed, so a field of spaces falls back like an empty one. */
const trimmed = (text: string | undefined): string => text?.trim() ?? '';

/**
 * Creates a draft; every save keeps a revision. Setting an access level other than the default is
 * changing it (article.access): an author's draft starts public and an editor locks it.
 */
export async function createDraft(deps: ContentDeps, actor: Actor, input: CreateArticleInput): Promise<ArticleRow> {
  authorize(actor, 'article.create');
  if (input.access !== undefined && input.access !== DEFAULT_ACCESS) authorize(actor, 'article.access');
  const headline = headlineOf(input.headline);
  const tiers = plannedAccessTiers(input, undefined, await paidTiersFor(deps, input));
  return deps.db.transaction().execute(async (trx) => {
    await checkReferences(trx, input);
    const body = cleanDocument(input.body ?? EMPTY_DOCUMENT);
    const now = nowIso();
    const focal = input.featureImage?.focalPoint ?? null;
    const row: ArticleRow = {
      id: newId(),
      slug: await uniqueSlug(trx, input.slug ?? slugify(headline)),
      status: 'draft',
      headline,
      dek: input.dek ?? '',
      label_id: input.labelId ?? null,
      section_id: input.sectionId ?? null,
      dateline: input.dateline ?? '',
      attribution: input.attribution ?? '',
      feature_image_id: input.featureImage?.id ?? null,
      feature_image_alt: input.featureImage?.alt ?? '',
      feature_image_caption: input.featureImage?.caption ?? '',
      feature_image_credit: input.featureImage?.credit ?? '',
      feature_image_focal_x: focal?.x ?? null,
      feature_image_focal_y: focal?.y ?? null,
      access: input.access ?? DEFAULT_ACCESS,
      seo_title: trimmed(input.seoTitle),
      seo_description: trimmed(input.seoDescription),
      social_title: trimmed(input.socialTitle),
      social_description: trimmed(input.socialDescription),
      published_at: null,
      updated_at: null,
      modified_at: now,
      created_at: now,
      created_by: staffIdOf(actor),
      comment_count: 0,
      version: 1,
      modified_by: staffIdOf(actor),
      modified_by_task: systemTaskOf(actor),
      submitted_at: null,
      return_note: null,
      trashed_at: null,
      trashed_by: null,
    };
    if (input.slug && row.slug !== input.slug)
      throw new AppError('SLUG_TAKEN', `The slug ${input.slug} is taken.`, [{ field: 'slug', message: 'is taken' }]);
    await insertArticle(trx, row, storedBody(body));
    await writeAccessTiers(trx, row.id, tiers);
    await writeRelations(trx, row.id, input);
    await recordRevision(trx, row, actor, 'create');
    return row;
  });
}

/**
 * Applies an edit, checked and authorized, inside the caller's change (beginChange): fields, body,
 * relations, and a 301 when a published article's address moves. Returns the row after it.
 */
export async function applyEdit(
  trx: Db,
  actor: Actor,
  before: ArticleRow,
  input: UpdateArticleInput,
  paidTierIds?: readonly string[],
): Promise<ArticleRow> {
  const id = before.id;
  const headline = input.headline === undefined ? undefined : headlineOf(input.headline);
  // Sending the access level unchanged (a client that saves every field) is not changing it.
  if (input.access !== undefined && input.access !== before.access) authorize(actor, 'article.access', before);
  const tiers =
    input.access !== undefined || input.accessTierIds !== undefined
      ? plannedAccessTiers(input, { access: before.access, tierIds: await accessTierIdsOf(trx, id) }, paidTierIds)
      : undefined;
  // Choosing other tiers for a story is changing who may read it, as changing its level is.
  if (tiers?.changed) authorize(actor, 'article.access', before);
  await checkReferences(trx, input, before);
  const changes: ArticleRowUpdate = {};
  if (headline !== undefined) changes.headline = headline;
  if (input.slug !== undefined && input.slug !== before.slug) {
    if ((await uniqueSlug(trx, input.slug, id)) !== input.slug)
      throw new AppError('SLUG_TAKEN', `The slug ${input.slug} is taken.`, [{ field: 'slug', message: 'is taken' }]);
    changes.slug = input.slug;
  }
  for (const [field, column] of [
    ['dek', 'dek'],
    ['dateline', 'dateline'],
    ['attribution', 'attribution'],
    ['access', 'access'],
    ['labelId', 'label_id'],
    ['sectionId', 'section_id'],
  ] as const) {
    if (input[field] !== undefined) (changes as Record<string, unknown>)[column] = input[field];
  }
  for (const [field, column] of [
    ['seoTitle', 'seo_title'],
    ['seoDescription', 'seo_description'],
    ['socialTitle', 'social_title'],
    ['socialDescription', 'social_description'],
  ] as const) {
    if (input[field] !== undefined) changes[column] = trimmed(input[field]);
  }
  if (input.body) await updateArticleBody(trx, id, storedBody(cleanDocument(input.body)));
  if (input.featureImage !== undefined) {
    changes.feature_image_id = input.featureImage?.id ?? null;
    changes.feature_image_alt = input.featureImage?.alt ?? '';
    changes.feature_image_caption = input.featureImage?.caption ?? '';
    changes.feature_image_credit = input.featureImage?.credit ?? '';
    changes.feature_image_focal_x = input.featureImage?.focalPoint?.x ?? null;
    changes.feature_image_focal_y = input.featureImage?.focalPoint?.y ?? null;
  }
  if (input.materialUpdate && listedForSomeReader(before)) changes.updated_at = before.modified_at;
  if (Object.keys(changes).length) await updateArticleRow(trx, id, changes);
  await writeAccessTiers(trx, id, tiers);
  await writeRelations(trx, id, input);
  const after = await requireArticle(trx, id);
  await recordMove(trx, before, after);
  return after;
}

/**
 * Applies an edit as a new version (conflict-safe with `baseVersion`) and keeps a revision: its own
 * for a save, or folded into the staff member's running autosave revision (recordRevision).
 */
export async function updateArticle(
  deps: ContentDeps,
  actor: Actor,
  id: string,
  input: UpdateArticleInput,
): Promise<ArticleRow> {
  if (input.headline !== undefined) headlineOf(input.headline);
  const paidTierIds = await paidTiersFor(deps, input);
  const { after } = await changeArticle(
    deps,
    actor,
    id,
    'article.edit',
    { baseVersion: input.baseVersion },
    async (trx, before) => ({
      after: await applyEdit(trx, actor, before, input, paidTierIds),
      revision: input.autosave ? 'autosave' : 'save',
    }),
  );
  return after;
}

/** Records a 301 from a published article's old address to its new one. */
export async function recordMove(db: Db, before: ArticleRow, after: ArticleRow): Promise<void> {
  if (!hadReaderAddress(before)) return;
  const [oldSection, newSection] = await Promise.all([
    before.section_id ? findSectionById(db, before.section_id) : undefined,
    after.section_id ? findSectionById(db, after.section_id) : undefined,
  ]);
  const from = articlePath(oldSection?.slug, before.slug);
  const to = articlePath(newSection?.slug, after.slug);
  if (from === to) return;
  await recordRedirect(db, from, to, newId(), nowIso());
}
