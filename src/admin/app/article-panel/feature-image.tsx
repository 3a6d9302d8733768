import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../context.ts';
import type { EditorServices, ImageInfo } from '../editor/services.ts';
import { ImagePicker } from '../media/image-picker.tsx';
import type { FeatureImageSetting } from './settings-model.ts';

// One arrow key press moves the focal point this far (Shift: ten times as far).
const STEP = 0.01;
const clamp = (value: number) => Math.min(1, Math.max(0, Math.round(value * 1000) / 1000));

/**
 * The feature image: chosen from the media library or uploaded there through the app's one image
 * picker, described (alt, caption, credit), and its focal point set, the spot kept in view wherever
 * it is cropped, by clicking on it or with the arrow keys.
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

  useEffect(() => {
    if (!value) return setInfo(undefined);
    if (info?.id === value.id) return;
    props.services.image(value.id).then(setInfo, () => setInfo(undefined));
  }, [value?.id]);

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
            {/* Its size, so the frame has its final shape before the picture arrives: a click lands where aimed. */}
            <img src={info.src} width={info.width} height={info.height} alt="" />
            <span class="focal-mark" style={{ left: `${point.x * 100}%`, top: `${point.y * 100}%` }} />
          </div>
          <p class="hint">{t('panel.focalHint')}</p>
          {text('alt', t('panel.alt'))}
          {text('caption', t('panel.caption'))}
          {text('credit', t('panel.credit'))}
        </>
      )}
      <p class="actions">
        <ImagePicker
          label={value ? t('panel.replaceImage') : t('panel.chooseImage')}
          onChoose={(image) => {
            setInfo(image);
            props.onChange({
              id: image.id,
              alt: image.alt,
              caption: image.caption,
              credit: image.credit,
              focalPoint: null,
            });
          }}
        />
        {value && (
          <button type="button" class="secondary" onClick={() => props.onChange(null)}>
            {t('panel.removeImage')}
          </button>
        )}
      </p>
    </fieldset>
  );
}
