import { useState } from 'preact/hooks';
import { api } from '../api.ts';
import { useApp } from '../context.ts';
import { useConfirm } from '../ui/confirm.tsx';
import { DataTable, RowAction } from '../ui/data-table.tsx';
import { Notice } from '../ui/field.tsx';
import { useLoad } from '../ui/load.ts';
import { describeRefusal } from '../ui/refusal.ts';
import { formatMoney } from '../tiers/money.ts';
import { MEMBERS_PATH } from './filters.ts';
import { GrantForm } from './grant-form.tsx';
import { MemberHistory } from './member-history.tsx';
import type { Grant, MemberProfile } from './types.ts';
import './members.css';

/** One member: account facts, complimentary access (give, remove), subscriptions, payments, history. */
export function MemberScreen(props: { id: string }) {
  const { t } = useApp();
  const member = useLoad(() => api<MemberProfile>('GET', `/members/${props.id}`), [props.id]);
  const [notice, setNotice] = useState('');
  const profile = member.data;
  return (
    <>
      <p>
        <a href={MEMBERS_PATH}>{t('members.back')}</a>
      </p>
      <h1 tabIndex={-1}>{profile?.email ?? t('members.title')}</h1>
      <Notice>{notice}</Notice>
      {member.error && (
        <p class="error" role="alert">
          {member.error}
        </p>
      )}
      {!profile && !member.error && <p aria-live="polite">{t('loading')}</p>}
      {profile && (
        <>
          <Facts profile={profile} />
          <Complimentary
            profile={profile}
            onChange={(done) => {
              setNotice(done);
              member.reload();
            }}
          />
          <Subscriptions profile={profile} />
          <Payments profile={profile} />
          <MemberHistory events={profile.history} />
        </>
      )}
    </>
  );
}

function Facts({ profile }: { profile: MemberProfile }) {
  const { t, formatTime } = useApp();
  return (
    <section class="panel" aria-labelledby="member-account-heading">
      <h2 id="member-account-heading">{t('members.account')}</h2>
      <dl class="member-facts">
        <dt>{t('members.name')}</dt>
        <dd>{profile.name || t('members.noName')}</dd>
        <dt>{t('members.email')}</dt>
        <dd>{profile.email}</dd>
        <dt>{t('members.access')}</dt>
        <dd>{t(profile.access === 'paid' ? 'members.paid' : 'members.free')}</dd>
        <dt>{t('members.since')}</dt>
        <dd>{formatTime(profile.since)}</dd>
        <dt>{t('members.language')}</dt>
        <dd>{t(profile.locale ? (`members.language.${profile.locale}` as const) : 'members.language.site')}</dd>
        <dt>{t('members.signedUpFrom')}</dt>
        <dd>{profile.signedUpFrom ?? t('members.unknown')}</dd>
      </dl>
    </section>
  );
}

function Complimentary(props: { profile: MemberProfile; onChange: (notice: string) => void }) {
  const { t, formatTime } = useApp();
  const [dialog, confirm] = useConfirm();
  const [problem, setProblem] = useState('');
  const { profile } = props;
  const remove = async (grant: Grant) => {
    const date = formatTime(grant.endsAt);
    const yes = await confirm({
      title: t('members.comp.removeTitle', { date }),
      body: t('members.comp.removeBody', { email: profile.email }),
      confirm: t('members.comp.remove'),
      danger: true,
    });
    if (!yes) return;
    setProblem('');
    try {
      await api('DELETE', `/members/${profile.id}/complimentary/${grant.id}`);
      props.onChange(t('members.comp.removed', { date }));
    } catch (caught) {
      setProblem(describeRefusal(t, caught, 'members').message);
    }
  };
  return (
    <section class="panel" aria-labelledby="member-comp-heading">
      <h2 id="member-comp-heading">{t('members.comp.title')}</h2>
      {problem && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
      <DataTable
        caption={t('members.comp.caption')}
        rows={profile.grants}
        rowKey={(grant) => grant.id}
        empty={t('members.comp.none')}
        columns={[
          { header: t('members.comp.until'), rowHeader: true, cell: (grant) => formatTime(grant.endsAt) },
          {
            header: t('members.comp.kind'),
            cell: (grant) =>
              grant.source === 'gift'
                ? t('members.comp.gift', { tier: grant.tierName ?? '' })
                : t('members.comp.complimentary'),
          },
          { header: t('members.comp.note'), cell: (grant) => grant.note },
          { header: t('members.comp.grantedBy'), cell: (grant) => grant.grantedBy ?? t('members.by.system') },
          {
            header: t('ui.actions'),
            cell: (grant) => (
              <RowAction
                label={t('members.comp.remove')}
                rowName={formatTime(grant.endsAt)}
                onClick={() => remove(grant)}
              />
            ),
          },
        ]}
      />
      <GrantForm
        memberId={profile.id}
        onGranted={(endsAt) => props.onChange(t('members.comp.granted', { date: formatTime(endsAt) }))}
      />
      {dialog}
    </section>
  );
}

/** Subscriptions and payments as mirrored from Stripe (members/subscriptions.ts). */
function Subscriptions({ profile }: { profile: MemberProfile }) {
  const { t, locale, formatTime } = useApp();
  return (
    <section class="panel" aria-labelledby="member-subs-heading">
      <h2 id="member-subs-heading">{t('members.subs.title')}</h2>
      <DataTable
        caption={t('members.subs.title')}
        rows={profile.subscriptions}
        rowKey={(sub) => sub.stripeSubscriptionId}
        empty={t('members.subs.none')}
        columns={[
          { header: t('members.subs.tier'), rowHeader: true, cell: (sub) => sub.tierName },
          { header: t('members.subs.state'), cell: (sub) => sub.status },
          { header: t('members.subs.amount'), cell: (sub) => formatMoney(sub.amount, sub.currency, locale) },
          { header: t('members.subs.periodEnd'), cell: (sub) => formatTime(sub.currentPeriodEnd) },
        ]}
      />
    </section>
  );
}

function Payments({ profile }: { profile: MemberProfile }) {
  const { t, locale, formatTime } = useApp();
  return (
    <section class="panel" aria-labelledby="member-payments-heading">
      <h2 id="member-payments-heading">{t('members.payments.title')}</h2>
      <DataTable
        caption={t('members.payments.title')}
        rows={profile.payments}
        rowKey={(payment) => payment.stripeInvoiceId}
        empty={t('members.payments.none')}
        columns={[
          {
            header: t('members.payments.date'),
            rowHeader: true,
            cell: (payment) => (payment.paidAt ? formatTime(payment.paidAt) : '—'),
          },
          {
            header: t('members.payments.amount'),
            cell: (payment) => formatMoney(payment.amountPaid, payment.currency, locale),
          },
          { header: t('members.payments.state'), cell: (payment) => payment.status },
        ]}
      />
    </section>
  );
}
