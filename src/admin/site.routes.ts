import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { authorize } from '../content/articles.service.ts';
import { type ArticleDocument, DocumentSchema, EMPTY_DOCUMENT } from '../content/document.ts';
import { insertPage } from '../content/pages.service.ts';
import { RESERVED_SLUGS, slugify } from '../content/urls.ts';
import { newId, nowIso } from '../db/ids.ts';
import { AppError } from '../http/errors.ts';
import { ALL_PAGES } from '../http/invalidation.ts';
import { isTimeZone } from '../i18n/i18n.ts';
import { readSettings, type SiteSettings, SiteSettingsSchema, writeSettings } from '../settings/settings.ts';
import { canStaff } from '../staff/policy.ts';
import type { AdminDeps } from './admin.plugin.ts';
import { staffOf } from './admin.plugin.ts';

const Slug = Type.String({ pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$', maxLength: 100 });
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const Path = Type.String({ pattern: '^/[^\\s?#]*$', maxLength: 500, description: 'a site-relative path such as /old/address' });
type PageBody = { title?: string; slug?: string; body?: ArticleDocument; status?: 'draft' | 'published' };

/** Static pages, redirects and site settings. */
export function registerSiteAdminRoutes(api: FastifyInstance, deps: AdminDeps): void {
  const { db } = deps;
  const pageFields = { slug: Type.Optional(Slug), body: Type.Optional(DocumentSchema), status: Type.Optional(Type.Union([Type.Literal('draft'), Type.Literal('published')])) };

  const checkPageSlug = async (slug: string, exceptId?: string): Promise<void> => {
    if (RESERVED_SLUGS.has(slug)) throw new AppError('INVALID_SLUG', `The slug ${slug} is reserved.`, [{ field: 'slug', message: 'is reserved' }]);
    const clash = await db.selectFrom('sections').select('id').where('slug', '=', slug).executeTakeFirst();
    const taken = await db.selectFrom('pages').select('id').where('slug', '=', slug).executeTakeFirst();
    if (clash || (taken && taken.id !== exceptId)) throw new AppError('SLUG_TAKEN', `The slug ${slug} is taken.`, [{ field: 'slug', message: 'is taken' }]);
  };

  api.get('/pages', { schema: { tags: ['pages'], summary: 'List static pages' } }, async () => ({
    pages: await db.selectFrom('pages').select(['id', 'slug', 'title', 'status', 'modified_at as modifiedAt']).orderBy('title').execute(),
  }));

  api.post<{ Body: PageBody & { title: string } }>('/pages', { schema: { tags: ['pages'], summary: 'Create a static page', body: Type.Object({ title: Type.String({ minLength: 1, maxLength: 200 }), ...pageFields }, { additionalProperties: false }) } }, async (request, reply) => {
    authorize(staffOf(request), 'page.manage');
    const slug = request.body.slug ?? slugify(request.body.title);
    await checkPageSlug(slug);
    const now = nowIso();
    const row = { id: newId(), slug, title: request.body.title, body: request.body.body ?? EMPTY_DOCUMENT, status: request.body.status ?? 'draft', at: now };
    await insertPage(db, row);
    deps.invalidation.purge([ALL_PAGES]);
    return reply.code(201).send({ id: row.id, slug, title: row.title, status: row.status });
  });

  api.patch<{ Params: { id: string }; Body: PageBody }>('/pages/:id', { schema: { tags: ['pages'], summary: 'Change a static page', params: IdParams, body: Type.Object({ title: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })), ...pageFields }, { additionalProperties: false }) } }, async (request) => {
    authorize(staffOf(request), 'page.manage');
    const existing = await db.selectFrom('pages').select('id').where('id', '=', request.params.id).executeTakeFirst();
    if (!existing) throw new AppError('NOT_FOUND', `No page with id ${request.params.id}.`);
    if (request.body.slug) await checkPageSlug(request.body.slug, request.params.id);
    const { title, slug, body, status } = request.body;
    await db.updateTable('pages').set({ modified_at: nowIso(), ...(title ? { title } : {}), ...(slug ? { slug } : {}), ...(body ? { body: JSON.stringify(body) } : {}), ...(status ? { status } : {}) })
      .where('id', '=', request.params.id).execute();
    deps.invalidation.purge([ALL_PAGES]);
    return db.selectFrom('pages').select(['id', 'slug', 'title', 'status']).where('id', '=', request.params.id).executeTakeFirstOrThrow();
  });

  api.delete<{ Params: { id: string } }>('/pages/:id', { schema: { tags: ['pages'], summary: 'Delete a static page', params: IdParams } }, async (request, reply) => {
    authorize(staffOf(request), 'page.manage');
    const result = await db.deleteFrom('pages').where('id', '=', request.params.id).executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) throw new AppError('NOT_FOUND', `No page with id ${request.params.id}.`);
    deps.invalidation.purge([ALL_PAGES]);
    return reply.code(204).send();
  });

  api.get('/redirects', { schema: { tags: ['redirects'], summary: 'List redirects' } }, async () => ({
    redirects: await db.selectFrom('redirects').select(['id', 'from_path as fromPath', 'to_path as toPath', 'created_at as createdAt']).orderBy('from_path').execute(),
  }));

  api.post<{ Body: { fromPath: string; toPath: string } }>('/redirects', { schema: { tags: ['redirects'], summary: 'Answer 301 from one path to another', body: Type.Object({ fromPath: Path, toPath: Path }, { additionalProperties: false }) } }, async (request, reply) => {
    authorize(staffOf(request), 'redirect.manage');
    const { fromPath, toPath } = request.body;
    if (fromPath === toPath) throw new AppError('VALIDATION_FAILED', 'A redirect must lead somewhere else.', [{ field: 'toPath', message: 'equals fromPath' }]);
    const taken = await db.selectFrom('redirects').select('id').where('from_path', '=', fromPath).executeTakeFirst();
    if (taken) throw new AppError('CONFLICT', `${fromPath} already redirects.`, [{ field: 'fromPath', message: 'already redirects' }]);
    const row = { id: newId(), from_path: fromPath, to_path: toPath, created_at: nowIso() };
    await db.insertInto('redirects').values(row).execute();
    return reply.code(201).send({ id: row.id, fromPath, toPath });
  });

  api.delete<{ Params: { id: string } }>('/redirects/:id', { schema: { tags: ['redirects'], summary: 'Remove a redirect', params: IdParams } }, async (request, reply) => {
    authorize(staffOf(request), 'redirect.manage');
    const result = await db.deleteFrom('redirects').where('id', '=', request.params.id).executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) throw new AppError('NOT_FOUND', `No redirect with id ${request.params.id}.`);
    return reply.code(204).send();
  });

  api.get('/settings', { schema: { tags: ['settings'], summary: 'Site settings' } }, async () => readSettings(db));

  api.patch<{ Body: Partial<SiteSettings> }>('/settings', { schema: { tags: ['settings'], summary: 'Change site settings (admins)', body: Type.Partial(SiteSettingsSchema) } }, async (request) => {
    if (!canStaff(staffOf(request), 'settings.manage')) throw new AppError('FORBIDDEN', 'Only admins change site settings.');
    if (request.body.timeZone && !isTimeZone(request.body.timeZone)) throw new AppError('VALIDATION_FAILED', `Unknown time zone ${request.body.timeZone}.`, [{ field: 'timeZone', message: 'must be an IANA time zone such as America/Mexico_City' }]);
    await writeSettings(db, request.body);
    deps.invalidation.purge([ALL_PAGES]);
    return readSettings(db);
  });
}
