import { useRef, useState } from 'preact/hooks';
import { api, ApiError, type Staff } from '../api.ts';
import { useApp } from '../context.ts';
import { MIN_PASSWORD_LENGTH, NewPasswordField } from './password-field.tsx';
import { refusal, type Said, Saying, saying } from './saying.tsx';
import { TwoFactorSection } from './two-factor-section.tsx';
import './account.css';

function LanguageSection() {
  const { t, staff, siteLocale, setStaff } = useApp();
  const choice = useRef<HTMLSelectElement>(null);
  const [said, setSaid] = useState<Said>();
  const save = async (event: Event) => {
    event.preventDefault();
    const value = choice.current?.value ?? '';
    try {
      setStaff(await api<Staff>('PATCH', '/account', { locale: value === '' ? null : value }));
      setSaid(saying('account.languageSaved'));
    } catch (caught) {
      setSaid(refusal(caught));
    }
  };
  return (
    <section aria-labelledby="language-heading" class="panel">
      <h2 id="language-heading">{t('account.languageHeading')}</h2>
      <form onSubmit={save} class="stacked">
        <label for="language">{t('account.language')}</label>
        <select id="language" ref={choice} value={staff.locale ?? ''}>
          <option value="">{t('account.languageSite', { language: t(`language.${siteLocale}`) })}</option>
          <option value="en" lang="en">
            {t('language.en')}
          </option>
          <option value="es" lang="es">
            {t('language.es')}
          </option>
        </select>
        <Saying said={said} />
        <button type="submit">{t('account.saveLanguage')}</button>
      </form>
    </section>
  );
}

function PasswordSection() {
  const { t, staff } = useApp();
  const current = useRef<HTMLInputElement>(null);
  const next = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState<Said>();
  const save = async (event: Event) => {
    event.preventDefault();
    if ((next.current?.value ?? '').length < MIN_PASSWORD_LENGTH) {
      setSaid(saying('account.passwordTooShort', true));
      next.current?.focus();
      return;
    }
    setBusy(true);
    setSaid(undefined);
    try {
      await api('POST', '/account/password', {
        currentPassword: current.current?.value ?? '',
        newPassword: next.current?.value ?? '',
      });
      for (const field of [current, next]) if (field.current) field.current.value = '';
      setSaid(saying('account.passwordChanged'));
    } catch (caught) {
      setSaid(refusal(caught));
      if (caught instanceof ApiError && caught.code === 'WRONG_PASSWORD') current.current?.focus();
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="password-heading" class="panel">
      <h2 id="password-heading">{t('account.passwordHeading')}</h2>
      <form onSubmit={save} class="stacked" noValidate>
        <input type="email" value={staff.email} autocomplete="username" hidden readOnly />
        <label for="current-password">{t('account.currentPassword')}</label>
        <input id="current-password" ref={current} type="password" autocomplete="current-password" required />
        <NewPasswordField t={t} id="new-password" label={t('account.newPassword')} inputRef={next} />
        <Saying said={said} />
        <button type="submit" disabled={busy}>
          {busy ? t('account.saving') : t('account.changePassword')}
        </button>
      </form>
    </section>
  );
}

/** My account: language, password, two-factor sign-in. Every member of staff has it. */
export function MyAccount() {
  const { t } = useApp();
  return (
    <>
      <h1 tabIndex={-1}>{t('account.title')}</h1>
      <div class="account">
        <LanguageSection />
        <PasswordSection />
        <TwoFactorSection />
      </div>
    </>
  );
}
