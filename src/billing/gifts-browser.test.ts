import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { HtmlValidate } from 'html-validate';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, launchChromium, screenshot, skipWithoutChromium } from '../testing/browser.ts';
import { makeArticle, makeSection, makeStaff, paragraphs, signIn } from '../testing/factories.ts';
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
  'a reader gives a subscription and its recipient redeems it, in a real browser',
  { skip: skipWithoutChromium },
  () => {
    let smtp: TestSmtp;
    let stripe: StripeStandIn;
    let t: TestApp;
    let browser: Browser;
    let base = '';
    let story = '';

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
      const section = await makeSection(t.database.handle.db, 'Politics');
      const article = await makeArticle(t, {
        headline: 'The council’s budget',
        sectionId: section.id,
        access: 'tiers',
        accessTierIds: [tierId],
        body: paragraphs('Everyone reads this.', 'Everyone reads this too.', 'Only Supporters read this.'),
      });
      story = `/politics/${article.slug}`;
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
      await screenshot(same, `gift-${name}.png`);
      await copy.close();
    };
    /** A browser of its own; the site's public address (Stripe's return links, mail) leads to loopback. */
    const newPage = async () => {
      const page = await (await browser.newContext()).newPage();
      await page.route('https://news.example/**', (route) => {
        const asked = new URL(route.request().url());
        return route.fulfill({ status: 302, headers: { location: `${base}${asked.pathname}${asked.search}` } });
      });
      return page;
    };

    it('buys six months of Supporter from /pricing, and the recipient signs up with the code and reads', async () => {
      const buyer = await newPage();
      await buyer.goto(`${base}/pricing`);
      const form = await Promise.all([
        buyer.waitForResponse((r) => new URL(r.url()).pathname === '/gift'),
        buyer.getByRole('link', { name: 'Give a subscription as a gift' }).click(),
      ]);
      await buyer.getByRole('heading', { name: 'Give a subscription' }).waitFor();
      await checked(buyer, 'form', await form[0].text());
      await buyer.getByLabel('Supporter').check();
      await buyer.getByLabel('6 months').check();
      await buyer.getByLabel('Their email address').fill('ana@example.com');
      await buyer.getByLabel('Their name (optional)').fill('Ana');
      await buyer.getByLabel('A message for them (optional)').fill('Happy birthday <3');
      await buyer.getByLabel('Your email address, for the receipt').fill('buyer@example.com');
      await buyer.getByRole('button', { name: 'Continue to payment' }).click();
      await buyer.getByRole('button', { name: 'Pay' }).waitFor();
      assert.equal(new URL(buyer.url()).origin, stripe.url, 'on Stripe’s Checkout page');
      assert.match((await buyer.locator('.amount').textContent()) ?? '', /30\.00 USD/);
      const [done] = await Promise.all([
        buyer.waitForResponse((r) => r.url().startsWith(`${base}/gift/done?session_id=cs_test_`)),
        buyer.getByRole('button', { name: 'Pay' }).click(),
      ]);
      await buyer.getByRole('heading', { name: 'Your gift is on its way' }).waitFor();
      await checked(buyer, 'done', await done.text());

      await t.outbox.settled();
      const gift = smtp.received.find((m) => m.to.includes('ana@example.com'));
      assert.ok(gift?.links[0]);
      const ana = await newPage();
      const [shown] = await Promise.all([
        ana.waitForResponse((r) => r.url().startsWith(`${base}/gift/redeem/`)),
        ana.goto(gift.links[0]),
      ]);
      await ana.getByRole('heading', { name: 'A gift for you' }).waitFor();
      assert.equal(await ana.locator('.gift-message blockquote').textContent(), 'Happy birthday <3');
      await checked(ana, 'redeem', await shown.text());
      await ana.getByLabel('Your email address').fill('ana@example.com');
      await ana.getByRole('button', { name: 'Email me a link' }).click();
      await t.outbox.settled();
      const signUp = smtp.received.filter((m) => m.to.includes('ana@example.com')).at(-1);
      const code = /\b(\d{6})\b/.exec(signUp?.text ?? '')?.[1];
      assert.ok(code, 'the sign-up mail has a code');
      await ana.getByLabel('6-digit code').fill(code);
      await ana.getByRole('button', { name: 'Sign in with the code' }).click();
      // The code brings the reader back to the gift, signed in now.
      await ana.getByRole('button', { name: 'Redeem the gift' }).click();
      await ana.getByRole('heading', { name: 'Your gift is redeemed' }).waitFor();
      await ana.goto(`${base}${story}`);
      await ana.getByText('Only Supporters read this.').waitFor();
      assert.deepEqual(
        stripe.deliveries.filter((delivery) => delivery.status !== 200),
        [],
        'every event Stripe sent was taken',
      );
    });
  },
);
