import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../api.ts';
import { refusal, type Said, Saying } from '../account/saying.tsx';
import { useApp } from '../context.ts';
import type { MessageKey } from '../messages.ts';
import type { Role } from '../screen-types.ts';
import { InviteForm, PendingInvitations, type Invitation } from './invitations.tsx';
import { RequireTwoFactor } from './require-two-factor.tsx';
import { ROLES } from './roles.ts';
import '../account/account.css';

interface Member {
  id: string;
  name: string;
  email: string;
  role: Role;
  disabled: boolean;
  twoFactor: boolean;
}

/** Staff (admins): everyone on staff, their role and state, invitations out, and inviting someone. */
export function StaffScreen() {
  const { t } = useApp();
  const [members, setMembers] = useState<Member[] | undefined>();
  const [invitations, setInvitations] = useState<Invitation[]>([]);
  const [said, setSaid] = useState<Said>();

  const load = async () => {
    try {
      const [staff, pending] = await Promise.all([
        api<{ staff: Member[] }>('GET', '/staff'),
        api<{ invitations: Invitation[] }>('GET', '/invitations'),
      ]);
      setMembers(staff.staff);
      setInvitations(pending.invitations);
    } catch (caught) {
      setSaid(refusal(caught));
    }
  };
  useEffect(() => void load(), []);

  /** Does something, says what came of it, and shows the lists as they now are. */
  const act = async (work: () => Promise<Said>) => {
    try {
      setSaid(await work());
    } catch (caught) {
      setSaid(
        caught instanceof ApiError && caught.code === 'CONFLICT'
          ? { say: (t) => t('staff.keepAdmin'), error: true }
          : refusal(caught),
      );
    }
    await load();
  };

  return (
    <>
      <h1 tabIndex={-1}>{t('staff.title')}</h1>
      <div aria-live="polite">
        <Saying said={said} />
      </div>
      {!members && !said && <p aria-live="polite">{t('loading')}</p>}
      {members && <StaffTable members={members} act={act} />}
      <div class="account">
        <InviteForm onInvited={(answer) => act(async () => answer)} />
        <PendingInvitations invitations={invitations} act={act} />
        <RequireTwoFactor />
      </div>
    </>
  );
}

function StaffTable(props: { members: Member[]; act: (work: () => Promise<Said>) => Promise<void> }) {
  const { t, staff: me } = useApp();
  const roleName = (role: Role) => t(`role.${role}` as MessageKey);
  const changeRole = (member: Member, role: Role) =>
    props.act(async () => {
      await api('PATCH', `/staff/${member.id}`, { role });
      return { say: (t) => t('staff.roleChanged', { name: member.name, role: t(`role.${role}` as MessageKey) }) };
    });
  const setActive = (member: Member, active: boolean) =>
    props.act(async () => {
      await api('PATCH', `/staff/${member.id}`, { disabled: !active });
      const key = active ? 'staff.reactivatedNotice' : 'staff.deactivatedNotice';
      return { say: (t) => t(key, { name: member.name }) };
    });

  return (
    <table class="staff">
      <caption class="visually-hidden">{t('staff.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('staff.name')}</th>
          <th scope="col">{t('staff.email')}</th>
          <th scope="col">{t('staff.role')}</th>
          <th scope="col">{t('staff.status')}</th>
          <th scope="col">{t('staff.twoFactor')}</th>
          <th scope="col">{t('staff.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {props.members.map((member) => (
          <tr key={member.id} class={member.disabled ? 'deactivated' : undefined}>
            <th scope="row">
              {member.name} {member.id === me.id && t('staff.you')}
            </th>
            <td>{member.email}</td>
            <td>
              <form
                class="inline"
                onSubmit={(event) => {
                  event.preventDefault();
                  const select = (event.currentTarget as HTMLFormElement).elements.namedItem(
                    'role',
                  ) as HTMLSelectElement;
                  void changeRole(member, select.value as Role);
                }}
              >
                <select name="role" aria-label={t('staff.roleOf', { name: member.name })} value={member.role}>
                  {ROLES.map((role) => (
                    <option key={role} value={role}>
                      {roleName(role)}
                    </option>
                  ))}
                </select>
                <button type="submit" class="secondary" aria-label={t('staff.saveRoleOf', { name: member.name })}>
                  {t('staff.saveRole')}
                </button>
              </form>
            </td>
            <td>{member.disabled ? t('staff.deactivated') : t('staff.active')}</td>
            <td>{member.twoFactor ? t('staff.on') : t('staff.off')}</td>
            <td>
              <button
                type="button"
                class={member.disabled ? 'secondary' : 'danger'}
                onClick={() => void setActive(member, member.disabled)}
              >
                {t(member.disabled ? 'staff.reactivate' : 'staff.deactivate', { name: member.name })}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
