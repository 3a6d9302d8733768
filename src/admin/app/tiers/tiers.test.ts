import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import type { StaffActor } from '../../../staff/staff.service.ts';
import { axeViolations, launchChromium, screenshot, skipWithoutChromium } from '../../../testing/browser.ts';
import { makeStaff } from '../../../testing/factories.ts';
import { listenOnLoopback, startTestApp, type TestApp } from '../../../testing/harness.ts';
import { startStripeStandIn, STRIPE_TEST_KEY, type StripeStandIn } from '../../../testing/stripe.ts';
import { openWebApp } from '../../../testing/web-app.ts';

describe('the tiers and prices screen in a real browser', { skip: skipWithoutChromium }, () => {
  let stripe: StripeStandIn;
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let admin: StaffActor;

  before(async () => {
    stripe = await startStripeStandIn();
    t = await startTestApp({ stripeSecretKey: STRIPE_TEST_KEY, stripeApiUrl: stripe.url });
    admin = await makeStaff(t, 'admin');
    ({ base } = await listenOnLoopback(t));
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await t?.close();
    await stripe?.stop();
  });

  it('creates a paid tier, prices it in two currencies, changes a price, and readers see it', async () => {
    const { context, page } = await openWebApp(browser, base, admin, '/admin/tiers', 'Tiers and prices');
    assert.deepEqual(await axeViolations(page), [], 'tiers screen with the free tier');

    const form = page.getByRole('form', { name: 'New paid tier' });
    await form.getByLabel('Name').fill('Supporter');
    await form.getByLabel('Benefits').fill('Every story\nThe weekly letter');
    await form.getByLabel('Free trial, in days').fill('900');
    await form.getByRole('button', { name: 'Create the tier' }).click();
    await form.getByText('Write a whole number of days from 0 to 730.').waitFor();
    await form.getByLabel('Free trial, in days').fill('14');
    await form.getByRole('button', { name: 'Create the tier' }).click();
    await page.getByRole('status').filter({ hasText: 'Supporter was created.' }).waitFor();

    await form.getByLabel('Name').fill('Supporter');
    await form.getByRole('button', { name: 'Create the tier' }).click();
    await form.getByText('Another tier has this name already: choose another.').waitFor();
    await form.getByLabel('Name').fill('');

    const tier = page.getByRole('region', { name: /^Supporter/ });
    await tier.getByText('Free trial of 14 days').waitFor();
    const priceForm = tier.getByRole('form', { name: 'Set a price for Supporter' });
    const setPrice = async (currency: string, every: 'Month' | 'Year', amount: string) => {
      await priceForm.getByLabel('Currency').fill(currency);
      await priceForm.getByLabel('Every').selectOption({ label: every });
      await priceForm.getByLabel('Amount').fill(amount);
      await priceForm.getByRole('button', { name: 'Set the price' }).click();
    };
    await setPrice('usd', 'Month', '0');
    await priceForm.getByText('Write an amount greater than zero, such as 5 or 4.99.').waitFor();
    await setPrice('usx', 'Month', '5');
    await priceForm.getByText('Write a currency code of three letters, such as USD or MXN.').waitFor();
    await setPrice('usd', 'Month', '5');
    await tier.getByRole('row', { name: /USD Month \$5\.00 Offered/ }).waitFor();
    await setPrice('mxn', 'Year', '990');
    await tier.getByRole('row', { name: /MXN Year MX\$990\.00 Offered/ }).waitFor();
    await setPrice('usd', 'Month', '6.50');
    await tier.getByRole('row', { name: /USD Month \$6\.50 Offered/ }).waitFor();
    assert.equal(await tier.getByRole('row', { name: /\$5\.00/ }).count(), 0, 'the old price is archived, not shown');
    await tier.getByRole('button', { name: 'Archived prices (1)' }).click();
    await tier.getByRole('row', { name: /USD Month \$5\.00 Archived/ }).waitFor();
    assert.deepEqual(await axeViolations(page), [], 'tiers screen with a priced tier');
    await screenshot(page, 'tiers-and-prices.png');

    const prices = stripe.list('prices');
    assert.deepEqual(
      prices.map((price) => [price.currency, price.unit_amount, price.active]),
      [
        ['usd', 500, false],
        ['mxn', 99000, true],
        ['usd', 650, true],
      ],
      'Stripe has the prices, the changed one archived',
    );

    // bypassCSP lets the test inject axe into the reader page.
    const readers = await browser.newContext({ bypassCSP: true });
    const reader = await readers.newPage();
    await reader.goto(`${base}/pricing?currency=usd`);
    assert.equal(
      (await reader.locator('#tier-supporter .price').first().textContent())?.trim(),
      '$6.50 a month',
      'the pricing page was purged',
    );
    assert.deepEqual(await axeViolations(reader), [], 'pricing page');
    await readers.close();
    // A reader in Mexico who has not chosen a currency is taken to pesos by the page's script.
    const mexico = await browser.newContext({ locale: 'es-MX' });
    const mexican = await mexico.newPage();
    await mexican.goto(`${base}/pricing`);
    await mexican.waitForURL(/\?currency=mxn$/);
    assert.equal((await mexican.locator('.currencies a[aria-current]').textContent())?.trim(), 'MXN');
    await mexican.getByRole('link', { name: 'USD' }).click();
    await mexican.waitForURL(/\?currency=usd$/);
    assert.equal(
      (await mexican.locator('.currencies a[aria-current]').textContent())?.trim(),
      'USD',
      'a choice sticks',
    );
    await mexico.close();

    await tier.getByRole('button', { name: 'Edit Supporter' }).click();
    const edit = page.getByRole('form', { name: 'Edit Supporter' });
    await edit.getByLabel('Name').fill('Member');
    await edit.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Member was saved.' }).waitFor();
    assert.equal(stripe.list('products')[0]?.name, 'Member');
    await page.getByRole('button', { name: 'Move Member up' }).click();
    await page.getByRole('status').filter({ hasText: 'Member moved.' }).waitFor();
    await page.locator('section.tier').first().getByRole('heading', { name: 'Member Paid' }).waitFor();

    stripe.down = true;
    await page.getByRole('button', { name: 'Archive Member' }).first().click();
    await page.getByText('The change is saved, but Stripe could not be reached.', { exact: false }).waitFor();
    await page.getByText('Some tiers or prices are not in Stripe yet', { exact: false }).waitFor();
    stripe.down = false;
    await page.getByRole('button', { name: 'Send to Stripe' }).click();
    await page.getByRole('status').filter({ hasText: 'Stripe has every tier and price now.' }).waitFor();
    assert.equal(stripe.list('products')[0]?.active, false);
    assert.deepEqual(await axeViolations(page), [], 'tiers screen after sending to Stripe');
    await context.close();
  });
});
