import { useRef } from 'preact/hooks';
import { api } from '../api.ts';
import { useApp } from '../context.ts';
import type { MessageKey } from '../messages.ts';
import { navigate, useLocation } from '../router.ts';
import { DataTable, Pagination } from '../ui/data-table.tsx';
import { useLoad } from '../ui/load.ts';
import { addressOf, apiQuery, filtersFrom, type MemberFilters, MEMBERS_PATH } from './filters.ts';
import type { Tier } from '../tiers/types.ts';
import { ImportPanel } from './import-panel.tsx';
import type { MemberItem, MemberStatus } from './types.ts';
import './members.css';

interface MemberPage {
  members: MemberItem[];
  total: number;
  perPage: number;
}

/** The members: search, filters by access and sign-up day, pages of 50, export and import as CSV. */
export function MembersScreen() {
  const { t, timeZone } = useApp();
  const { query } = useLocation();
  const filters = filtersFrom(query);
  const address = addressOf(filters);
  const list = useLoad(() => api<MemberPage>('GET', `/members?${apiQuery(filters, timeZone)}`), [address]);
  const exportQuery = apiQuery(filters, timeZone, false);
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / list.data.perPage)) : 1;

  return (
    <>
      <h1 tabIndex={-1}>{t('members.title')}</h1>
      <p>{t('members.intro')}</p>
      <Filters filters={filters} onChange={(next) => navigate(addressOf({ ...next, page: 1 }))} />
      {list.error && (
        <p class="error" role="alert">
          {list.error}
        </p>
      )}
      {!list.data && !list.error && <p aria-live="polite">{t('loading')}</p>}
      {list.data && (
        <>
          <div class="members-summary">
            <p role="status">{t('members.count', { count: String(list.data.total) })}</p>
            <a
              class="button secondary"
              href={`/admin/api/members/export.csv${exportQuery ? `?${exportQuery}` : ''}`}
              download
            >
              {t('members.export')}
            </a>
          </div>
          <MembersTable members={list.data.members} />
          <Pagination page={filters.page} pages={pages} onPage={(page) => navigate(addressOf({ ...filters, page }))} />
        </>
      )}
      <ImportPanel onImported={list.reload} />
    </>
  );
}

function MembersTable(props: { members: MemberItem[] }) {
  const { t, formatTime } = useApp();
  return (
    <DataTable
      caption={t('members.title')}
      rows={props.members}
      rowKey={(member) => member.id}
      empty={t('members.none')}
      columns={[
        {
          header: t('members.email'),
          rowHeader: true,
          cell: (member) => <a href={`${MEMBERS_PATH}/${member.id}`}>{member.email}</a>,
        },
        { header: t('members.name'), cell: (member) => member.name },
        {
          header: t('members.access'),
          cell: (member) =>
            member.complimentaryUntil
              ? t('members.complimentaryUntil', { date: formatTime(member.complimentaryUntil) })
              : member.gift
                ? t('members.giftUntil', { tier: member.gift.tierName, date: formatTime(member.gift.until) })
                : t(member.access === 'paid' ? 'members.paid' : 'members.free'),
        },
        { header: t('members.since'), cell: (member) => formatTime(member.since) },
      ]}
    />
  );
}

const STATUSES: readonly MemberStatus[] = ['', 'free', 'paid', 'complimentary'];

/** Access and the sign-up days apply as soon as they change; the search with Enter or its button. */
function Filters(props: { filters: MemberFilters; onChange: (filters: MemberFilters) => void }) {
  const { t } = useApp();
  const search = useRef<HTMLInputElement>(null);
  const { filters } = props;
  const set = (change: Partial<MemberFilters>) => props.onChange({ ...filters, ...change });
  const filtered = Boolean(
    filters.q || filters.status || filters.after || filters.before || filters.tier || filters.currency,
  );
  return (
    <form
      class="filters"
      role="search"
      aria-label={t('members.filters')}
      onSubmit={(event) => {
        event.preventDefault();
        set({ q: search.current?.value.trim() ?? '' });
      }}
    >
      <div class="field search">
        <label for="members-q">{t('members.search')}</label>
        <input id="members-q" ref={search} type="search" maxLength={200} defaultValue={filters.q} key={filters.q} />
      </div>
      <button type="submit">{t('members.searchButton')}</button>
      <div class="field">
        <label for="members-status">{t('members.status')}</label>
        <select
          id="members-status"
          value={filters.status}
          onChange={(event) => set({ status: event.currentTarget.value as MemberStatus })}
        >
          {STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`members.status.${status || 'all'}` as MessageKey)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="members-after">{t('members.after')}</label>
        <input
          id="members-after"
          type="date"
          value={filters.after}
          onChange={(event) => set({ after: event.currentTarget.value })}
        />
      </div>
      <div class="field">
        <label for="members-before">{t('members.before')}</label>
        <input
          id="members-before"
          type="date"
          value={filters.before}
          onChange={(event) => set({ before: event.currentTarget.value })}
        />
      </div>
      <SubscriptionFilters filters={filters} set={set} />
      {filtered && (
        <a class="clear" href={MEMBERS_PATH}>
          {t('members.clear')}
        </a>
      )}
    </form>
  );
}

/**
 * The tier and currency of a subscription that gives access, chosen among the newsroom's paid tiers
 * and the currencies of their prices (a tier archived since still has its subscribers).
 */
function SubscriptionFilters(props: { filters: MemberFilters; set: (change: Partial<MemberFilters>) => void }) {
  const { t } = useApp();
  const tiers = useLoad(() => api<{ tiers: Tier[] }>('GET', '/tiers'));
  const paid = (tiers.data?.tiers ?? []).filter((tier) => tier.kind === 'paid');
  const { filters, set } = props;
  const currencies = [
    ...new Set([...paid.flatMap((tier) => tier.prices.map((price) => price.currency)), filters.currency]),
  ]
    .filter(Boolean)
    .sort();
  if (!tiers.data) return null;
  return (
    <>
      <div class="field">
        <label for="members-tier">{t('members.tier')}</label>
        <select id="members-tier" value={filters.tier} onChange={(event) => set({ tier: event.currentTarget.value })}>
          <option value="">{t('members.tier.all')}</option>
          {paid.map((tier) => (
            <option key={tier.id} value={tier.id}>
              {tier.archived ? t('members.tier.archived', { name: tier.name }) : tier.name}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="members-currency">{t('members.currency')}</label>
        <select
          id="members-currency"
          value={filters.currency}
          onChange={(event) => set({ currency: event.currentTarget.value })}
        >
          <option value="">{t('members.currency.all')}</option>
          {currencies.map((currency) => (
            <option key={currency} value={currency}>
              {currency.toUpperCase()}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}
