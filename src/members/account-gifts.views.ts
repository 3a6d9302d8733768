import { html, type SafeHtml } from '../http/html.ts';
import type { MessageKey } from '../i18n/en.ts';
import type { Translator } from '../i18n/i18n.ts';

/** A gift the member gave, as billing tells the account page (members never read billing's tables). */
export interface AccountGift {
  recipient: string;
  tierName: string;
  months: number;
  paidAt: string;
  status: 'sent' | 'redeemed' | 'refunded';
}

/** What the account page shows of gifts: those given, and how many addressed to the member wait. */
export interface AccountGifts {
  given: readonly AccountGift[];
  waiting: number;
}

const MONTHS: Record<number, MessageKey> = { 1: 'gift.months.1', 6: 'gift.months.6', 12: 'gift.months.12' };
const STATUS: Record<AccountGift['status'], MessageKey> = {
  sent: 'member.account.giftStatus.sent',
  redeemed: 'member.account.giftStatus.redeemed',
  refunded: 'member.account.giftStatus.refunded',
};

/** "A gift is waiting for you", and the list of gifts given with their state; nothing when there are none. */
export function giftsSection(t: Translator, gifts: AccountGifts | undefined): SafeHtml | string {
  if (!gifts || (gifts.waiting === 0 && gifts.given.length === 0)) return '';
  return html`${gifts.waiting > 0 ? html`<p class="gift-waiting">${t.t('member.account.giftWaiting')} <a href="/gift/redeem">${t.t('member.account.giftRedeem')}</a></p>` : ''}
${
  gifts.given.length > 0
    ? html`<h3>${t.t('member.account.gifts')}</h3><ul class="gifts-given">${gifts.given.map(
        (gift) =>
          html`<li>${t.t('member.account.giftRow', {
            months: t.t(MONTHS[gift.months] ?? 'gift.months.12'),
            tier: gift.tierName,
            recipient: gift.recipient,
            date: t.longDate(gift.paidAt),
          })}: <span class="gift-status">${t.t(STATUS[gift.status])}</span></li>`,
      )}</ul>`
    : ''
}`;
}
