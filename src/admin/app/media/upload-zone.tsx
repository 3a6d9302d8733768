import { useRef, useState } from 'preact/hooks';
import { useApp } from '../context.ts';
import type { LibraryImage } from './images.ts';
import { ACCEPTED_IMAGE_TYPES, refusalOf, uploadImageFile, uploadLimitInWords } from './upload.ts';

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
 * progress and, when refused, why (see upload.ts).
 */
export function UploadZone(props: { id: string; multiple?: boolean; onUploaded: (image: LibraryImage) => void }) {
  const app = useApp();
  const { t } = app;
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const counter = useRef(0);
  const limit = uploadLimitInWords(app);

  const change = (key: number, patch: Partial<Upload>) =>
    setUploads((all) => all.map((upload) => (upload.key === key ? { ...upload, ...patch } : upload)));

  const send = async (files: readonly File[]) => {
    const chosen = props.multiple ? files : files.slice(0, 1);
    const queued = chosen.map((file) => ({ file, key: ++counter.current }));
    setUploads(queued.map(({ file, key }) => ({ key, name: file.name })));
    for (const { file, key } of queued) {
      change(key, { progress: 0 });
      try {
        const image = await uploadImageFile(file, app, (fraction) => change(key, { progress: fraction }));
        change(key, { progress: undefined, done: true });
        props.onUploaded(image);
      } catch (caught) {
        change(key, { progress: undefined, error: refusalOf(caught) });
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
        accept={ACCEPTED_IMAGE_TYPES}
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
