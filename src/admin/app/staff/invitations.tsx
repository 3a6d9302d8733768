import { useRef, useState } from 'preact/hooks';
import { api, ApiError } from '../api.ts';
import { refusal, type Said, Saying } from '../account/saying.tsx';
import { useApp } from '../context.ts';
import type { MessageKey } from '../messages.ts';
import type { Role } from '../screen-types.ts';
import { ROLES } from './roles.ts';

export interface Invitation {
  id: string;
  email: string;
  role: Role;
  invitedBy: string | null;
  expiresAt: string;
  expired: boolean;
}

const mailedOrNot = (email: string, mailed: boolean, done: MessageKey): Said =>
  mailed ? { say: (t) => t(done, { email }) } : { say: (t) => t('staff.notMailed', { email }), error: true };

/** Inviting someone by email with a role, and the invitation's language. */
export function InviteForm(props: { onInvited: (said: Said) => Promise<void> }) {
  const { t, siteLocale } = useApp();
  const email = useRef<HTMLInputElement>(null);
  const role = useRef<HTMLSelectElement>(null);
  const language = useRef<HTMLSelectElement>(null);
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState<Said>();

  const submit = async (event: Event) => {
    event.preventDefault();
    const address = email.current?.value.trim() ?? '';
    setBusy(true);
    setSaid(undefined);
    try {
      const answer = await api<{ invitation: Invitation; mailed: boolean }>('POST', '/invitations', {
        email: address,
        role: role.current?.value,
        locale: language.current?.value || null,
      });
      if (email.current) email.current.value = '';
      await props.onInvited(mailedOrNot(answer.invitation.email, answer.mailed, 'staff.invited'));
    } catch (caught) {
      const field = caught instanceof ApiError ? caught.fields[0]?.message : undefined;
      setSaid(
        field === 'is on staff'
          ? { say: (t) => t('staff.onStaff', { email: address }), error: true }
          : field === 'is invited'
            ? { say: (t) => t('staff.alreadyInvited', { email: address }), error: true }
            : caught instanceof ApiError && caught.code === 'VALIDATION_FAILED'
              ? { say: (t) => t('staff.emailRequired'), error: true }
              : refusal(caught),
      );
      email.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="invite-heading" class="panel">
      <h2 id="invite-heading">{t('staff.inviteHeading')}</h2>
      <form onSubmit={submit} class="stacked" noValidate>
        <label for="invite-email">{t('staff.inviteEmail')}</label>
        <input id="invite-email" ref={email} type="email" autocomplete="off" required />
        <label for="invite-role">{t('staff.inviteRole')}</label>
        <select id="invite-role" ref={role} value="author">
          {ROLES.map((each) => (
            <option key={each} value={each}>
              {t(`role.${each}` as MessageKey)}
            </option>
          ))}
        </select>
        <label for="invite-language">{t('staff.inviteLanguage')}</label>
        <select id="invite-language" ref={language} value="">
          <option value="">{t('account.languageSite', { language: t(`language.${siteLocale}`) })}</option>
          <option value="en" lang="en">
            {t('language.en')}
          </option>
          <option value="es" lang="es">
            {t('language.es')}
          </option>
        </select>
        <Saying said={said} />
        <button type="submit" disabled={busy}>
          {busy ? t('staff.inviting') : t('staff.invite')}
        </button>
      </form>
    </section>
  );
}

/** Invitations out: resend (a new link) or revoke. */
export function PendingInvitations(props: {
  invitations: Invitation[];
  act: (work: () => Promise<Said>) => Promise<void>;
}) {
  const { t, formatTime } = useApp();
  const resend = (invitation: Invitation) =>
    props.act(async () => {
      const answer = await api<{ mailed: boolean }>('POST', `/invitations/${invitation.id}/resend`);
      return mailedOrNot(invitation.email, answer.mailed, 'staff.resent');
    });
  const revoke = (invitation: Invitation) =>
    props.act(async () => {
      await api('DELETE', `/invitations/${invitation.id}`);
      return { say: (t) => t('staff.revoked', { email: invitation.email }) };
    });
  return (
    <section aria-labelledby="pending-heading" class="panel">
      <h2 id="pending-heading">{t('staff.pendingHeading')}</h2>
      {props.invitations.length === 0 ? (
        <p class="empty">{t('staff.noPending')}</p>
      ) : (
        <ul class="invitations">
          {props.invitations.map((invitation) => (
            <li key={invitation.id}>
              <span class="headline">
                {invitation.email} · {t(`role.${invitation.role}` as MessageKey)}
              </span>
              <span class="when">
                {invitation.invitedBy && `${t('staff.invitedBy', { name: invitation.invitedBy })} · `}
                {t(invitation.expired ? 'staff.expired' : 'staff.expires', { time: formatTime(invitation.expiresAt) })}
              </span>
              <span class="buttons">
                <button type="button" class="secondary" onClick={() => void resend(invitation)}>
                  {t('staff.resend', { email: invitation.email })}
                </button>
                <button type="button" class="danger" onClick={() => void revoke(invitation)}>
                  {t('staff.revoke', { email: invitation.email })}
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
