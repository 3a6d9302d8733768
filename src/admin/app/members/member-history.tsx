import { useApp } from '../context.ts';
import { formatMoney } from '../tiers/money.ts';
import type { MessageKey, Translate } from '../messages.ts';
import type { MemberEventJson } from './types.ts';

/** Who made something happen, in words. */
function byWhom(t: Translate, actor: MemberEventJson['actor']): string {
  if (actor.kind === 'staff') return actor.name || t('members.by.formerStaff');
  return t(`members.by.${actor.kind}` as const);
}

/** One event of the history as a sentence in the staff member's language. */
export function eventWords(
  t: Translate,
  event: MemberEventJson,
  formatTime: (iso: string) => string,
  locale: string,
): string {
  const text = (name: string) => (typeof event.detail[name] === 'string' ? (event.detail[name] as string) : '');
  const by = byWhom(t, event.actor);
  switch (event.kind) {
    case 'signed-up': {
      const made =
        event.actor.kind === 'member' ? t('members.event.signed-up') : t('members.event.signed-up.by', { by });
      return text('from') ? `${made} ${t('members.event.from', { from: text('from') })}` : made;
    }
    case 'complimentary-granted': {
      const given = t('members.event.complimentary-granted', { date: formatTime(text('endsAt')), by });
      return text('note') ? `${given}. ${t('members.event.note', { note: text('note') })}` : given;
    }
    case 'complimentary-removed':
      return t('members.event.complimentary-removed', { by });
    case 'subscription-status':
      return t('members.event.subscription-status', { status: text('to') });
    case 'subscription-price': {
      const amount = typeof event.detail.amount === 'number' ? event.detail.amount : 0;
      const price = formatMoney(amount, text('currency'), locale);
      return t(
        text('interval') === 'year' ? 'members.event.subscription-price.year' : 'members.event.subscription-price',
        {
          price,
          tier: text('tier'),
        },
      );
    }
    case 'group-created':
    case 'group-joined':
      return t(`members.event.${event.kind}`, { group: text('name') });
    case 'group-left':
      return t(text('by') === 'admin' ? 'members.event.group-removed' : 'members.event.group-left', {
        group: text('name'),
      });
    case 'email-changed':
    case 'payment':
    case 'payment-failed':
    case 'refund':
    case 'contribution':
    case 'gift-purchased':
    case 'gift-redeemed':
    case 'gift-refunded':
      return t(`members.event.${event.kind}` as MessageKey);
    default:
      return t('members.event.other', { kind: event.kind });
  }
}

/** What happened to the account, newest first, as a timeline of sentences. */
export function MemberHistory(props: { events: MemberEventJson[] }) {
  const { t, formatTime, locale } = useApp();
  return (
    <section class="panel" aria-labelledby="member-history-heading">
      <h2 id="member-history-heading">{t('members.history.title')}</h2>
      {props.events.length === 0 ? (
        <p class="empty">{t('members.history.none')}</p>
      ) : (
        <ol class="timeline">
          {props.events.map((event) => (
            <li key={event.id}>
              <time dateTime={event.at}>{formatTime(event.at)}</time>
              {eventWords(t, event, formatTime, locale)}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
