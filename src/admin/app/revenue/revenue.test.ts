import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { axeViolations, screenshot, skipWithoutChromium } from '../../../testing/browser.ts';
import { ensureMember } from '../../../members/members.service.ts';
import { recordPayment, saveSubscriptionState } from '../../../members/subscription-mirror.ts';
import { makeStaff } from '../../../testing/factories.ts';
import { seedRevenueHistory } from '../../../testing/revenue-history.ts';
import { webAppSuite } from '../../../testing/web-app.ts';
import { createPendingGroup, tieGroupSubscription } from '../../../members/groups.service.ts';

/** The last row of a chart's data table (this week), as the cells a screen reader reads. */
async function thisWeek(page: Page, chart: string): Promise<string[]> {
  const rows = page.getByRole('table', { name: chart }).getByRole('row');
  return rows.last().getByRole('cell').allTextContents();
}

describe('the revenue screen in a real browser, in English and Spanish', { skip: skipWithoutChromium }, () => {
  const suite = webAppSuite('editor');
  before(async () => {
    const db = suite.t.database.handle.db;
    await seedRevenueHistory(db, suite.staff);
    // Money received once this week: a contribution, and a gift half refunded.
    const giver = await ensureMember(db, { email: 'giver@example.com', normalized: 'giver@example.com' });
    for (const [kind, stripeId, amount] of [
      ['contribution', 'cs_once', 1000],
      ['gift', 'cs_gift', 3000],
    ] as const)
      await recordPayment(db, {
        memberId: giver.id,
        kind,
        stripeId,
        stripePaymentIntentId: `pi_${stripeId}`,
        number: null,
        amountPaid: amount,
        currency: 'usd',
        status: 'paid',
        paidAt: new Date().toISOString(),
        hostedInvoiceUrl: null,
      });
    await db.updateTable('member_payments').set({ amount_refunded: 1500 }).where('stripe_id', '=', 'cs_gift').execute();
  });

  it('draws paid members, MRR per currency and subscriptions won and lost, with their numbers as tables', async () => {
    const { context, page } = await suite.open('/admin/revenue', 'Revenue');
    await page
      .getByRole('img', { name: /^Paid members Members with paid access .*: 0 at the start, 3 now\.$/ })
      .waitFor();
    assert.deepEqual(await thisWeek(page, 'Paid members'), ['3']);
    assert.deepEqual(await thisWeek(page, 'Monthly recurring revenue in USD'), ['$7.00']);
    assert.deepEqual(await thisWeek(page, 'Monthly recurring revenue in MXN'), ['MX$10.00']);
    const flow = page.getByRole('table', { name: 'New and cancelled subscriptions' });
    assert.deepEqual(await flow.getByRole('columnheader').allTextContents(), ['New', 'Cancelled']);
    assert.equal(await flow.getByRole('row').count(), 27, 'a header and 26 weeks');
    await page.getByRole('img', { name: /3 new and 1 cancelled in all\.$/ }).waitFor();
    const oneTime = page.getByRole('table', { name: 'One-time income in USD' });
    assert.deepEqual(await oneTime.getByRole('columnheader').allTextContents(), [
      'Contributions',
      'Gift subscriptions',
    ]);
    assert.deepEqual(await thisWeek(page, 'One-time income in USD'), ['$10.00', '$15.00']);
    assert.equal(await page.getByRole('table', { name: 'One-time income in MXN' }).count(), 0);

    const bySignUps = page.getByRole('region', { name: 'By sign-ups' });
    assert.deepEqual(await bySignUps.getByRole('row').allInnerTexts(), [
      'Page\tMembers',
      '/news/budget\t2',
      '/news/river\t1',
    ]);
    assert.equal(await bySignUps.getByRole('link', { name: '/news/budget' }).getAttribute('href'), '/news/budget');
    await page.getByText('A subscription counts for the page its member signed up from').waitFor();
    assert.deepEqual(await axeViolations(page), [], 'revenue screen');
    await screenshot(page, 'revenue.png');
    await context.close();
  });

  it('speaks Spanish, with money written the Spanish way', async () => {
    const colega = await makeStaff(suite.t, 'editor');
    await suite.t.database.handle.db.updateTable('staff').set({ locale: 'es' }).where('id', '=', colega.id).execute();
    const { context, page } = await suite.open('/admin/revenue', 'Ingresos', colega);
    await page.getByRole('img', { name: /^Miembros de pago .*: 0 al principio, 3 ahora\.$/ }).waitFor();
    assert.deepEqual(await thisWeek(page, 'Ingresos recurrentes mensuales en MXN'), ['$10.00']);
    assert.deepEqual(
      (await thisWeek(page, 'Ingresos únicos en USD')).map((cell) => cell.replace(/\s/g, ' ')),
      ['USD 10.00', 'USD 15.00'],
    );
    await page.getByRole('region', { name: 'Por suscripciones' }).getByRole('link', { name: '/news/river' }).waitFor();
    assert.deepEqual(await axeViolations(page), [], 'revenue screen in Spanish');
    await context.close();
  });

  it('is in the navigation of editors, not of authors', async () => {
    const { context, page } = await suite.open('/admin', 'Dashboard');
    await page.getByRole('navigation').getByRole('link', { name: 'Revenue' }).waitFor();
    await context.close();
    const author = await makeStaff(suite.t, 'author');
    const other = await suite.open('/admin', 'Dashboard', author);
    assert.equal(await other.page.getByRole('navigation').getByRole('link', { name: 'Revenue' }).count(), 0);
    await other.context.close();
  });

  it('lists the organisations’ group subscriptions, read only', async () => {
    const db = suite.t.database.handle.db;
    const admin = await ensureMember(db, { email: 'press@uni.example', normalized: 'press@uni.example' });
    const groupId = await createPendingGroup(db, {
      name: 'Uni Press',
      tierId: 'tier-supporter',
      tierName: 'Supporter',
      adminMemberId: admin.id,
      seats: 5,
      emailDomain: 'uni.example',
    });
    await db.transaction().execute(async (trx) => {
      await tieGroupSubscription(trx, {
        groupId,
        stripeSubscriptionId: 'sub_uni_press',
        quantity: 5,
        observedAt: new Date().toISOString(),
      });
      await saveSubscriptionState(trx, {
        stripeSubscriptionId: 'sub_uni_press',
        memberId: admin.id,
        tierId: 'tier-supporter',
        tierName: 'Supporter',
        status: 'active',
        cancelAtPeriodEnd: false,
        currentPeriodEnd: new Date(Date.now() + 30 * 86_400_000).toISOString(),
        trialEnd: null,
        canceledAt: null,
        endedAt: null,
        amount: 2500,
        currency: 'usd',
        interval: 'month',
        observedAt: new Date().toISOString(),
      });
    });
    const { context, page } = await suite.open('/admin/revenue', 'Revenue');
    const groups = page.getByRole('table', { name: 'Group subscriptions' });
    await groups.waitFor();
    assert.deepEqual(await groups.getByRole('row').allInnerTexts(), [
      'Organisation\tTier\tSeats\tStatus\tManaged by',
      'Uni Press (@uni.example)\tSupporter\t1 of 5\tActive\tpress@uni.example',
    ]);
    assert.deepEqual(await axeViolations(page), [], 'revenue screen with groups');
    await context.close();
  });
});
