import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api.ts';
import { useApp } from '../context.ts';
import type { MessageKey } from '../messages.ts';
import { useConfirm } from '../ui/confirm.tsx';
import { RefusalMessage, TextField } from '../ui/field.tsx';
import { useLoad } from '../ui/load.ts';
import { useSubmit } from '../ui/refusal.ts';
import { imageName, type LibraryImage, sizeInWords } from './images.ts';

interface ImageUse {
  kind: 'article' | 'page' | 'author' | 'settings';
  id: string;
  title: string;
  status: string | null;
  as: string;
}

/** Where each use is changed in the app. */
const useAddress = (use: ImageUse): string =>
  use.kind === 'article'
    ? `/admin/articles/${use.id}`
    : use.kind === 'page'
      ? `/admin/pages/${use.id}`
      : use.kind === 'author'
        ? '/admin/authors'
        : '/admin/settings';

/**
 * One image: a preview, its alt text, caption and credit to change, where it is used, and Delete
 * (refused by the API while anything uses it, which this panel then lists).
 */
export function ImageDetails(props: {
  image: LibraryImage;
  onChanged: (image: LibraryImage) => void;
  onDeleted: (name: string) => void;
  onClose: () => void;
}) {
  const { t, locale, formatTime } = useApp();
  const { image } = props;
  const [details, setDetails] = useState({ alt: image.alt, caption: image.caption, credit: image.credit });
  const [saved, setSaved] = useState(false);
  const save = useSubmit('media');
  const removal = useSubmit('media');
  const [dialog, confirm] = useConfirm();
  const uses = useLoad(() => api<{ uses: ImageUse[] }>('GET', `/media/images/${image.id}/uses`), [image.id]);
  const heading = useRef<HTMLHeadingElement>(null);
  const name = imageName(image, t('media.untitled'));

  useEffect(() => {
    setDetails({ alt: image.alt, caption: image.caption, credit: image.credit });
    setSaved(false);
    heading.current?.focus();
  }, [image.id]);

  const submit = async (event: Event) => {
    event.preventDefault();
    setSaved(false);
    await save.run(async () => {
      props.onChanged(await api<LibraryImage>('PATCH', `/media/images/${image.id}`, details));
      setSaved(true);
    });
  };

  const remove = async () => {
    if (
      !(await confirm({
        title: t('media.deleteTitle', { name }),
        body: t('media.deleteBody'),
        confirm: t('ui.delete'),
        danger: true,
      }))
    )
      return;
    const done = await removal.run(() => api('DELETE', `/media/images/${image.id}`));
    if (done) props.onDeleted(name);
    // A refusal (in use) comes with the uses as they are now.
    else uses.reload();
  };

  const field = (
    key: 'alt' | 'caption' | 'credit',
    label: MessageKey,
    extra: { hint?: string; multiline?: boolean } = {},
  ) => (
    <TextField
      id={`image-${key}`}
      label={t(label)}
      value={details[key]}
      onInput={(value) => setDetails({ ...details, [key]: value })}
      error={save.fieldError(key)}
      optional={key !== 'alt'}
      {...extra}
    />
  );

  return (
    <section class="image-details panel" aria-labelledby="image-details-heading">
      <h2 id="image-details-heading" tabIndex={-1} ref={heading}>
        {t('media.details')}: {name}
      </h2>
      <img
        class="preview"
        src={image.src}
        srcset={image.srcset}
        sizes="(max-width: 40rem) 90vw, 24rem"
        alt={image.alt}
      />
      <p class="muted">
        {t('media.dimensions', {
          width: String(image.width),
          height: String(image.height),
          size: sizeInWords(image.bytes, locale),
        })}
        <br />
        {t('media.uploadedAt', { time: formatTime(image.createdAt) })}
      </p>
      <form onSubmit={submit} ref={save.formRef} noValidate>
        <RefusalMessage refusal={save.refusal} />
        {field('alt', 'media.alt', { hint: t('media.altHint'), multiline: true })}
        {field('caption', 'media.caption', { multiline: true })}
        {field('credit', 'media.credit')}
        <div class="buttons">
          <button type="submit" disabled={save.busy}>
            {save.busy ? t('ui.saving') : t('ui.save')}
          </button>
          <span role="status">{saved ? t('ui.saved') : ''}</span>
        </div>
      </form>
      <h3>{t('media.uses')}</h3>
      {uses.error && <p class="error">{uses.error}</p>}
      {uses.data &&
        (uses.data.uses.length === 0 ? (
          <p>{t('media.unused')}</p>
        ) : (
          <ul class="uses">
            {uses.data.uses.map((use) => (
              <li key={`${use.kind}-${use.id}-${use.as}`}>
                {use.kind === 'settings' ? (
                  <a href={useAddress(use)}>{t('media.use.settings.logo')}</a>
                ) : (
                  <>
                    {t(`media.use.${use.kind}.${use.as}` as MessageKey)}: <a href={useAddress(use)}>{use.title}</a>
                  </>
                )}
              </li>
            ))}
          </ul>
        ))}
      <form ref={removal.formRef} onSubmit={(event) => event.preventDefault()}>
        <RefusalMessage refusal={removal.refusal} />
        <div class="buttons">
          <button type="button" class="secondary danger" onClick={remove} disabled={removal.busy}>
            {t('media.deleteImage')}
          </button>
          <button type="button" class="secondary" onClick={props.onClose}>
            {t('media.closeDetails')}
          </button>
        </div>
      </form>
      {dialog}
    </section>
  );
}
