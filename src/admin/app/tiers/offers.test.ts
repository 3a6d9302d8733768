import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import type { StaffActor } from '../../../staff/staff.service.ts';
import { axeViolations, launchChromium, skipWithoutChromium } from '../../../testing/browser.ts';
import { makeStaff, signIn } from '../../../testing/factories.ts';
import { listenOnLoopback, startTestApp, type TestApp } from '../../../testing/harness.ts';
import { startStripeStandIn, STRIPE_TEST_KEY, type StripeStandIn } from '../../../testing/stripe.ts';
import { openWebApp } from '../../../testing/web-app.ts';

describe('offers on the tiers and prices screen in a real browser', { skip: skipWithoutChromium }, () => {
  let stripe: StripeStandIn;
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let admin: StaffActor;

  before(async () => {
    stripe = await startStripeStandIn();
    t = await startTestApp({ stripeSecretKey: STRIPE_TEST_KEY, stripeApiUrl: stripe.url });
    admin = await makeStaff(t, 'admin');
    const headers = await signIn(t, admin);
    const post = async (url: string, payload: object) => {
      const answer = await t.app.inject({ method: 'POST', url: `/admin/api${url}`, headers, payload });
      assert.ok(answer.statusCode < 300, answer.body);
      return answer.json<{ tier: { id: string } }>().tier;
    };
    const tier = await post('/tiers', { name: 'Supporter' });
    await post(`/tiers/${tier.id}/prices`, { currency: 'usd', interval: 'month', amount: 500 });
    ({ base } = await listenOnLoopback(t));
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await t?.close();
    await stripe?.stop();
  });

  it('makes an offer, says what is wrong in the form, shows its link and redemptions, and archives it', async () => {
    const { context, page } = await openWebApp(browser, base, admin, '/admin/tiers', 'Tiers and prices');
    const offers = page.getByRole('region', { name: 'Offers' });
    await offers.getByText('No offers yet.').waitFor();
    const form = offers.getByRole('form', { name: 'New offer' });
    await form.getByLabel('Name').fill('Spring sale');
    await form.getByLabel('Percentage off').fill('150');
    await form.getByRole('button', { name: 'Make the offer' }).click();
    await form.getByText('Write a whole number from 1 to 100.').waitFor();
    assert.equal(await form.getByLabel('Name').inputValue(), 'Spring sale', 'nothing typed is lost');
    await form.getByLabel('Percentage off').fill('25');
    await form.getByLabel('For', { exact: true }).selectOption({ label: 'A number of months' });
    await form.getByLabel('Months').fill('6');
    await form.getByLabel('Redemption limit').fill('100');
    await form.getByRole('button', { name: 'Make the offer' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'The offer Spring sale is ready: share /offer/spring-sale.' })
      .waitFor();
    await offers
      .getByRole('row', { name: /Spring sale \/offer\/spring-sale Supporter 25% off for 6 months 0 \/ 100 Active/ })
      .waitFor();
    assert.equal(stripe.list('coupons').at(-1)?.percent_off, 25);
    assert.deepEqual(await axeViolations(page), [], 'tiers screen with an offer');

    const reader = await browser.newPage();
    await reader.goto(`${base}/offer/spring-sale`);
    assert.equal(await reader.locator('h1').textContent(), 'Spring sale');
    await reader.close();

    await offers.getByRole('button', { name: 'Archive Spring sale' }).click();
    await page.getByRole('status').filter({ hasText: 'The offer is archived' }).waitFor();
    await offers.getByRole('row', { name: /Spring sale .* Archived/ }).waitFor();
    await context.close();
  });
});
