import { useRef, useState } from 'preact/hooks';
import { ApiError } from '../api.ts';
import { useApp } from '../context.ts';
import { errorMessage } from '../messages.ts';
import { type LibraryImage, refuseFile, sizeInWords, uploadImage } from './images.ts';

interface Upload {
  key: number;
  name: string;
  /** 0 to 1 while sending; undefined once done or refused. */
  progress?: number;
  error?: string;
  done?: boolean;
}

/**
 * Uploads images chosen with the file picker or dropped on it, one after the other, each with its
 * progress; a file that is not an image the server takes, or too large, is refused before it is sent,
 * and every refusal says which file and why in the staff member's language.
 */
export function UploadZone(props: {
  id: string;
  limitBytes: number;
  multiple?: boolean;
  onUploaded: (image: LibraryImage) => void;
}) {
  const { t, locale } = useApp();
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const counter = useRef(0);
  const limit = sizeInWords(props.limitBytes, locale);

  const change = (key: number, patch: Partial<Upload>) =>
    setUploads((all) => all.map((upload) => (upload.key === key ? { ...upload, ...patch } : upload)));

  const reason = (caught: unknown, name: string): string => {
    const code = caught instanceof ApiError ? caught.code : 'other';
    if (code === 'UNSUPPORTED_MEDIA_TYPE') return t('media.error.notImage', { name });
    if (code === 'PAYLOAD_TOO_LARGE' || (caught instanceof ApiError && caught.status === 413))
      return t('media.error.tooLarge', { name, limit });
    if (code === 'UNREADABLE_IMAGE') return t('media.error.unreadable', { name });
    return t('media.error.failed', { name, reason: errorMessage(t, code) });
  };

  const send = async (files: readonly File[]) => {
    const chosen = props.multiple ? files : files.slice(0, 1);
    const queued = chosen.map((file) => ({ file, key: ++counter.current }));
    setUploads(queued.map(({ file, key }) => ({ key, name: file.name })));
    for (const { file, key } of queued) {
      const refused = refuseFile(file, props.limitBytes);
      if (refused) {
        change(key, { error: t(`media.error.${refused}`, { name: file.name, limit }) });
        continue;
      }
      change(key, { progress: 0 });
      try {
        const image = await uploadImage(file, (fraction) => change(key, { progress: fraction }));
        change(key, { progress: undefined, done: true });
        props.onUploaded(image);
      } catch (caught) {
        change(key, { progress: undefined, error: reason(caught, file.name) });
      }
    }
    if (input.current) input.current.value = '';
  };

  return (
    <div
      class={over ? 'upload-zone over' : 'upload-zone'}
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        void send(Array.from(event.dataTransfer?.files ?? []));
      }}
    >
      <label for={props.id}>{t('media.chooseFiles')}</label>
      <input
        id={props.id}
        ref={input}
        type="file"
        accept="image/jpeg,image/png,image/webp,image/gif,image/avif"
        multiple={props.multiple}
        aria-describedby={`${props.id}-hint`}
        onChange={(event) => void send(Array.from((event.currentTarget as HTMLInputElement).files ?? []))}
      />
      <p class="hint" id={`${props.id}-hint`}>
        {over ? t('media.dropActive') : t('media.dropHere', { limit })}
      </p>
      <ul class="uploads" aria-live="polite">
        {uploads.map((upload) => (
          <li key={upload.key}>
            {upload.progress !== undefined && (
              <>
                <label for={`upload-${upload.key}`}>{t('media.uploading', { name: upload.name })}</label>{' '}
                <progress id={`upload-${upload.key}`} max={1} value={upload.progress} />
              </>
            )}
            {upload.done && <span class="done">{t('media.uploaded', { name: upload.name })}</span>}
            {upload.error && (
              <span class="field-error" role="alert">
                {upload.error}
              </span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
