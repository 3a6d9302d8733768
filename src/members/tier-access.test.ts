import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'node-html-parser';
import { makeArticle, makeSection, makeStaff, makeTier, paragraphs } from '../testing/factories.ts';
import { startTestApp, TEST_DIALECT, type TestApp } from '../testing/harness.ts';
import { ReaderBrowser } from '../testing/reader-browser.ts';
import { startTestSmtp, type TestSmtp } from '../testing/smtp.ts';
import { CLAIM_TTL_MS, claimKey, type ClaimTiers, openClaim, sealClaim } from './claims.ts';
import { grantComplimentary, grantTierAccess } from './complimentary.service.ts';
import { ensureMember } from './members.service.ts';

/*
 * Stories for chosen tiers, read over HTTP by members: the tiers a member may read travel in the
 * signed claim of their cookie (so a cached page costs no query), and a page rendered for one tier
 * set is never served to another. A subscription's tiers come from subscribedTierIds(), which the
 * Stripe webhook work fills; until then a subscriber's claim is sealed here as issue() seals it.
 */
describe(`stories for chosen tiers, read by members over HTTP on ${TEST_DIALECT}`, () => {
  let smtp: TestSmtp;
  let t: TestApp;
  let ip = 0;
  let supporter = '';
  let patron = '';
  let forSupporters = '';
  let forPatrons = '';
  const db = () => t.database.handle.db;
  const SUPPORTER_SECRET = /Only Supporter members read this sentence/;
  const PATRON_SECRET = /Only Patron members read this sentence/;

  /** The member cookie of a reader signed in through the emailed link. */
  async function signedIn(email: string): Promise<string> {
    await new ReaderBrowser(t, `10.2.0.${++ip}`).submit('/signin', '/signin', { email });
    await t.outbox.settled();
    const mail = smtp.received.filter((m) => m.to.some((to) => to.toLowerCase() === email)).at(-1);
    assert.ok(mail?.links[0]);
    const reader = new ReaderBrowser(t, `10.2.0.${++ip}`);
    const url = new URL(mail.links[0]);
    assert.equal((await reader.get(url.pathname + url.search)).statusCode, 303);
    const cookie = reader.cookies.get('gaceta_member');
    assert.ok(cookie);
    return cookie;
  }

  /** A signed-in member's cookie saying they subscribe to these tiers, as issue() would seal it. */
  async function subscriber(email: string, tiers: ClaimTiers, expiresAt = Date.now() + CLAIM_TTL_MS) {
    const key = await claimKey(db());
    const opened = openClaim(key, await signedIn(email));
    assert.ok(opened);
    return sealClaim(key, opened.sessionToken, { ...opened.claim, access: 'paid', tiers, expiresAt });
  }

  const read = (path: string, cookie: string) =>
    t.app.inject({ url: path, headers: { cookie: `gaceta_member=${cookie}` } });

  before(async () => {
    smtp = await startTestSmtp();
    t = await startTestApp({ smtpUrl: smtp.url, mailFrom: 'desk@news.example' });
    supporter = await makeTier(t, 'Supporter');
    patron = await makeTier(t, 'Patron');
    const section = await makeSection(db(), 'Politics');
    const a = await makeArticle(t, {
      headline: 'For supporters',
      sectionId: section.id,
      access: 'tiers',
      accessTierIds: [supporter],
      body: paragraphs(
        'Everyone reads this.',
        'Everyone reads this too.',
        'Only Supporter members read this sentence.',
        'And this.',
      ),
    });
    const b = await makeArticle(t, {
      headline: 'For patrons',
      sectionId: section.id,
      access: 'tiers',
      accessTierIds: [patron],
      body: paragraphs(
        'Everyone reads this.',
        'Everyone reads this too.',
        'Only Patron members read this sentence.',
        'And this.',
      ),
    });
    forSupporters = `/politics/${a.slug}`;
    forPatrons = `/politics/${b.slug}`;
  });
  after(async () => {
    await t.close();
    await smtp.close();
  });

  it('a Supporter reads the Supporter story whole and meets the paywall, naming Patron, on the Patron story', async () => {
    const cookie = await subscriber('supporter@example.com', [supporter]);
    const own = await read(forSupporters, cookie);
    assert.equal(own.statusCode, 200);
    assert.match(own.body, SUPPORTER_SECRET);
    assert.equal(parse(own.body).querySelector('.paywall'), null);
    assert.equal(own.headers['cache-control'], 'private, no-cache');

    const other = await read(forPatrons, cookie);
    assert.doesNotMatch(other.body, PATRON_SECRET);
    const wall = parse(other.body).querySelector('.paywall');
    assert.equal(wall?.querySelector('h2')?.text, 'This story is for Patron subscribers');
    assert.equal(wall?.querySelector('a.paywall-action')?.getAttribute('href'), '/pricing');
    assert.match(other.body, /Everyone reads this\./, 'the free preview');
  });

  it('never serves the page cached for one tier set to a reader of another', async () => {
    const a = await subscriber('first-supporter@example.com', [supporter]);
    const b = await subscriber('a-patron@example.com', [patron]);
    // Warm the Supporter variant, then ask as a Patron, then as a Supporter again (from the cache).
    assert.match((await read(forSupporters, a)).body, SUPPORTER_SECRET);
    const patronPage = await read(forSupporters, b);
    assert.doesNotMatch(patronPage.body, SUPPORTER_SECRET);
    assert.match(patronPage.body, /This story is for Supporter subscribers/);
    assert.match((await read(forSupporters, a)).body, SUPPORTER_SECRET);
    // Nor to anonymous readers, whose page a CDN may keep.
    const anonymous = await t.app.inject(forSupporters);
    assert.doesNotMatch(anonymous.body, SUPPORTER_SECRET);
    assert.match(String(anonymous.headers['cache-control']), /^public/);
  });

  it('a member of both tiers reads both stories (tier sets in any order are the same set)', async () => {
    const both = await subscriber('both@example.com', [patron, supporter]);
    assert.match((await read(forSupporters, both)).body, SUPPORTER_SECRET);
    assert.match((await read(forPatrons, both)).body, PATRON_SECRET);
  });

  it('complimentary access reads every tier’s stories, from the claim issued at sign-in', async () => {
    await grantComplimentary(db(), await makeStaff(t, 'editor'), {
      email: 'guest@example.com',
      endsAt: new Date(Date.now() + 30 * 86400_000).toISOString(),
    });
    const cookie = await signedIn('guest@example.com');
    assert.equal(openClaim(await claimKey(db()), cookie)?.claim.tiers, 'every');
    assert.match((await read(forSupporters, cookie)).body, SUPPORTER_SECRET);
    assert.match((await read(forPatrons, cookie)).body, PATRON_SECRET);
  });

  it('a gift’s grant on one tier reads that tier’s stories and not another’s, from the claim issued at sign-in', async () => {
    const database = db();
    const member = await ensureMember(database, { email: 'gifted@example.com', normalized: 'gifted@example.com' });
    await grantTierAccess(database, member.id, { tierId: supporter, months: 1, note: '' });
    const cookie = await signedIn('gifted@example.com');
    const claim = openClaim(await claimKey(database), cookie)?.claim;
    assert.equal(claim?.access, 'paid');
    assert.deepEqual(claim?.tiers, [supporter]);
    assert.match((await read(forSupporters, cookie)).body, SUPPORTER_SECRET);
    const other = await read(forPatrons, cookie);
    assert.doesNotMatch(other.body, PATRON_SECRET);
    assert.match(other.body, /This story is for Patron subscribers/);
  });

  it('believes no tiers it did not sign, and checks an expired claim’s tiers again', async () => {
    const cookie = await subscriber('forger@example.com', []);
    const [token, payload, mac] = cookie.split('.');
    const forged = Buffer.from(
      `${Buffer.from(payload ?? '', 'base64url')
        .toString()
        .replace(/\|[^|]*$/, '')}|${supporter}`,
    ).toString('base64url');
    const page = await read(forSupporters, `${token}.${forged}.${mac}`);
    assert.doesNotMatch(page.body, SUPPORTER_SECRET);
    assert.match(String(page.headers['cache-control']), /^public/, 'read as anonymous');

    // A Supporter claim past its time is checked against the database, where this member has no subscription.
    const stale = await subscriber('lapsed@example.com', [supporter], Date.now() - 1000);
    const lapsed = await read(forSupporters, stale);
    assert.doesNotMatch(lapsed.body, SUPPORTER_SECRET);
    assert.match(lapsed.body, /This story is for Supporter subscribers/);
    const reissued = lapsed.cookies.find((c) => c.name === 'gaceta_member');
    assert.deepEqual(openClaim(await claimKey(db()), reissued?.value ?? '')?.claim.tiers, []);
  });
});
