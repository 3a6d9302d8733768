import { mock } from 'node:test';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { grantComplimentary } from '../members/complimentary.service.ts';
import { ensureMember } from '../members/members.service.ts';
import { weekStarts } from '../members/revenue-weeks.ts';
import { saveSubscriptionState } from '../members/subscription-mirror.ts';
import type { SubscriptionStatus } from '../members/subscriptions.ts';
import type { StaffActor } from '../staff/staff.service.ts';

const DAY = 24 * 3600_000;

/**
 * Seeds a few weeks of members' history through the members domain's own functions, each write at
 * its moment in the past (the clock is mocked while they run), relative to the real week:
 * - week −5: Ana signs up from /news/budget and subscribes, 5.00 USD a month;
 * - week −4: Bruno signs up from /news/budget and subscribes, 120.00 MXN a year;
 * - week −3: Carla signs up from /news/river and starts a trial at 7.00 USD a month, and Dora is given
 *   complimentary access;
 * - week −2: Ana's subscription ends;
 * - week −1: Carla's trial becomes active.
 * Before the weeks shown, Eve signed up from /news/old (27 weeks ago).
 */
export async function seedRevenueHistory(db: Kysely<Database>, editor: StaffActor): Promise<void> {
  const weeks = weekStarts(6, new Date());
  // A day and a few hours into a past week, so nothing lands in the future or on a week's edge.
  const inWeek = (back: number, hours = 0) => new Date((weeks[5 - back] as Date).getTime() + DAY + hours * 3600_000);
  const at = (when: Date) => mock.timers.setTime(when.getTime());
  const signUp = async (email: string, attribution: string) =>
    (await ensureMember(db, { email, normalized: email, name: email.split('@')[0] ?? '', attribution })).id;
  const subscription = async (
    id: string,
    memberId: string,
    status: SubscriptionStatus,
    price: { amount: number; currency: string; interval: string },
  ) =>
    saveSubscriptionState(db, {
      stripeSubscriptionId: id,
      memberId,
      tierId: 'tier-supporter',
      tierName: 'Supporter',
      status,
      cancelAtPeriodEnd: false,
      currentPeriodEnd: new Date(Date.now() + 30 * DAY).toISOString(),
      trialEnd: null,
      canceledAt: null,
      endedAt: null,
      ...price,
      observedAt: new Date().toISOString(),
    });
  const usd = { amount: 500, currency: 'usd', interval: 'month' };
  const mxn = { amount: 12000, currency: 'mxn', interval: 'year' };
  const trial = { amount: 700, currency: 'usd', interval: 'month' };

  mock.timers.enable({ apis: ['Date'], now: Date.now() - 27 * 7 * DAY });
  try {
    await signUp('eve@example.com', '/news/old');
    at(inWeek(5));
    const ana = await signUp('ana@example.com', '/news/budget');
    at(inWeek(5, 1));
    await subscription('sub_ana', ana, 'active', usd);
    at(inWeek(4));
    const bruno = await signUp('bruno@example.com', '/news/budget');
    at(inWeek(4, 1));
    await subscription('sub_bruno', bruno, 'active', mxn);
    at(inWeek(3));
    const carla = await signUp('carla@example.com', '/news/river');
    at(inWeek(3, 1));
    await subscription('sub_carla', carla, 'trialing', trial);
    at(inWeek(3, 2));
    await grantComplimentary(db, editor, {
      email: 'dora@example.com',
      endsAt: new Date(Date.now() + 400 * DAY).toISOString(),
    });
    at(inWeek(2));
    await subscription('sub_ana', ana, 'canceled', usd);
    at(inWeek(1));
    await subscription('sub_carla', carla, 'active', trial);
  } finally {
    mock.timers.reset();
  }
}
