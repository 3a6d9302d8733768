import { useRef, useState } from 'preact/hooks';
import { api, ApiError, type SignedIn } from '../api.ts';
import { LinkProblem, linkToken, linkTranslator, type LinkState, useEmailedLink } from '../account/emailed-link.tsx';
import { MIN_PASSWORD_LENGTH, NewPasswordField } from '../account/password-field.tsx';
import { PublicFrame } from '../account/public-frame.tsx';
import { errorMessage, type MessageKey } from '../messages.ts';
import type { PublicScreenProps } from '../screen-types.ts';

const LINK_STATES: Record<string, 'expired' | 'used' | 'invalid'> = {
  LINK_EXPIRED: 'expired',
  LINK_USED: 'used',
  LINK_INVALID: 'invalid',
};

/** The screen of an invitation link: the invited person chooses their name and password and is signed in. */
export function AcceptInvitation(props: PublicScreenProps) {
  const checked = useEmailedLink('/invitations/check', props.locale);
  const [refused, setRefused] = useState<LinkState | undefined>();
  const link = refused ?? checked;
  const t = linkTranslator(link, props.t);
  const locale = link.state === 'checking' ? props.locale : link.locale;
  const name = useRef<HTMLInputElement>(null);
  const password = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  const submit = async (event: Event) => {
    event.preventDefault();
    const chosenName = name.current?.value.trim() ?? '';
    const chosenPassword = password.current?.value ?? '';
    const problem = !chosenName
      ? { text: t('staff.nameRequired'), field: name }
      : chosenPassword.length < MIN_PASSWORD_LENGTH
        ? { text: t('account.passwordTooShort'), field: password }
        : undefined;
    if (problem) {
      setError(problem.text);
      problem.field.current?.focus();
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      props.onSignedIn(
        await api<SignedIn>('POST', '/invitations/accept', {
          token: linkToken(),
          name: chosenName,
          password: chosenPassword,
        }),
      );
    } catch (caught) {
      const code = caught instanceof ApiError ? caught.code : 'other';
      const state = LINK_STATES[code];
      if (state) setRefused({ state, locale });
      else setError(code === 'RATE_LIMITED' ? t('account.tooMany') : errorMessage(t, code));
      setBusy(false);
    }
  };

  return (
    <PublicFrame
      step={link.state}
      site={props.site}
      title={t('staff.acceptTitle', { site: props.site })}
      locale={locale}
    >
      {link.state === 'checking' && <p aria-live="polite">{t('account.checkingLink')}</p>}
      {link.state === 'valid' && (
        <form onSubmit={submit} noValidate>
          <p>
            {t('staff.acceptIntro', { role: t(`role.${link.role ?? 'contributor'}` as MessageKey), email: link.email })}
          </p>
          {error && (
            <p class="error" role="alert">
              {error}
            </p>
          )}
          <input type="email" value={link.email} autocomplete="username" hidden readOnly />
          <label for="name">{t('staff.yourName')}</label>
          <input id="name" ref={name} type="text" autocomplete="name" required autofocus maxLength={120} />
          <NewPasswordField t={t} id="new-password" label={t('password')} inputRef={password} />
          <button type="submit" disabled={busy}>
            {busy ? t('staff.joining') : t('staff.acceptSave')}
          </button>
        </form>
      )}
      {link.state !== 'checking' && link.state !== 'valid' && (
        <LinkProblem t={t} state={link.state} again={{ href: '/admin', label: t('account.backToSignIn') }} />
      )}
    </PublicFrame>
  );
}
