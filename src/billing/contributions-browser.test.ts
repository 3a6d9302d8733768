import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { HtmlValidate } from 'html-validate';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, launchChromium, screenshot, skipWithoutChromium } from '../testing/browser.ts';
import { makeSection, makeStaff, signIn } from '../testing/factories.ts';
import { listenOnLoopback, startTestApp, type TestApp } from '../testing/harness.ts';
import { startTestSmtp, type TestSmtp } from '../testing/smtp.ts';
import {
  startStripeStandIn,
  STRIPE_TEST_KEY,
  STRIPE_TEST_WEBHOOK_SECRET,
  type StripeStandIn,
} from '../testing/stripe.ts';

const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });

describe(
  'a reader gives once in a real browser, through the Stripe stand-in’s Checkout',
  { skip: skipWithoutChromium },
  () => {
    let smtp: TestSmtp;
    let stripe: StripeStandIn;
    let t: TestApp;
    let browser: Browser;
    let base = '';

    before(async () => {
      smtp = await startTestSmtp();
      stripe = await startStripeStandIn();
      t = await startTestApp({
        secureCookies: false,
        smtpUrl: smtp.url,
        mailFrom: 'desk@news.example',
        stripeSecretKey: STRIPE_TEST_KEY,
        stripeWebhookSecret: STRIPE_TEST_WEBHOOK_SECRET,
        stripeApiUrl: stripe.url,
      });
      base = (await listenOnLoopback(t)).base;
      stripe.webhookUrl = `${base}/webhooks/stripe`;
      const headers = await signIn(t, await makeStaff(t, 'admin'));
      const tier = await t.app.inject({
        method: 'POST',
        url: '/admin/api/tiers',
        headers,
        payload: { name: 'Supporter' },
      });
      const tierId = tier.json<{ tier: { id: string } }>().tier.id;
      await t.app.inject({
        method: 'POST',
        url: `/admin/api/tiers/${tierId}/prices`,
        headers,
        payload: { currency: 'usd', interval: 'month', amount: 500 },
      });
      // A site with a section, as every newsroom has (its header and footer list it).
      await makeSection(t.database.handle.db, 'Politics');
      browser = await launchChromium();
    });
    after(async () => {
      await browser.close();
      await t.close();
      await stripe.stop();
      await smtp.close();
    });

    /** html-validate on what the server sent; axe in a copy of the browser that bypasses the site's CSP. */
    const checked = async (page: Page, name: string, sent: string | undefined) => {
      const report = await validator.validateString(sent ?? '');
      const problems = report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`));
      assert.deepEqual(problems, [], `${name} is valid HTML`);
      const copy = await browser.newContext({ bypassCSP: true, storageState: await page.context().storageState() });
      const same = await copy.newPage();
      await same.goto(page.url());
      assert.deepEqual(await axeViolations(same), [], `${name} has no axe violations`);
      await screenshot(same, `contribute-${name}.png`);
      await copy.close();
    };

    it('follows the footer link, is told a too-small amount, gives $10 on Checkout and comes back thanked', async () => {
      const page = await (await browser.newContext()).newPage();
      // The site says it is https://news.example (Stripe's return links) and is served on loopback:
      // that address leads here, as DNS and a proxy would.
      await page.route('https://news.example/**', (route) => {
        const asked = new URL(route.request().url());
        return route.fulfill({ status: 302, headers: { location: `${base}${asked.pathname}${asked.search}` } });
      });
      await page.goto(`${base}/`);
      const form = await Promise.all([
        page.waitForResponse((r) => new URL(r.url()).pathname === '/contribute'),
        page.getByRole('link', { name: 'Support us' }).click(),
      ]);
      await page.getByRole('heading', { name: 'Support our journalism' }).waitFor();
      await checked(page, 'form', await form[0].text());

      await page.getByLabel('Or another amount').fill('0.25');
      await page.getByLabel('A note for the newsroom (optional)').fill('For the water story');
      const refused = await Promise.all([
        page.waitForResponse((r) => new URL(r.url()).pathname === '/contribute' && r.request().method() === 'POST'),
        page.getByRole('button', { name: 'Continue to payment' }).click(),
      ]);
      await page.getByText('The smallest contribution is $1.00.').waitFor();
      assert.equal(await page.getByLabel('A note for the newsroom (optional)').inputValue(), 'For the water story');
      const report = await validator.validateString(await refused[0].text());
      assert.deepEqual(
        report.results.flatMap((r) => r.messages.map((m) => m.message)),
        [],
        'the refusal is valid HTML',
      );

      await page.getByLabel('Or another amount').fill('');
      await page.getByLabel('$10.00').check();
      await page.getByRole('button', { name: 'Continue to payment' }).click();
      await page.getByRole('button', { name: 'Pay' }).waitFor();
      assert.equal(new URL(page.url()).origin, stripe.url, 'on Stripe’s Checkout page');
      await page.getByLabel('Email').fill('walk-in@example.com');
      const [thanks] = await Promise.all([
        page.waitForResponse((r) => r.url().startsWith(`${base}/contribute/thanks?session_id=cs_test_`)),
        page.getByRole('button', { name: 'Pay' }).click(),
      ]);
      await page.getByRole('heading', { name: 'Thank you for your contribution' }).waitFor();
      assert.match((await page.locator('main').textContent()) ?? '', /your contribution of \$10\.00/);
      await checked(page, 'thanks', await thanks.text());
      await t.outbox.settled();
      assert.equal(smtp.received.filter((m) => m.to.includes('walk-in@example.com')).length, 1, 'one receipt');
      assert.deepEqual(
        stripe.deliveries.filter((delivery) => delivery.status !== 200),
        [],
        'every event Stripe sent was taken',
      );
    });
  },
);
