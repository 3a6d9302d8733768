import { useApp } from '../context.ts';
import { SEARCH_SOCIAL_LIMITS } from '../../../content/articles.schemas.ts';
import type { ArticleSettings } from './settings-model.ts';

type Field = 'seoTitle' | 'seoDescription' | 'socialTitle' | 'socialDescription';

/**
 * Search and social fields with a preview of the search result and of the shared card as they
 * would look; empty fields fall back to the headline and dek, as the reader site does.
 */
export function SearchSocialFields(props: {
  settings: ArticleSettings;
  headline: string;
  url: string;
  imageSrc: string | undefined;
  onChange: (field: Field, value: string) => void;
  errors: (field: string) => string | undefined;
}) {
  const { t, site } = useApp();
  const { settings } = props;
  const field = (name: Field, label: string, multiline: boolean) => {
    const limit = SEARCH_SOCIAL_LIMITS[name];
    const error = props.errors(name);
    const attributes = {
      id: `panel-${name}`,
      maxLength: limit,
      value: settings[name],
      'aria-describedby': `panel-${name}-count${error ? ` panel-${name}-error` : ''}`,
      'aria-invalid': error ? true : undefined,
      onInput: (event: { currentTarget: { value: string } }) => props.onChange(name, event.currentTarget.value),
    };
    return (
      <div class="field">
        <label for={`panel-${name}`}>{label}</label>
        {multiline ? <textarea rows={3} {...attributes} /> : <input type="text" {...attributes} />}
        <p id={`panel-${name}-count`} class="hint">
          {t('panel.characters', { count: String(settings[name].length), limit: String(limit) })}
        </p>
        {error && (
          <p id={`panel-${name}-error`} class="field-error">
            {error}
          </p>
        )}
      </div>
    );
  };
  const searchTitle = settings.seoTitle || props.headline;
  const searchDescription = settings.seoDescription || settings.dek;
  const socialTitle = settings.socialTitle || settings.seoTitle || props.headline;
  const socialDescription = settings.socialDescription || settings.seoDescription || settings.dek;
  return (
    <>
      <fieldset>
        <legend>{t('panel.search')}</legend>
        {field('seoTitle', t('panel.seoTitle'), false)}
        {field('seoDescription', t('panel.seoDescription'), true)}
        <figure class="search-preview" aria-label={t('panel.searchPreview')}>
          <p class="search-url">{props.url}</p>
          <p class="search-title">{searchTitle || t('panel.noTitle')}</p>
          <p class="search-description">{searchDescription}</p>
        </figure>
      </fieldset>
      <fieldset>
        <legend>{t('panel.social')}</legend>
        {field('socialTitle', t('panel.socialTitle'), false)}
        {field('socialDescription', t('panel.socialDescription'), true)}
        <figure class="social-preview" aria-label={t('panel.socialPreview')}>
          {props.imageSrc && <img src={props.imageSrc} alt="" />}
          <p class="social-site">{site}</p>
          <p class="social-title">{socialTitle || t('panel.noTitle')}</p>
          <p class="social-description">{socialDescription}</p>
        </figure>
      </fieldset>
    </>
  );
}
