import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { updateSettings } from '../settings/settings.service.ts';
import { SYSTEM } from '../staff/actor.ts';
import { makeStaff } from '../testing/factories.ts';
import { startTestApp, type TestApp } from '../testing/harness.ts';
import { ReaderBrowser } from '../testing/reader-browser.ts';
import { startTestSmtp, type TestSmtp } from '../testing/smtp.ts';
import { grantComplimentary } from './complimentary.service.ts';
import { LINK_USES, LINKS_PER_ADDRESS } from './links.service.ts';

describe('readers sign up and sign in by emailed link or code', () => {
  let smtp: TestSmtp;
  let t: TestApp;
  let ip = 0;
  /** Each browser its own address, so the per-IP limit stays out of tests about something else. */
  const browser = () => new ReaderBrowser(t, `10.0.0.${++ip}`);
  const db = () => t.database.handle.db;
  const mailTo = async (address: string) => {
    await t.outbox.settled();
    // The SMTP envelope may change the letter case of an address; the message is still theirs.
    return smtp.received.filter((mail) => mail.to.some((to) => to.toLowerCase() === address.toLowerCase()));
  };
  const lastLink = async (address: string) => {
    const mail = (await mailTo(address)).at(-1);
    assert.ok(mail, `a message to ${address}`);
    const link = mail.links[0];
    assert.ok(link);
    return new URL(link).pathname + new URL(link).search;
  };
  const codeIn = async (address: string) => /(\d{6})/.exec((await mailTo(address)).at(-1)?.text ?? '')?.[1] ?? '';
  const ask = (reader: ReaderBrowser, email: string, page = '/signin', extra: Record<string, string> = {}) =>
    reader.submit(page, '/signin', { email, ...extra });
  const setMode = (memberSignup: 'open' | 'invitation' | 'paid') =>
    updateSettings({ db: db(), invalidation: t.invalidation }, SYSTEM.seed, { memberSignup });

  before(async () => {
    smtp = await startTestSmtp();
    t = await startTestApp({ smtpUrl: smtp.url, mailFrom: 'desk@news.example' });
  });
  after(async () => {
    await t.close();
    await smtp.close();
  });
  beforeEach(() => setMode('open'));

  it('signs up by the link opened in another browser: "+" address kept as typed, attribution, Lax HttpOnly Secure cookie', async () => {
    const asking = browser();
    const answer = await ask(asking, 'Ana+News@Example.com', '/signup?from=/politics/the-vote', {
      name: 'Ana',
      from: '/politics/the-vote',
    });
    assert.equal(answer.statusCode, 200);
    assert.match(answer.body, /Check your inbox/);
    const [mail] = await mailTo('Ana+News@Example.com');
    assert.ok(mail);
    assert.match(mail.subject, /^Finish signing up to /);
    assert.match(mail.text, /enter this code .*: \d{6}/);
    assert.match(mail.html, /<a href="https:\/\/news\.example\/signin\/link\?token=/);

    const other = browser();
    const landed = await other.get(await lastLink('Ana+News@Example.com'));
    assert.equal(landed.statusCode, 303);
    assert.equal(landed.headers.location, '/politics/the-vote', 'back where the reader was reading');
    const cookie = landed.cookies.find((c) => c.name === 'gaceta_member');
    assert.ok(cookie);
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.secure, true);
    assert.equal(cookie.sameSite, 'Lax');
    assert.equal(cookie.path, '/');
    assert.equal(asking.cookies.has('gaceta_member'), false, 'the asking browser is not signed in by it');

    const account = await other.get('/account');
    assert.equal(account.statusCode, 200);
    assert.match(account.body, /Ana\+News@Example\.com/);
    assert.equal(account.headers['cache-control'], 'no-store');
    const member = await db().selectFrom('members').selectAll().executeTakeFirstOrThrow();
    assert.deepEqual(
      [member.email, member.email_normalized, member.name, member.attribution],
      ['Ana+News@Example.com', 'ana+news@example.com', 'Ana', '/politics/the-vote'],
    );
    const stored = JSON.stringify(await db().selectFrom('member_links').selectAll().execute());
    const token = new URLSearchParams((await lastLink('Ana+News@Example.com')).split('?')[1]).get('token');
    assert.ok(token && !stored.includes(token), 'tokens are stored hashed');

    // Signing in again (any letter case) is a sign-in, and rotates the session: a new cookie.
    await ask(browser(), 'ana+news@example.com');
    assert.match((await mailTo('Ana+News@Example.com')).at(-1)?.subject ?? '', /^Sign in to /);
    const again = await other.get(await lastLink('Ana+News@Example.com'));
    assert.notEqual(again.cookies.find((c) => c.name === 'gaceta_member')?.value, cookie.value);
    const sessions = await db()
      .selectFrom('member_sessions')
      .select(['revoked_at'])
      .where('member_id', '=', member.id)
      .execute();
    assert.deepEqual(
      sessions.map((s) => s.revoked_at === null).sort(),
      [false, true],
      'the session the browser held before ended',
    );
  });

  it('a link survives a few uses within minutes of the first (mail scanners), then dies and offers a new one', async () => {
    await ask(browser(), 'scanned@example.com');
    const link = await lastLink('scanned@example.com');
    for (let use = 1; use <= LINK_USES; use++) assert.equal((await browser().get(link)).statusCode, 303, `use ${use}`);
    const dead = await browser().get(link);
    assert.equal(dead.statusCode, 410);
    assert.match(dead.body, /This link was already used\. Ask for a new one below\./);
    assert.match(dead.body, /value="scanned@example\.com"/, 'the form to ask again is filled in');

    // Used once, then opened again eleven minutes later: dead.
    await ask(browser(), 'later@example.com');
    const later = await lastLink('later@example.com');
    assert.equal((await browser().get(later)).statusCode, 303);
    await db()
      .updateTable('member_links')
      .set({ first_used_at: new Date(Date.now() - 11 * 60_000).toISOString() })
      .where('email_normalized', '=', 'later@example.com')
      .execute();
    assert.equal((await browser().get(later)).statusCode, 410);
  });

  it('an expired link says so and offers a new one', async () => {
    await ask(browser(), 'slow@example.com');
    await db()
      .updateTable('member_links')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('email_normalized', '=', 'slow@example.com')
      .execute();
    const expired = await browser().get(await lastLink('slow@example.com'));
    assert.equal(expired.statusCode, 410);
    assert.match(expired.body, /This link has expired\. Ask for a new one below\./);
    assert.match(expired.body, /<form method="post" action="\/signin">/);
    assert.equal((await browser().get('/signin/link?token=nonsense')).statusCode, 404);
  });

  it('signs in by the 6-digit code on the page where the reader asked; a code works once, a wrong one does not', async () => {
    await ask(browser(), 'coded@example.com');
    await browser().get(await lastLink('coded@example.com')); // makes the account
    const reader = browser();
    const sent = await ask(reader, 'coded@example.com');
    const code = await codeIn('coded@example.com');
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    const refused = await reader.submit('/signin', '/signin/code', { email: 'coded@example.com', code: wrong });
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /That code is not right/);
    assert.match(sent.body, /name="code"/);
    const signedIn = await reader.submit('/signin', '/signin/code', { email: 'coded@example.com', code });
    assert.equal(signedIn.statusCode, 303);
    assert.equal((await reader.get('/account')).statusCode, 200);
    const reused = await browser().submit('/signin', '/signin/code', { email: 'coded@example.com', code });
    assert.equal(reused.statusCode, 410);
    assert.match(reused.body, /already used/);
  });

  it('answers a known and an unknown address alike', async () => {
    await ask(browser(), 'known@example.com');
    await browser().get(await lastLink('known@example.com'));
    const normalize = (body: string, email: string) =>
      body.replaceAll(email, 'ADDRESS').replace(/name="csrf" value="[^"]+"/g, '');
    for (const mode of ['open', 'invitation', 'paid'] as const) {
      await setMode(mode);
      const known = await ask(browser(), 'known@example.com');
      const unknown = await ask(browser(), `stranger-${mode}@example.com`);
      assert.equal(known.statusCode, unknown.statusCode);
      assert.equal(
        normalize(known.body, 'known@example.com'),
        normalize(unknown.body, `stranger-${mode}@example.com`),
        mode,
      );
    }
  });

  it('in "invitation only" and "paid only" modes a stranger gets no mail and no account; invited readers still sign in', async () => {
    for (const mode of ['invitation', 'paid'] as const) {
      await setMode(mode);
      await ask(browser(), `nobody-${mode}@example.com`);
      assert.equal((await mailTo(`nobody-${mode}@example.com`)).length, 0);
    }
    const editor = await makeStaff(t, 'editor');
    await grantComplimentary(db(), editor, {
      email: 'invited@example.com',
      endsAt: new Date(Date.now() + 86400_000).toISOString(),
    });
    await ask(browser(), 'invited@example.com');
    assert.equal((await mailTo('invited@example.com')).length, 1);
    const members = await db().selectFrom('members').select('email_normalized').execute();
    assert.ok(!members.some((m) => m.email_normalized.startsWith('nobody-')));
  });

  it('sends one address a few links per quarter hour, answering the same after that', async () => {
    const answers = [];
    for (let i = 0; i < LINKS_PER_ADDRESS + 2; i++)
      answers.push((await ask(browser(), 'flooded@example.com')).statusCode);
    assert.deepEqual(new Set(answers), new Set([200]));
    assert.equal((await mailTo('flooded@example.com')).length, LINKS_PER_ADDRESS);
    assert.equal(
      (await browser().get(await lastLink('flooded@example.com'))).statusCode,
      303,
      "the owner's links still work",
    );
  });

  it('slows one IP asking too often, with a page in the site language', async () => {
    const flood = new ReaderBrowser(t, '10.9.9.9');
    const statuses = [];
    for (let i = 0; i <= t.config.signInAttemptsPerMinute; i++)
      statuses.push((await ask(flood, `ip-${i}@example.com`)).statusCode);
    assert.equal(statuses.at(-1), 429);
    assert.equal(statuses.filter((s) => s === 200).length, t.config.signInAttemptsPerMinute);
    assert.match((await ask(flood, 'ip-x@example.com')).body, /Too many requests/);
    assert.equal((await ask(browser(), 'ip-x@example.com')).statusCode, 200, 'another IP is not slowed');
  });

  it('refuses a form without its CSRF token, or with a token of another browser, and sends nothing', async () => {
    const reader = browser();
    await reader.get('/signin');
    const form = (await new ReaderBrowser(t, '10.7.7.7').get('/signup')).cookies.find((c) => c.name === 'gaceta_form');
    assert.equal(form?.path, '/signin', 'the form cookie never reaches reader pages (nor a cache in front of them)');
    assert.equal(form?.httpOnly, true);
    assert.equal(form?.sameSite, 'Lax');
    const bare = await reader.request('POST', '/signin', { email: 'csrf@example.com' });
    assert.equal(bare.statusCode, 403);
    assert.match(bare.body, /This form has expired/);
    const theirs = /name="csrf" value="([^"]+)"/.exec((await browser().get('/signin')).body)?.[1] ?? '';
    assert.equal(
      (await reader.request('POST', '/signin', { email: 'csrf@example.com', csrf: theirs })).statusCode,
      403,
    );
    assert.equal(
      (await new ReaderBrowser(t, '10.8.8.8').request('POST', '/signin', { email: 'csrf@example.com', csrf: theirs }))
        .statusCode,
      403,
    );
    assert.equal((await mailTo('csrf@example.com')).length, 0);
  });

  it('speaks Spanish when the site does', async () => {
    await updateSettings({ db: db(), invalidation: t.invalidation }, SYSTEM.seed, { locale: 'es' });
    try {
      const page = await ask(browser(), 'lector@example.com');
      assert.match(page.body, /Revisa tu correo/);
      const mail = (await mailTo('lector@example.com'))[0];
      assert.match(mail?.subject ?? '', /^Termina de crear tu cuenta en /);
      assert.match(mail?.text ?? '', /escribe este código/);
    } finally {
      await updateSettings({ db: db(), invalidation: t.invalidation }, SYSTEM.seed, { locale: 'en' });
    }
  });
});
