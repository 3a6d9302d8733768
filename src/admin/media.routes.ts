import { type Static, Type } from '@sinclair/typebox';
import type { TypedFastify } from '../http/typed-fastify.ts';
import { AppError } from '../http/errors.ts';
import { imageSources, parseWidths } from '../media/images.ts';
import type { ImageRow } from '../media/images.table.ts';
import { requireImage, storeImage, updateImageDetails } from '../media/images.service.ts';
import { errors, IdParams, Open } from './schemas.ts';
import type { AdminDeps } from './auth.ts';
import { staffOf } from './auth.ts';

const DETAIL_LIMIT = 2000;

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
    src: sources.src,
    srcset: sources.srcset,
    webpSrcset: sources.webpSrcset,
  };
}

/** Image upload (multipart: a "file" part plus optional alt, caption and credit fields). */
export function registerMediaAdminRoutes(api: TypedFastify, deps: AdminDeps): void {
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
      const details: Record<string, string> = {};
      for await (const part of request.parts()) {
        if (part.type === 'file') {
          if (part.fieldname !== 'file' || data)
            throw new AppError('VALIDATION_FAILED', 'Send exactly one file, in the "file" part.', [
              { field: part.fieldname, message: 'unexpected file' },
            ]);
          // toBuffer() throws a 413 error as soon as the configured upload limit is passed; nothing has been written by then.
          data = await part.toBuffer();
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
      const row = await storeImage(deps, actor, data, details);
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
