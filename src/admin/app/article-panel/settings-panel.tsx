import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api.ts';
import { useApp } from '../context.ts';
import { apiServices } from '../editor/services.ts';
import { errorMessage } from '../messages.ts';
import { describeRefusal } from '../ui/refusal.ts';
import type { ArticleChanges, EditableArticle } from '../article/article-api.ts';
import { ChoiceCombobox } from './choice-combobox.tsx';
import { FeatureImageField } from './feature-image.tsx';
import { SearchSocialFields } from './search-social.tsx';
import {
  ACCESS_LEVELS,
  type AccessLevel,
  type ArticleSettings,
  changedSettings,
  moved,
  settingsOf,
  slugFollows,
} from './settings-model.ts';
import { type Choices, createTag, loadChoices, loadPaidTiers, type TierChoice } from './taxonomy-api.ts';
import { slugify } from '../../../content/urls.ts';
import { can } from '../../../content/policy.ts';
import type { StaffRole } from '../../../staff/staff.table.ts';
import './article-panel.css';

/** What the editor screen hands the settings panel to take part in its saves. */
export interface SettingsEdit {
  /** Something changed: the screen's saver saves it with the text. */
  changed: () => void;
  /** Gives the saver what a save must send besides headline and text. */
  provide: (read: (headline: string) => Partial<ArticleSettings>) => void;
  /** What the API said about fields of the last refused save. */
  refusal: ApiError | undefined;
  /** A copy kept in the browser, put back in the editor: the panel starts from the settings it changed. */
  restored?: ArticleChanges | undefined;
}

const EDIT_ACCESS = ['editor', 'admin'];

/** Everything about an article besides its text: where it goes, who wrote it, how it is found and shared. */
export function SettingsPanel(props: { article: EditableArticle | undefined; edit: SettingsEdit }) {
  const { t, locale, staff, uploadLimitBytes } = useApp();
  const services = useMemo(() => apiServices({ t, locale, uploadLimitBytes }), [t, locale, uploadLimitBytes]);
  const restored = props.edit.restored;
  const [settings, setSettings] = useState<ArticleSettings>(() => settingsOf({ ...props.article, ...restored }));
  const [choices, setChoices] = useState<Choices>({ sections: [], labels: [], tags: [], authors: [] });
  const [problem, setProblem] = useState<string>();
  const [paidTiers, setPaidTiers] = useState<TierChoice[]>([]);
  const [imageSrc, setImageSrc] = useState<string>();
  // A restored slug that is not the restored headline's was set by hand.
  const [slugByHand, setSlugByHand] = useState(
    () => !slugFollows(props.article) || (restored?.slug !== undefined && restored.slug !== slugify(restored.headline)),
  );
  const latest = useRef({ settings, article: props.article, slugByHand });
  latest.current = { settings, article: props.article, slugByHand };
  // The panel's settings start from the article once; later answers of the server only move the base
  // the changes are measured from, so what is typed during a save is never overwritten.
  const loadedId = useRef(props.article?.id);
  useEffect(() => {
    if (props.article && loadedId.current !== props.article.id && loadedId.current !== undefined) {
      setSettings(settingsOf(props.article));
    }
    loadedId.current = props.article?.id;
  }, [props.article?.id]);

  props.edit.provide((headline) => {
    const { settings: mine, article, slugByHand: byHand } = latest.current;
    return changedSettings(mine, article, headline, !byHand);
  });

  useEffect(() => {
    loadChoices().then(setChoices, (caught: unknown) =>
      setProblem(errorMessage(t, caught instanceof ApiError ? caught.code : 'other')),
    );
    // Only those who may change access choose tiers (and only they may list them).
    if (EDIT_ACCESS.includes(staff.role)) loadPaidTiers().then(setPaidTiers, () => setPaidTiers([]));
  }, []);
  useEffect(() => {
    if (!settings.featureImage) return setImageSrc(undefined);
    services.image(settings.featureImage.id).then(
      (image) => setImageSrc(image.src),
      () => setImageSrc(undefined),
    );
  }, [settings.featureImage?.id]);

  const change = (next: Partial<ArticleSettings>) => {
    setSettings((current) => ({ ...current, ...next }));
    props.edit.changed();
  };
  // An article's slug taken by another article has the panel's own words (panel.field.slug.SLUG_TAKEN);
  // the general ones speak of any address.
  const refused = useMemo(
    () => (props.edit.refusal ? describeRefusal(t, props.edit.refusal, 'panel').fields : {}),
    [props.edit.refusal, t],
  );
  const fieldError = (field: string): string | undefined => refused[field];
  const errorFor = (field: string) => {
    const error = fieldError(field);
    return error
      ? {
          note: (
            <p id={`panel-${field}-error`} class="field-error">
              {error}
            </p>
          ),
          attributes: { 'aria-invalid': true as const, 'aria-describedby': `panel-${field}-error` },
        }
      : { note: null, attributes: {} };
  };
  const textField = (field: 'dek' | 'dateline' | 'attribution', label: string, hint?: string) => {
    const error = errorFor(field);
    const limit = { dek: 600, dateline: 120, attribution: 300 }[field];
    return (
      <div class="field">
        <label for={`panel-${field}`}>{label}</label>
        {field === 'dek' ? (
          <textarea
            id={`panel-${field}`}
            rows={3}
            maxLength={limit}
            value={settings[field]}
            {...error.attributes}
            onInput={(event) => change({ [field]: event.currentTarget.value })}
          />
        ) : (
          <input
            id={`panel-${field}`}
            type="text"
            maxLength={limit}
            value={settings[field]}
            placeholder={hint}
            {...error.attributes}
            onInput={(event) => change({ [field]: event.currentTarget.value })}
          />
        )}
        {error.note}
      </div>
    );
  };
  const select = (field: 'sectionId' | 'labelId', label: string, list: Choices['sections']) => (
    <div class="field">
      <label for={`panel-${field}`}>{label}</label>
      <select
        id={`panel-${field}`}
        value={settings[field] ?? ''}
        onChange={(event) => change({ [field]: event.currentTarget.value || null })}
      >
        <option value="">{t('panel.none')}</option>
        {list.map((choice) => (
          <option key={choice.id} value={choice.id}>
            {choice.name}
          </option>
        ))}
      </select>
      {errorFor(field).note}
    </div>
  );
  const nameOf = (list: Choices['tags'], id: string) => list.find((choice) => choice.id === id)?.name ?? '…';
  const shownSlug = !slugByHand && props.article ? slugify(props.article.headline) : settings.slug;
  const section = choices.sections.find((choice) => choice.id === settings.sectionId);
  const url = `${location.origin}/${section?.slug ?? 'news'}/${shownSlug || '…'}`;
  const published = props.article?.status === 'published';
  const mayEdit =
    !props.article ||
    can({ id: staff.id, role: staff.role as StaffRole }, 'article.edit', {
      createdBy: props.article.createdBy ?? null,
      status: props.article.status as 'draft',
    });
  const slugError = errorFor('slug');

  return (
    <aside class="settings-panel" aria-labelledby="panel-title">
      <h2 id="panel-title">{t('panel.title')}</h2>
      {!mayEdit && <p class="hint">{t('panel.readOnly')}</p>}
      {/* A story a contributor has submitted is the editors' now: its settings are shown, not changed. */}
      <fieldset class="panel-fields" disabled={!mayEdit}>
        <legend class="visually-hidden">{t('panel.title')}</legend>
        {problem && (
          <p class="field-error" role="alert">
            {problem}
          </p>
        )}
        {select('labelId', t('panel.label'), choices.labels)}
        {select('sectionId', t('panel.section'), choices.sections)}

        <div class="field">
          <p class="field-title" id="panel-tags-title">
            {t('panel.tags')}
          </p>
          <ul class="chips" aria-labelledby="panel-tags-title">
            {settings.tagIds.map((id) => (
              <li key={id}>
                {nameOf(choices.tags, id)}
                <button
                  type="button"
                  class="chip-remove"
                  aria-label={t('panel.removeTag', { name: nameOf(choices.tags, id) })}
                  onClick={() => change({ tagIds: settings.tagIds.filter((tag) => tag !== id) })}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
          <ChoiceCombobox
            id="panel-tag-search"
            label={t('panel.addTag')}
            choices={choices.tags}
            taken={settings.tagIds}
            onPick={(choice) => change({ tagIds: [...latest.current.settings.tagIds, choice.id] })}
            createLabel={(name) => t('panel.createTag', { name })}
            onCreate={async (name) => {
              try {
                const tag = await createTag(name);
                setChoices((current) => ({ ...current, tags: [...current.tags, tag] }));
                change({ tagIds: [...latest.current.settings.tagIds, tag.id] });
              } catch (caught) {
                setProblem(errorMessage(t, caught instanceof ApiError ? caught.code : 'other'));
              }
            }}
          />
        </div>

        <div class="field">
          <p class="field-title" id="panel-authors-title">
            {t('panel.authors')}
          </p>
          <ol class="byline-list" aria-labelledby="panel-authors-title">
            {settings.authorIds.map((id, index) => {
              const name = nameOf(choices.authors, id);
              return (
                <li key={id}>
                  <span>{name}</span>
                  <button
                    type="button"
                    class="secondary small"
                    disabled={index === 0}
                    aria-label={t('panel.moveUp', { name })}
                    onClick={() => change({ authorIds: moved(settings.authorIds, index, -1) })}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    class="secondary small"
                    disabled={index === settings.authorIds.length - 1}
                    aria-label={t('panel.moveDown', { name })}
                    onClick={() => change({ authorIds: moved(settings.authorIds, index, 1) })}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    class="secondary small"
                    aria-label={t('panel.removeAuthor', { name })}
                    onClick={() => change({ authorIds: settings.authorIds.filter((author) => author !== id) })}
                  >
                    ×
                  </button>
                </li>
              );
            })}
          </ol>
          <ChoiceCombobox
            id="panel-author-search"
            label={t('panel.addAuthor')}
            choices={choices.authors}
            taken={settings.authorIds}
            onPick={(choice) => change({ authorIds: [...latest.current.settings.authorIds, choice.id] })}
          />
        </div>

        {textField('dek', t('panel.dek'))}
        {textField('dateline', t('panel.dateline'), t('panel.datelineHint'))}
        {textField('attribution', t('panel.attribution'), t('panel.attributionHint'))}

        <FeatureImageField
          value={settings.featureImage}
          services={services}
          onChange={(featureImage) => change({ featureImage })}
          errors={fieldError}
        />

        <div class="field">
          <label for="panel-slug">{t('panel.slug')}</label>
          <input
            id="panel-slug"
            type="text"
            maxLength={100}
            value={shownSlug}
            aria-describedby={`panel-slug-hint${slugError.note ? ' panel-slug-error' : ''}`}
            aria-invalid={slugError.note ? true : undefined}
            onInput={(event) => {
              setSlugByHand(true);
              // Lower case and hyphens as one types; what is left for the server to refuse is the shape.
              const slug = event.currentTarget.value.toLowerCase().replace(/[^a-z0-9-]+/g, '-');
              event.currentTarget.value = slug;
              change({ slug });
            }}
          />
          <p id="panel-slug-hint" class="hint">
            {published ? t('panel.slugRedirect') : slugByHand ? t('panel.slugByHand') : t('panel.slugFollows')}
          </p>
          {slugError.note}
        </div>

        <SearchSocialFields
          settings={settings}
          headline={props.article?.headline ?? ''}
          url={url}
          imageSrc={imageSrc}
          onChange={(field, value) => change({ [field]: value })}
          errors={fieldError}
        />

        <div class="field">
          <label for="panel-access">{t('panel.access')}</label>
          {EDIT_ACCESS.includes(staff.role) ? (
            <select
              id="panel-access"
              value={settings.access}
              onChange={(event) => change({ access: event.currentTarget.value as AccessLevel })}
            >
              {ACCESS_LEVELS.map((level) => (
                <option key={level} value={level}>
                  {t(`panel.access.${level}`)}
                </option>
              ))}
            </select>
          ) : (
            <>
              <input id="panel-access" type="text" readOnly value={t(`panel.access.${settings.access}`)} />
              <p class="hint">{t('panel.accessEditorsOnly')}</p>
            </>
          )}
          {errorFor('access').note}
        </div>
        {settings.access === 'tiers' && (
          <fieldset class="field" aria-describedby="panel-tiers-hint">
            <legend>{t('panel.accessTiers')}</legend>
            <p id="panel-tiers-hint" class="hint">
              {paidTiers.length ? t('panel.accessTiersHint') : t('panel.accessTiersNone')}
            </p>
            {paidTiers.map((tier) => (
              <label key={tier.id} class="checkbox">
                <input
                  type="checkbox"
                  disabled={!EDIT_ACCESS.includes(staff.role)}
                  checked={settings.accessTierIds.includes(tier.id)}
                  onChange={(event) => {
                    const others = latest.current.settings.accessTierIds.filter((id) => id !== tier.id);
                    change({ accessTierIds: (event.currentTarget.checked ? [...others, tier.id] : others).sort() });
                  }}
                />{' '}
                {tier.archived ? t('panel.accessTierArchived', { name: tier.name }) : tier.name}
              </label>
            ))}
            {errorFor('accessTierIds').note}
          </fieldset>
        )}
      </fieldset>
    </aside>
  );
}
