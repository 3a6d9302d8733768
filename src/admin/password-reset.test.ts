import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { StaffActor } from '../staff/staff.service.ts';
import { makeStaff, signIn, TEST_PASSWORD } from '../testing/factories.ts';
import { startTestApp, type TestApp } from '../testing/harness.ts';
import { startTestSmtp, type TestSmtp } from '../testing/smtp.ts';

const NEW_PASSWORD = 'a brand new passphrase';

/** The token in a link's fragment (#…), which never reaches a server log. */
const tokenOf = (link: string | undefined): string => {
  assert.ok(link, 'the message carries a link');
  const url = new URL(link);
  assert.equal(url.pathname, '/admin/reset-password');
  return url.hash.slice(1);
};

describe('resetting a forgotten password by an emailed link', () => {
  let smtp: TestSmtp;
  let t: TestApp;
  let staff: StaffActor;
  const post = (url: string, payload: object, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: `/admin/api${url}`, payload, headers });
  const signInWith = (password: string) => post('/session', { email: staff.email, password });

  before(async () => {
    smtp = await startTestSmtp();
    t = await startTestApp({ smtpUrl: smtp.url, mailFrom: 'desk@news.example' });
    staff = await makeStaff(t, 'author');
  });
  after(async () => {
    await t.close();
    await smtp.close();
  });

  it('gives an unknown address the same answer and sends it nothing', async () => {
    const unknown = await post('/password-reset', { email: 'nobody@newsroom.example' });
    const known = await post('/password-reset', { email: staff.email.toUpperCase() });
    assert.equal(unknown.statusCode, 202);
    assert.equal(known.statusCode, 202);
    assert.equal(unknown.body, known.body, 'the same answer');
    await t.outbox.settled();
    assert.deepEqual(
      smtp.received.map((mail) => mail.to),
      [[staff.email]],
      'one message, to the staff member only',
    );
  });

  it('sets a new password from the emailed link: signed in, the old password and other sessions gone', async () => {
    const elsewhere = await signIn(t, staff);
    const [mail] = smtp.to(staff.email);
    assert.ok(mail);
    assert.match(mail.subject, /^Reset your password for /);
    assert.match(mail.text, /The link works once, for one hour\./);
    assert.match(mail.html, /<a href="https:\/\/news\.example\/admin\/reset-password#/);
    const token = tokenOf(mail.links[0]);
    const stored = await t.database.handle.db.selectFrom('password_resets').selectAll().execute();
    assert.ok(stored.length > 0 && !JSON.stringify(stored).includes(token), 'only a hash of the token is stored');

    const check = await post('/password-reset/check', { token });
    assert.equal(check.statusCode, 200);
    assert.deepEqual(check.json(), { status: 'valid', locale: 'en', email: staff.email });

    const short = await post('/password-reset/complete', { token, password: 'short' });
    assert.equal(short.statusCode, 400);
    assert.equal(short.json().error.code, 'VALIDATION_FAILED');
    assert.equal((await post('/password-reset/check', { token })).json().status, 'valid', 'a refusal uses nothing');

    const done = await post('/password-reset/complete', { token, password: NEW_PASSWORD });
    assert.equal(done.statusCode, 200, done.body);
    assert.equal(done.json().staff.email, staff.email);
    const cookie = done.cookies.find((c) => c.name === 'gaceta_staff');
    assert.ok(cookie, 'signed in');
    const me = await t.app.inject({ url: '/admin/api/session', headers: { cookie: `gaceta_staff=${cookie.value}` } });
    assert.equal(me.json().staff.id, staff.id);

    assert.equal(
      (await t.app.inject({ url: '/admin/api/session', headers: elsewhere })).statusCode,
      401,
      'other sessions end',
    );
    assert.equal((await signInWith(TEST_PASSWORD)).statusCode, 401, 'the old password no longer works');
    assert.equal((await signInWith(NEW_PASSWORD)).statusCode, 200, 'the new one does');

    const again = await post('/password-reset/complete', { token, password: 'yet another passphrase' });
    assert.equal(again.statusCode, 410);
    assert.equal(again.json().error.code, 'LINK_USED');
    assert.deepEqual((await post('/password-reset/check', { token })).json(), { status: 'used', locale: 'en' });
  });

  it('says so when a link has expired, and when it was never a link', async () => {
    await post('/password-reset', { email: staff.email });
    await t.outbox.settled();
    const token = tokenOf(smtp.to(staff.email).at(-1)?.links[0]);
    await t.database.handle.db
      .updateTable('password_resets')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('used_at', 'is', null)
      .execute();
    assert.deepEqual((await post('/password-reset/check', { token })).json(), { status: 'expired', locale: 'en' });
    const late = await post('/password-reset/complete', { token, password: 'yet another passphrase' });
    assert.equal(late.statusCode, 410);
    assert.equal(late.json().error.code, 'LINK_EXPIRED');
    assert.equal((await signInWith(NEW_PASSWORD)).statusCode, 200, 'the password is unchanged');

    for (const nonsense of ['nonsense', `${token}x`, '<script>']) {
      const bad = await post('/password-reset/check', { token: nonsense });
      assert.equal(bad.statusCode, 404);
      assert.equal(bad.json().error.code, 'LINK_INVALID');
    }
  });

  it('sends one address at most three links an hour, answering every request the same', async () => {
    const colleague = await makeStaff(t, 'editor');
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push((await post('/password-reset', { email: colleague.email })).statusCode);
    await t.outbox.settled();
    assert.deepEqual(answers, [202, 202, 202, 202]);
    assert.equal(smtp.to(colleague.email).length, 3);
  });

  it('sends nothing to a deactivated member of staff', async () => {
    const gone = await makeStaff(t, 'author');
    await t.database.handle.db
      .updateTable('staff')
      .set({ disabled_at: new Date().toISOString() })
      .where('id', '=', gone.id)
      .execute();
    assert.equal((await post('/password-reset', { email: gone.email })).statusCode, 202);
    await t.outbox.settled();
    assert.equal(smtp.to(gone.email).length, 0);
  });
});

describe('mail without SMTP_URL, and with a broken SMTP server', () => {
  it('writes the message and its link to the log, and the link works', async () => {
    const lines: string[] = [];
    const t = await startTestApp({ logLevel: 'info', smtpUrl: undefined }, undefined, {
      logStream: { write: (line) => lines.push(line) },
    });
    try {
      const staff = await makeStaff(t, 'editor');
      await t.app.inject({ method: 'POST', url: '/admin/api/password-reset', payload: { email: staff.email } });
      await t.outbox.settled();
      const logged = lines
        .map((line) => JSON.parse(line) as { msg: string; mail?: { to: string; links: string[]; text: string } })
        .find((entry) => entry.mail);
      assert.ok(logged?.mail, 'the mail is in the log');
      assert.equal(logged.mail.to, staff.email);
      assert.match(logged.msg, /mail not sent \(no SMTP_URL\) to .*https:\/\/news\.example\/admin\/reset-password#/);
      assert.match(logged.mail.text, /Someone asked to reset the password/);
      const token = tokenOf(logged.mail.links[0]);
      const check = await t.app.inject({ method: 'POST', url: '/admin/api/password-reset/check', payload: { token } });
      assert.equal(check.json().status, 'valid');
    } finally {
      await t.close();
    }
  });

  it('keeps the request when the SMTP server refuses: the same answer, the link stored, the failure logged', async () => {
    const smtp = await startTestSmtp();
    smtp.refuseAll(true);
    const lines: string[] = [];
    const t = await startTestApp({ logLevel: 'info', smtpUrl: smtp.url }, undefined, {
      logStream: { write: (line) => lines.push(line) },
    });
    try {
      const staff = await makeStaff(t, 'editor');
      const answer = await t.app.inject({
        method: 'POST',
        url: '/admin/api/password-reset',
        payload: { email: staff.email },
      });
      await t.outbox.settled();
      assert.equal(answer.statusCode, 202);
      assert.equal((await t.database.handle.db.selectFrom('password_resets').selectAll().execute()).length, 1);
      assert.ok(lines.some((line) => /mail could not be sent/.test(line) && line.includes(staff.email)));
    } finally {
      await t.close();
      await smtp.close();
    }
  });
});
