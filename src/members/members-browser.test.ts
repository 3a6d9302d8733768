import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { HtmlValidate } from 'html-validate';
import type { Browser } from 'playwright-core';
import { axeViolations, launchChromium, screenshot, skipWithoutChromium } from '../testing/browser.ts';
import { makeSection } from '../testing/factories.ts';
import { listenOnLoopback, startTestApp, type TestApp } from '../testing/harness.ts';
import { startTestSmtp, type TestSmtp } from '../testing/smtp.ts';

const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });

describe(
  'a reader signs up in a real browser, by the link opened in another one',
  { skip: skipWithoutChromium },
  () => {
    let smtp: TestSmtp;
    let t: TestApp;
    let browser: Browser;
    let base: string;

    before(async () => {
      smtp = await startTestSmtp();
      // Served over plain HTTP on loopback: cookies without Secure, as behind no HTTPS.
      t = await startTestApp({ smtpUrl: smtp.url, mailFrom: 'desk@news.example', secureCookies: false });
      // A site with a section, as every real one has (an empty navigation leaves blank lines in the layout).
      await makeSection(t.database.handle.db, 'Politics');
      ({ base } = await listenOnLoopback(t));
      browser = await launchChromium();
    });
    after(async () => {
      await browser.close();
      await t.close();
      await smtp.close();
    });

    it('asks on /signup, opens the mailed link elsewhere, and manages the account; every page passes axe and html-validate', async () => {
      const asking = await (await browser.newContext({ bypassCSP: true })).newPage();
      /** axe on the page in the browser, html-validate on the HTML the server sent. */
      const checked = async (page: typeof asking, name: string, sent: string | undefined) => {
        assert.deepEqual(await axeViolations(page), [], `${name} has no axe violations`);
        const report = await validator.validateString(sent ?? '');
        const problems = report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`));
        assert.deepEqual(problems, [], `${name} is valid HTML`);
        await screenshot(page, `members-${name}.png`);
      };
      // Every reader page's masthead leads to the account, which asks a signed-out reader to sign in.
      await asking.goto(`${base}/`);
      await asking.getByRole('link', { name: 'Your account' }).click();
      await asking.getByRole('button', { name: 'Email me a link' }).waitFor();
      assert.equal(new URL(asking.url()).pathname, '/signin');
      const signup = await asking.goto(`${base}/signup`);
      await checked(asking, 'signup', await signup?.text());
      await asking.getByLabel('Email address').fill('reader+web@example.com');
      await asking.getByLabel('Your name (optional)').fill('Rita Reader');
      const [sent] = await Promise.all([
        asking.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/signin')),
        asking.getByRole('button', { name: 'Email me a link' }).click(),
      ]);
      await asking.getByRole('heading', { name: 'Check your inbox' }).waitFor();
      await checked(asking, 'link-sent', await sent.text());

      await t.outbox.settled();
      const link = new URL(smtp.received.at(-1)?.links[0] ?? '');
      const elsewhere = await (await browser.newContext({ bypassCSP: true })).newPage();
      const account = await elsewhere.goto(`${base}${link.pathname}${link.search}`);
      await elsewhere.getByRole('heading', { name: 'Your account' }).waitFor();
      assert.equal(new URL(elsewhere.url()).pathname, '/account');
      await checked(elsewhere, 'account', await account?.text());
      await elsewhere.getByLabel('Name', { exact: true }).fill('Rita R.');
      await elsewhere.getByRole('button', { name: 'Save name' }).click();
      await elsewhere.getByText('Your name is saved.').waitFor();
      await elsewhere.getByRole('button', { name: 'Sign out', exact: true }).click();
      await elsewhere.getByRole('heading', { name: 'You are signed out' }).waitFor();
      await elsewhere.goto(`${base}/account`);
      assert.equal(new URL(elsewhere.url()).pathname, '/signin');
    });
  },
);
