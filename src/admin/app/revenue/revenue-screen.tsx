import { api } from '../api.ts';
import { useApp } from '../context.ts';
import type { Translate } from '../messages.ts';
import { formatMoney } from '../tiers/money.ts';
import { useLoad } from '../ui/load.ts';
import { BarChart, LineChart } from './charts.tsx';
import { GroupsTable } from './groups-table.tsx';
import './revenue.css';

interface RevenueWeek {
  start: string;
  paidMembers: number;
  mrr: Array<{ currency: string; amount: number }>;
  newSubscriptions: number;
  cancelledSubscriptions: number;
  contributions: Array<{ currency: string; amount: number }>;
  gifts: Array<{ currency: string; amount: number }>;
}
interface AttributedPath {
  path: string;
  count: number;
}
interface RevenueReport {
  weeks: RevenueWeek[];
  topBySignUps: AttributedPath[];
  topBySubscriptions: AttributedPath[];
}

const WEEKS = 26;
// Dark enough to read against the page (WCAG's 3:1 for graphics), and told apart by more than hue in the table.
const COLOURS = { line: '#0b5cad', new: '#1d6b3a', cancelled: '#a4001d' };

// Sign-up keeps only paths on this site (localPath()); a link is made only of such a path all the same.
const isSitePath = (path: string) => path.startsWith('/') && !path.startsWith('//');

function PagesTable({ t, id, caption, rows }: { t: Translate; id: string; caption: string; rows: AttributedPath[] }) {
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{caption}</h3>
      {rows.length === 0 ? (
        <p class="empty">{t('revenue.noPages')}</p>
      ) : (
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col">{t('revenue.page')}</th>
              <th scope="col" class="number">
                {t('revenue.members')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.path}>
                <td>{isSitePath(row.path) ? <a href={row.path}>{row.path}</a> : row.path}</td>
                <td class="number">{row.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Paid members, recurring revenue per currency, subscriptions won and lost, and the pages that brought members. */
export function RevenueScreen() {
  const { t, locale } = useApp();
  const report = useLoad(() => api<RevenueReport>('GET', `/revenue?weeks=${WEEKS}`));
  const weeks = report.data?.weeks ?? [];
  const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const labels = weeks.map((week) => t('revenue.week', { date: day.format(new Date(week.start)) }));
  const count = (value: number) => value.toLocaleString(locale);
  const currencies = [...new Set(weeks.flatMap((week) => week.mrr.map((m) => m.currency)))].sort();
  const paid = weeks.map((week) => week.paidMembers);
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const newOnes = weeks.map((week) => week.newSubscriptions);
  const cancelled = weeks.map((week) => week.cancelledSubscriptions);
  const oneTimeCurrencies = [
    ...new Set(weeks.flatMap((week) => [...week.contributions, ...week.gifts].map((m) => m.currency))),
  ].sort();
  const inCurrency = (amounts: Array<{ currency: string; amount: number }>, currency: string) =>
    amounts.find((m) => m.currency === currency)?.amount ?? 0;

  return (
    <>
      <h1 tabIndex={-1}>{t('revenue.title')}</h1>
      {report.error && (
        <p class="error" role="alert">
          {report.error}
        </p>
      )}
      {!report.data && !report.error && <p aria-live="polite">{t('loading')}</p>}
      {report.data && (
        <div class="revenue">
          <p>{t('revenue.intro', { weeks: String(weeks.length) })}</p>
          <LineChart
            id="revenue-paid"
            title={t('revenue.paid')}
            description={t('revenue.paidDescription', {
              first: count(paid[0] ?? 0),
              last: count(paid[paid.length - 1] ?? 0),
            })}
            labels={labels}
            series={[{ name: t('revenue.paid'), colour: COLOURS.line, values: paid }]}
            format={count}
          />
          {currencies.length === 0 && <p class="empty">{t('revenue.noMrr')}</p>}
          {currencies.map((currency) => {
            const values = weeks.map((week) => week.mrr.find((m) => m.currency === currency)?.amount ?? 0);
            const money = (value: number) => formatMoney(value, currency, locale);
            const code = currency.toUpperCase();
            return (
              <LineChart
                key={currency}
                id={`revenue-mrr-${currency}`}
                title={t('revenue.mrr', { currency: code })}
                description={t('revenue.mrrDescription', {
                  currency: code,
                  first: money(values[0] ?? 0),
                  last: money(values[values.length - 1] ?? 0),
                })}
                labels={labels}
                series={[{ name: t('revenue.mrr', { currency: code }), colour: COLOURS.line, values }]}
                format={money}
              />
            );
          })}
          <BarChart
            id="revenue-flow"
            title={t('revenue.flow')}
            description={t('revenue.flowDescription', { new: count(sum(newOnes)), cancelled: count(sum(cancelled)) })}
            labels={labels}
            series={[
              { name: t('revenue.new'), colour: COLOURS.new, values: newOnes },
              { name: t('revenue.cancelled'), colour: COLOURS.cancelled, values: cancelled },
            ]}
            format={count}
          />
          {oneTimeCurrencies.map((currency) => {
            const contributions = weeks.map((week) => inCurrency(week.contributions, currency));
            const gifts = weeks.map((week) => inCurrency(week.gifts, currency));
            const money = (value: number) => formatMoney(value, currency, locale);
            const code = currency.toUpperCase();
            return (
              <BarChart
                key={`one-time-${currency}`}
                id={`revenue-one-time-${currency}`}
                title={t('revenue.oneTime', { currency: code })}
                description={t('revenue.oneTimeDescription', {
                  currency: code,
                  contributions: money(sum(contributions)),
                  gifts: money(sum(gifts)),
                })}
                labels={labels}
                series={[
                  { name: t('revenue.contributions'), colour: COLOURS.new, values: contributions },
                  { name: t('revenue.gifts'), colour: COLOURS.line, values: gifts },
                ]}
                format={money}
              />
            );
          })}
          <section aria-labelledby="revenue-pages" class="revenue-pages">
            <h2 id="revenue-pages">{t('revenue.articles')}</h2>
            <PagesTable
              t={t}
              id="revenue-by-sign-ups"
              caption={t('revenue.bySignUps')}
              rows={report.data.topBySignUps}
            />
            <PagesTable
              t={t}
              id="revenue-by-subscriptions"
              caption={t('revenue.bySubscriptions')}
              rows={report.data.topBySubscriptions}
            />
            <p class="note">{t('revenue.subscriptionsNote')}</p>
          </section>
          <GroupsTable />
        </div>
      )}
    </>
  );
}
