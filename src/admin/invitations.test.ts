import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SYSTEM } from '../staff/actor.ts';
import { createApiKey, type StaffActor, updateStaff } from '../staff/staff.service.ts';
import { makeStaff, signIn, TEST_PASSWORD } from '../testing/factories.ts';
import { startTestApp, type TestApp } from '../testing/harness.ts';
import { type ReceivedMail, startTestSmtp, type TestSmtp } from '../testing/smtp.ts';

const PASSWORD = 'my own long passphrase';

const tokenOf = (mail: ReceivedMail | undefined): string => {
  assert.ok(mail, 'a message arrived');
  const url = new URL(mail.links[0] ?? '');
  assert.equal(url.pathname, '/admin/invitation');
  return url.hash.slice(1);
};

describe('inviting staff by email, and managing staff', () => {
  let smtp: TestSmtp;
  let t: TestApp;
  let admin: StaffActor;
  let adminHeaders: Record<string, string>;
  const api = (
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    headers: Record<string, string>,
    payload?: object,
  ) => t.app.inject({ method, url: `/admin/api${url}`, headers, ...(payload ? { payload } : {}) });
  const pub = (url: string, payload: object) => t.app.inject({ method: 'POST', url: `/admin/api${url}`, payload });
  const invite = async (email: string, role = 'author', locale?: 'en' | 'es') => {
    const response = await api('POST', '/invitations', adminHeaders, { email, role, ...(locale ? { locale } : {}) });
    await t.outbox.settled();
    return response;
  };

  before(async () => {
    smtp = await startTestSmtp();
    t = await startTestApp({ smtpUrl: smtp.url });
    admin = await makeStaff(t, 'admin');
    adminHeaders = await signIn(t, admin);
  });
  after(async () => {
    await t.close();
    await smtp.close();
  });

  it('invites by email; the invited person sets a name and password and is signed in; the link works once', async () => {
    const sent = await invite('New.Hire@newsroom.example');
    assert.equal(sent.statusCode, 201, sent.body);
    assert.equal(sent.json().mailed, true);
    assert.equal(sent.json().invitation.email, 'new.hire@newsroom.example');
    const mail = smtp.to('new.hire@newsroom.example')[0];
    assert.match(mail?.text ?? '', new RegExp(`${admin.name} invites you to join the newsroom of .* as an author\\.`));
    const token = tokenOf(mail);
    const stored = await t.database.handle.db.selectFrom('staff_invitations').selectAll().execute();
    assert.ok(!JSON.stringify(stored).includes(token), 'only a hash of the token is stored');
    const listed = (await api('GET', '/invitations', adminHeaders)).json().invitations;
    assert.deepEqual(
      listed.map((i: { email: string; role: string; invitedBy: string }) => [i.email, i.role, i.invitedBy]),
      [['new.hire@newsroom.example', 'author', admin.name]],
    );

    assert.deepEqual((await pub('/invitations/check', { token })).json(), {
      status: 'valid',
      locale: 'en',
      email: 'new.hire@newsroom.example',
      role: 'author',
    });
    const short = await pub('/invitations/accept', { token, name: 'Nueva', password: 'short' });
    assert.equal(short.statusCode, 400);
    const accepted = await pub('/invitations/accept', { token, name: 'Nadia Hire', password: PASSWORD });
    assert.equal(accepted.statusCode, 201, accepted.body);
    assert.deepEqual(
      { name: accepted.json().staff.name, role: accepted.json().staff.role },
      { name: 'Nadia Hire', role: 'author' },
    );
    const cookie = accepted.cookies.find((c) => c.name === 'gaceta_staff');
    const me = await api('GET', '/session', { cookie: `gaceta_staff=${cookie?.value}` });
    assert.equal(me.json().staff.email, 'new.hire@newsroom.example', 'signed in');

    const again = await pub('/invitations/accept', { token, name: 'Someone else', password: PASSWORD });
    assert.equal(again.statusCode, 410);
    assert.equal(again.json().error.code, 'LINK_USED');
    assert.deepEqual((await pub('/invitations/check', { token })).json(), { status: 'used', locale: 'en' });
    assert.deepEqual((await api('GET', '/invitations', adminHeaders)).json().invitations, [], 'no longer pending');
  });

  it('refuses an address already on staff or already invited with a clear 409, and non-admins altogether', async () => {
    const onStaff = await invite(admin.email.toUpperCase());
    assert.equal(onStaff.statusCode, 409);
    assert.equal(onStaff.json().error.code, 'CONFLICT');
    assert.match(onStaff.json().error.message, /is already on staff/);
    assert.equal((await invite('twice@newsroom.example')).statusCode, 201);
    const twice = await invite('twice@newsroom.example');
    assert.equal(twice.statusCode, 409);
    assert.match(twice.json().error.message, /has an invitation pending; resend or revoke it/);
    const editor = await signIn(t, await makeStaff(t, 'editor'));
    const refused = await api('POST', '/invitations', editor, { email: 'x@newsroom.example', role: 'author' });
    assert.equal(refused.statusCode, 403);
    assert.equal((await api('GET', '/invitations', editor)).statusCode, 403);
  });

  it('says an expired link has expired; a resent invitation works with its new link only; a revoked one not at all', async () => {
    const sent = await invite('late@newsroom.example', 'editor');
    const first = tokenOf(smtp.to('late@newsroom.example')[0]);
    await t.database.handle.db
      .updateTable('staff_invitations')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', sent.json().invitation.id)
      .execute();
    assert.equal((await pub('/invitations/check', { token: first })).json().status, 'expired');
    const late = await pub('/invitations/accept', { token: first, name: 'Late', password: PASSWORD });
    assert.equal(late.statusCode, 410);
    assert.equal(late.json().error.code, 'LINK_EXPIRED');

    const resent = await api('POST', `/invitations/${sent.json().invitation.id}/resend`, adminHeaders);
    await t.outbox.settled();
    assert.equal(resent.statusCode, 200);
    assert.equal(resent.json().invitation.expired, false);
    const second = tokenOf(smtp.to('late@newsroom.example')[1]);
    assert.equal((await pub('/invitations/check', { token: first })).json().error.code, 'LINK_INVALID');
    assert.equal((await pub('/invitations/check', { token: second })).json().status, 'valid');

    assert.equal((await api('DELETE', `/invitations/${sent.json().invitation.id}`, adminHeaders)).statusCode, 204);
    const revoked = await pub('/invitations/accept', { token: second, name: 'Late', password: PASSWORD });
    assert.equal(revoked.statusCode, 404);
    assert.equal(revoked.json().error.code, 'LINK_INVALID');
  });

  it('invites in Spanish, and the new member of staff keeps that language', async () => {
    await invite('ana@newsroom.example', 'contributor', 'es');
    const mail = smtp.to('ana@newsroom.example')[0];
    assert.equal(mail?.subject.startsWith('Te invitan a la redacción de'), true);
    assert.match(mail?.text ?? '', /como colaborador\./);
    const token = tokenOf(mail);
    assert.equal((await pub('/invitations/check', { token })).json().locale, 'es');
    const accepted = await pub('/invitations/accept', { token, name: 'Ana', password: PASSWORD });
    assert.equal(accepted.json().staff.locale, 'es');
  });

  it('keeps an invitation whose mail could not be sent, says so, and sends it on resend', async () => {
    smtp.refuseAll(true);
    const sent = await invite('unlucky@newsroom.example').finally(() => smtp.refuseAll(false));
    assert.equal(sent.statusCode, 201);
    assert.equal(sent.json().mailed, false);
    const resent = await api('POST', `/invitations/${sent.json().invitation.id}/resend`, adminHeaders);
    assert.equal(resent.json().mailed, true);
    assert.equal(smtp.to('unlucky@newsroom.example').length, 1);
  });

  it('changes roles, deactivates (sessions and keys stop) and reactivates, and lists two-factor sign-in', async () => {
    const member = await makeStaff(t, 'author');
    const session = await signIn(t, member);
    const { key } = await createApiKey(t.database.handle.db, member, 'script');
    const promoted = await api('PATCH', `/staff/${member.id}`, adminHeaders, { role: 'editor' });
    assert.equal(promoted.statusCode, 200);
    assert.equal((await api('GET', '/session', session)).json().staff.role, 'editor');
    assert.equal((await api('PATCH', `/staff/${member.id}`, adminHeaders, { disabled: true })).statusCode, 200);
    assert.equal((await api('GET', '/session', session)).statusCode, 401, 'their session stops working');
    assert.equal((await api('GET', '/session', { authorization: `Bearer ${key}` })).statusCode, 401, 'and their key');
    const listed = (await api('GET', '/staff', adminHeaders))
      .json()
      .staff.find((s: { id: string }) => s.id === member.id);
    assert.deepEqual(
      { role: listed.role, disabled: listed.disabled, twoFactor: listed.twoFactor },
      {
        role: 'editor',
        disabled: true,
        twoFactor: false,
      },
    );
    assert.equal((await api('PATCH', `/staff/${member.id}`, adminHeaders, { disabled: false })).statusCode, 200);
    assert.equal(
      (await pub('/session', { email: member.email, password: TEST_PASSWORD })).statusCode,
      200,
      'reactivated',
    );
  });

  it('never leaves the site without an active admin', async () => {
    const other = await makeStaff(t, 'admin');
    // Every admin but `admin` steps down (the operator may change anyone), leaving one.
    const everyone = (await api('GET', '/staff', adminHeaders)).json().staff as Array<{ id: string; role: string }>;
    for (const member of everyone)
      if (member.role === 'admin' && member.id !== admin.id)
        await updateStaff(t.database.handle.db, SYSTEM.operator, member.id, { role: 'editor' });
    const self = await api('PATCH', `/staff/${admin.id}`, adminHeaders, { disabled: true });
    assert.equal(self.statusCode, 409);
    assert.match(self.json().error.message, /cannot demote or disable themselves/);
    await assert.rejects(
      updateStaff(t.database.handle.db, SYSTEM.operator, admin.id, { role: 'author' }),
      /This is the last active admin; make someone else an admin first\./,
    );
    await assert.rejects(
      updateStaff(t.database.handle.db, SYSTEM.operator, admin.id, { disabled: true }),
      /last active admin/,
    );
    assert.equal((await api('GET', '/session', adminHeaders)).json().staff.role, 'admin', 'still an admin');
    assert.equal((await api('PATCH', `/staff/${other.id}`, adminHeaders, { role: 'admin' })).statusCode, 200);
    await updateStaff(t.database.handle.db, SYSTEM.operator, admin.id, { role: 'editor' });
    assert.equal((await api('GET', '/session', adminHeaders)).json().staff.role, 'editor', 'with another admin, yes');
  });
});
