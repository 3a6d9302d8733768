import { useRef, useState } from 'preact/hooks';
import { api, ApiError, type SignedIn } from '../api.ts';
import { errorMessage } from '../messages.ts';
import type { PublicScreenProps } from '../screen-types.ts';
import { LinkProblem, linkToken, linkTranslator, type LinkState, useEmailedLink } from './emailed-link.tsx';
import { MIN_PASSWORD_LENGTH, NewPasswordField } from './password-field.tsx';
import { PublicFrame } from './public-frame.tsx';

const LINK_STATES: Record<string, 'expired' | 'used' | 'invalid'> = {
  LINK_EXPIRED: 'expired',
  LINK_USED: 'used',
  LINK_INVALID: 'invalid',
};

/** The screen of a reset link: a new password, then signed in (or back to sign-in with two-factor on). */
export function ResetPassword(props: PublicScreenProps) {
  const checked = useEmailedLink('/password-reset/check', props.locale);
  const [refused, setRefused] = useState<LinkState | undefined>();
  const link = refused ?? checked;
  const t = linkTranslator(link, props.t);
  const password = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  const submit = async (event: Event) => {
    event.preventDefault();
    const value = password.current?.value ?? '';
    if (value.length < MIN_PASSWORD_LENGTH) {
      setError(t('account.passwordTooShort'));
      password.current?.focus();
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const answer = await api<SignedIn | { signedIn: false }>('POST', '/password-reset/complete', {
        token: linkToken(),
        password: value,
      });
      if ('staff' in answer) props.onSignedIn(answer);
      else props.onSignInAgain(t('account.resetDoneSignIn'));
    } catch (caught) {
      const code = caught instanceof ApiError ? caught.code : 'other';
      const state = LINK_STATES[code];
      if (state) setRefused({ state, locale: 'locale' in link ? link.locale : props.locale });
      else
        setError(
          code === 'VALIDATION_FAILED'
            ? t('account.passwordTooShort')
            : code === 'RATE_LIMITED'
              ? t('account.tooMany')
              : errorMessage(t, code),
        );
      setBusy(false);
    }
  };

  return (
    <PublicFrame
      step={link.state}
      site={props.site}
      title={t('account.resetTitle')}
      locale={'locale' in link ? link.locale : props.locale}
    >
      {link.state === 'checking' && <p aria-live="polite">{t('account.checkingLink')}</p>}
      {link.state === 'valid' && (
        <form onSubmit={submit} noValidate>
          <p>{t('account.resetFor', { email: link.email })}</p>
          {error && (
            <p class="error" role="alert">
              {error}
            </p>
          )}
          <input type="email" value={link.email} autocomplete="username" hidden readOnly />
          <NewPasswordField t={t} id="new-password" label={t('account.newPassword')} inputRef={password} autofocus />
          <button type="submit" disabled={busy}>
            {busy ? t('account.saving') : t('account.resetSave')}
          </button>
        </form>
      )}
      {link.state !== 'checking' && link.state !== 'valid' && (
        <LinkProblem
          t={t}
          state={link.state}
          again={{ href: '/admin/forgot-password', label: t('account.askAgain') }}
        />
      )}
    </PublicFrame>
  );
}
