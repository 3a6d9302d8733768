import type { Kysely } from 'kysely';
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
export interface PageSummary {
  id: string;
  slug: string;
  title: string;
  status: string;
  modifiedAt: string;
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

/** A page body as it is stored: embeds sanitized, every image and related story existing. */
async function checkedBody(db: Kysely<Database>, body: ArticleDocument): Promise<ArticleDocument> {
  const problems: FieldProblem[] = await documentReferenceProblems(db, body);
  if (problems.length)
    throw new AppError('VALIDATION_FAILED', 'The page refers to things that do not exist.', problems);
  return cleanDocument(body);
}

const summaryColumns = ['id', 'slug', 'title', 'status', 'modified_at'] as const;
const toSummary = (row: {
  id: string;
  slug: string;
  title: string;
  status: string;
  modified_at: string;
}): PageSummary => ({ id: row.id, slug: row.slug, title: row.title, status: row.status, modifiedAt: row.modified_at });

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

export async function updatePage(deps: PagesDeps, actor: Actor, id: string, input: PageInput): Promise<PageSummary> {
  authorize(actor, 'page.manage');
  await pageSummary(deps.db, id);
  if (input.slug) await checkPageSlug(deps.db, input.slug, id);
  const { title, slug, status } = input;
  const body = input.body ? await checkedBody(deps.db, input.body) : undefined;
  await deps.db
    .updateTable('pages')
    .set({
      modified_at: nowIso(),
      ...(title ? { title } : {}),
      ...(slug ? { slug } : {}),
      ...(body ? { body: JSON.stringify(body) } : {}),
      ...(status ? { status } : {}),
    })
    .where('id', '=', id)
    .execute();
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
