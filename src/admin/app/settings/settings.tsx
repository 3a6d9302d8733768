import { useEffect, useMemo, useState } from 'preact/hooks';
import { ACCENT_MIN_CONTRAST, contrastWithWhite, HEX_COLOUR } from '../../../settings/accent.ts';
import { api } from '../api.ts';
import { useApp } from '../context.ts';
import { ImagePicker, type LibraryImage } from '../media/image-picker.tsx';
import { Field, Notice, RefusalMessage, TextField } from '../ui/field.tsx';
import { useLoad } from '../ui/load.ts';
import { useSubmit } from '../ui/refusal.ts';
import './settings.css';

interface Settings {
  title: string;
  description: string;
  locale: 'en' | 'es';
  timeZone: string;
  publisherName: string;
  twitterHandle: string;
  logoImageId: string | null;
  accentColor: string;
  previewParagraphs: number;
  paymentGraceDays: number;
  meteredArticles: number;
}
/** The settings that are a count of something, each bounded by the server. */
type CountSetting = 'previewParagraphs' | 'paymentGraceDays' | 'meteredArticles';

const EDITED = [
  'title',
  'description',
  'locale',
  'timeZone',
  'publisherName',
  'twitterHandle',
  'logoImageId',
  'accentColor',
  'previewParagraphs',
  'paymentGraceDays',
  'meteredArticles',
] as const;

/** Every IANA zone the browser knows, for the searchable list (UTC too, which some leave out). */
function timeZones(): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes('UTC') ? zones : [...zones, 'UTC'];
}

/**
 * The site's settings (admins): name, description, logo, language, time zone, publisher, X account
 * and accent colour, whose contrast with white is shown as it is picked (the server refuses one
 * below WCAG AA), and how many paragraphs of a locked story readers without access get when its
 * editor placed no free-preview marker, how long a subscriber whose payment failed keeps access, and
 * how many locked stories a month free members may read (metering; 0 is off). A change of language,
 * name or time zone reloads the app, which speaks and counts
 * time by them.
 */
export function SettingsScreen() {
  const { t, locale } = useApp();
  const stored = useLoad(() => api<Settings>('GET', '/settings'));
  const [draft, setDraft] = useState<Settings | undefined>();
  const [logo, setLogo] = useState<Pick<LibraryImage, 'id' | 'src' | 'alt'> | undefined>();
  const [notice, setNotice] = useState('');
  const submit = useSubmit('settings');
  const zones = useMemo(timeZones, []);

  useEffect(() => {
    if (!stored.data) return;
    setDraft(stored.data);
    if (stored.data.logoImageId)
      api<LibraryImage>('GET', `/media/images/${stored.data.logoImageId}`).then(setLogo, () => setLogo(undefined));
  }, [stored.data]);

  if (!draft)
    return (
      <>
        <h1 tabIndex={-1}>{t('settings.title')}</h1>
        {stored.error ? (
          <p class="error" role="alert">
            {stored.error}
          </p>
        ) : (
          <p aria-live="polite">{t('loading')}</p>
        )}
      </>
    );

  const set = (patch: Partial<Settings>) => setDraft({ ...draft, ...patch });
  const save = async (event: Event) => {
    event.preventDefault();
    setNotice('');
    const body = Object.fromEntries(EDITED.map((key) => [key, draft[key]]));
    const ok = await submit.run(async () => {
      const saved = await api<Settings>('PATCH', '/settings', body);
      const before = stored.data;
      if (
        before &&
        (saved.locale !== before.locale || saved.title !== before.title || saved.timeZone !== before.timeZone)
      )
        location.reload();
      else stored.setData(saved);
    });
    if (ok) setNotice(t('settings.saved'));
  };

  /** A whole number the server bounds: an empty or broken one is sent as it is, and the server says what it needs. */
  const countField = (key: CountSetting, id: string, max: number, label: string, hint: string) => (
    <Field id={id} label={label} hint={hint} error={submit.fieldError(key)}>
      {(control) => (
        <input
          {...control}
          type="number"
          inputMode="numeric"
          min={0}
          max={max}
          step={1}
          class="preview-paragraphs"
          value={Number.isNaN(draft[key]) ? '' : draft[key]}
          onInput={(event) => set({ [key]: event.currentTarget.valueAsNumber })}
        />
      )}
    </Field>
  );

  const hex = HEX_COLOUR.test(draft.accentColor);
  const contrast = hex ? contrastWithWhite(draft.accentColor) : undefined;
  const ratio =
    contrast === undefined ? '' : new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(contrast);
  const accentError =
    submit.fieldError('accentColor') && (hex ? t('settings.field.accentColor') : t('settings.accentFormat'));

  return (
    <>
      <h1 tabIndex={-1}>{t('settings.title')}</h1>
      <Notice>{notice}</Notice>
      <form class="panel settings-form" onSubmit={save} ref={submit.formRef} noValidate>
        <RefusalMessage refusal={submit.refusal} />
        <TextField
          id="settings-title"
          label={t('settings.siteName')}
          value={draft.title}
          onInput={(title) => set({ title })}
          error={submit.fieldError('title')}
          maxLength={120}
        />
        <TextField
          id="settings-description"
          label={t('settings.description')}
          hint={t('settings.descriptionHint')}
          value={draft.description}
          onInput={(description) => set({ description })}
          error={submit.fieldError('description')}
          multiline
          optional
        />
        <fieldset class={submit.fieldError('logoImageId') ? 'logo-field invalid' : 'logo-field'}>
          <legend>{t('settings.logo')}</legend>
          <p class="hint">{t('settings.logoHint')}</p>
          <div class="chosen-image">
            {draft.logoImageId && logo ? (
              <img src={logo.src} alt={logo.alt} />
            ) : (
              <p class="muted">{t('settings.noLogo')}</p>
            )}
            <ImagePicker
              label={draft.logoImageId ? t('settings.changeLogo') : t('settings.chooseLogo')}
              onChoose={(image) => {
                setLogo(image);
                set({ logoImageId: image.id });
              }}
            />
            {draft.logoImageId && (
              <button type="button" class="secondary" onClick={() => set({ logoImageId: null })}>
                {t('settings.removeLogo')}
              </button>
            )}
          </div>
          {submit.fieldError('logoImageId') && <p class="field-error">{submit.fieldError('logoImageId')}</p>}
        </fieldset>
        <Field
          id="settings-locale"
          label={t('settings.language')}
          hint={t('settings.languageHint')}
          error={submit.fieldError('locale')}
        >
          {(control) => (
            <select
              {...control}
              value={draft.locale}
              onChange={(event) => set({ locale: event.currentTarget.value as Settings['locale'] })}
            >
              <option value="en">{t('settings.language.en')}</option>
              <option value="es">{t('settings.language.es')}</option>
            </select>
          )}
        </Field>
        <Field
          id="settings-time-zone"
          label={t('settings.timeZone')}
          hint={t('settings.timeZoneHint')}
          error={submit.fieldError('timeZone')}
        >
          {(control) => (
            <>
              <input
                {...control}
                list="time-zones"
                value={draft.timeZone}
                autocomplete="off"
                spellcheck={false}
                onInput={(event) => set({ timeZone: event.currentTarget.value })}
              />
              <datalist id="time-zones">
                {zones.map((zone) => (
                  <option key={zone} value={zone} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        <TextField
          id="settings-publisher"
          label={t('settings.publisher')}
          hint={t('settings.publisherHint')}
          value={draft.publisherName}
          onInput={(publisherName) => set({ publisherName })}
          error={submit.fieldError('publisherName')}
          maxLength={120}
        />
        <TextField
          id="settings-twitter"
          label={t('settings.twitter')}
          hint={t('settings.twitterHint')}
          value={draft.twitterHandle}
          onInput={(twitterHandle) => set({ twitterHandle })}
          error={submit.fieldError('twitterHandle')}
          maxLength={40}
          optional
        />
        <fieldset class={accentError ? 'accent-field invalid' : 'accent-field'}>
          <legend>{t('settings.accent')}</legend>
          <p class="hint" id="accent-hint">
            {t('settings.accentHint')}
          </p>
          <div class="accent-controls">
            <input
              id="settings-accent-swatch"
              type="color"
              aria-label={t('settings.accent')}
              aria-describedby="accent-hint"
              value={hex ? draft.accentColor.toLowerCase() : '#000000'}
              onInput={(event) => set({ accentColor: event.currentTarget.value })}
            />
            <Field id="settings-accent" label={t('settings.accentCode')} error={accentError}>
              {(control) => (
                <input
                  {...control}
                  value={draft.accentColor}
                  maxLength={7}
                  spellcheck={false}
                  onInput={(event) => set({ accentColor: event.currentTarget.value })}
                />
              )}
            </Field>
          </div>
          {contrast !== undefined && (
            <p class={contrast >= ACCENT_MIN_CONTRAST ? 'contrast good' : 'contrast poor'} aria-live="polite">
              {t('settings.contrast', { ratio })} —{' '}
              {contrast >= ACCENT_MIN_CONTRAST ? t('settings.contrastGood') : t('settings.contrastPoor')}
            </p>
          )}
        </fieldset>
        {countField(
          'previewParagraphs',
          'settings-preview-paragraphs',
          20,
          t('settings.previewParagraphs'),
          t('settings.previewParagraphsHint'),
        )}
        {countField(
          'paymentGraceDays',
          'settings-payment-grace-days',
          60,
          t('settings.paymentGraceDays'),
          t('settings.paymentGraceDaysHint'),
        )}
        {countField(
          'meteredArticles',
          'settings-metered-articles',
          100,
          t('settings.meteredArticles'),
          t('settings.meteredArticlesHint'),
        )}
        <button type="submit" disabled={submit.busy}>
          {submit.busy ? t('ui.saving') : t('ui.save')}
        </button>
      </form>
    </>
  );
}
