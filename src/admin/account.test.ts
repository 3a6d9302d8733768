import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { writeSettings } from '../settings/settings.ts';
import { makeStaff, signIn, TEST_PASSWORD } from '../testing/factories.ts';
import { startTestApp, type TestApp } from '../testing/harness.ts';

describe('my account: password and language', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());
  const api = (method: 'GET' | 'POST' | 'PATCH', url: string, headers: Record<string, string>, payload?: object) =>
    t.app.inject({ method, url: `/admin/api${url}`, headers, ...(payload ? { payload } : {}) });

  it('changes my password with the current one; my other sessions end, this one stays', async () => {
    const me = await makeStaff(t, 'contributor');
    const here = await signIn(t, me);
    const elsewhere = await signIn(t, me);
    const wrong = await api('POST', '/account/password', here, {
      currentPassword: 'not my password',
      newPassword: 'a fresh long passphrase',
    });
    assert.equal(wrong.statusCode, 403);
    assert.equal(wrong.json().error.code, 'WRONG_PASSWORD');
    const short = await api('POST', '/account/password', here, {
      currentPassword: TEST_PASSWORD,
      newPassword: 'short',
    });
    assert.equal(short.statusCode, 400);
    assert.deepEqual(short.json().error.fields, [{ field: 'newPassword', message: 'must be at least 12 characters' }]);
    assert.equal((await api('GET', '/session', elsewhere)).statusCode, 200, 'refusals end nothing');

    const changed = await api('POST', '/account/password', here, {
      currentPassword: TEST_PASSWORD,
      newPassword: 'a fresh long passphrase',
    });
    assert.equal(changed.statusCode, 204);
    assert.equal((await api('GET', '/session', here)).statusCode, 200, 'this session stays');
    assert.equal((await api('GET', '/session', elsewhere)).statusCode, 401, 'the others end');
    const signInWith = (password: string) =>
      t.app.inject({ method: 'POST', url: '/admin/api/session', payload: { email: me.email, password } });
    assert.equal((await signInWith(TEST_PASSWORD)).statusCode, 401);
    assert.equal((await signInWith('a fresh long passphrase')).statusCode, 200);
  });

  it('keeps my own language, or the site’s, and the session says which', async () => {
    const me = await makeStaff(t, 'author');
    const headers = await signIn(t, me);
    assert.equal((await api('GET', '/session', headers)).json().staff.locale, null, "the site's by default");
    const spanish = await api('PATCH', '/account', headers, { locale: 'es' });
    assert.equal(spanish.statusCode, 200);
    assert.equal(spanish.json().locale, 'es');
    const session = await t.app.inject({
      method: 'POST',
      url: '/admin/api/session',
      payload: { email: me.email, password: TEST_PASSWORD },
    });
    assert.equal(session.json().staff.locale, 'es', 'signing in says it');
    assert.equal((await api('GET', '/session', headers)).json().staff.locale, 'es');
    assert.equal((await api('PATCH', '/account', headers, { locale: 'fr' })).statusCode, 400);
    assert.equal((await api('PATCH', '/account', headers, { locale: null })).json().locale, null);
    await writeSettings(t.database.handle.db, { locale: 'es' });
    assert.equal((await api('GET', '/account', headers)).json().locale, null, 'null follows the site');
  });
});
