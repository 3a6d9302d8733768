import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { StaffActor } from '../staff/staff.service.ts';
import { totpCode } from '../staff/totp.ts';
import { axeViolations, launchChromium, screenshot, skipWithoutChromium } from '../testing/browser.ts';
import { makeStaff, TEST_PASSWORD } from '../testing/factories.ts';
import { listenOnLoopback, startTestApp, type TestApp } from '../testing/harness.ts';
import { nextCode, wrongCode } from '../testing/totp.ts';

describe('two-factor sign-in in a real browser', { skip: skipWithoutChromium }, () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;

  before(async () => {
    // Many sign-ins from one address; the limit itself is tested by the admin API's tests.
    t = await startTestApp({ signInAttemptsPerMinute: 1000 });
    ({ base } = await listenOnLoopback(t));
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  const newPage = async (): Promise<Page> =>
    (await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } })).newPage();
  const typePassword = async (page: Page, staff: StaffActor) => {
    await page.goto(`${base}/admin`);
    await page.getByLabel('Email').fill(staff.email);
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.keyboard.press('Enter');
  };
  /** Signs out and waits until the server has ended the session (the sign-in form is back). */
  const signOut = async (page: Page) => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to the newsroom' }).waitFor();
  };
  const dashboard = (page: Page) => page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
  /** Turns two-factor sign-in on from the screen showing the QR code; gives the secret and the recovery codes. */
  const confirmSetup = async (page: Page, check: string): Promise<{ secret: string; codes: string[] }> => {
    await page.getByRole('img', { name: /^QR code that adds .* to an authenticator app$/ }).waitFor();
    const secret = ((await page.locator('code.secret').textContent()) ?? '').replace(/\s/g, '');
    assert.match(secret, /^[A-Z2-7]{32}$/);
    assert.deepEqual(await axeViolations(page), [], `${check}: QR code`);
    await screenshot(page, `admin-two-factor-${check}-scan.png`);
    await page.waitForFunction(() => document.activeElement?.id === 'totp-code');
    await page.keyboard.type(wrongCode(secret));
    await page.keyboard.press('Enter');
    await page.getByRole('alert').waitFor();
    assert.equal(
      await page.getByRole('alert').textContent(),
      'That code is not right. Type the code your app shows now, or a recovery code.',
    );
    await page.waitForFunction(() => document.activeElement?.id === 'totp-code');
    await page.keyboard.type(totpCode(secret));
    await page.keyboard.press('Enter');
    const list = page.getByRole('list', { name: 'Your recovery codes' });
    await list.waitFor();
    const codes = (await list.getByRole('listitem').allTextContents()).map((c) => c.trim());
    assert.equal(codes.length, 10);
    assert.deepEqual(await axeViolations(page), [], `${check}: recovery codes`);
    await screenshot(page, `admin-two-factor-${check}-codes.png`);
    await page.waitForFunction(() => document.activeElement?.textContent === 'I have kept them');
    await page.keyboard.press('Enter');
    return { secret, codes };
  };

  it('turns on from My account, then asks for the code at sign-in: wrong refused, right and recovery codes accepted once', async () => {
    const me = await makeStaff(t, 'editor');
    const page = await newPage();
    await typePassword(page, me);
    await dashboard(page);
    await page.goto(`${base}/admin/account`);
    await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
    const { secret, codes } = await confirmSetup(page, 'account');
    await page.getByText('On. You have 10 recovery codes left.').waitFor();
    await signOut(page);

    await typePassword(page, me);
    await page.getByRole('heading', { name: 'Enter your code' }).waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'code'); // the keyboard is in the code field
    assert.deepEqual(await axeViolations(page), [], 'code step');
    await screenshot(page, 'admin-sign-in-code.png');
    await page.keyboard.type(wrongCode(secret));
    await page.keyboard.press('Enter');
    await page.getByRole('alert').waitFor();
    assert.equal(
      await page.getByRole('alert').textContent(),
      'That code is not right. Type the code your app shows now, or a recovery code.',
    );
    await screenshot(page, 'admin-sign-in-code-wrong.png');
    await page.waitForFunction(() => document.activeElement?.id === 'code');
    await page.keyboard.type(nextCode(secret));
    await page.keyboard.press('Enter');
    await dashboard(page);
    await signOut(page);

    const recovery = codes[0] ?? '';
    await typePassword(page, me);
    await page.getByLabel('Code').fill(recovery);
    await page.keyboard.press('Enter');
    await dashboard(page);
    await signOut(page);
    await typePassword(page, me);
    await page.getByLabel('Code').fill(recovery);
    await page.keyboard.press('Enter');
    await page.getByRole('alert').waitFor();
    assert.match(
      (await page.getByRole('alert').textContent()) ?? '',
      /^That code is not right\./,
      'a used recovery code',
    );
    await page.context().close();
  });

  it('makes staff without it set it up right after signing in once an admin requires it', async () => {
    const admin = await makeStaff(t, 'admin');
    const author = await makeStaff(t, 'author');
    try {
      const page = await newPage();
      await typePassword(page, admin);
      await dashboard(page);
      await page.goto(`${base}/admin/staff`);
      await page.getByLabel('Require two-factor sign-in of all staff').check();
      await page
        .getByRole('region', { name: 'Two-factor sign-in for everyone' })
        .getByRole('button', { name: 'Save' })
        .click();
      // The admin who requires it lacks it too: nothing but setting it up.
      await page.getByRole('heading', { name: 'Turn on two-factor sign-in', level: 1 }).waitFor();
      assert.equal(await page.getByRole('navigation').getByRole('link').count(), 0, 'no way around it');
      assert.deepEqual(await axeViolations(page), [], 'required setup');
      await screenshot(page, 'admin-two-factor-required.png');
      await confirmSetup(page, 'required');
      await page.getByRole('heading', { name: 'Staff', level: 1 }).waitFor();
      await page.context().close();

      const theirs = await newPage();
      await typePassword(theirs, author);
      await theirs.getByRole('heading', { name: 'Turn on two-factor sign-in', level: 1 }).waitFor();
      await theirs.goto(`${base}/admin/account`);
      await theirs.getByRole('heading', { name: 'Turn on two-factor sign-in', level: 1 }).waitFor();
      const refused = await theirs.evaluate(async () => (await fetch('/admin/api/articles')).status);
      assert.equal(refused, 403, 'the API refuses the rest too');
      await confirmSetup(theirs, 'required-author');
      await theirs.getByRole('heading', { name: 'My account', level: 1 }).waitFor();
      await theirs.context().close();
    } finally {
      await t.database.handle.db.deleteFrom('settings').where('key', '=', 'requireTwoFactor').execute();
    }
  });
});
