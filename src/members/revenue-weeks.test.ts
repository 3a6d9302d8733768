import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { monthlyAmount, revenueWeeks, type StatusChange, type SubscriptionPrice, weekStarts } from './revenue-weeks.ts';

const DAY = 24 * 3600_000;
// Wednesday 2026-03-18, 12:00 UTC: this week began on Monday the 16th.
const NOW = new Date('2026-03-18T12:00:00.000Z');
const starts = weekStarts(4, NOW);
const inWeek = (week: number, days = 1) => new Date((starts[week] as Date).getTime() + days * DAY).toISOString();

describe('revenue weeks: the rules of paid, MRR, new and cancelled', () => {
  it('starts weeks on Monday, UTC, this week last', () => {
    assert.deepEqual(
      starts.map((start) => start.toISOString().slice(0, 10)),
      ['2026-02-23', '2026-03-02', '2026-03-09', '2026-03-16'],
    );
  });

  it('counts each week at the price its history gave then, and a plan change as neither new nor cancelled', () => {
    const latest: SubscriptionPrice = {
      memberId: 'm1',
      hasTier: true,
      amount: 900,
      currency: 'eur',
      interval: 'month',
    };
    const old: SubscriptionPrice = { memberId: 'm2', hasTier: true, amount: 700, currency: 'eur', interval: 'month' };
    const changes: StatusChange[] = [
      {
        memberId: 'm1',
        subscription: 's1',
        from: null,
        to: 'active',
        at: inWeek(0),
        price: { amount: 500, currency: 'eur', interval: 'month' },
      },
      // History recorded before prices were kept: the mirror's latest price counts throughout.
      { memberId: 'm2', subscription: 's2', from: null, to: 'active', at: inWeek(0) },
      {
        memberId: 'm1',
        subscription: 's1',
        from: 'active',
        to: 'active',
        at: inWeek(2),
        price: { amount: 12000, currency: 'eur', interval: 'year' },
      },
    ];
    const weeks = revenueWeeks(
      {
        changes,
        prices: new Map([
          ['s1', latest],
          ['s2', old],
        ]),
        grants: [],
        graceDays: 0,
      },
      starts,
      NOW,
    );
    assert.deepEqual(
      weeks.map((week) => week.mrr),
      [500 + 700, 500 + 700, 1000 + 700, 1000 + 700].map((amount) => [{ currency: 'eur', amount }]),
    );
    assert.deepEqual(
      weeks.map((week) => [week.newSubscriptions, week.cancelledSubscriptions]),
      [
        [2, 0],
        [0, 0],
        [0, 0],
        [0, 0],
      ],
    );
  });

  it('counts a yearly price as a twelfth, rounded to the smallest unit', () => {
    assert.equal(monthlyAmount({ amount: 10000, interval: 'year' }), 833);
    assert.equal(monthlyAmount({ amount: 500, interval: 'month' }), 500);
  });

  it('keeps a past-due subscription paid through the grace period and in MRR until it ends; a tier-less one opens nothing', () => {
    const price = (memberId: string, hasTier = true): SubscriptionPrice => ({
      memberId,
      hasTier,
      amount: 1000,
      currency: 'eur',
      interval: 'month',
    });
    const changes: StatusChange[] = [
      { memberId: 'm1', subscription: 's1', from: null, to: 'active', at: inWeek(0) },
      { memberId: 'm2', subscription: 's2', from: null, to: 'active', at: inWeek(0) },
      { memberId: 'm1', subscription: 's1', from: 'active', to: 'past_due', at: inWeek(1) },
      { memberId: 'm1', subscription: 's1', from: 'past_due', to: 'past_due', at: inWeek(1, 3) },
    ];
    const weeks = revenueWeeks(
      {
        changes,
        prices: new Map([
          ['s1', price('m1')],
          ['s2', price('m2', false)],
        ]),
        grants: [],
        graceDays: 7,
      },
      starts,
      NOW,
    );
    // Week 1 ends 6 days after s1 fell past due (a retry does not restart the grace); week 2, 13 days.
    assert.deepEqual(
      weeks.map((week) => week.paidMembers),
      [1, 1, 0, 0],
    );
    assert.deepEqual(
      weeks.map((week) => week.mrr),
      Array(4).fill([{ currency: 'eur', amount: 2000 }]),
    );
    assert.deepEqual(
      weeks.map((week) => week.newSubscriptions),
      [2, 0, 0, 0],
    );
  });

  it('counts a complimentary grant from its start until it ends or is removed', () => {
    const weeks = revenueWeeks(
      {
        changes: [],
        prices: new Map(),
        grants: [
          { memberId: 'm1', from: inWeek(0), until: inWeek(3, 5), removedAt: null },
          { memberId: 'm2', from: inWeek(0), until: inWeek(3, 5), removedAt: inWeek(2) },
          { memberId: 'm3', from: inWeek(0), until: inWeek(1), removedAt: null },
        ],
        graceDays: 7,
      },
      starts,
      NOW,
    );
    assert.deepEqual(
      weeks.map((week) => week.paidMembers),
      [3, 2, 1, 1],
    );
  });

  it('counts a group’s seat holders while they sit, not its buyer, and a reader paid twice once', () => {
    const weeks = revenueWeeks(
      {
        changes: [
          { memberId: 'buyer', subscription: 'group', from: null, to: 'active', at: inWeek(0) },
          { memberId: 'buyer', subscription: 'own', from: null, to: 'active', at: inWeek(2) },
        ],
        prices: new Map<string, SubscriptionPrice>([
          [
            'group',
            {
              memberId: 'buyer',
              hasTier: true,
              amount: 1500,
              currency: 'usd',
              interval: 'month',
              seats: [
                { memberId: 'reader', from: inWeek(0, 2), removedAt: inWeek(3) },
                { memberId: 'buyer', from: inWeek(1), removedAt: null },
              ],
            },
          ],
          ['own', { memberId: 'buyer', hasTier: true, amount: 500, currency: 'usd', interval: 'month' }],
        ]),
        grants: [{ memberId: 'reader', from: inWeek(0), until: inWeek(3, 5), removedAt: null }],
        graceDays: 7,
      },
      starts,
      NOW,
    );
    // Week 0: the reader (seat and grant: once); 1: and the buyer's seat; 2: the buyer also subscribes; 3: the reader's grant.
    assert.deepEqual(
      weeks.map((week) => week.paidMembers),
      [1, 2, 2, 2],
    );
    assert.deepEqual(
      weeks.map((week) => week.mrr),
      [...Array(2).fill([{ currency: 'usd', amount: 1500 }]), ...Array(2).fill([{ currency: 'usd', amount: 2000 }])],
    );
  });
});
