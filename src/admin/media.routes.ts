import { type Static, Type } from '@sinclair/typebox';
import type { TypedFastify } from '../http/typed-fastify.ts';
import { AppError } from '../http/errors.ts';
import { imageSources, parseWidths } from '../media/images.ts';
import type { ImageRow } from '../media/images.table.ts';
import {
  deleteImage,
  imageUses,
  listImages,
  requireImage,
  storeImage,
  updateImageDetails,
} from '../media/images.service.ts';
import { errors, IdParams, ListOf, NoContent, Open } from './schemas.ts';
import type { AdminDeps } from './auth.ts';
import { staffOf } from './auth.ts';

const DETAIL_LIMIT = 2000;

const sizeInWords = (bytes: number): string =>
  bytes >= 1024 * 1024 ? `${Math.floor(bytes / 1024 / 1024)} MB` : `${Math.floor(bytes / 1024)} KB`;

const ImageResponse = Open(
  {
    id: Type.String(),
    format: Type.String(),
    width: Type.Integer(),
    height: Type.Integer(),
    bytes: Type.Integer(),
    widths: Type.Array(Type.Integer(), { description: 'widths of the renditions made' }),
    alt: Type.String(),
    caption: Type.String(),
    credit: Type.String(),
    fileName: Type.String({ description: "the uploaded file's name ('' for images uploaded before it was kept)" }),
    createdAt: Type.String(),
    src: Type.String(),
    srcset: Type.String(),
    webpSrcset: Type.String(),
  },
  'An image and its renditions',
);

const Detail = (maxLength: number, description: string) => Type.Optional(Type.String({ maxLength, description }));
/** The multipart form the upload reads (documentation: the handler reads and checks the parts as they stream). */
const UploadForm = Type.Object(
  {
    file: Type.String({
      format: 'binary',
      contentMediaType: 'application/octet-stream',
      description: 'the image: JPEG, PNG, WebP, GIF or AVIF',
    }),
    alt: Detail(DETAIL_LIMIT, 'alternative text for readers who cannot see it'),
    caption: Detail(DETAIL_LIMIT, 'caption shown under it'),
    credit: Detail(DETAIL_LIMIT, 'who made it'),
  },
  { required: ['file'] },
);

function presentImage(row: ImageRow): Static<typeof ImageResponse> {
  const ref = { id: row.id, format: row.format, width: row.width, height: row.height, widths: parseWidths(row.widths) };
  const sources = imageSources(ref);
  return {
    id: row.id,
    format: row.format,
    width: row.width,
    height: row.height,
    bytes: row.bytes,
    widths: ref.widths,
    alt: row.alt,
    caption: row.caption,
    credit: row.credit,
    fileName: row.file_name,
    createdAt: row.created_at,
    src: sources.src,
    srcset: sources.srcset,
    webpSrcset: sources.webpSrcset,
  };
}

const ListQuery = Type.Object(
  {
    q: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description: 'only images whose file name, alt, caption or credit contains this',
      }),
    ),
    limit: Type.Optional(Type.String({ pattern: '^(100|[1-9][0-9]?)$', description: '1 to 100 (default 24)' })),
    offset: Type.Optional(Type.String({ pattern: '^[0-9]{1,7}$', description: 'default 0' })),
  },
  { additionalProperties: false },
);

const Use = Type.Object({
  kind: Type.Union([Type.Literal('article'), Type.Literal('page'), Type.Literal('author'), Type.Literal('settings')]),
  id: Type.String({ description: "the article's, page's or author's id; 'logo' for the settings" }),
  title: Type.String({ description: "the article's headline, the page's title, the author's name" }),
  status: Type.Union([Type.String(), Type.Null()]),
  as: Type.Union([Type.Literal('feature'), Type.Literal('body'), Type.Literal('photo'), Type.Literal('logo')]),
});

/** The media library: list and search, upload, change details, see where an image is used, delete. */
export function registerMediaAdminRoutes(api: TypedFastify, deps: AdminDeps): void {
  api.get(
    '/media/images',
    {
      schema: {
        tags: ['media'],
        summary: 'The media library, newest first; search by file name, alt, caption or credit',
        querystring: ListQuery,
        response: {
          200: Type.Object({
            images: Type.Array(ImageResponse),
            total: Type.Integer({ description: 'how many images there are (that match q)' }),
            uploadLimitBytes: Type.Integer({ description: 'the largest upload the server takes' }),
          }),
        },
      },
    },
    async (request) => {
      const { q, limit, offset } = request.query;
      const found = await listImages(deps.db, {
        ...(q?.trim() ? { search: q.trim() } : {}),
        limit: limit ? Number(limit) : 24,
        offset: offset ? Number(offset) : 0,
      });
      return {
        images: found.images.map(presentImage),
        total: found.total,
        uploadLimitBytes: deps.config.uploadLimitBytes,
      };
    },
  );

  api.get(
    '/media/images/:id/uses',
    {
      schema: {
        tags: ['media'],
        summary: 'Where an image is used: feature images, image blocks of articles and pages, author photos, the logo',
        params: IdParams,
        response: { 200: ListOf('uses', Use, 'Every use of the image; none means it may be deleted') },
      },
    },
    async (request) => {
      await requireImage(deps.db, request.params.id);
      return { uses: await imageUses(deps.db, request.params.id) };
    },
  );

  api.delete(
    '/media/images/:id',
    {
      schema: {
        tags: ['media'],
        summary: 'Delete an image nothing uses (its uploader, or editors)',
        description: 'A used image is refused with 409 IMAGE_IN_USE; its fields name each use (uses/<kind>/<id>).',
        params: IdParams,
        response: { 204: NoContent, ...errors(409) },
      },
    },
    async (request, reply) => {
      await deleteImage(deps, staffOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  api.post(
    '/media/images',
    {
      schema: {
        tags: ['media'],
        summary: 'Upload an image; renditions are made at once',
        consumes: ['multipart/form-data'],
        body: UploadForm,
        response: { 201: ImageResponse, ...errors(422) },
      },
      // The form is a stream the handler reads part by part (stopping at the upload limit); Fastify
      // never holds it as a body to validate, so UploadForm only documents it.
      validatorCompiler: () => () => true,
    },
    async (request, reply) => {
      const actor = staffOf(request);
      if (!request.isMultipart())
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the image as multipart/form-data with a "file" part.');
      let data: Buffer | undefined;
      let fileName = '';
      const details: Record<string, string> = {};
      for await (const part of request.parts()) {
        if (part.type === 'file') {
          if (part.fieldname !== 'file' || data)
            throw new AppError('VALIDATION_FAILED', 'Send exactly one file, in the "file" part.', [
              { field: part.fieldname, message: 'unexpected file' },
            ]);
          // toBuffer() throws as soon as the configured upload limit is passed; nothing has been written by then.
          data = await part.toBuffer().catch((error: unknown) => {
            if ((error as { code?: string }).code !== 'FST_REQ_FILE_TOO_LARGE') throw error;
            throw new AppError(
              'PAYLOAD_TOO_LARGE',
              `The file is larger than the ${sizeInWords(deps.config.uploadLimitBytes)} the server takes; export it smaller.`,
              [{ field: 'file', message: `at most ${deps.config.uploadLimitBytes} bytes` }],
            );
          });
          fileName = part.filename;
        } else if (['alt', 'caption', 'credit'].includes(part.fieldname)) {
          const value = String(part.value);
          if (value.length > DETAIL_LIMIT)
            throw new AppError('VALIDATION_FAILED', `${part.fieldname} is too long.`, [
              { field: part.fieldname, message: `at most ${DETAIL_LIMIT} characters` },
            ]);
          details[part.fieldname] = value;
        }
      }
      if (!data)
        throw new AppError('VALIDATION_FAILED', 'No file was sent.', [{ field: 'file', message: 'is required' }]);
      const row = await storeImage(deps, actor, data, details, fileName);
      return reply.code(201).send(presentImage(row));
    },
  );

  api.patch(
    '/media/images/:id',
    {
      schema: {
        tags: ['media'],
        summary: "Change an image's alt text, caption or credit",
        params: IdParams,
        response: { 200: ImageResponse },
        body: Type.Object(
          {
            alt: Type.Optional(Type.String({ maxLength: 1000 })),
            caption: Type.Optional(Type.String({ maxLength: DETAIL_LIMIT })),
            credit: Type.Optional(Type.String({ maxLength: 500 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => presentImage(await updateImageDetails(deps, staffOf(request), request.params.id, request.body)),
  );

  api.get(
    '/media/images/:id',
    {
      schema: {
        tags: ['media'],
        summary: 'One image and its renditions',
        params: IdParams,
        response: { 200: ImageResponse },
      },
    },
    async (request) => presentImage(await requireImage(deps.db, request.params.id)),
  );
}
