import { ApiError, uploadForm } from '../api.ts';
import type { AppContext } from '../context.ts';
import { errorMessage } from '../messages.ts';
import { type LibraryImage, sizeInWords } from './images.ts';

/*
 * The web app's one way to upload an image, whoever asks (the media library, the image picker, the
 * editor's paste and drop): what the server would refuse is refused before it is sent, progress is
 * reported, and every refusal becomes one sentence naming the file, in the staff member's language.
 */

/** An upload that did not happen; its message says which file and why, ready to show. */
export class UploadRefused extends Error {}

/** What an upload needs of the app: its words and the server's size limit. */
export type UploadTerms = Pick<AppContext, 't' | 'locale' | 'uploadLimitBytes'>;

// What the server takes (src/media/images.service.ts).
const ACCEPTED_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif']);

/** The file types a file input offers (the `accept` attribute). */
export const ACCEPTED_IMAGE_TYPES = [...ACCEPTED_TYPES].join(',');

/** The server's limit as people say it: "25 MB". */
export const uploadLimitInWords = (terms: UploadTerms) => sizeInWords(terms.uploadLimitBytes, terms.locale);

/** Uploads one image into the media library, reporting progress from 0 to 1; rejects with UploadRefused. */
export async function uploadImageFile(
  file: File,
  terms: UploadTerms,
  onProgress: (fraction: number) => void,
): Promise<LibraryImage> {
  const { t } = terms;
  const name = file.name;
  const limit = uploadLimitInWords(terms);
  if (!ACCEPTED_TYPES.has(file.type)) throw new UploadRefused(t('media.error.notImage', { name }));
  if (file.size > terms.uploadLimitBytes) throw new UploadRefused(t('media.error.tooLarge', { name, limit }));
  const form = new FormData();
  form.append('file', file, name);
  try {
    return await uploadForm<LibraryImage>('/media/images', form, onProgress);
  } catch (caught) {
    // The server has the last word: a file may claim to be a PNG, or pass a proxy's size limit.
    const code = caught instanceof ApiError ? caught.code : 'other';
    if (code === 'UNSUPPORTED_MEDIA_TYPE') throw new UploadRefused(t('media.error.notImage', { name }));
    if (code === 'PAYLOAD_TOO_LARGE' || (caught instanceof ApiError && caught.status === 413))
      throw new UploadRefused(t('media.error.tooLarge', { name, limit }));
    if (code === 'UNREADABLE_IMAGE') throw new UploadRefused(t('media.error.unreadable', { name }));
    throw new UploadRefused(t('media.error.failed', { name, reason: errorMessage(t, code) }));
  }
}

/** What to show for a failed upload. */
export const refusalOf = (caught: unknown): string => (caught instanceof Error ? caught.message : String(caught));
