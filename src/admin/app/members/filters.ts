import { siteTimeToUtc } from '../ui/site-time.ts';
import type { MemberStatus } from './types.ts';

/** The members screen's filters as its address keeps them (days are YYYY-MM-DD on the site's clock). */
export interface MemberFilters {
  q: string;
  status: MemberStatus;
  after: string;
  before: string;
  /** A tier's id: members whose subscription gives access on it. */
  tier: string;
  /** A currency code in lower case: members whose subscription giving access is paid in it. */
  currency: string;
  page: number;
}

export const MEMBERS_PATH = '/admin/members';
const STATUSES: readonly MemberStatus[] = ['free', 'paid', 'complimentary'];
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const CURRENCY = /^[a-z]{3}$/;

export function filtersFrom(query: URLSearchParams): MemberFilters {
  const status = query.get('status') ?? '';
  const page = Number(query.get('page') ?? '1');
  const day = (name: string) => (DAY.test(query.get(name) ?? '') ? (query.get(name) as string) : '');
  return {
    q: query.get('q') ?? '',
    status: (STATUSES as readonly string[]).includes(status) ? (status as MemberStatus) : '',
    after: day('after'),
    before: day('before'),
    tier: query.get('tier') ?? '',
    currency: CURRENCY.test(query.get('currency') ?? '') ? (query.get('currency') as string) : '',
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

/** The screen's address for these filters (what a reload or a shared link comes back to). */
export function addressOf(filters: MemberFilters): string {
  const query = new URLSearchParams();
  if (filters.q) query.set('q', filters.q);
  if (filters.status) query.set('status', filters.status);
  if (filters.after) query.set('after', filters.after);
  if (filters.before) query.set('before', filters.before);
  if (filters.tier) query.set('tier', filters.tier);
  if (filters.currency) query.set('currency', filters.currency);
  if (filters.page > 1) query.set('page', String(filters.page));
  const text = query.toString();
  return text ? `${MEMBERS_PATH}?${text}` : MEMBERS_PATH;
}

const nextDay = (day: string): string => {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, (date ?? 1) + 1)).toISOString().slice(0, 10);
};

/**
 * The API's query for these filters: the days become instants on the site's clock, "on or before"
 * a day meaning before the next one starts. The export takes the same query without its page.
 */
export function apiQuery(filters: MemberFilters, timeZone: string, withPage = true): string {
  const query = new URLSearchParams();
  if (filters.q.trim()) query.set('q', filters.q.trim());
  if (filters.status) query.set('status', filters.status);
  if (filters.after) query.set('signedUpAfter', siteTimeToUtc({ date: filters.after, time: '00:00' }, timeZone));
  if (filters.before)
    query.set('signedUpBefore', siteTimeToUtc({ date: nextDay(filters.before), time: '00:00' }, timeZone));
  if (filters.tier) query.set('tier', filters.tier);
  if (filters.currency) query.set('currency', filters.currency);
  if (withPage && filters.page > 1) query.set('page', String(filters.page));
  return query.toString();
}
