import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.ts';
import { newId, nowIso } from '../db/ids.ts';
import { AppError, type FieldProblem } from '../http/errors.ts';
import { ALL_PAGES, type Invalidation } from '../http/invalidation.ts';
import type { Actor } from '../staff/actor.ts';
import { authorize } from './policy.ts';
import { cleanDocument, documentReferenceProblems } from './document-checks.ts';
import { type ArticleDocument, EMPTY_DOCUMENT, parseDocument } from './document.ts';
import { RESERVED_SLUGS, slugify } from './urls.ts';

/** A published static page by slug. */
export async function findPublishedPage(
  db: Kysely<Database>,
  slug: string,
): Promise<{ id: string; slug: string; title: string; body: ArticleDocument } | undefined> {
  const row = await db
    .selectFrom('pages')
    .select(['id', 'slug', 'title', 'body'])
    .where('slug', '=', slug)
    .where('status', '=', 'published')
    .executeTakeFirst();
  return row ? { id: row.id, slug: row.slug, title: row.title, body: parseDocument(row.body) } : undefined;
}

/** Stores a static page. */
export async function insertPage(
  db: Kysely<Database>,
  page: { id: string; slug: string; title: string; body: ArticleDocument; status: 'draft' | 'published'; at: string },
): Promise<void> {
  await db
    .insertInto('pages')
    .values({
      id: page.id,
      slug: page.slug,
      title: page.title,
      body: JSON.stringify(page.body),
      status: page.status,
      created_at: page.at,
      modified_at: page.at,
    })
    .execute();
}

export interface PagesDeps {
  db: Kysely<Database>;
  invalidation: Invalidation;
}
export interface PageInput {
  title?: string;
  slug?: string;
  body?: ArticleDocument;
  status?: 'draft' | 'published';
}
export interface PageChange extends PageInput {
  /** The version the change was made on: when the page has changed since, nothing is written (PAGE_CHANGED). */
  baseVersion?: number;
}
export interface PageSummary {
  id: string;
  slug: string;
  title: string;
  status: string;
  modifiedAt: string;
  version: number;
}

async function checkPageSlug(db: Kysely<Database>, slug: string, exceptId?: string): Promise<void> {
  if (RESERVED_SLUGS.has(slug))
    throw new AppError('INVALID_SLUG', `The slug ${slug} is reserved.`, [{ field: 'slug', message: 'is reserved' }]);
  // Pages and sections share the first path segment.
  const section = await db.selectFrom('sections').select('name').where('slug', '=', slug).executeTakeFirst();
  if (section)
    throw new AppError('SLUG_TAKEN', `The slug ${slug} is the address of the section "${section.name}".`, [
      { field: 'slug', message: `is used by the section "${section.name}"` },
    ]);
  const page = await db.selectFrom('pages').select('id').where('slug', '=', slug).executeTakeFirst();
  if (page && page.id !== exceptId)
    throw new AppError('SLUG_TAKEN', `The slug ${slug} is taken by another page.`, [
      { field: 'slug', message: 'is taken by another page' },
    ]);
}

/**
 * A page body as it is stored: embeds sanitized, every image and related story it newly refers to
 * existing (what the stored body already held may have been deleted since; a save must not fail over it).
 */
async function checkedBody(
  db: Kysely<Database>,
  body: ArticleDocument,
  stored?: ArticleDocument,
): Promise<ArticleDocument> {
  const problems: FieldProblem[] = await documentReferenceProblems(db, body, 'body', stored);
  if (problems.length)
    throw new AppError('VALIDATION_FAILED', 'The page refers to things that do not exist.', problems);
  return cleanDocument(body);
}

const summaryColumns = ['id', 'slug', 'title', 'status', 'modified_at', 'version'] as const;
const toSummary = (row: {
  id: string;
  slug: string;
  title: string;
  status: string;
  modified_at: string;
  version: number;
}): PageSummary => ({
  id: row.id,
  slug: row.slug,
  title: row.title,
  status: row.status,
  modifiedAt: row.modified_at,
  // PostgreSQL's driver may hand integers over as strings.
  version: Number(row.version),
});

async function pageSummary(db: Kysely<Database>, id: string): Promise<PageSummary> {
  const row = await db.selectFrom('pages').select(summaryColumns).where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `No page with id ${id}.`);
  return toSummary(row);
}

/** One page as the newsroom edits it: its summary and its body. */
export async function readPage(db: Kysely<Database>, id: string): Promise<PageSummary & { body: ArticleDocument }> {
  const row = await db
    .selectFrom('pages')
    .select([...summaryColumns, 'body'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `No page with id ${id}.`);
  return { ...toSummary(row), body: parseDocument(row.body) };
}

export async function listPages(db: Kysely<Database>): Promise<PageSummary[]> {
  return (await db.selectFrom('pages').select(summaryColumns).orderBy('title').execute()).map(toSummary);
}

/** Creates a static page (a draft unless said otherwise). */
export async function createPage(
  deps: PagesDeps,
  actor: Actor,
  input: PageInput & { title: string },
): Promise<PageSummary> {
  authorize(actor, 'page.manage');
  const slug = input.slug ?? slugify(input.title);
  await checkPageSlug(deps.db, slug);
  const id = newId();
  await insertPage(deps.db, {
    id,
    slug,
    title: input.title,
    body: input.body ? await checkedBody(deps.db, input.body) : EMPTY_DOCUMENT,
    status: input.status ?? 'draft',
    at: nowIso(),
  });
  deps.invalidation.purge([ALL_PAGES]);
  return pageSummary(deps.db, id);
}

/**
 * Changes a page. With `baseVersion`, only if no one has changed it since: the version check is the
 * UPDATE's own WHERE, so two saves of one version cannot both pass (docs/decisions.md, "Saves name
 * the version they edit"); the second is refused with 409 PAGE_CHANGED and the version now.
 */
export async function updatePage(deps: PagesDeps, actor: Actor, id: string, input: PageChange): Promise<PageSummary> {
  authorize(actor, 'page.manage');
  const stored = await readPage(deps.db, id);
  if (input.slug) await checkPageSlug(deps.db, input.slug, id);
  const { title, slug, status, baseVersion } = input;
  const body = input.body ? await checkedBody(deps.db, input.body, stored.body) : undefined;
  let update = deps.db
    .updateTable('pages')
    .set({
      modified_at: nowIso(),
      version: sql<number>`version + 1`,
      ...(title ? { title } : {}),
      ...(slug ? { slug } : {}),
      ...(body ? { body: JSON.stringify(body) } : {}),
      ...(status ? { status } : {}),
    })
    .where('id', '=', id);
  if (baseVersion !== undefined) update = update.where('version', '=', baseVersion);
  const result = await update.executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) {
    const now = await pageSummary(deps.db, id);
    throw new AppError(
      'PAGE_CHANGED',
      `This page was changed at ${now.modifiedAt} (it is now version ${now.version}; you edited version ${baseVersion}). Nothing was saved.`,
      [{ field: 'baseVersion', message: `is ${baseVersion}; the page is at version ${now.version}` }],
      { version: now.version, modifiedAt: now.modifiedAt },
    );
  }
  deps.invalidation.purge([ALL_PAGES]);
  return pageSummary(deps.db, id);
}

export async function deletePage(deps: PagesDeps, actor: Actor, id: string): Promise<void> {
  authorize(actor, 'page.manage');
  const result = await deps.db.deleteFrom('pages').where('id', '=', id).executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) throw new AppError('NOT_FOUND', `No page with id ${id}.`);
  deps.invalidation.purge([ALL_PAGES]);
}

/** Every published static page (id, slug and title), for the site's navigation. */
export async function listPublishedPages(
  db: Kysely<Database>,
): Promise<Array<{ id: string; slug: string; title: string }>> {
  return db
    .selectFrom('pages')
    .select(['id', 'slug', 'title'])
    .where('status', '=', 'published')
    .orderBy('title')
    .execute();
}
