import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.ts';
import { useApp } from '../context.ts';
import { ImagePicker, type LibraryImage } from '../media/image-picker.tsx';
import { Field } from '../ui/field.tsx';
import { type AuthorLink, LINK_KINDS, type LinkKind } from './kinds.ts';

/** An author's photo: chosen from the media library (or uploaded there), shown, removable. */
export function PhotoField(props: {
  imageId: string | null;
  onChange: (imageId: string | null) => void;
  error?: string | undefined;
}) {
  const { t } = useApp();
  const [image, setImage] = useState<Pick<LibraryImage, 'id' | 'src' | 'alt'> | undefined>();
  useEffect(() => {
    if (!props.imageId) setImage(undefined);
    else if (image?.id !== props.imageId)
      api<LibraryImage>('GET', `/media/images/${props.imageId}`).then(setImage, () => setImage(undefined));
  }, [props.imageId]);
  return (
    <fieldset class={props.error ? 'photo-field invalid' : 'photo-field'}>
      <legend>{t('taxonomy.photo')}</legend>
      <div class="chosen-image">
        {image ? <img src={image.src} alt={image.alt} /> : <p class="muted">{t('taxonomy.noPhoto')}</p>}
        <ImagePicker
          label={props.imageId ? t('taxonomy.changePhoto') : t('taxonomy.choosePhoto')}
          onChoose={(chosen) => {
            setImage(chosen);
            props.onChange(chosen.id);
          }}
        />
        {props.imageId && (
          <button type="button" class="secondary" onClick={() => props.onChange(null)}>
            {t('taxonomy.removePhoto')}
          </button>
        )}
      </div>
      {props.error && <p class="field-error">{props.error}</p>}
    </fieldset>
  );
}

/** An author's links, in order: each a kind (website, X, …) and an address, with its own refusal. */
export function LinksField(props: {
  links: AuthorLink[];
  onChange: (links: AuthorLink[]) => void;
  errorAt: (path: string) => string | undefined;
}) {
  const { t } = useApp();
  const set = (i: number, patch: Partial<AuthorLink>) =>
    props.onChange(props.links.map((link, at) => (at === i ? { ...link, ...patch } : link)));
  const add = () => {
    props.onChange([...props.links, { kind: 'website', url: '' }]);
    // The new link's kind takes the keyboard, once it is on the page.
    requestAnimationFrame(() => document.getElementById(`link-${props.links.length}-kind`)?.focus());
  };
  const remove = (i: number) => {
    props.onChange(props.links.filter((_, at) => at !== i));
    requestAnimationFrame(() => document.getElementById('add-link')?.focus());
  };
  return (
    <fieldset class="links-field">
      <legend>{t('taxonomy.links')}</legend>
      <p class="hint">{t('taxonomy.linksHint')}</p>
      {props.errorAt('links') && <p class="field-error">{props.errorAt('links')}</p>}
      {props.links.map((link, i) => {
        const n = String(i + 1);
        return (
          <div class="link-row" key={i}>
            <Field id={`link-${i}-kind`} label={t('taxonomy.linkKind', { n })} error={props.errorAt(`links/${i}/kind`)}>
              {(control) => (
                <select
                  {...control}
                  value={link.kind}
                  onChange={(event) => set(i, { kind: event.currentTarget.value as LinkKind })}
                >
                  {LINK_KINDS.map(([kind, name]) => (
                    <option value={kind} key={kind}>
                      {name || t('taxonomy.kind.website')}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id={`link-${i}-url`} label={t('taxonomy.linkUrl', { n })} error={props.errorAt(`links/${i}/url`)}>
              {(control) => (
                <input
                  {...control}
                  type="url"
                  value={link.url}
                  onInput={(event) => set(i, { url: event.currentTarget.value })}
                />
              )}
            </Field>
            <button type="button" class="secondary small" onClick={() => remove(i)}>
              {t('taxonomy.removeLink', { n })}
            </button>
          </div>
        );
      })}
      <button type="button" class="secondary" id="add-link" onClick={add}>
        {t('taxonomy.addLink')}
      </button>
    </fieldset>
  );
}
