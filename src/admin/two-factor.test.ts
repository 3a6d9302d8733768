import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { StaffActor } from '../staff/staff.service.ts';
import { totpCode } from '../staff/totp.ts';
import { makeStaff, signIn, TEST_PASSWORD } from '../testing/factories.ts';
import { startTestApp, type TestApp } from '../testing/harness.ts';
import { nextCode, wrongCode } from '../testing/totp.ts';

describe('two-factor sign-in (TOTP) with recovery codes', () => {
  let t: TestApp;
  let me: StaffActor;
  let headers: Record<string, string>;
  let secret: string;
  let recoveryCodes: string[];
  const api = (method: 'GET' | 'POST' | 'PATCH', url: string, h: Record<string, string>, payload?: object) =>
    t.app.inject({ method, url: `/admin/api${url}`, headers: h, ...(payload ? { payload } : {}) });
  const password = () =>
    t.app.inject({ method: 'POST', url: '/admin/api/session', payload: { email: me.email, password: TEST_PASSWORD } });
  const code = (challenge: string, value: string) =>
    t.app.inject({ method: 'POST', url: '/admin/api/session/two-factor', payload: { challenge, code: value } });

  before(async () => {
    // This suite tries many codes from one address; the limit itself is tested with sign-in.
    t = await startTestApp({ signInAttemptsPerMinute: 1000 });
    me = await makeStaff(t, 'editor');
    headers = await signIn(t, me);
  });
  after(() => t.close());

  it('turns on with a code from the new secret, shown as text and as an SVG QR code, and gives ten recovery codes once', async () => {
    const setup = await api('POST', '/account/two-factor/setup', headers);
    assert.equal(setup.statusCode, 200);
    secret = setup.json().secret;
    assert.match(secret, /^[A-Z2-7]{32}$/);
    assert.match(
      setup.json().uri,
      new RegExp(`^otpauth://totp/.*${encodeURIComponent(me.email)}\\?.*secret=${secret}`),
    );
    assert.match(setup.json().qrSvg, /^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.equal((await password()).json().twoFactorRequired, undefined, 'not on before it is confirmed');

    const wrong = await api('POST', '/account/two-factor/confirm', headers, { code: wrongCode(secret) });
    assert.equal(wrong.statusCode, 401);
    assert.equal(wrong.json().error.code, 'WRONG_CODE');
    const confirmed = await api('POST', '/account/two-factor/confirm', headers, { code: totpCode(secret) });
    assert.equal(confirmed.statusCode, 200);
    recoveryCodes = confirmed.json().recoveryCodes;
    assert.equal(recoveryCodes.length, 10);
    assert.equal(new Set(recoveryCodes).size, 10);
    assert.ok(recoveryCodes.every((c) => /^[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}$/.test(c)));
    const stored = JSON.stringify(await t.database.handle.db.selectFrom('staff_recovery_codes').selectAll().execute());
    assert.ok(
      recoveryCodes.every((c) => !stored.includes(c) && !stored.includes(c.replace(/-/g, ''))),
      'stored as hashes',
    );
    assert.deepEqual((await api('GET', '/account/two-factor', headers)).json(), {
      enabled: true,
      recoveryCodesLeft: 10,
    });
    assert.equal((await api('GET', '/session', headers)).json().staff.twoFactor, true);
  });

  it('asks for the code after the password; a wrong code is refused plainly, a right one signs in once', async () => {
    const first = await password();
    assert.equal(first.statusCode, 200);
    assert.equal(first.json().twoFactorRequired, true);
    assert.equal(first.cookies.length, 0, 'no session yet');
    const { challenge } = first.json();
    const wrong = await code(challenge, wrongCode(secret));
    assert.equal(wrong.statusCode, 401);
    assert.equal(wrong.json().error.code, 'WRONG_CODE');
    assert.match(wrong.json().error.message, /That code is not right/);
    const right = nextCode(secret);
    const signedIn = await code(challenge, right);
    assert.equal(signedIn.statusCode, 200, signedIn.body);
    assert.equal(signedIn.json().staff.id, me.id);
    assert.ok(signedIn.cookies.some((c) => c.name === 'gaceta_staff'));
    assert.equal((await code(challenge, right)).statusCode, 401, 'the challenge is used up');
    const replay = await code((await password()).json().challenge, right);
    assert.equal(replay.json().error.code, 'WRONG_CODE', 'a code is accepted once');
  });

  it('signs in with a recovery code, typed any way, which then stops working', async () => {
    const recovery = recoveryCodes[0] ?? '';
    const signedIn = await code((await password()).json().challenge, ` ${recovery.toUpperCase().replace(/-/g, ' ')} `);
    assert.equal(signedIn.statusCode, 200, signedIn.body);
    const again = await code((await password()).json().challenge, recovery);
    assert.equal(again.statusCode, 401);
    assert.equal(again.json().error.code, 'WRONG_CODE');
    assert.equal((await api('GET', '/account/two-factor', headers)).json().recoveryCodesLeft, 9);
  });

  it('asks for the password again after five wrong codes', async () => {
    const { challenge } = (await password()).json();
    for (let i = 0; i < 5; i++)
      assert.equal((await code(challenge, wrongCode(secret))).json().error.code, 'WRONG_CODE');
    const over = await code(challenge, recoveryCodes[1] ?? '');
    assert.equal(over.statusCode, 401);
    assert.equal(over.json().error.code, 'UNAUTHENTICATED');
  });

  it('turns off with the password (not with a wrong one), and sign-in asks for no code again', async () => {
    const wrong = await api('POST', '/account/two-factor/disable', headers, { password: 'not my password' });
    assert.equal(wrong.statusCode, 403);
    assert.equal(wrong.json().error.code, 'WRONG_PASSWORD');
    assert.equal(
      (await api('POST', '/account/two-factor/disable', headers, { password: TEST_PASSWORD })).statusCode,
      204,
    );
    assert.equal((await password()).json().twoFactorRequired, undefined);
    assert.deepEqual((await api('GET', '/account/two-factor', headers)).json(), {
      enabled: false,
      recoveryCodesLeft: 0,
    });
  });

  it('lets an admin require it of all staff: those without it may do nothing but turn it on', async () => {
    const admin = await signIn(t, await makeStaff(t, 'admin'));
    const author = await makeStaff(t, 'author');
    const authorHeaders = await signIn(t, author);
    try {
      assert.equal((await api('PATCH', '/settings', admin, { requireTwoFactor: true })).statusCode, 200);
      assert.equal(
        (await api('GET', '/settings', admin)).json().error.code,
        'TWO_FACTOR_SETUP_REQUIRED',
        'the admin who requires it owes it too',
      );
      const session = (await api('GET', '/session', authorHeaders)).json();
      assert.equal(session.twoFactorSetupRequired, true);
      const refused = await api('GET', '/articles', authorHeaders);
      assert.equal(refused.statusCode, 403);
      assert.equal(refused.json().error.code, 'TWO_FACTOR_SETUP_REQUIRED');
      const setup = await api('POST', '/account/two-factor/setup', authorHeaders);
      const confirmed = await api('POST', '/account/two-factor/confirm', authorHeaders, {
        code: totpCode(setup.json().secret),
      });
      assert.equal(confirmed.statusCode, 200);
      assert.equal((await api('GET', '/articles', authorHeaders)).statusCode, 200, 'free once it is on');
      assert.equal((await api('GET', '/session', authorHeaders)).json().twoFactorSetupRequired, false);
      const off = await api('POST', '/account/two-factor/disable', authorHeaders, { password: TEST_PASSWORD });
      assert.equal(off.statusCode, 409, 'it cannot be turned off while required');
    } finally {
      await t.database.handle.db.deleteFrom('settings').where('key', '=', 'requireTwoFactor').execute();
    }
  });
});
