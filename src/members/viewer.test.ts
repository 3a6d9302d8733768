import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { KyselyPlugin } from 'kysely';
import { buildApp, type GacetaApp } from '../app.ts';
import { makeArticle, makeSection, makeStaff, paragraphs, signIn } from '../testing/factories.ts';
import { startTestApp, TEST_DIALECT, type TestApp } from '../testing/harness.ts';
import { ReaderBrowser } from '../testing/reader-browser.ts';
import { startTestSmtp, type TestSmtp } from '../testing/smtp.ts';
import { claimKey, openClaim, sealClaim } from './claims.ts';
import { grantComplimentary } from './complimentary.service.ts';

function queryCounter(): KyselyPlugin & { count: number } {
  return {
    count: 0,
    transformQuery: (args) => args.node,
    async transformResult(args) {
      this.count++;
      return args.result;
    },
  };
}

describe(`who reads: the member cookie's signed claim, sessions and the account page on ${TEST_DIALECT}`, () => {
  let smtp: TestSmtp;
  let t: TestApp;
  let counted: GacetaApp;
  const counter = queryCounter();
  let ip = 0;
  let paidPath = '';
  let publicPath = '';
  const db = () => t.database.handle.db;
  const browser = (app: TestApp = t) => new ReaderBrowser(app, `10.1.0.${++ip}`);

  /** A reader signed in through the emailed link, in a browser of their own. */
  async function signedIn(email: string): Promise<ReaderBrowser> {
    await browser().submit('/signin', '/signin', { email });
    await t.outbox.settled();
    const mail = smtp.received.filter((m) => m.to.some((to) => to.toLowerCase() === email.toLowerCase())).at(-1);
    assert.ok(mail?.links[0]);
    const reader = browser();
    const url = new URL(mail.links[0]);
    assert.equal((await reader.get(url.pathname + url.search)).statusCode, 303);
    assert.ok(reader.cookies.get('gaceta_member'));
    return reader;
  }
  const grantPaid = async (email: string) =>
    grantComplimentary(db(), await makeStaff(t, 'editor'), {
      email,
      endsAt: new Date(Date.now() + 30 * 86400_000).toISOString(),
    });

  before(async () => {
    smtp = await startTestSmtp();
    t = await startTestApp({ smtpUrl: smtp.url, mailFrom: 'desk@news.example' });
    const section = await makeSection(db(), 'Politics');
    const paid = await makeArticle(t, {
      headline: 'The budget, line by line',
      sectionId: section.id,
      access: 'paid',
      body: paragraphs('Only paying readers read this sentence.'),
    });
    const open = await makeArticle(t, { headline: 'Open to all', sectionId: section.id });
    paidPath = `/politics/${paid.slug}`;
    publicPath = `/politics/${open.slug}`;
    counted = await buildApp({
      config: { ...t.config, pageCache: false },
      db: db().withPlugin(counter),
      storage: t.storage,
      logger: false,
    });
  });
  after(async () => {
    await counted.app.close();
    await t.close();
    await smtp.close();
  });

  it('gives a free and a paid member their own cached variant, private to them; anonymous pages stay public', async () => {
    await grantPaid('payer@example.com');
    const payer = await signedIn('payer@example.com');
    const free = await signedIn('free@example.com');
    const anonymous = browser();
    const secret = /Only paying readers read this sentence/;
    for (let round = 0; round < 2; round++) {
      const paid = await payer.get(paidPath);
      assert.equal(paid.statusCode, 200);
      assert.match(paid.body, secret);
      assert.equal(paid.headers['cache-control'], 'private, no-cache');
      assert.doesNotMatch(paid.body, /class="paywall/, 'a paying reader is invited to nothing');
      const member = await free.get(paidPath);
      assert.doesNotMatch(member.body, secret, 'a free member does not get the paid variant');
      assert.equal(member.headers['cache-control'], 'private, no-cache');
      assert.match(member.body, /Your free membership does not include it\./, 'a free member is asked to upgrade');
      assert.doesNotMatch(member.body, /Already have an account\?/, 'and not to sign in again');
      const nobody = await anonymous.get(paidPath);
      assert.doesNotMatch(nobody.body, secret);
      assert.match(nobody.body, /Subscribe to keep reading/, 'anonymous readers are asked to subscribe');
      assert.match(nobody.body, /href="\/signin">Already have an account\? Sign in/);
      assert.match(String(nobody.headers['cache-control']), /^public/);
      assert.equal(nobody.headers.vary, 'Cookie, Accept-Encoding');
    }
  });

  it('knows a signed-in reader from the cookie alone: no query more than for an anonymous reader', async () => {
    const reader = await signedIn('counted@example.com');
    const cookie = `gaceta_member=${reader.cookies.get('gaceta_member')}`;
    await counted.app.inject(publicPath); // loads the site context
    counter.count = 0;
    assert.equal((await counted.app.inject(publicPath)).statusCode, 200);
    const anonymous = counter.count;
    counter.count = 0;
    const member = await counted.app.inject({ url: publicPath, headers: { cookie } });
    assert.equal(member.headers['cache-control'], 'private, no-cache', 'read as a member');
    assert.equal(counter.count, anonymous, 'no query to know who reads');
    assert.equal(member.headers['set-cookie'], undefined, 'an unexpired claim is not re-issued');
  });

  it('notices access given or ended by staff on the very next page, before the claim would expire', async () => {
    const reader = await signedIn('upgraded@example.com');
    const secret = /Only paying readers read this sentence/;
    assert.doesNotMatch((await reader.get(paidPath)).body, secret);
    const editor = await signIn(t, await makeStaff(t, 'editor'));
    const admin = (url: string, payload: Record<string, string>) =>
      t.app.inject({ method: 'POST', url: `/admin/api${url}`, headers: editor, payload });
    const endsAt = new Date(Date.now() + 86400_000).toISOString();
    assert.equal((await admin('/members/complimentary', { email: 'upgraded@example.com', endsAt })).statusCode, 201);
    assert.match((await reader.get(paidPath)).body, secret, 'read at once, with the cookie re-issued');
    assert.match((await reader.get(paidPath)).body, secret, 'and the re-issued cookie is believed');
    assert.deepEqual((await admin('/members/complimentary/remove', { email: 'upgraded@example.com' })).json(), {
      removed: 1,
    });
    assert.doesNotMatch((await reader.get(paidPath)).body, secret, 'the paywall returns at once');

    const data = JSON.parse((await reader.get('/account/data')).body) as { history: Array<{ kind: string }> };
    assert.deepEqual(
      data.history.map((event) => event.kind),
      ['complimentary-removed', 'complimentary-granted', 'signed-up'],
      'the history says what happened, newest first',
    );
  });

  it('notices access given and removed on the members screen, and given by an import, on the very next page', async () => {
    const reader = await signedIn('screened@example.com');
    const secret = /Only paying readers read this sentence/;
    const editor = await signIn(t, await makeStaff(t, 'editor'));
    const admin = (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: Record<string, string>) =>
      t.app.inject({ method, url: `/admin/api${url}`, headers: editor, ...(payload ? { payload } : {}) });
    const { members } = (await admin('GET', '/members?q=screened')).json() as { members: Array<{ id: string }> };
    const id = members[0]?.id ?? '';
    const endsAt = new Date(Date.now() + 86400_000).toISOString();
    const grant = (await admin('POST', `/members/${id}/complimentary`, { endsAt })).json() as { id: string };
    assert.match((await reader.get(paidPath)).body, secret, 'read at once');
    assert.equal((await admin('DELETE', `/members/${id}/complimentary/${grant.id}`)).statusCode, 204);
    assert.doesNotMatch((await reader.get(paidPath)).body, secret, 'the paywall returns at once');
    const imported = await t.app.inject({
      method: 'POST',
      url: '/admin/api/members/import',
      headers: { ...editor, 'content-type': 'text/csv' },
      payload: `email,complimentary_until\r\nscreened@example.com,${endsAt}\r\n`,
    });
    assert.equal(imported.json().updated, 1);
    assert.match((await reader.get(paidPath)).body, secret, 'an imported grant is read at once too');
  });

  it('treats a tampered cookie as anonymous', async () => {
    const reader = await signedIn('tamper@example.com');
    const value = reader.cookies.get('gaceta_member') ?? '';
    const [token, payload, mac] = value.split('.');
    const forged = Buffer.from(
      Buffer.from(payload ?? '', 'base64url')
        .toString()
        .replace('|member|', '|paid|'),
    ).toString('base64url');
    for (const cookie of [`${token}.${forged}.${mac}`, `${token}.${payload}.${mac}x`, 'garbage']) {
      const page = await t.app.inject({ url: paidPath, headers: { cookie: `gaceta_member=${cookie}` } });
      assert.match(String(page.headers['cache-control']), /^public/, cookie);
      assert.doesNotMatch(page.body, /Only paying readers/);
    }
  });

  it('checks an expired claim against its session: re-issued while it stands, anonymous once it was ended', async () => {
    const reader = await signedIn('expiring@example.com');
    const key = await claimKey(db());
    const opened = openClaim(key, reader.cookies.get('gaceta_member') ?? '');
    assert.ok(opened);
    const stale = sealClaim(key, opened.sessionToken, { ...opened.claim, expiresAt: Date.now() - 1000 });
    const renewed = await t.app.inject({ url: publicPath, headers: { cookie: `gaceta_member=${stale}` } });
    assert.equal(renewed.headers['cache-control'], 'private, no-cache');
    const reissued = renewed.cookies.find((c) => c.name === 'gaceta_member');
    assert.ok(
      reissued && reissued.value !== stale && reissued.httpOnly && reissued.secure && reissued.sameSite === 'Lax',
    );
    assert.ok((openClaim(key, reissued.value)?.claim.expiresAt ?? 0) > Date.now());

    // Paid access granted meanwhile shows at the next check.
    await grantPaid('expiring@example.com');
    const upgraded = await t.app.inject({ url: paidPath, headers: { cookie: `gaceta_member=${stale}` } });
    assert.match(upgraded.body, /Only paying readers read this sentence/);

    // Signed out everywhere (from another browser): the stale claim is refused and the cookie cleared.
    const elsewhere = await signedIn('expiring@example.com');
    assert.equal((await elsewhere.submit('/account', '/account/sign-out-everywhere', {})).statusCode, 200);
    const ended = await t.app.inject({ url: publicPath, headers: { cookie: `gaceta_member=${stale}` } });
    assert.match(String(ended.headers['cache-control']), /^public/);
    assert.equal(ended.cookies.find((c) => c.name === 'gaceta_member')?.value, '');
  });

  it('sign out ends this session; sign out everywhere ends the others too', async () => {
    const one = await signedIn('twice@example.com');
    const two = await signedIn('twice@example.com');
    const three = await signedIn('twice@example.com');
    assert.equal((await one.submit('/account', '/account/sign-out', {})).statusCode, 200);
    assert.equal((await one.get('/account')).statusCode, 303);
    assert.equal((await three.get('/account')).statusCode, 200, 'signing out here leaves other browsers');
    await two.submit('/account', '/account/sign-out-everywhere', {});
    const after = await three.get('/account');
    assert.equal(after.statusCode, 303);
    assert.equal(after.headers.location, '/signin?from=/account');
  });

  it('the account page changes the name, moves the address by a link to the new one, gives the data and deletes', async () => {
    const reader = await signedIn('owner@example.com');
    await grantPaid('owner@example.com');
    const page = await reader.get('/account');
    assert.match(page.body, /You have paid access\. Complimentary access until/);
    assert.match(page.body, /You have no subscription\./);
    assert.equal(
      (await reader.submit('/account', '/account/name', { name: 'Olga Owner' })).headers.location,
      '/account?done=name',
    );
    const renamed = (await reader.get('/account?done=name')).body;
    assert.match(renamed, /Your name is saved\./);
    assert.match(renamed, /value="Olga Owner"/);

    assert.equal(
      (await reader.submit('/account', '/account/email', { email: 'Olga+new@Example.com' })).statusCode,
      303,
    );
    await t.outbox.settled();
    const mail = smtp.received.filter((m) => m.to.some((to) => to.toLowerCase() === 'olga+new@example.com')).at(-1);
    assert.ok(mail?.links[0]);
    assert.match(mail.subject, /^Confirm your new address/);
    const link = new URL(mail.links[0]);
    const confirmed = await browser().get(link.pathname + link.search);
    assert.equal(confirmed.statusCode, 200);
    assert.match(confirmed.body, /Your email address is now Olga\+new@Example\.com\./);
    assert.match((await reader.get('/account')).body, /Olga\+new@Example\.com/);

    const data = await reader.get('/account/data');
    assert.equal(data.headers['content-disposition'], 'attachment; filename="account.json"');
    const json = data.json<{
      member: { email: string; name: string };
      complimentaryAccess: unknown[];
      sessions: unknown[];
    }>();
    assert.equal(json.member.email, 'Olga+new@Example.com');
    assert.equal(json.member.name, 'Olga Owner');
    assert.equal(json.complimentaryAccess.length, 1);
    assert.ok(!data.body.includes('hash'));

    const wrong = await reader.submit('/account', '/account/delete', { confirm: 'someone@example.com' });
    assert.equal(wrong.statusCode, 400);
    assert.match(wrong.body, /nothing was deleted/);
    const deleted = await reader.submit('/account', '/account/delete', { confirm: 'olga+NEW@example.com' });
    assert.equal(deleted.statusCode, 200);
    assert.match(deleted.body, /Your account is deleted/);
    assert.equal(
      await db()
        .selectFrom('members')
        .select('id')
        .where('email_normalized', '=', 'olga+new@example.com')
        .executeTakeFirst(),
      undefined,
    );
    assert.equal((await reader.get('/account')).statusCode, 303);
  });

  it('refuses account actions without the form token', async () => {
    const reader = await signedIn('guarded@example.com');
    const refused = await reader.request('POST', '/account/delete', { confirm: 'guarded@example.com' });
    assert.equal(refused.statusCode, 403);
    assert.equal((await reader.get('/account')).statusCode, 200, 'still there');
  });

  it('lets editors, not authors, grant and remove complimentary access through the admin API', async () => {
    const editor = await signIn(t, await makeStaff(t, 'editor'));
    const author = await signIn(t, await makeStaff(t, 'author'));
    const grant = (headers: Record<string, string>, email: string) =>
      t.app.inject({
        method: 'POST',
        url: '/admin/api/members/complimentary',
        headers,
        payload: { email, endsAt: new Date(Date.now() + 86400_000).toISOString(), note: 'partner' },
      });
    assert.equal((await grant(author, 'guest@example.com')).statusCode, 403);
    const made = await grant(editor, 'Guest@Example.com');
    assert.equal(made.statusCode, 201);
    assert.equal(made.json<{ email: string }>().email, 'Guest@Example.com', 'the reader is made with the grant');
    const reader = await signedIn('Guest@Example.com');
    assert.match((await reader.get(paidPath)).body, /Only paying readers/);
    const past = await t.app.inject({
      method: 'POST',
      url: '/admin/api/members/complimentary',
      headers: editor,
      payload: { email: 'guest@example.com', endsAt: '2020-01-01T00:00:00Z' },
    });
    assert.equal(past.statusCode, 400);
    const removed = await t.app.inject({
      method: 'POST',
      url: '/admin/api/members/complimentary/remove',
      headers: editor,
      payload: { email: 'guest@example.com' },
    });
    assert.deepEqual(removed.json(), { removed: 1 });
    const after = await signedIn('guest@example.com');
    assert.doesNotMatch((await after.get(paidPath)).body, /Only paying readers/);
  });
});
