import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api.ts';
import { useApp } from '../context.ts';
import type { EditorServices, ImageInfo } from '../editor/services.ts';
import { errorMessage } from '../messages.ts';
import type { FeatureImageSetting } from './settings-model.ts';

// One arrow key press moves the focal point this far (Shift: ten times as far).
const STEP = 0.01;
const clamp = (value: number) => Math.min(1, Math.max(0, Math.round(value * 1000) / 1000));

/**
 * The feature image: upload one, describe it (alt, caption, credit) and set its focal point, the
 * spot kept in view wherever it is cropped, by clicking on it or with the arrow keys.
 */
export function FeatureImageField(props: {
  value: FeatureImageSetting | null;
  services: EditorServices;
  onChange: (value: FeatureImageSetting | null) => void;
  errors: (field: string) => string | undefined;
}) {
  const { t } = useApp();
  const { value } = props;
  const [info, setInfo] = useState<ImageInfo>();
  const [progress, setProgress] = useState<number>();
  const [problem, setProblem] = useState<string>();
  const file = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!value) return setInfo(undefined);
    if (info?.id === value.id) return;
    props.services.image(value.id).then(setInfo, () => setInfo(undefined));
  }, [value?.id]);

  const upload = async (chosen: File) => {
    setProblem(undefined);
    if (chosen.size > props.services.uploadLimitBytes) return setProblem(errorMessage(t, 'PAYLOAD_TOO_LARGE'));
    try {
      setProgress(0);
      const image = await props.services.uploadImage(chosen, setProgress);
      setInfo(image);
      props.onChange({ id: image.id, alt: image.alt, caption: image.caption, credit: image.credit, focalPoint: null });
    } catch (caught) {
      setProblem(errorMessage(t, caught instanceof ApiError ? caught.code : 'other'));
    } finally {
      setProgress(undefined);
    }
  };

  const point = value?.focalPoint ?? { x: 0.5, y: 0.5 };
  const setPoint = (x: number, y: number) =>
    value && props.onChange({ ...value, focalPoint: { x: clamp(x), y: clamp(y) } });
  const text = (field: 'alt' | 'caption' | 'credit', label: string) => {
    const error = props.errors(`featureImage/${field}`);
    return (
      <div class="field">
        <label for={`feature-${field}`}>{label}</label>
        <input
          id={`feature-${field}`}
          type="text"
          value={value?.[field] ?? ''}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `feature-${field}-error` : undefined}
          onInput={(event) => value && props.onChange({ ...value, [field]: event.currentTarget.value })}
        />
        {error && (
          <p id={`feature-${field}-error`} class="field-error">
            {error}
          </p>
        )}
      </div>
    );
  };

  return (
    <fieldset class="feature-image">
      <legend>{t('panel.featureImage')}</legend>
      {value && info && (
        <>
          <div
            class="focal-frame"
            role="slider"
            tabIndex={0}
            aria-label={t('panel.focalPoint')}
            aria-valuetext={t('panel.focalValue', {
              x: String(Math.round(point.x * 100)),
              y: String(Math.round(point.y * 100)),
            })}
            aria-valuenow={Math.round(point.x * 100)}
            aria-valuemin={0}
            aria-valuemax={100}
            onClick={(event) => {
              const box = event.currentTarget.getBoundingClientRect();
              setPoint((event.clientX - box.left) / box.width, (event.clientY - box.top) / box.height);
            }}
            onKeyDown={(event) => {
              const step = event.shiftKey ? STEP * 10 : STEP;
              const moves: Record<string, [number, number]> = {
                ArrowLeft: [-step, 0],
                ArrowRight: [step, 0],
                ArrowUp: [0, -step],
                ArrowDown: [0, step],
              };
              const move = moves[event.key];
              if (!move) return;
              event.preventDefault();
              setPoint(point.x + move[0], point.y + move[1]);
            }}
          >
            <img src={info.src} alt="" />
            <span class="focal-mark" style={{ left: `${point.x * 100}%`, top: `${point.y * 100}%` }} />
          </div>
          <p class="hint">{t('panel.focalHint')}</p>
          {text('alt', t('panel.alt'))}
          {text('caption', t('panel.caption'))}
          {text('credit', t('panel.credit'))}
        </>
      )}
      <p class="actions">
        <button type="button" class="secondary" onClick={() => file.current?.click()}>
          {value ? t('panel.replaceImage') : t('panel.uploadImage')}
        </button>
        {value && (
          <button type="button" class="secondary" onClick={() => props.onChange(null)}>
            {t('panel.removeImage')}
          </button>
        )}
      </p>
      <input
        ref={file}
        type="file"
        accept="image/*"
        hidden
        aria-label={t('panel.uploadImage')}
        onChange={(event) => {
          const chosen = event.currentTarget.files?.[0];
          event.currentTarget.value = '';
          if (chosen) void upload(chosen);
        }}
      />
      {progress !== undefined && <progress value={progress} max={1} aria-label={t('panel.uploading')} />}
      {problem && (
        <p class="field-error" role="alert">
          {problem}
        </p>
      )}
    </fieldset>
  );
}
