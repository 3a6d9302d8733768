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

describe(
  'an organisation buys seats and a colleague takes one, in a real browser',
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
      const port = await freePort();
      base = `http://127.0.0.1:${port}`;
      t = await startTestApp({
        publicUrl: base,
        secureCookies: false,
        smtpUrl: smtp.url,
        mailFrom: 'desk@news.example',
        stripeSecretKey: STRIPE_TEST_KEY,
        stripeWebhookSecret: STRIPE_TEST_WEBHOOK_SECRET,
        stripeApiUrl: stripe.url,
      });
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
      const paid = await makeArticle(t, {
        headline: 'The budget, line by line',
        sectionId: section.id,
        access: 'tiers',
        accessTierIds: [tierId],
        body: paragraphs('The open start.', 'The open middle.', 'Only Supporter members read this sentence.'),
      });
      story = `/politics/${paid.slug}`;
      await t.app.listen({ port, host: '127.0.0.1' });
      browser = await launchChromium();
    });
    after(async () => {
      await browser.close();
      await t.close();
      await stripe.stop();
      await smtp.close();
    });

    /** html-validate on what the server sent, axe in a copy of the browser that bypasses the site's CSP. */
    const checked = async (page: Page, name: string, sent: string | undefined) => {
      const report = await validator.validateString(sent ?? '');
      const problems = report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`));
      assert.deepEqual(problems, [], `${name} is valid HTML`);
      const copy = await browser.newContext({ bypassCSP: true, storageState: await page.context().storageState() });
      const same = await copy.newPage();
      await same.goto(page.url());
      assert.deepEqual(await axeViolations(same), [], `${name} has no axe violations`);
      await screenshot(same, `groups-${name}.png`);
      await copy.close();
    };
    const mailedLink = async (email: string): Promise<string> => {
      await t.outbox.settled();
      const link = smtp.received.filter((m) => m.to.includes(email)).at(-1)?.links[0];
      assert.ok(link, `a mail to ${email}`);
      return link;
    };

    it('buys three seats from the pricing page, pays on Checkout, invites a colleague who signs up and reads', async () => {
      const page = await (await browser.newContext()).newPage();
      await page.goto(`${base}/pricing`);
      await page.getByRole('link', { name: 'Group subscriptions for organisations' }).click();
      await page.getByRole('link', { name: 'Create an account' }).click();
      await page.getByLabel('Email address').fill('editor@uni.example');
      await page.getByRole('button', { name: 'Email me a link' }).click();
      await page.getByRole('heading', { name: 'Check your inbox' }).waitFor();
      const form = await page.goto(await mailedLink('editor@uni.example'));
      await page.getByRole('heading', { name: 'For organisations' }).waitFor();
      await checked(page, 'form', await form?.text());
      await page.getByLabel('Organisation').fill('Uni Press');
      await page.getByLabel('Seats').fill('3');
      await page.getByLabel('Email domain').fill('uni.example');
      await page.getByRole('button', { name: 'Continue to payment' }).click();
      await page.getByRole('button', { name: 'Pay' }).waitFor();
      assert.match((await page.locator('.amount').textContent()) ?? '', /^5\.00 USD every month/);
      assert.equal(await page.locator('.quantity').textContent(), 'Qty 3');
      const [landed] = await Promise.all([
        page.waitForResponse((r) => /^\/account\/groups\//.test(new URL(r.url()).pathname)),
        page.getByRole('button', { name: 'Pay' }).click(),
      ]);
      await page.getByRole('heading', { name: 'Uni Press' }).waitFor();
      await checked(page, 'admin', await landed.text());
      assert.equal(await page.locator('.seats').textContent(), '1 of 3 seats taken');

      await page.getByLabel(/^Invite by email/).fill('colleague@uni.example');
      await page.getByRole('button', { name: 'Send invitations' }).click();
      await page.getByText('Invitations sent: 1.').waitFor();

      const colleague = await (await browser.newContext()).newPage();
      await colleague.goto(await mailedLink('colleague@uni.example'));
      await colleague.getByRole('heading', { name: 'Join Uni Press' }).waitFor();
      await colleague.getByRole('link', { name: 'Create an account' }).click();
      assert.equal(await colleague.getByLabel('Email address').inputValue(), 'colleague@uni.example');
      await colleague.getByRole('button', { name: 'Email me a link' }).click();
      await colleague.getByRole('heading', { name: 'Check your inbox' }).waitFor();
      await colleague.goto(await mailedLink('colleague@uni.example'));
      await colleague.getByRole('button', { name: 'Take my seat' }).click();
      await colleague.getByRole('heading', { name: 'Welcome to the group' }).waitFor();
      await colleague.goto(`${base}${story}`);
      await colleague.getByText('Only Supporter members read this sentence.').waitFor();
      await page.reload();
      assert.equal(await page.locator('.seats').textContent(), '2 of 3 seats taken');
    });
  },
);
