import { type Static, type TProperties, Type } from '@sinclair/typebox';
import type { TypedFastify } from '../http/typed-fastify.ts';
import type { TaxonomyTable } from '../content/taxonomy.repository.ts';
import {
  createTaxonomyItem,
  deleteTaxonomyItem,
  listTaxonomy,
  TAXONOMY_KINDS,
  updateTaxonomyItem,
} from '../content/taxonomy.service.ts';
import { AUTHOR_LINKS_LIMIT, AuthorLinkSchema } from '../content/author-profile.ts';
import { errors, IdParams, ListOf, NoContent, Open } from './schemas.ts';
import { SlugSchema as Slug } from '../content/articles.schemas.ts';
import type { AdminDeps } from './auth.ts';
import { staffOf } from './auth.ts';

const Name = Type.String({ minLength: 1, maxLength: 120 });

/** Fields besides name and slug that each list accepts. */
const FIELDS: Record<TaxonomyTable, TProperties> = {
  sections: { description: Type.String({ maxLength: 500 }), position: Type.Integer({ minimum: 0, maximum: 1000 }) },
  tags: { description: Type.String({ maxLength: 500 }) },
  labels: { position: Type.Integer({ minimum: 0, maximum: 1000 }) },
  authors: {
    bio: Type.String({ maxLength: 2000 }),
    staffId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
    photoImageId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()], {
      description: 'a photo from the media library, shown on the author page',
    }),
    links: Type.Array(AuthorLinkSchema, {
      maxItems: AUTHOR_LINKS_LIMIT,
      description: 'website and social profiles, in the order the author page lists them',
    }),
  },
};

/** "a section", "an author". */
const withArticle = (noun: string): string => `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`;

function optionalAll(props: TProperties): TProperties {
  return Object.fromEntries(Object.entries(props).map(([key, schema]) => [key, Type.Optional(schema)]));
}

/** Sections, tags, labels and authors: list, create, change, delete. */
export function registerTaxonomyRoutes(api: TypedFastify, deps: AdminDeps): void {
  for (const table of Object.keys(TAXONOMY_KINDS) as TaxonomyTable[]) registerCollection(api, deps, table);
}

function registerCollection(api: TypedFastify, deps: AdminDeps, table: TaxonomyTable): void {
  const kind = TAXONOMY_KINDS[table];
  const content = { db: deps.db, invalidation: deps.invalidation };
  const tags = [table];
  const createBody = Type.Object(
    { name: Name, slug: Type.Optional(Slug), ...optionalAll(FIELDS[table]) },
    { additionalProperties: false },
  );
  const updateBody = Type.Object(
    { name: Type.Optional(Name), slug: Type.Optional(Slug), ...optionalAll(FIELDS[table]) },
    { additionalProperties: false },
  );
  const Item = Open(
    { id: Type.String(), name: Type.String(), slug: Type.String(), ...optionalAll(FIELDS[table]) },
    kind.noun,
  );
  // One service serves four tables, so its rows are typed loosely; every row has an id, name and slug.
  const asItem = (row: Record<string, unknown>) => row as Static<typeof Item>;

  api.get(
    `/${table}`,
    { schema: { tags, summary: `List ${table}`, response: { 200: ListOf(table, Item, table) } } },
    async () => ({
      [table]: await listTaxonomy(deps.db, kind),
    }),
  );

  api.post(
    `/${table}`,
    {
      schema: {
        tags,
        summary: `Create ${withArticle(kind.noun)}`,
        body: createBody,
        response: { 201: Item, ...errors(409) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(asItem(await createTaxonomyItem(content, staffOf(request), kind, request.body))),
  );

  api.patch(
    `/${table}/:id`,
    {
      schema: {
        tags,
        summary: `Change ${withArticle(kind.noun)}`,
        params: IdParams,
        body: updateBody,
        response: { 200: Item, ...errors(409) },
      },
    },
    async (request) =>
      asItem(await updateTaxonomyItem(content, staffOf(request), kind, request.params.id, request.body)),
  );

  api.delete(
    `/${table}/:id`,
    {
      schema: {
        tags,
        summary: `Delete ${withArticle(kind.noun)} (articles keep their text)`,
        params: IdParams,
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await deleteTaxonomyItem(content, staffOf(request), kind, request.params.id);
      return reply.code(204).send(null);
    },
  );
}
