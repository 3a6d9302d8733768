import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { axeViolations, screenshot, skipWithoutChromium } from '../testing/browser.ts';
import { makeStaff, TEST_PASSWORD } from '../testing/factories.ts';
import { type ReceivedMail, startTestSmtp, type TestSmtp } from '../testing/smtp.ts';
import { webAppSuite } from '../testing/web-app.ts';

const PUBLIC_URL = 'https://news.example';

describe(
  'staff accounts in a real browser: reset links, invitations, Staff and My account',
  { skip: skipWithoutChromium },
  () => {
    let smtp: TestSmtp;
    // The mail server starts before the suite's app, which is told its address, and stops after it.
    before(async () => {
      smtp = await startTestSmtp();
    });
    const web = webAppSuite('admin', () => ({ smtpUrl: smtp.url }));
    after(async () => {
      await smtp?.close();
    });

    /** The emailed link, opened on the test server (the mail names PUBLIC_URL, which is not listening). */
    const followLink = async (page: Page, mail: ReceivedMail | undefined): Promise<void> => {
      const link = mail?.links[0];
      assert.ok(link && link.startsWith(PUBLIC_URL), 'the message carries a link to the site');
      await page.goto(web.base + link.slice(PUBLIC_URL.length));
    };
    const newPage = async (): Promise<Page> =>
      (await web.browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } })).newPage();
    const signInAs = async (page: Page, email: string, password = TEST_PASSWORD) => {
      await page.goto(`${web.base}/admin`);
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill(password);
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    };
    /** Waits until the keyboard is in the field a screen puts it in when it opens. */
    const focusIn = (page: Page, id: string) => page.waitForFunction((want) => document.activeElement?.id === want, id);
    const apiSignIn = (email: string, password: string) =>
      web.t.app.inject({ method: 'POST', url: '/admin/api/session', payload: { email, password } });

    it('resets a forgotten password from the emailed link, with the keyboard alone; the link then says it was used', async () => {
      const reporter = await makeStaff(web.t, 'author');
      const page = await newPage();
      await page.goto(`${web.base}/admin`);
      await page.getByLabel('Email').waitFor();
      // Email, password, the sign-in button, then the link.
      for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Forgot your password?');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: 'Reset your password' }).waitFor();
      assert.deepEqual(await axeViolations(page), [], 'forgot-password screen');
      await screenshot(page, 'admin-forgot-password.png');
      await focusIn(page, 'email');
      await page.keyboard.type(reporter.email);
      await page.keyboard.press('Enter');
      const sent = page.getByRole('status');
      await sent.waitFor();
      assert.match((await sent.textContent()) ?? '', new RegExp(`If ${reporter.email} belongs to a member of staff`));
      await screenshot(page, 'admin-forgot-password-sent.png');

      // An unknown address: the same answer, and no mail.
      await page.goto(`${web.base}/admin/forgot-password`);
      await page.getByLabel('Email').fill('nobody@newsroom.example');
      await page.keyboard.press('Enter');
      await page.getByRole('status').waitFor();
      assert.match((await page.getByRole('status').textContent()) ?? '', /If nobody@newsroom\.example belongs/);
      await web.t.outbox.settled();
      assert.equal(smtp.to('nobody@newsroom.example').length, 0);
      const mails = smtp.to(reporter.email);
      assert.equal(mails.length, 1);

      await followLink(page, mails[0]);
      await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
      assert.match((await page.getByRole('main').textContent()) ?? '', new RegExp(`For ${reporter.email}\\.`));
      assert.deepEqual(await axeViolations(page), [], 'reset screen');
      await screenshot(page, 'admin-reset-password.png');
      await focusIn(page, 'new-password');
      await page.keyboard.type('short');
      await page.keyboard.press('Enter');
      assert.equal(await page.getByRole('alert').textContent(), 'The password must be at least 12 characters.');
      await page.getByLabel('New password').fill('a fresh long passphrase');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
      assert.equal(new URL(page.url()).pathname, '/admin');
      assert.equal(
        (await apiSignIn(reporter.email, TEST_PASSWORD)).statusCode,
        401,
        'the old password no longer works',
      );
      assert.equal((await apiSignIn(reporter.email, 'a fresh long passphrase')).statusCode, 200);

      await followLink(page, mails[0]);
      await page.getByRole('alert').waitFor();
      assert.equal(
        await page.getByRole('alert').textContent(),
        'This link was already used. Ask for a new one if you need to.',
      );
      assert.deepEqual(await axeViolations(page), [], 'used link');
      await screenshot(page, 'admin-reset-link-used.png');
      await page.goto(`${web.base}/admin/reset-password#not-a-token`);
      await page.getByRole('alert').waitFor();
      assert.match((await page.getByRole('alert').textContent()) ?? '', /^This link is not valid\./);
      await page.context().close();
    });

    it('invites from the Staff screen; the invited person sets a password from the emailed link and lands signed in', async () => {
      const page = await newPage();
      await signInAs(page, web.staff.email);
      await page.getByRole('navigation', { name: 'Newsroom' }).getByRole('link', { name: 'Staff' }).click();
      await page.getByRole('heading', { name: 'Staff', level: 1 }).waitFor();
      await page.getByRole('row', { name: new RegExp(web.staff.name) }).waitFor();
      await page.getByLabel('Their email address').fill('new.reporter@newsroom.example');
      await page.getByLabel('Role', { exact: true }).selectOption('editor');
      await page.getByLabel('Their email address').press('Enter');
      await page.getByText('Invitation sent to new.reporter@newsroom.example.').waitFor();
      const pending = page.getByRole('region', { name: 'Pending invitations' });
      assert.match((await pending.textContent()) ?? '', /new\.reporter@newsroom\.example · editor/);
      assert.deepEqual(await axeViolations(page), [], 'staff screen');
      await screenshot(page, 'admin-staff.png');

      await page.getByLabel('Their email address').fill(web.staff.email);
      await page.getByLabel('Their email address').press('Enter');
      await page.getByText(`${web.staff.email} is already on staff.`).waitFor();

      await web.t.outbox.settled();
      const mail = smtp.to('new.reporter@newsroom.example')[0];
      const invited = await newPage();
      await followLink(invited, mail);
      await invited.getByRole('heading', { name: /^Join the newsroom of / }).waitFor();
      assert.match(
        (await invited.getByRole('main').textContent()) ?? '',
        /You are invited as editor, with the address new\.reporter@newsroom\.example\./,
      );
      assert.deepEqual(await axeViolations(invited), [], 'invitation screen');
      await screenshot(invited, 'admin-accept-invitation.png');
      await focusIn(invited, 'name');
      await invited.keyboard.type('Rosa Reporter');
      await invited.keyboard.press('Tab');
      await invited.keyboard.type('my own long passphrase');
      await invited.keyboard.press('Enter');
      await invited.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
      assert.match((await invited.locator('header').textContent()) ?? '', /Signed in as Rosa Reporter \(editor\)/);

      await followLink(invited, mail);
      await invited.getByRole('alert').waitFor();
      assert.equal(
        await invited.getByRole('alert').textContent(),
        'This link was already used. Ask for a new one if you need to.',
      );
      await invited.context().close();

      await page.reload();
      await page.getByRole('heading', { name: 'Staff', level: 1 }).waitFor();
      await page.getByRole('row', { name: /Rosa Reporter/ }).waitFor();
      assert.equal(await page.getByText('No invitations are pending.').count(), 1);
      await page.context().close();
    });

    it('says an expired invitation link has expired, in the language the invitation was sent in', async () => {
      const sent = await web.t.app.inject({
        method: 'POST',
        url: '/admin/api/invitations',
        headers: await adminHeaders(),
        payload: { email: 'tarde@newsroom.example', role: 'author', locale: 'es' },
      });
      await web.t.outbox.settled();
      await web.t.database.handle.db
        .updateTable('staff_invitations')
        .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
        .where('id', '=', sent.json().invitation.id)
        .execute();
      const page = await newPage();
      await followLink(page, smtp.to('tarde@newsroom.example')[0]);
      await page.getByRole('alert').waitFor();
      assert.equal(await page.getByRole('alert').textContent(), 'Este enlace caducó. Pide uno nuevo.');
      assert.equal(await page.getAttribute('html', 'lang'), 'es');
      assert.deepEqual(await axeViolations(page), [], 'expired link');
      await screenshot(page, 'admin-invitation-expired-es.png');
      await page.context().close();
    });

    it('changes a role and deactivates from the Staff screen (their session stops), and protects the last admin', async () => {
      const member = await makeStaff(web.t, 'author');
      const theirs = await newPage();
      await signInAs(theirs, member.email);
      const page = await newPage();
      await signInAs(page, web.staff.email);
      await page.goto(`${web.base}/admin/staff`);
      await page.getByRole('heading', { name: 'Staff', level: 1 }).waitFor();
      await page.getByLabel(`Role of ${member.name}`, { exact: true }).selectOption('editor');
      await page.getByRole('button', { name: `Save the role of ${member.name}` }).click();
      await page.getByText(`${member.name} is now editor.`).waitFor();
      await page.getByRole('button', { name: `Deactivate ${member.name}` }).click();
      await page.getByText(`${member.name} is deactivated`).waitFor();
      // The notice comes first; the list is read again after it (on a busy machine, visibly later).
      await page
        .getByRole('row', { name: new RegExp(member.name) })
        .filter({ hasText: /Deactivated/ })
        .waitFor();
      await screenshot(page, 'admin-staff-deactivated.png');

      await theirs.reload();
      await theirs.getByRole('heading', { name: 'Sign in to the newsroom' }).waitFor();
      await theirs.context().close();

      await page.getByRole('button', { name: `Deactivate ${web.staff.name}` }).click();
      await page.getByRole('alert').waitFor();
      assert.equal(
        await page.getByRole('alert').textContent(),
        'Admins cannot demote or deactivate themselves, and the newsroom always keeps an active admin.',
      );
      await page.getByRole('button', { name: `Reactivate ${member.name}` }).click();
      await page.getByText(`${member.name} can sign in again.`).waitFor();
      await page.context().close();
    });

    it('changes my language and my password on My account; the app then speaks my language', async () => {
      const me = await makeStaff(web.t, 'contributor');
      const page = await newPage();
      await signInAs(page, me.email);
      await page.getByRole('link', { name: 'My account' }).click();
      await page.getByRole('heading', { name: 'My account', level: 1 }).waitFor();
      assert.deepEqual(await axeViolations(page), [], 'my account');
      await screenshot(page, 'admin-my-account.png');

      await page.getByLabel('Current password').fill('not my password');
      await page.getByLabel('New password').fill('a better long passphrase');
      await page.getByRole('button', { name: 'Change password' }).click();
      assert.equal(await page.getByRole('alert').textContent(), 'The current password is not right.');
      await page.getByLabel('Current password').fill(TEST_PASSWORD);
      await page.getByRole('button', { name: 'Change password' }).click();
      await page.getByText('Password changed. You were signed out everywhere else.').waitFor();
      assert.equal((await apiSignIn(me.email, 'a better long passphrase')).statusCode, 200);

      await page.getByLabel('Language of the newsroom').selectOption('es');
      await page.getByRole('button', { name: 'Save language' }).click();
      await page.getByRole('heading', { name: 'Mi cuenta', level: 1 }).waitFor();
      await page.getByText('Idioma guardado.').waitFor();
      assert.equal(await page.getAttribute('html', 'lang'), 'es');
      await page.reload();
      await page.getByRole('link', { name: 'Inicio' }).waitFor();
      assert.deepEqual(await axeViolations(page), [], 'my account in Spanish');
      await screenshot(page, 'admin-my-account-es.png');
      await page.context().close();
    });

    async function adminHeaders(): Promise<Record<string, string>> {
      const response = await apiSignIn(web.staff.email, TEST_PASSWORD);
      const cookie = response.cookies.find((c) => c.name === 'gaceta_staff');
      return { cookie: `gaceta_staff=${cookie?.value}`, 'x-csrf-token': response.json().csrfToken };
    }
  },
);
