import { api } from '../api.ts';
import { useApp } from '../context.ts';
import { useLoad } from '../ui/load.ts';

/** A group subscription as GET /admin/api/groups gives it. */
interface GroupRow {
  id: string;
  name: string;
  tierName: string;
  seats: number;
  seatsTaken: number;
  emailDomain: string | null;
  status: 'pending' | 'active' | 'ended';
  adminEmail: string;
}

/** The organisations' group subscriptions, read only: their admins manage them from their account. */
export function GroupsTable() {
  const { t } = useApp();
  const groups = useLoad(() => api<{ groups: GroupRow[] }>('GET', '/groups'));
  return (
    <section aria-labelledby="revenue-groups" class="revenue-groups">
      <h2 id="revenue-groups">{t('revenue.groups')}</h2>
      {groups.error && (
        <p class="error" role="alert">
          {groups.error}
        </p>
      )}
      {groups.data && groups.data.groups.length === 0 && <p class="empty">{t('revenue.noGroups')}</p>}
      {groups.data && groups.data.groups.length > 0 && (
        <table class="data-table">
          <caption class="visually-hidden">{t('revenue.groups')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('revenue.group')}</th>
              <th scope="col">{t('revenue.groupTier')}</th>
              <th scope="col" class="number">
                {t('revenue.groupSeats')}
              </th>
              <th scope="col">{t('revenue.groupStatus')}</th>
              <th scope="col">{t('revenue.groupAdmin')}</th>
            </tr>
          </thead>
          <tbody>
            {groups.data.groups.map((group) => (
              <tr key={group.id}>
                <td>
                  {group.name}
                  {group.emailDomain ? ` (@${group.emailDomain})` : ''}
                </td>
                <td>{group.tierName}</td>
                <td class="number">
                  {t('revenue.groupSeatsTaken', { taken: String(group.seatsTaken), total: String(group.seats) })}
                </td>
                <td>{t(`revenue.groupStatus.${group.status}`)}</td>
                <td>{group.adminEmail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
