import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { newId, nowIso } from '../db/ids.ts';
import { AppError } from '../http/errors.ts';
import { ALL_PAGES, type Invalidation, LIST_PAGES } from '../http/invalidation.ts';
import type { Actor } from '../staff/actor.ts';
import { authorize } from './policy.ts';
import { type AuthorLink, checkAuthorProfile, parseAuthorLinks } from './author-profile.ts';
import { recordRedirect } from './redirects.service.ts';
import { insertTaxonomyRow, type TaxonomyTable } from './taxonomy.repository.ts';
import { authorPath, RESERVED_SLUGS, sectionPath, slugify, tagPath } from './urls.ts';

/** The lists editors manage: sections, tags, labels and authors. */
export interface TaxonomyKind {
  table: TaxonomyTable;
  noun: string;
  /** Fields other than name and slug, with their values when not given. */
  defaults: Record<string, unknown>;
  /** Sections share the first path segment with Gaceta's own routes. */
  reserveSlugs: boolean;
  /** The reader address of its archive (its feed is that plus /feed.xml); labels have none. */
  path?: (slug: string) => string;
}

export const TAXONOMY_KINDS: Record<TaxonomyTable, TaxonomyKind> = {
  sections: {
    table: 'sections',
    noun: 'section',
    defaults: { description: '', position: 0 },
    reserveSlugs: true,
    path: sectionPath,
  },
  tags: { table: 'tags', noun: 'tag', defaults: { description: '' }, reserveSlugs: false, path: tagPath },
  labels: { table: 'labels', noun: 'label', defaults: { position: 0 }, reserveSlugs: false },
  authors: {
    table: 'authors',
    noun: 'author',
    defaults: { bio: '', staffId: null, photoImageId: null, links: [] },
    reserveSlugs: false,
    path: authorPath,
  },
};

export interface TaxonomyDeps {
  db: Kysely<Database>;
  invalidation: Invalidation;
}
type Item = Record<string, unknown>;

const COLUMN_OF: Record<string, string> = { staffId: 'staff_id', photoImageId: 'photo_image_id' };
const FIELD_OF: Record<string, string> = {
  staff_id: 'staffId',
  created_at: 'createdAt',
  photo_image_id: 'photoImageId',
};
// An author's links are one JSON column.
const toColumns = (fields: Item): Item =>
  Object.fromEntries(
    Object.entries(fields)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [COLUMN_OF[k] ?? k, k === 'links' ? JSON.stringify(v) : v]),
  );
const present = (row: Item): Item =>
  Object.fromEntries(
    Object.entries(row).map(([k, v]) => [FIELD_OF[k] ?? k, k === 'links' ? parseAuthorLinks(v as string) : v]),
  );

/** An author's photo and links are checked (and links normalised) before anything is stored. */
async function checkedFields(db: Kysely<Database>, kind: TaxonomyKind, input: Item): Promise<Item> {
  if (kind.table !== 'authors') return input;
  const checked = await checkAuthorProfile(db, input as { photoImageId?: string | null; links?: AuthorLink[] });
  if (checked.problems.length)
    throw new AppError(
      'VALIDATION_FAILED',
      `The author was not saved: ${checked.problems.map((p) => `${p.field} ${p.message}`).join('; ')}.`,
      checked.problems,
    );
  return checked.links ? { ...input, links: checked.links } : input;
}

// Every taxonomy table has id and slug; typing the table as one of them lets Kysely check those columns.
const tableOf = (kind: TaxonomyKind) => kind.table as 'sections';

async function find(db: Kysely<Database>, kind: TaxonomyKind, id: string): Promise<Item> {
  const row = await db.selectFrom(tableOf(kind)).selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `No ${kind.noun} with id ${id}.`);
  return row;
}

async function checkSlug(db: Kysely<Database>, kind: TaxonomyKind, slug: string, exceptId?: string): Promise<void> {
  if (kind.reserveSlugs && RESERVED_SLUGS.has(slug)) {
    throw new AppError('INVALID_SLUG', `The slug ${slug} is reserved for Gaceta's own pages.`, [
      { field: 'slug', message: 'is reserved' },
    ]);
  }
  const taken = await db.selectFrom(tableOf(kind)).select('id').where('slug', '=', slug).executeTakeFirst();
  if (taken && taken.id !== exceptId)
    throw new AppError('SLUG_TAKEN', `The slug ${slug} is taken.`, [{ field: 'slug', message: 'is taken' }]);
  // A section at /<slug> would hide the static page there (sections are looked up first).
  if (kind.table === 'sections') {
    const page = await db.selectFrom('pages').select('title').where('slug', '=', slug).executeTakeFirst();
    if (page)
      throw new AppError('SLUG_TAKEN', `The slug ${slug} is the address of the page "${page.title}".`, [
        { field: 'slug', message: `is used by the page "${page.title}"` },
      ]);
  }
}

export async function listTaxonomy(db: Kysely<Database>, kind: TaxonomyKind): Promise<Item[]> {
  const rows = await db.selectFrom(tableOf(kind)).selectAll().orderBy('name').execute();
  return rows.map(present);
}

/**
 * Creates a section, tag, label or author; the slug defaults to one made from the name. A new
 * section joins the navigation of every page; a new tag, label or author is on no page until an
 * article uses it (which purges that article), except the sitemap of archives, which is a list.
 */
export async function createTaxonomyItem(
  deps: TaxonomyDeps,
  actor: Actor,
  kind: TaxonomyKind,
  input: Item & { name: string; slug?: string },
): Promise<Item> {
  // Tags are made on the fly from the article's settings by anyone who tags stories (policy.ts).
  authorize(actor, kind.table === 'tags' ? 'tag.create' : 'taxonomy.manage');
  const slug = input.slug ?? slugify(input.name);
  await checkSlug(deps.db, kind, slug);
  const fields = await checkedFields(deps.db, kind, input);
  const row = {
    id: newId(),
    ...toColumns({ ...kind.defaults, ...fields }),
    slug,
    ...(kind.table === 'authors' ? { created_at: nowIso() } : {}),
  };
  await insertTaxonomyRow(deps.db, kind.table, row);
  deps.invalidation.purge([kind.table === 'sections' ? ALL_PAGES : LIST_PAGES]);
  return present(row);
}

/**
 * Changes one; its name may be on any page (navigation, bylines, labels on cards), so every page is
 * purged. A new slug moves the archive and its feed: the old addresses answer 301 to the new ones,
 * as an article's do (its stories' addresses follow by themselves: articles are found by their slug).
 */
export async function updateTaxonomyItem(
  deps: TaxonomyDeps,
  actor: Actor,
  kind: TaxonomyKind,
  id: string,
  input: Item & { slug?: string },
): Promise<Item> {
  authorize(actor, 'taxonomy.manage');
  const before = await find(deps.db, kind, id);
  if (input.slug) await checkSlug(deps.db, kind, input.slug, id);
  const changes = toColumns(await checkedFields(deps.db, kind, input));
  const after = await deps.db.transaction().execute(async (trx) => {
    if (Object.keys(changes).length) await trx.updateTable(tableOf(kind)).set(changes).where('id', '=', id).execute();
    const oldSlug = before.slug as string;
    if (kind.path && input.slug && input.slug !== oldSlug) {
      const at = nowIso();
      await recordRedirect(trx, kind.path(oldSlug), kind.path(input.slug), newId(), at);
      await recordRedirect(trx, `${kind.path(oldSlug)}/feed.xml`, `${kind.path(input.slug)}/feed.xml`, newId(), at);
    }
    return find(trx, kind, id);
  });
  deps.invalidation.purge([ALL_PAGES]);
  return present(after);
}

/** Deletes one; articles keep their text and lose only the reference. */
export async function deleteTaxonomyItem(
  deps: TaxonomyDeps,
  actor: Actor,
  kind: TaxonomyKind,
  id: string,
): Promise<void> {
  authorize(actor, 'taxonomy.manage');
  await find(deps.db, kind, id);
  await deps.db.deleteFrom(tableOf(kind)).where('id', '=', id).execute();
  deps.invalidation.purge([ALL_PAGES]);
}
