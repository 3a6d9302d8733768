import sharp, { type Sharp } from 'sharp';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { newId, nowIso } from '../db/ids.ts';
import { authorize } from '../content/policy.ts';
import { AppError } from '../http/errors.ts';
import { ALL_PAGES, type Invalidation } from '../http/invalidation.ts';
import { type Actor, staffIdOf } from '../staff/actor.ts';
import { FORMAT_EXTENSIONS, parseWidths, renditionKey, renditionWidths } from './images.ts';
import type { ImageRow } from './images.table.ts';
import type { MediaStorage } from './storage.ts';
import { contentImageUses, type ContentImageUse } from '../content/image-uses.ts';
import { settingsImageUses } from '../settings/settings.ts';
import { countImageRows, deleteImageRow, listImageRows } from './images.repository.ts';

const ACCEPTED = new Set<string>(['jpeg', 'png', 'webp', 'gif', 'avif']);

export interface ImageDetails {
  alt?: string;
  caption?: string;
  credit?: string;
}
export interface ImageDeps {
  db: Kysely<Database>;
  storage: MediaStorage;
}

/** The longest file name kept; a longer one keeps its start and its extension. */
const FILE_NAME_LIMIT = 200;

/** The file's own name, without any folder a browser sent, control characters or excess length. */
export function cleanFileName(name: string): string {
  const base = Array.from(name.split(/[\\/]/).pop() ?? '')
    .filter((c) => c >= ' ' && c !== '\u007f')
    .join('')
    .trim();
  if (base.length <= FILE_NAME_LIMIT) return base;
  const dot = base.lastIndexOf('.');
  const extension = dot > 0 && base.length - dot <= 10 ? base.slice(dot) : '';
  return base.slice(0, FILE_NAME_LIMIT - extension.length) + extension;
}

/** Keeps the original and makes renditions (several widths, WebP and the original format); all or nothing. */
export async function storeImage(
  deps: ImageDeps,
  actor: Actor,
  data: Buffer,
  details: ImageDetails,
  fileName = '',
): Promise<ImageRow> {
  authorize(actor, 'media.upload');
  const metadata = await sharp(data)
    .metadata()
    .catch(() => null);
  if (!metadata?.format || !ACCEPTED.has(metadata.format) || !metadata.width || !metadata.height) {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      'The upload is not an image Gaceta accepts (JPEG, PNG, WebP, GIF or AVIF).',
    );
  }
  const format = metadata.format as ImageRow['format'];
  const oriented = (metadata.orientation ?? 1) >= 5;
  const width = oriented ? metadata.height : metadata.width;
  const height = oriented ? metadata.width : metadata.height;
  const id = newId();
  const extension = FORMAT_EXTENSIONS[format];
  const widths = renditionWidths(width);
  const written: string[] = [];
  const put = async (key: string, bytes: Buffer): Promise<void> => {
    written.push(key);
    await deps.storage.put(key, bytes);
  };
  try {
    await put(`images/${id}/original.${extension}`, data);
    for (const w of widths) {
      const resized = sharp(data).rotate().resize({ width: w, withoutEnlargement: true });
      await put(renditionKey(id, w, 'webp'), await encoded(resized.clone().webp({ quality: 78 })));
      if (format !== 'webp')
        await put(renditionKey(id, w, extension), await encoded(resized.clone().toFormat(format, { quality: 80 })));
    }
    const row: ImageRow = {
      id,
      format,
      width,
      height,
      bytes: data.length,
      widths: JSON.stringify(widths),
      alt: details.alt ?? '',
      caption: details.caption ?? '',
      credit: details.credit ?? '',
      file_name: cleanFileName(fileName),
      created_at: nowIso(),
      created_by: staffIdOf(actor),
    };
    await deps.db.insertInto('images').values(row).execute();
    return row;
  } catch (error) {
    await deps.storage.remove(written);
    throw error;
  }
}

/**
 * A header can be whole while the pixels after it are not (a cut-off upload), or too many to
 * decode: sharp only finds out while resizing. That is the uploader's file, not a server fault.
 */
async function encoded(pipeline: Sharp): Promise<Buffer> {
  try {
    return await pipeline.toBuffer();
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new AppError(
      'UNREADABLE_IMAGE',
      `The image could not be read (${reason}); upload the file again or export it anew.`,
    );
  }
}

export async function findImage(db: Kysely<Database>, id: string): Promise<ImageRow | undefined> {
  return db.selectFrom('images').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findImages(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, ImageRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('images').selectAll().where('id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.id, row]));
}

/** An image by id, or IMAGE_NOT_FOUND. */
export async function requireImage(db: Kysely<Database>, id: string): Promise<ImageRow> {
  const row = await findImage(db, id);
  if (!row) throw new AppError('IMAGE_NOT_FOUND', `No image with id ${id}.`);
  return row;
}

/** Changes an image's alt text, caption or credit (its uploader, or an editor); pages then show the new ones. */
export async function updateImageDetails(
  deps: { db: Kysely<Database>; invalidation: Invalidation },
  actor: Actor,
  id: string,
  details: ImageDetails,
): Promise<ImageRow> {
  const existing = await requireImage(deps.db, id);
  authorize(actor, 'media.edit', { createdBy: existing.created_by });
  const changes = Object.fromEntries(Object.entries(details).filter(([, value]) => value !== undefined));
  if (Object.keys(changes).length === 0) return existing;
  await deps.db.updateTable('images').set(changes).where('id', '=', id).execute();
  // Every page that shows the image (as a feature, in a body, on a card) repaints.
  deps.invalidation.purge([ALL_PAGES]);
  return requireImage(deps.db, id);
}

/** A page of the media library, newest first, and how many images there are in all (or that match). */
export async function listImages(
  db: Kysely<Database>,
  options: { search?: string; limit: number; offset: number },
): Promise<{ images: ImageRow[]; total: number }> {
  const [images, total] = await Promise.all([listImageRows(db, options), countImageRows(db, options.search)]);
  return { images, total };
}

/** Somewhere an image is shown: content (articles, pages, authors) or the site settings' logo. */
export type ImageUse = ContentImageUse | { kind: 'settings'; id: 'logo'; title: string; status: null; as: 'logo' };

/** Everywhere the image is used; an image used nowhere may be deleted. */
export async function imageUses(db: Kysely<Database>, id: string): Promise<ImageUse[]> {
  const [content, settings] = await Promise.all([contentImageUses(db, id), settingsImageUses(db, id)]);
  return [
    ...content,
    ...settings.map((): ImageUse => ({ kind: 'settings', id: 'logo', title: 'Site logo', status: null, as: 'logo' })),
  ];
}

/**
 * Deletes an image nothing uses (its uploader, or an editor), with its original and renditions;
 * one that is used is refused with IMAGE_IN_USE, naming each use. Pages never showed it, so none
 * is purged. The files go after the row, so a failure leaves unreachable files, never a broken image.
 */
export async function deleteImage(deps: ImageDeps, actor: Actor, id: string): Promise<void> {
  const existing = await requireImage(deps.db, id);
  authorize(actor, 'media.delete', { createdBy: existing.created_by });
  await deps.db.transaction().execute(async (trx) => {
    const uses = await imageUses(trx, id);
    if (uses.length)
      throw new AppError(
        'IMAGE_IN_USE',
        `The image is used ${uses.length === 1 ? 'once' : `${uses.length} times`}: remove it from ${uses
          .map(
            (use) => `${use.kind === 'settings' ? 'the site settings' : `the ${use.kind} "${use.title}"`} (${use.as})`,
          )
          .join(', ')} first.`,
        uses.map((use) => ({ field: `uses/${use.kind}/${use.id}`, message: `${use.as}: ${use.title}` })),
      );
    await deleteImageRow(trx, id);
  });
  const extension = FORMAT_EXTENSIONS[existing.format];
  const widths = parseWidths(existing.widths);
  await deps.storage.remove([
    `images/${id}/original.${extension}`,
    ...widths.flatMap((w) => [
      renditionKey(id, w, 'webp'),
      ...(existing.format === 'webp' ? [] : [renditionKey(id, w, extension)]),
    ]),
  ]);
}
