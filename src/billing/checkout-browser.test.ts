import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { HtmlValidate } from 'html-validate';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, launchChromium, screenshot, skipWithoutChromium } from '../testing/browser.ts';
import { makeArticle, makeSection, makeStaff, paragraphs, signIn } from '../testing/factories.ts';
import { startTestApp, type TestApp } from '../testing/harness.ts';
import { freePort } from '../testing/ports.ts';
import { startTestSmtp, type TestSmtp } from '../testing/smtp.ts';
import {
  startStripeStandIn,
  STRIPE_TEST_KEY,
  STRIPE_TEST_WEBHOOK_SECRET,
  type StripeStandIn,
} from '../testing/stripe.ts';

const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });

/** A free loopback port, so the site's public address (Stripe's return links, the mailed links) is known before it listens. */
describe(
  'a reader subscribes in a real browser, through the Stripe stand-in’s Checkout',
  { skip: skipWithoutChromium },
  () => {
    let smtp: TestSmtp;
    let stripe: StripeStandIn;
    let t: TestApp;
    let browser: Browser;
    let base = '';
    let paidPath = '';

    before(async () => {
      smtp = await startTestSmtp();
      stripe = await startStripeStandIn();
      const port = await freePort();
      base = `http://127.0.0.1:${port}`;
      // Served over plain HTTP on loopback: cookies without Secure, as behind no HTTPS.
      t = await startTestApp({
        publicUrl: base,
        secureCookies: false,
        smtpUrl: smtp.url,
        mailFrom: 'desk@news.example',
        stripeSecretKey: STRIPE_TEST_KEY,
        stripeWebhookSecret: STRIPE_TEST_WEBHOOK_SECRET,
        stripeApiUrl: stripe.url,
      });
      // Stripe's side tells Gaceta of every change as it would: signed events to the webhook.
      stripe.webhookUrl = `${base}/webhooks/stripe`;
      const headers = await signIn(t, await makeStaff(t, 'admin'));
      const tier = await t.app.inject({
        method: 'POST',
        url: '/admin/api/tiers',
        headers,
        payload: { name: 'Supporter', trialDays: 7 },
      });
      const tierId = tier.json<{ tier: { id: string } }>().tier.id;
      await t.app.inject({
        method: 'POST',
        url: `/admin/api/tiers/${tierId}/prices`,
        headers,
        payload: { currency: 'usd', interval: 'month', amount: 500 },
      });
      const section = await makeSection(t.database.handle.db, 'Politics');
      const paid = await makeArticle(t, {
        headline: 'The budget, line by line',
        sectionId: section.id,
        access: 'paid',
        body: paragraphs('The open start.', 'The open middle.', 'Only subscribers read this sentence.'),
      });
      paidPath = `/politics/${paid.slug}`;
      await t.app.listen({ port, host: '127.0.0.1' });
      browser = await launchChromium();
    });
    after(async () => {
      await browser.close();
      await t.close();
      await stripe.stop();
      await smtp.close();
    });

    /**
     * html-validate on the HTML the server sent, axe on the page in a browser. The reader's browser
     * keeps the site's CSP (its form-action must let the reader reach Checkout), which refuses axe's
     * script: axe runs on the same address in a copy of the browser that bypasses CSP.
     */
    const checked = async (page: Page, name: string, sent: string | undefined) => {
      const report = await validator.validateString(sent ?? '');
      const problems = report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`));
      assert.deepEqual(problems, [], `${name} is valid HTML`);
      const copy = await browser.newContext({ bypassCSP: true, storageState: await page.context().storageState() });
      const same = await copy.newPage();
      await same.goto(page.url());
      assert.deepEqual(await axeViolations(same), [], `${name} has no axe violations`);
      await screenshot(same, `checkout-${name}.png`);
      await copy.close();
    };

    /** From the paywall to the thank-you page: plans, sign in by the mailed link, confirm, pay on Checkout. */
    async function subscribe(page: Page, email: string): Promise<void> {
      await page.goto(`${base}${paidPath}`);
      await page.getByRole('link', { name: 'See subscription plans' }).click();
      await page.getByRole('link', { name: 'Subscribe monthly' }).click();
      await page.getByRole('heading', { name: 'Subscribe to Supporter' }).waitFor();
      await page.getByRole('link', { name: 'Sign in', exact: true }).click();
      await page.getByLabel('Email address').fill(email);
      await page.getByRole('button', { name: 'Email me a link' }).click();
      await page.getByRole('heading', { name: 'Check your inbox' }).waitFor();
      await t.outbox.settled();
      const link = smtp.to(email).at(-1)?.links[0];
      assert.ok(link, 'the sign-in link was mailed');
      // The emailed link brings the reader back to the plan they chose, now signed in.
      const confirm = await page.goto(link);
      await page.getByRole('button', { name: 'Continue to payment' }).waitFor();
      assert.equal(new URL(page.url()).pathname, '/subscribe');
      await checked(page, 'confirm', await confirm?.text());
      await page.getByRole('button', { name: 'Continue to payment' }).click();
      await page.getByRole('button', { name: 'Pay' }).waitFor();
      assert.equal(new URL(page.url()).origin, stripe.url, 'on Stripe’s Checkout page');
      const [done] = await Promise.all([
        page.waitForResponse((r) => new URL(r.url()).pathname === '/subscribe/done'),
        page.getByRole('button', { name: 'Pay' }).click(),
      ]);
      await page.getByRole('heading', { name: 'Thank you for subscribing' }).waitFor();
      await checked(page, 'done', await done.text());
    }

    it('goes from the paywall to the plans, signs in by the emailed link, confirms, pays and comes back thanked', async () => {
      const page = await (await browser.newContext()).newPage();
      await subscribe(page, 'reader+pays@example.com');
      assert.equal(new URL(page.url()).origin, base);
      assert.match((await page.locator('main').textContent()) ?? '', /Your free trial of Supporter has started/);
      const session = stripe.list('checkout.sessions').at(-1);
      assert.equal(session?.status, 'complete');
      assert.equal(stripe.list('subscriptions').at(-1)?.status, 'trialing');
    });

    it('then reads the whole story; cancels in the portal and reads until the period ends; the paywall returns when it does', async () => {
      const page = await (await browser.newContext()).newPage();
      await subscribe(page, 'reader+reads@example.com');
      const secret = page.getByText('Only subscribers read this sentence.');
      await page.goto(`${base}${paidPath}`);
      await secret.waitFor();
      assert.equal(await page.getByRole('link', { name: 'See subscription plans' }).count(), 0);

      // Cancelling in Stripe's portal keeps the subscription to the end of the period paid for.
      await page.goto(`${base}/account`);
      await page.getByRole('button', { name: 'Manage billing' }).click();
      await page.getByRole('button', { name: 'Cancel at period end' }).click();
      await page.waitForURL(`${base}/account`);
      await page.goto(`${base}${paidPath}`);
      await secret.waitFor();

      // The period ends: Stripe says so by webhook, and the reader's very next page has the paywall.
      const subscription = stripe.list('subscriptions').at(-1);
      assert.ok(subscription);
      assert.equal(subscription.cancel_at_period_end, true);
      await stripe.billing.endSubscription(subscription.id);
      await page.goto(`${base}${paidPath}`);
      await page.getByRole('link', { name: 'See subscription plans' }).waitFor();
      assert.equal(await secret.count(), 0, 'the paid part is gone');
      assert.deepEqual(
        stripe.deliveries.filter((delivery) => delivery.status !== 200),
        [],
        'every event Stripe sent was taken',
      );
    });
  },
);
