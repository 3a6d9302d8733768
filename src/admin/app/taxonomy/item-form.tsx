import { useRef, useState } from 'preact/hooks';
import { api } from '../api.ts';
import { useApp } from '../context.ts';
import { Field, RefusalMessage, TextField } from '../ui/field.tsx';
import { useSubmit } from '../ui/refusal.ts';
import { LinksField, PhotoField } from './author-fields.tsx';
import type { AuthorLink, TaxonomyItem, TaxonomyKind } from './kinds.ts';

interface Draft {
  name: string;
  slug: string;
  text: string;
  position: string;
  photoImageId: string | null;
  links: AuthorLink[];
}

const draftOf = (kind: TaxonomyKind, item?: TaxonomyItem): Draft => ({
  name: item?.name ?? '',
  slug: item?.slug ?? '',
  text: (kind.text && item?.[kind.text]) ?? '',
  position: item?.position === undefined ? '' : String(item.position),
  photoImageId: item?.photoImageId ?? null,
  links: item?.links ?? [],
});

/**
 * Creates one (no `item`) or changes one. What the staff member typed stays in the form when the
 * API refuses it, with each refusal next to its field; an empty slug is made from the name.
 */
export function ItemForm(props: {
  kind: TaxonomyKind;
  item?: TaxonomyItem;
  heading: string;
  onSaved: (item: TaxonomyItem) => void;
  onCancel?: () => void;
}) {
  const { t } = useApp();
  const { kind, item } = props;
  const [draft, setDraft] = useState<Draft>(() => draftOf(kind, item));
  const submit = useSubmit('taxonomy');
  const prefix = item ? `edit-${kind.table}` : `new-${kind.table}`;
  const name = useRef<HTMLInputElement>(null);
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });

  const save = async (event: Event) => {
    event.preventDefault();
    const body: Record<string, unknown> = { name: draft.name };
    if (draft.slug.trim()) body.slug = draft.slug.trim();
    if (kind.text) body[kind.text] = draft.text;
    if (kind.position && draft.position !== '') body.position = Number(draft.position);
    if (kind.table === 'authors') {
      body.photoImageId = draft.photoImageId;
      body.links = draft.links;
    }
    await submit.run(async () => {
      const saved = item
        ? await api<TaxonomyItem>('PATCH', `/${kind.table}/${item.id}`, body)
        : await api<TaxonomyItem>('POST', `/${kind.table}`, body);
      if (!item) setDraft(draftOf(kind));
      props.onSaved(saved);
    });
  };

  return (
    <form class="panel item-form" onSubmit={save} ref={submit.formRef} noValidate aria-labelledby={`${prefix}-heading`}>
      <h2 id={`${prefix}-heading`} tabIndex={-1}>
        {props.heading}
      </h2>
      <RefusalMessage refusal={submit.refusal} />
      <Field id={`${prefix}-name`} label={t('taxonomy.name')} error={submit.fieldError('name')}>
        {(control) => (
          <input
            {...control}
            ref={name}
            value={draft.name}
            maxLength={120}
            onInput={(event) => set({ name: event.currentTarget.value })}
          />
        )}
      </Field>
      <TextField
        id={`${prefix}-slug`}
        label={t('taxonomy.slug')}
        value={draft.slug}
        onInput={(slug) => set({ slug })}
        hint={item && kind.path ? `${t('ui.slugHint')} ${t('taxonomy.slugMoves')}` : t('ui.slugHint')}
        error={submit.fieldError('slug')}
        optional
        spellcheck={false}
      />
      {kind.text && (
        <TextField
          id={`${prefix}-${kind.text}`}
          label={t(kind.text === 'bio' ? 'taxonomy.bio' : 'taxonomy.description')}
          value={draft.text}
          onInput={(text) => set({ text })}
          error={submit.fieldError(kind.text)}
          multiline
          optional
        />
      )}
      {kind.position && (
        <Field
          id={`${prefix}-position`}
          label={t('taxonomy.position')}
          hint={t('taxonomy.positionHint')}
          error={submit.fieldError('position')}
          optional
        >
          {(control) => (
            <input
              {...control}
              type="number"
              min={0}
              max={1000}
              value={draft.position}
              onInput={(event) => set({ position: event.currentTarget.value })}
            />
          )}
        </Field>
      )}
      {kind.table === 'authors' && (
        <>
          <PhotoField
            imageId={draft.photoImageId}
            onChange={(photoImageId) => set({ photoImageId })}
            error={submit.fieldError('photoImageId')}
          />
          <LinksField links={draft.links} onChange={(links) => set({ links })} errorAt={submit.fieldError} />
        </>
      )}
      <div class="buttons">
        <button type="submit" disabled={submit.busy}>
          {submit.busy ? t('ui.saving') : item ? t('ui.save') : t('taxonomy.create')}
        </button>
        {props.onCancel && (
          <button type="button" class="secondary" onClick={props.onCancel}>
            {t('ui.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
