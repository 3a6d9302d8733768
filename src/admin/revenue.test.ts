import assert from 'node:assert/strict';
import { after, before, describe, it, mock } from 'node:test';
import { eventWords } from './app/members/member-history.tsx';
import type { MemberEventJson } from './app/members/types.ts';
import { translator } from './app/messages.ts';
import type { StaffRole } from '../staff/staff.table.ts';
import { makeStaff, signIn } from '../testing/factories.ts';
import { startTestApp, type TestApp } from '../testing/harness.ts';
import { seedRevenueHistory } from '../testing/revenue-history.ts';
import { ensureMember } from '../members/members.service.ts';
import { saveSubscriptionState } from '../members/subscription-mirror.ts';

const DAY = 24 * 3600_000;

interface Week {
  start: string;
  paidMembers: number;
  mrr: Array<{ currency: string; amount: number }>;
  newSubscriptions: number;
  cancelledSubscriptions: number;
}

describe('the revenue dashboard’s API', () => {
  let t: TestApp;
  const as = async (role: StaffRole, url = '/admin/api/revenue') => {
    const headers = await signIn(t, await makeStaff(t, role));
    return t.app.inject({ method: 'GET', url, headers });
  };

  before(async () => {
    t = await startTestApp();
    await seedRevenueHistory(t.database.handle.db, await makeStaff(t, 'editor'));
  });
  after(() => t.close());

  it('counts paid members, MRR per currency, new and cancelled subscriptions week by week', async () => {
    const response = await as('editor');
    assert.equal(response.statusCode, 200, response.body);
    const weeks = response.json().weeks as Week[];
    assert.equal(weeks.length, 26, 'half a year by default');
    assert.ok(
      weeks.every((week) => new Date(week.start).getUTCDay() === 1),
      'weeks start on Monday',
    );
    const last6 = weeks.slice(-6);
    assert.ok(weeks.slice(0, -6).every((week) => week.paidMembers === 0 && week.mrr.length === 0));
    // Ana; + Bruno; + Carla on trial and Dora (complimentary); − Ana; Carla pays; this week as the last.
    assert.deepEqual(
      last6.map((week) => week.paidMembers),
      [1, 2, 4, 3, 3, 3],
    );
    assert.deepEqual(
      last6.map((week) => week.mrr),
      [
        [{ currency: 'usd', amount: 500 }],
        [
          { currency: 'mxn', amount: 1000 },
          { currency: 'usd', amount: 500 },
        ],
        // A trial pays nothing yet.
        [
          { currency: 'mxn', amount: 1000 },
          { currency: 'usd', amount: 500 },
        ],
        [{ currency: 'mxn', amount: 1000 }],
        [
          { currency: 'mxn', amount: 1000 },
          { currency: 'usd', amount: 700 },
        ],
        [
          { currency: 'mxn', amount: 1000 },
          { currency: 'usd', amount: 700 },
        ],
      ],
    );
    assert.deepEqual(
      last6.map((week) => [week.newSubscriptions, week.cancelledSubscriptions]),
      [
        [1, 0],
        [1, 0],
        [1, 0], // a trial's start is new; its conversion later is not
        [0, 1],
        [0, 0],
        [0, 0],
      ],
    );
  });

  it('names the pages members signed up from, and the sign-up pages of those who subscribed', async () => {
    const report = (await as('admin')).json();
    assert.deepEqual(report.topBySignUps, [
      { path: '/news/budget', count: 2 },
      { path: '/news/river', count: 1 },
    ]);
    assert.deepEqual(report.topBySubscriptions, report.topBySignUps, 'Eve signed up before these weeks');
  });

  it('shows fewer weeks when asked, and refuses a bad number of weeks', async () => {
    const few = await as('admin', '/admin/api/revenue?weeks=3');
    assert.deepEqual(
      (few.json().weeks as Week[]).map((week) => week.paidMembers),
      [3, 3, 3],
    );
    assert.equal(few.json().topBySignUps.length, 0, 'nobody signed up in the last three weeks');
    for (const weeks of ['0', '100', 'x'])
      assert.equal((await as('admin', `/admin/api/revenue?weeks=${weeks}`)).statusCode, 400);
  });

  it('is for editors and admins only', async () => {
    for (const role of ['contributor', 'author'] as const) {
      const refused = await as(role);
      assert.equal(refused.statusCode, 403, role);
      assert.match(refused.json().error.message, /may not see paid members and revenue/);
    }
    assert.equal((await t.app.inject({ method: 'GET', url: '/admin/api/revenue' })).statusCode, 401);
  });

  it('credits a subscription to the page the reader subscribed from, which Checkout carried', async () => {
    const db = t.database.handle.db;
    const reader = await ensureMember(db, {
      email: 'late@example.com',
      normalized: 'late@example.com',
      attribution: '/news/river',
    });
    await saveSubscriptionState(db, {
      stripeSubscriptionId: 'sub_from_checkout',
      memberId: reader.id,
      tierId: 'tier-from-checkout',
      tierName: 'Supporter',
      status: 'active',
      cancelAtPeriodEnd: false,
      currentPeriodEnd: new Date(Date.now() + 30 * 86400_000).toISOString(),
      trialEnd: null,
      canceledAt: null,
      endedAt: null,
      amount: 500,
      currency: 'usd',
      interval: 'month',
      observedAt: new Date().toISOString(),
      attribution: '/news/paywalled-scoop',
    });
    const report = (await as('admin')).json();
    assert.ok(
      report.topBySubscriptions.some(
        (entry: { path: string; count: number }) => entry.path === '/news/paywalled-scoop' && entry.count === 1,
      ),
      JSON.stringify(report.topBySubscriptions),
    );
  });
});

describe('a subscription that changes plan', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  it('counts each past week at the price of that week, and tells the change in the member’s history', async () => {
    const db = t.database.handle.db;
    const reader = await ensureMember(db, { email: 'upgrader@example.com', normalized: 'upgrader@example.com' });
    const state = (amount: number) => ({
      stripeSubscriptionId: 'sub_upgrader',
      memberId: reader.id,
      tierId: 'tier-supporter',
      tierName: 'Supporter',
      status: 'active' as const,
      cancelAtPeriodEnd: false,
      currentPeriodEnd: new Date(Date.now() + 30 * DAY).toISOString(),
      trialEnd: null,
      canceledAt: null,
      endedAt: null,
      amount,
      currency: 'eur',
      interval: 'month',
      observedAt: new Date().toISOString(),
    });
    // Subscribed two weeks ago at 5.00 a month; moved to the 9.00 plan today.
    mock.timers.enable({ apis: ['Date'], now: Date.now() - 14 * DAY });
    try {
      await saveSubscriptionState(db, state(500));
    } finally {
      mock.timers.reset();
    }
    await saveSubscriptionState(db, state(900));

    const headers = await signIn(t, await makeStaff(t, 'editor'));
    const response = await t.app.inject({ method: 'GET', url: '/admin/api/revenue', headers });
    assert.equal(response.statusCode, 200, response.body);
    const eur = (week: Week) => week.mrr.find((m) => m.currency === 'eur')?.amount ?? 0;
    assert.deepEqual((response.json().weeks as Week[]).slice(-4).map(eur), [0, 500, 500, 900]);

    const profile = await t.app.inject({ method: 'GET', url: `/admin/api/members/${reader.id}`, headers });
    const history = profile.json().history as MemberEventJson[];
    const change = history.find((event) => event.kind === 'subscription-price');
    assert.ok(change, JSON.stringify(history));
    // Intl writes a no-break space between the currency and the amount in Spanish.
    const words = (locale: 'en' | 'es') =>
      eventWords(translator(locale), change, (iso) => iso, locale).replace(/\s/g, ' ');
    assert.equal(words('en'), 'Subscription price changed to €9.00 a month (Supporter)');
    assert.equal(words('es'), 'El precio de la suscripción cambió a EUR 9.00 al mes (Supporter)');
    const started = history.find((event) => event.kind === 'subscription-status');
    assert.equal(
      started && eventWords(translator('en'), started, (iso) => iso, 'en'),
      'Subscription status changed: active',
    );
  });
});
