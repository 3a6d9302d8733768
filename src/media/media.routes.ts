import { Type } from '@sinclair/typebox';
import type { TypedFastify } from '../http/typed-fastify.ts';
import { AppError } from '../http/errors.ts';
import { EXTENSION_TYPES } from './images.ts';
import type { MediaStorage } from './storage.ts';

// Only renditions are public: originals are kept but never served, since they may carry EXIF data
// such as where a photo was taken; renditions are re-encoded by sharp, which drops that metadata.
const RENDITION_FILE = /^(\d{1,5})\.(jpg|png|webp|gif|avif)$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

// Plain strings: an address that names no rendition is a 404, checked below, not a 400.
const RenditionParams = Type.Object({ id: Type.String(), file: Type.String() });

/** Serves image renditions; their addresses never change, so they are cached for a year. */
export function registerMediaRoutes(app: TypedFastify, storage: MediaStorage): void {
  app.get('/media/images/:id/:file', { schema: { params: RenditionParams } }, async (request, reply) => {
    const { id, file } = request.params;
    const match = RENDITION_FILE.exec(file);
    if (!UUID.test(id) || !match) throw new AppError('NOT_FOUND', 'No such image.');
    const stream = await storage.open(`images/${id}/${file}`);
    if (!stream) throw new AppError('NOT_FOUND', 'No such image.');
    return reply
      .type(EXTENSION_TYPES[match[2] ?? ''] ?? 'application/octet-stream')
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('x-content-type-options', 'nosniff')
      .send(stream);
  });
}
