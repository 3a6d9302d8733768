import { type TObject, type TProperties, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { authorize } from '../content/articles.service.ts';
import { insertTaxonomyRow, type TaxonomyTable } from '../content/taxonomy.repository.ts';
import { RESERVED_SLUGS, slugify } from '../content/urls.ts';
import { newId, nowIso } from '../db/ids.ts';
import { AppError } from '../http/errors.ts';
import { ALL_PAGES } from '../http/invalidation.ts';
import type { AdminDeps } from './admin.plugin.ts';
import { staffOf } from './admin.plugin.ts';

const Slug = Type.String({ pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$', maxLength: 100 });
const Name = Type.String({ minLength: 1, maxLength: 120 });
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

interface Collection {
  path: string;
  table: TaxonomyTable;
  /** Fields besides name and slug, with their defaults on create. */
  fields: TProperties;
  defaults: Record<string, unknown>;
  /** Sections share the first path segment with Gaceta's own routes. */
  reserveSlugs: boolean;
}

const COLLECTIONS: Collection[] = [
  { path: 'sections', table: 'sections', fields: { description: Type.String({ maxLength: 500 }), position: Type.Integer({ minimum: 0, maximum: 1000 }) }, defaults: { description: '', position: 0 }, reserveSlugs: true },
  { path: 'tags', table: 'tags', fields: { description: Type.String({ maxLength: 500 }) }, defaults: { description: '' }, reserveSlugs: false },
  { path: 'labels', table: 'labels', fields: { position: Type.Integer({ minimum: 0, maximum: 1000 }) }, defaults: { position: 0 }, reserveSlugs: false },
  { path: 'authors', table: 'authors', fields: { bio: Type.String({ maxLength: 2000 }), staffId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]) }, defaults: { bio: '', staffId: null }, reserveSlugs: false },
];

const toColumn = (field: string): string => (field === 'staffId' ? 'staff_id' : field);
const toField = (column: string): string => (column === 'staff_id' ? 'staffId' : column === 'created_at' ? 'createdAt' : column);

function present(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [toField(key), value]));
}

function optionalAll(props: TProperties): TProperties {
  return Object.fromEntries(Object.entries(props).map(([key, schema]) => [key, Type.Optional(schema)]));
}

/** Sections, tags, labels and authors: the lists editors manage. A change repaints every page. */
export function registerTaxonomyRoutes(api: FastifyInstance, deps: AdminDeps): void {
  for (const collection of COLLECTIONS) registerCollection(api, deps, collection);
}

function registerCollection(api: FastifyInstance, deps: AdminDeps, collection: Collection): void {
  const { db } = deps;
  const tags = [collection.path];
  const createBody: TObject = Type.Object({ name: Name, slug: Type.Optional(Slug), ...optionalAll(collection.fields) }, { additionalProperties: false });
  const updateBody: TObject = Type.Object({ name: Type.Optional(Name), slug: Type.Optional(Slug), ...optionalAll(collection.fields) }, { additionalProperties: false });
  // Every collection table has id and slug; typing it as one of them lets Kysely check those two columns.
  const table = collection.table as 'sections';

  const checkSlug = async (slug: string, exceptId?: string): Promise<void> => {
    if (collection.reserveSlugs && RESERVED_SLUGS.has(slug)) throw new AppError('INVALID_SLUG', `The slug ${slug} is reserved for Gaceta's own pages.`, [{ field: 'slug', message: 'is reserved' }]);
    const taken = await db.selectFrom(table).select('id').where('slug', '=', slug).executeTakeFirst();
    if (taken && taken.id !== exceptId) throw new AppError('SLUG_TAKEN', `The slug ${slug} is taken.`, [{ field: 'slug', message: 'is taken' }]);
  };
  const columns = (body: Record<string, unknown>): Record<string, unknown> =>
    Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined).map(([k, v]) => [toColumn(k), v]));
  const find = async (id: string): Promise<Record<string, unknown>> => {
    const row = await db.selectFrom(table).selectAll().where('id', '=', id).executeTakeFirst() as Record<string, unknown> | undefined;
    if (!row) throw new AppError('NOT_FOUND', `No ${collection.path.slice(0, -1)} with id ${id}.`);
    return row;
  };

  api.get(`/${collection.path}`, { schema: { tags, summary: `List ${collection.path}` } }, async () => {
    const rows = await db.selectFrom(table).selectAll().execute() as Array<Record<string, unknown>>;
    return { [collection.path]: rows.map(present) };
  });

  api.post<{ Body: Record<string, unknown> & { name: string; slug?: string } }>(`/${collection.path}`, { schema: { tags, summary: `Create one of the ${collection.path}`, body: createBody } }, async (request, reply) => {
    authorize(staffOf(request), 'taxonomy.manage');
    const slug = request.body.slug ?? slugify(request.body.name);
    await checkSlug(slug);
    const row = { id: newId(), ...columns({ ...collection.defaults, ...request.body }), slug, ...(collection.table === 'authors' ? { created_at: nowIso() } : {}) };
    await insertTaxonomyRow(db, collection.table, row);
    deps.invalidation.purge([ALL_PAGES]);
    return reply.code(201).send(present(row));
  });

  api.patch<{ Params: { id: string }; Body: Record<string, unknown> & { slug?: string } }>(`/${collection.path}/:id`, { schema: { tags, summary: `Change one of the ${collection.path}`, params: IdParams, body: updateBody } }, async (request) => {
    authorize(staffOf(request), 'taxonomy.manage');
    await find(request.params.id);
    if (request.body.slug) await checkSlug(request.body.slug, request.params.id);
    const changes = columns(request.body);
    if (Object.keys(changes).length) await db.updateTable(table).set(changes).where('id', '=', request.params.id).execute();
    deps.invalidation.purge([ALL_PAGES]);
    return present(await find(request.params.id));
  });

  api.delete<{ Params: { id: string } }>(`/${collection.path}/:id`, { schema: { tags, summary: `Delete one of the ${collection.path} (articles keep their text)`, params: IdParams } }, async (request, reply) => {
    authorize(staffOf(request), 'taxonomy.manage');
    await find(request.params.id);
    await db.deleteFrom(table).where('id', '=', request.params.id).execute();
    deps.invalidation.purge([ALL_PAGES]);
    return reply.code(204).send();
  });
}
