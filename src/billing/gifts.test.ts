import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'node-html-parser';
import { memberHistory } from '../members/history.ts';
import type { MoneyAmount } from '../members/revenue.ts';
import { listMembers } from '../members/directory.ts';
import { findMemberByEmail } from '../members/members.service.ts';
import { updateSettings } from '../settings/settings.service.ts';
import { SYSTEM } from '../staff/actor.ts';
import { makeArticle, makeSection, makeStaff, paragraphs, signIn } from '../testing/factories.ts';
import { listenOnLoopback, startTestApp, TEST_DIALECT, type TestApp } from '../testing/harness.ts';
import { signedInMember } from '../testing/member-browser.ts';
import { ReaderBrowser } from '../testing/reader-browser.ts';
import { startTestSmtp, type TestSmtp } from '../testing/smtp.ts';
import { sweepStripeEvents } from './stripe-webhooks.service.ts';
import {
  startStripeStandIn,
  STRIPE_TEST_KEY,
  STRIPE_TEST_WEBHOOK_SECRET,
  type StripeStandIn,
} from '../testing/stripe.ts';

const texts = (body: string, selector: string): string[] =>
  parse(body)
    .querySelectorAll(selector)
    .map((node) => node.textContent.replace(/\s+/g, ' ').trim());
const sessionIdOf = (location: string | undefined) => /\/checkout\/(cs_test_\w+)$/.exec(location ?? '')?.[1] ?? '';
const DAY = 86_400_000;

describe(`gift subscriptions without Stripe keys on ${TEST_DIALECT}`, () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  it('says gifts are not set up yet, in a 503, in English and in Spanish', async () => {
    const page = await new ReaderBrowser(t).get('/gift');
    assert.equal(page.statusCode, 503);
    assert.deepEqual(texts(page.body, 'h1'), ['Gifts are not set up yet']);
    const pricing = await new ReaderBrowser(t).get('/pricing');
    assert.equal(parse(pricing.body).querySelector('.gift-link'), null, 'no gift link while nothing can be sold');
    await updateSettings({ db: t.database.handle.db, invalidation: t.invalidation }, SYSTEM.seed, { locale: 'es' });
    const es = await new ReaderBrowser(t).get('/gift');
    assert.equal(es.statusCode, 503);
    assert.deepEqual(texts(es.body, 'h1'), ['Los regalos aún no están disponibles']);
  });
});

describe(`gift subscriptions through Stripe Checkout on ${TEST_DIALECT}`, () => {
  let smtp: TestSmtp;
  let stripe: StripeStandIn;
  let t: TestApp;
  let ip = 0;
  let supporter = '';
  let patron = '';
  let forSupporters = '';
  let forPatrons = '';
  let forPaid = '';
  const db = () => t.database.handle.db;
  const reader = () => new ReaderBrowser(t, `10.23.0.${++ip}`);
  const mailTo = (email: string, subject: RegExp) =>
    smtp.received.filter((m) => m.to.some((to) => to.toLowerCase() === email) && subject.test(m.subject));
  const giftFields = (fields: Record<string, string> = {}) => ({
    currency: 'usd',
    tier: supporter,
    months: '6',
    recipient_email: 'ana@example.com',
    recipient_name: 'Ana',
    message: 'For the council stories <b>you</b> love & "more"',
    buyer_email: 'buyer@example.com',
    ...fields,
  });
  /** Buys a gift with the form and pays on Checkout; gives the session id and the redeem link's path. */
  async function buyGift(browser: ReaderBrowser, fields: Record<string, string>, email = '') {
    const sent = await browser.submit('/gift', '/gift', giftFields(fields));
    assert.equal(sent.statusCode, 303, sent.body);
    const sessionId = sessionIdOf(sent.headers.location);
    const back = new URL(await stripe.billing.pay(sessionId, email));
    await t.outbox.settled();
    const to = (fields.recipient_email ?? 'ana@example.com').toLowerCase();
    const link = mailTo(to, /gave you/).at(-1)?.links[0] ?? '';
    return { sessionId, back: back.pathname + back.search, redeemPath: new URL(link).pathname };
  }
  /** Follows the emailed sign-in (or sign-up) link in this browser; gives where it lands. */
  async function followSignInMail(browser: ReaderBrowser, email: string) {
    await t.outbox.settled();
    const mail = mailTo(email, /sign/i).at(-1);
    const link = new URL(mail?.links[0] ?? '');
    const landed = await browser.get(link.pathname + link.search);
    assert.equal(landed.statusCode, 303);
    return landed.headers.location;
  }
  const read = (browser: ReaderBrowser, path: string) => browser.get(path);
  /** The account page's payments, each as [amount, what] (the first cell, the date, left out). */
  const paymentRows = (body: string) =>
    parse(body)
      .querySelectorAll('.payments tbody tr')
      .map((row) =>
        row
          .querySelectorAll('td')
          .map((cell) => cell.textContent.replace(/\s+/g, ' ').trim())
          .slice(1),
      );
  /** The staff API as an admin. */
  let staffHeaders: Record<string, string> | undefined;
  async function staffApi<T>(method: 'GET' | 'POST', url: string, payload?: object): Promise<T> {
    const headers = (staffHeaders ??= await signIn(t, await makeStaff(t, 'admin')));
    const answer = await t.app.inject({ method, url: `/admin/api${url}`, headers, ...(payload ? { payload } : {}) });
    assert.ok(answer.statusCode < 300, answer.body);
    return answer.json<T>();
  }
  const usd = (amounts: MoneyAmount[]) => amounts.find((m) => m.currency === 'usd')?.amount ?? 0;
  const thisWeek = async () =>
    (
      await staffApi<{ weeks: Array<{ mrr: MoneyAmount[]; contributions: MoneyAmount[]; gifts: MoneyAmount[] }> }>(
        'GET',
        '/revenue?weeks=1',
      )
    ).weeks[0];
  /** A member's gift grants on the Supporter tier, running or not, by end. */
  const giftGrants = (memberId: string) =>
    db()
      .selectFrom('complimentary_access')
      .select(['ends_at', 'removed_at'])
      .where('member_id', '=', memberId)
      .where('source', '=', 'gift')
      .orderBy('ends_at')
      .execute();

  before(async () => {
    smtp = await startTestSmtp();
    stripe = await startStripeStandIn();
    t = await startTestApp({
      smtpUrl: smtp.url,
      mailFrom: 'desk@news.example',
      stripeSecretKey: STRIPE_TEST_KEY,
      stripeWebhookSecret: STRIPE_TEST_WEBHOOK_SECRET,
      stripeApiUrl: stripe.url,
    });
    stripe.webhookUrl = `${(await listenOnLoopback(t)).base}/webhooks/stripe`;
    const headers = await signIn(t, await makeStaff(t, 'admin'));
    const api = async (url: string, payload: object) => {
      const answer = await t.app.inject({ method: 'POST', url: `/admin/api${url}`, headers, payload });
      assert.ok(answer.statusCode < 300, answer.body);
      return answer.json<{ tier: { id: string } }>().tier;
    };
    supporter = (await api('/tiers', { name: 'Supporter' })).id;
    await api(`/tiers/${supporter}/prices`, { currency: 'usd', interval: 'month', amount: 500 });
    await api(`/tiers/${supporter}/prices`, { currency: 'usd', interval: 'year', amount: 5000 });
    patron = (await api('/tiers', { name: 'Patron' })).id;
    await api(`/tiers/${patron}/prices`, { currency: 'usd', interval: 'month', amount: 1500 });
    await api(`/tiers/${patron}/prices`, { currency: 'mxn', interval: 'year', amount: 300000 });
    const section = await makeSection(db(), 'Politics');
    const story = (headline: string, secret: string, access: 'tiers' | 'paid', tiers: string[] = []) =>
      makeArticle(t, {
        headline,
        sectionId: section.id,
        access,
        ...(tiers.length ? { accessTierIds: tiers } : {}),
        body: paragraphs('Everyone reads this.', 'Everyone reads this too.', secret, 'And this.'),
      });
    forSupporters = `/politics/${(await story('For supporters', 'Only Supporter members read this.', 'tiers', [supporter])).slug}`;
    forPatrons = `/politics/${(await story('For patrons', 'Only Patron members read this.', 'tiers', [patron])).slug}`;
    forPaid = `/politics/${(await story('For paid members', 'Only paid members read this.', 'paid')).slug}`;
  });
  after(async () => {
    await t.close();
    await stripe.stop();
    await smtp.close();
  });

  it('offers each plan for 1, 6 or 12 months at its price, linked from /pricing', async () => {
    const pricing = await reader().get('/pricing');
    assert.equal(parse(pricing.body).querySelector('.gift-link a')?.getAttribute('href'), '/gift');
    const page = await reader().get('/gift');
    assert.equal(page.statusCode, 200);
    assert.deepEqual(texts(page.body, 'h1'), ['Give a subscription']);
    // 6 months are six monthly prices; 12 the yearly price, or twelve monthly ones without it.
    assert.deepEqual(texts(page.body, '.gift-prices li'), [
      '1 month: $5.00',
      '6 months: $30.00',
      '12 months: $50.00',
      '1 month: $15.00',
      '6 months: $90.00',
      '12 months: $180.00',
    ]);
    const pesos = await reader().get('/gift?currency=mxn');
    assert.deepEqual(texts(pesos.body, '.gift-prices li'), [
      '1 month: not offered',
      '6 months: not offered',
      '12 months: MX$3,000.00',
    ]);
    assert.equal(page.headers['cache-control'], 'no-store');
    assert.match(String(page.headers['content-security-policy']), new RegExp(`form-action [^;]*${stripe.url}`));
  });

  it('refuses a bad gift with a 400 that says why, in English and Spanish, keeping what was typed and asking Stripe nothing', async () => {
    const browser = reader();
    const asked = stripe.requests.length;
    const cases: Array<[Record<string, string>, string]> = [
      [{ months: '3' }, 'Choose 1, 6 or 12 months.'],
      [{ months: 'lots' }, 'Choose 1, 6 or 12 months.'],
      [{ tier: 'no-such-tier' }, 'Choose one of the plans offered.'],
      [{ currency: 'eur' }, 'Choose one of the currencies offered.'],
      [{ recipient_email: 'not-an-address' }, 'Give the email address of the person you are giving to.'],
      [{ buyer_email: '' }, 'Give your email address, for the receipt.'],
    ];
    for (const [fields, error] of cases) {
      const page = await browser.submit('/gift', '/gift', giftFields(fields));
      assert.equal(page.statusCode, 400, JSON.stringify(fields));
      assert.deepEqual(texts(page.body, '.error'), [error]);
      assert.equal(parse(page.body).querySelector('textarea[name="message"]')?.textContent, giftFields().message);
    }
    const pesos = await browser.submit('/gift?currency=mxn', '/gift', giftFields({ currency: 'mxn', tier: patron }));
    assert.equal(pesos.statusCode, 400);
    assert.deepEqual(texts(pesos.body, '.error'), ['Patron cannot be given for 6 months in MXN.']);
    await updateSettings({ db: db(), invalidation: t.invalidation }, SYSTEM.seed, { locale: 'es' });
    try {
      const es = await browser.submit('/gift', '/gift', giftFields({ months: '2' }));
      assert.equal(es.statusCode, 400);
      assert.deepEqual(texts(es.body, '.error'), ['Elige 1, 6 o 12 meses.']);
      const noTier = await browser.submit('/gift', '/gift', giftFields({ tier: 'x' }));
      assert.deepEqual(texts(noTier.body, '.error'), ['Elige uno de los planes que ofrecemos.']);
    } finally {
      await updateSettings({ db: db(), invalidation: t.invalidation }, SYSTEM.seed, { locale: 'en' });
    }
    const forged = await browser.request('POST', '/gift', { csrf: 'forged', ...giftFields() });
    assert.equal(forged.statusCode, 403);
    assert.equal(stripe.requests.length, asked, 'Stripe was asked nothing');
  });

  it('sells a gift, mails it once even when the webhook comes again, and the recipient redeems it and reads', async () => {
    // Sign-up by invitation only: the gift is the invitation.
    await updateSettings({ db: db(), invalidation: t.invalidation }, SYSTEM.seed, { memberSignup: 'invitation' });
    const buyer = reader();
    const sent = await buyer.submit('/gift', '/gift', giftFields());
    assert.equal(sent.statusCode, 303, sent.body);
    const sessionId = sessionIdOf(sent.headers.location);
    const request = stripe.creations('/v1/checkout/sessions').at(-1);
    assert.equal(request?.params.mode, 'payment');
    assert.equal(request?.params.customer_email, 'buyer@example.com');
    assert.deepEqual(request?.params.line_items, [
      {
        price_data: {
          currency: 'usd',
          unit_amount: '3000',
          product_data: { name: 'Gift: Supporter, 6 months, Gaceta' },
        },
        quantity: '1',
      },
    ]);
    const metadata = request?.params.metadata as Record<string, string>;
    assert.equal(metadata.gaceta_kind, 'gift');
    assert.ok(metadata.gaceta_gift_id);
    assert.equal(JSON.stringify(request?.params).includes('council'), false, 'the message stays with Gaceta');

    const unpaid = await buyer.get(`/gift/done?session_id=${sessionId}`);
    assert.deepEqual(texts(unpaid.body, 'h1'), ['Your gift is not paid yet']);
    const back = new URL(await stripe.billing.pay(sessionId));
    const done = await buyer.get(back.pathname + back.search);
    assert.equal(done.statusCode, 200);
    assert.deepEqual(texts(done.body, '.sent'), [
      'We emailed your gift to Ana (ana@example.com). Your receipt went to buyer@example.com.',
    ]);
    assert.equal((await buyer.get('/gift/done?session_id=cs_test_unknown')).statusCode, 404);

    await stripe.billing.redeliverCompleted(sessionId);
    await t.outbox.settled();
    const gifts = mailTo('ana@example.com', /gave you/);
    assert.equal(gifts.length, 1, 'one gift mail, replay or not');
    assert.equal(gifts[0]?.subject, 'buyer@example.com gave you 6 months of Gaceta');
    assert.match(gifts[0]?.text ?? '', /gave you 6 months of Supporter at Gaceta/);
    assert.match(gifts[0]?.text ?? '', /Their message: “For the council stories <b>you<\/b> love & "more"”/);
    assert.match(gifts[0]?.html ?? '', /&lt;b&gt;you&lt;\/b&gt; love &amp; &quot;more&quot;/);
    assert.doesNotMatch(gifts[0]?.html ?? '', /<b>you/);
    const receipts = mailTo('buyer@example.com', /receipt/);
    assert.equal(receipts.length, 1, 'one receipt');
    assert.equal(receipts[0]?.subject, 'Your gift to Ana (ana@example.com): receipt');
    assert.match(
      receipts[0]?.text ?? '',
      /We emailed your gift of 6 months of Supporter to Ana \(ana@example\.com\) on /,
    );
    assert.match(receipts[0]?.text ?? '', /Receipt: \$30\.00, paid on /);
    const buyerMember = await findMemberByEmail(db(), 'buyer@example.com');
    assert.ok(buyerMember, 'the anonymous buyer is a member now');
    const bought = (await memberHistory(db(), buyerMember.id)).filter((e) => e.kind === 'gift-purchased');
    assert.equal(bought.length, 1);

    // The recipient opens the link signed out, asks for a link, follows it, and redeems.
    const redeemPath = new URL(gifts[0]?.links[0] ?? '').pathname;
    assert.match(redeemPath, /^\/gift\/redeem\/[A-Za-z0-9_-]{43}$/);
    const ana = reader();
    const shown = await ana.get(redeemPath);
    assert.equal(shown.statusCode, 200);
    assert.deepEqual(texts(shown.body, '.gift-from'), ['buyer@example.com gave you 6 months of Supporter.']);
    assert.deepEqual(texts(shown.body, '.gift-message blockquote'), [
      'For the council stories <b>you</b> love & "more"',
    ]);
    const asked = await ana.submit(redeemPath, `${redeemPath}/signin`, { email: 'ana@example.com' });
    assert.equal(asked.statusCode, 200);
    assert.equal(await followSignInMail(ana, 'ana@example.com'), '/gift/redeem');
    assert.equal(await findMemberByEmail(db(), 'ana@example.com').then((m) => m?.attribution), '/gift/redeem');
    const waitingOnAccount = await ana.get('/account');
    assert.deepEqual(texts(waitingOnAccount.body, '.gift-waiting'), ['A gift is waiting for you. Redeem it']);
    assert.equal(parse(waitingOnAccount.body).querySelector('.gift-waiting a')?.getAttribute('href'), '/gift/redeem');
    const before = await read(ana, forSupporters);
    assert.doesNotMatch(before.body, /Only Supporter members read this\./);
    const waiting = await ana.get('/gift/redeem');
    assert.deepEqual(texts(waiting.body, '.gift-from'), ['buyer@example.com gave you 6 months of Supporter.']);
    const redeemed = await ana.submit('/gift/redeem', '/gift/redeem', {
      gift: parse(waiting.body).querySelector('input[name="gift"]')?.getAttribute('value') ?? '',
    });
    assert.equal(redeemed.statusCode, 200, redeemed.body);
    assert.deepEqual(texts(redeemed.body, 'h1'), ['Your gift is redeemed']);
    assert.match(texts(redeemed.body, '.redeemed')[0] ?? '', /^You read Supporter until \w+day, /);

    // The very next page is paid, on the gift's tier only.
    assert.match((await read(ana, forSupporters)).body, /Only Supporter members read this\./);
    assert.match((await read(ana, forPaid)).body, /Only paid members read this\./);
    const other = await read(ana, forPatrons);
    assert.doesNotMatch(other.body, /Only Patron members read this\./);
    assert.match(other.body, /This story is for Patron subscribers/);

    // Single use: the link now says so, and a second redemption is refused.
    const again = await ana.get(redeemPath);
    assert.equal(again.statusCode, 410);
    assert.deepEqual(texts(again.body, 'h1'), ['This gift was already redeemed']);
    const thief = await signedInMember(t, 'thief@example.com');
    const stolen = await thief.reader.request('POST', redeemPath, { csrf: 'x' });
    assert.equal(stolen.statusCode, 403, 'no form token: nothing done');

    const account = await ana.get('/account');
    assert.match(account.body, /Gift access until \w+day, /);
    const anaMember = await findMemberByEmail(db(), 'ana@example.com');
    assert.ok(anaMember);
    assert.ok((await memberHistory(db(), anaMember.id)).some((e) => e.kind === 'gift-redeemed'));
    const staff = await makeStaff(t, 'editor');
    const onSupporter = await listMembers(db(), staff, { tier: supporter });
    assert.ok(
      onSupporter.members.some((m) => m.email === 'ana@example.com'),
      'the tier filter finds gift holders',
    );
    const onPatron = await listMembers(db(), staff, { tier: patron });
    assert.ok(!onPatron.members.some((m) => m.email === 'ana@example.com'));

    const { reader: buyerBrowser } = await signedInMember(t, 'buyer@example.com');
    const buyerAccount = await buyerBrowser.get('/account');
    assert.match(
      texts(buyerAccount.body, '.gifts-given li')[0] ?? '',
      /^6 months of Supporter to Ana \(ana@example\.com\), .*: redeemed$/,
    );
    await updateSettings({ db: db(), invalidation: t.invalidation }, SYSTEM.seed, { memberSignup: 'open' });
  });

  it('stacks a second gift on the same tier after the first, and a refund takes back only its months', async () => {
    const { reader: member } = await signedInMember(t, 'giver@example.com');
    const first = await buyGift(member, { recipient_email: 'stack@example.com', months: '1' });
    const second = await buyGift(member, { recipient_email: 'stack@example.com', months: '1' });
    const { reader: stack, memberId } = await signedInMember(t, 'stack@example.com');
    for (const path of [first.redeemPath, second.redeemPath]) {
      const done = await stack.submit(path, path, {});
      assert.equal(done.statusCode, 200, done.body);
    }
    const grants = await db()
      .selectFrom('complimentary_access')
      .select(['ends_at', 'removed_at', 'tier_id', 'source'])
      .where('member_id', '=', memberId)
      .orderBy('ends_at')
      .execute();
    assert.equal(grants.length, 2);
    const [one, two] = grants.map((g) => Date.parse(g.ends_at));
    assert.ok(one && two);
    assert.ok(Math.abs(one - (Date.now() + 30.5 * DAY)) < 3 * DAY, 'the first month from now');
    assert.ok(Math.abs(two - (Date.now() + 61 * DAY)) < 3 * DAY, 'the second after the first');
    assert.deepEqual(
      grants.map((g) => [g.tier_id, g.source]),
      [
        [supporter, 'gift'],
        [supporter, 'gift'],
      ],
    );

    // The second gift's payment refunded: its grant ends; the first month stays, announced at once.
    assert.match((await read(stack, forSupporters)).body, /Only Supporter members read this\./);
    await stripe.billing.refundPayment(second.sessionId);
    const left = await db()
      .selectFrom('complimentary_access')
      .select('ends_at')
      .where('member_id', '=', memberId)
      .where('removed_at', 'is', null)
      .execute();
    assert.deepEqual(
      left.map((g) => Date.parse(g.ends_at)),
      [one],
    );
    assert.ok((await memberHistory(db(), memberId)).some((e) => e.kind === 'gift-refunded'));
    await stripe.billing.refundPayment(first.sessionId);
    const lapsed = await read(stack, forSupporters);
    assert.doesNotMatch(lapsed.body, /Only Supporter members read this\./, 'the next page after the refund');

    // An unredeemed gift refunded can no longer be redeemed.
    const third = await buyGift(member, { recipient_email: 'late@example.com', months: '1' });
    await stripe.billing.refundPayment(third.sessionId);
    const refunded = await reader().get(third.redeemPath);
    assert.equal(refunded.statusCode, 410);
    assert.deepEqual(texts(refunded.body, 'h1'), ['This gift was refunded']);
    const account = await member.get('/account');
    assert.deepEqual(texts(account.body, '.gifts-given .gift-status'), ['refunded', 'refunded', 'refunded']);
  });

  it('mails the gift in the buyer’s language, ignores a partial refund, and acts once on a full refund sent twice', async () => {
    await updateSettings({ db: db(), invalidation: t.invalidation }, SYSTEM.seed, { locale: 'es' });
    let gift: Awaited<ReturnType<typeof buyGift>>;
    try {
      const { reader: member } = await signedInMember(t, 'tia@example.com');
      const sent = await member.submit(
        '/gift',
        '/gift',
        giftFields({ recipient_email: 'sobrina@example.com', months: '1' }),
      );
      const sessionId = sessionIdOf(sent.headers.location);
      await stripe.billing.pay(sessionId);
      await t.outbox.settled();
      const mail = smtp.received.filter((m) => m.to.includes('sobrina@example.com')).at(-1);
      assert.equal(mail?.subject, 'tia@example.com te regaló 1 mes de Gaceta');
      assert.match(mail?.text ?? '', /Su mensaje: «For the council stories/);
      gift = { sessionId, back: '', redeemPath: new URL(mail?.links[0] ?? '').pathname };
    } finally {
      await updateSettings({ db: db(), invalidation: t.invalidation }, SYSTEM.seed, { locale: 'en' });
    }
    const session = stripe.find('checkout.sessions', gift.sessionId);
    // A goodwill refund of part of the price leaves the gift as it was.
    await stripe.deliver('charge.refunded', {
      id: 'ch_partial',
      object: 'charge',
      payment_intent: session?.payment_intent,
      amount: 500,
      amount_refunded: 100,
      currency: 'usd',
      refunded: false,
    });
    const { reader: niece, memberId } = await signedInMember(t, 'sobrina@example.com');
    assert.equal((await niece.submit(gift.redeemPath, gift.redeemPath, {})).statusCode, 200);
    await stripe.billing.refundPayment(gift.sessionId);
    await stripe.billing.refundPayment(gift.sessionId);
    const refunds = (await memberHistory(db(), memberId)).filter((e) => e.kind === 'gift-refunded');
    assert.equal(refunds.length, 1, 'one refund recorded');
    assert.doesNotMatch((await read(niece, forSupporters)).body, /Only Supporter members read this\./);
  });

  it('says an expired gift has expired and an unknown link is no gift', async () => {
    const { reader: member } = await signedInMember(t, 'early@example.com');
    const gift = await buyGift(member, { recipient_email: 'slow@example.com', months: '12' });
    await db()
      .updateTable('gifts')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('recipient_email_normalized', '=', 'slow@example.com')
      .execute();
    const { reader: slow } = await signedInMember(t, 'slow@example.com');
    const page = await slow.get(gift.redeemPath);
    assert.equal(page.statusCode, 410);
    assert.deepEqual(texts(page.body, 'h1'), ['This gift has expired']);
    assert.deepEqual(texts((await slow.get('/gift/redeem')).body, '.gifts-waiting li'), []);
    const unknown = await slow.get(`/gift/redeem/${'x'.repeat(43)}`);
    assert.equal(unknown.statusCode, 404);
    assert.deepEqual(texts(unknown.body, 'h1'), ['We could not find this gift']);
    assert.equal((await slow.get('/gift/redeem/short')).statusCode, 400);
  });

  it('records a gift as a payment of its buyer: on their account, in the revenue dashboard once (not MRR), and refunded', async () => {
    const before = await thisWeek();
    const gift = await buyGift(reader(), {
      buyer_email: 'Payer@example.com',
      recipient_email: 'payee@example.com',
      months: '1',
    });
    const after = await thisWeek();
    assert.ok(before && after);
    assert.equal(usd(after.gifts) - usd(before.gifts), 500, 'the gift counted once, in the week it was paid');
    assert.deepEqual(after.mrr, before.mrr, 'a gift is no recurring revenue');
    assert.deepEqual(after.contributions, before.contributions);

    // The signed-out buyer is a member by their address, and their account lists what they paid.
    const { reader: payer, memberId } = await signedInMember(t, 'payer@example.com');
    assert.deepEqual(paymentRows((await payer.get('/account')).body), [['$5.00', 'Gift subscription']]);
    const profile = await staffApi<{ payments: Array<{ kind: string; amountPaid: number }> }>(
      'GET',
      `/members/${memberId}`,
    );
    assert.deepEqual(
      profile.payments.map((p) => [p.kind, p.amountPaid]),
      [['gift', 500]],
    );

    await stripe.billing.refundPayment(gift.sessionId);
    assert.deepEqual(paymentRows((await payer.get('/account')).body), [
      ['$5.00 ($5.00 refunded)', 'Gift subscription'],
    ]);
    assert.equal(usd((await thisWeek())?.gifts ?? []), usd(before.gifts), 'a refunded gift brought nothing');
    await updateSettings({ db: db(), invalidation: t.invalidation }, SYSTEM.seed, { locale: 'es' });
    try {
      assert.deepEqual(paymentRows((await payer.get('/account')).body), [
        ['USD 5.00 (USD 5.00 reembolsado)', 'Suscripción de regalo'],
      ]);
    } finally {
      await updateSettings({ db: db(), invalidation: t.invalidation }, SYSTEM.seed, { locale: 'en' });
    }
  });

  it('tells a gift from complimentary access on the members screen’s API, and puts gifts in both members’ data', async () => {
    const { reader: giver } = await signedInMember(t, 'aunt@example.com');
    const gift = await buyGift(giver, { recipient_email: 'holder@example.com', months: '6', message: 'Enjoy' });
    const { reader: holder, memberId } = await signedInMember(t, 'holder@example.com');
    assert.equal((await holder.submit(gift.redeemPath, gift.redeemPath, {})).statusCode, 200);

    type Listed = {
      email: string;
      complimentaryUntil: string | null;
      gift: { tierName: string; until: string } | null;
    };
    const find = async (query: string) =>
      (await staffApi<{ members: Listed[] }>('GET', `/members?q=holder${query}`)).members;
    const [listed] = await find('');
    assert.equal(listed?.complimentaryUntil, null, 'a gift is not complimentary access');
    assert.equal(listed?.gift?.tierName, 'Supporter');
    assert.ok(Math.abs(Date.parse(listed?.gift?.until ?? '') - (Date.now() + 182 * DAY)) < 4 * DAY);
    assert.deepEqual(await find('&status=complimentary'), []);
    assert.equal((await find('&status=paid')).length, 1);

    const endsAt = new Date(Date.now() + 30 * DAY).toISOString();
    await staffApi('POST', `/members/${memberId}/complimentary`, { endsAt, note: 'Source' });
    const [both] = await find('&status=complimentary');
    assert.equal(both?.complimentaryUntil, endsAt);
    assert.equal(both?.gift?.tierName, 'Supporter');
    const profile = await staffApi<{ grants: Array<{ source: string; tierName: string | null; note: string }> }>(
      'GET',
      `/members/${memberId}`,
    );
    assert.deepEqual(
      profile.grants.map((g) => [g.source, g.tierName, g.note]),
      [
        ['gift', 'Supporter', ''],
        ['staff', null, 'Source'],
      ],
    );

    type GiftData = { given?: Array<Record<string, unknown>>; received?: Array<Record<string, unknown>> };
    const dataOf = async (browser: ReaderBrowser) =>
      JSON.parse((await browser.get('/account/data')).body) as { gifts?: GiftData };
    const received = (await dataOf(holder)).gifts?.received ?? [];
    assert.deepEqual(
      received.map((g) => [g.from, g.tier, g.months, g.message, g.redeemedByYou, Boolean(g.redeemedAt)]),
      [['aunt@example.com', 'Supporter', 6, 'Enjoy', true, true]],
    );
    const given = (await dataOf(giver)).gifts?.given ?? [];
    assert.deepEqual(
      given.map((g) => [g.recipientEmail, g.tier, g.months, g.amount, g.currency, Boolean(g.paidAt)]),
      [['holder@example.com', 'Supporter', 6, 3000, 'usd', true]],
    );
    assert.ok(!JSON.stringify(given).includes('cs_test_'), 'no Stripe ids or token hashes');
  });

  it('deletes gifts whose Checkout was abandoned a week ago, in the sweep, and keeps the rest', async () => {
    const setOut = async (recipient: string) => {
      const sent = await reader().submit('/gift', '/gift', giftFields({ recipient_email: recipient }));
      assert.equal(sent.statusCode, 303, sent.body);
    };
    await setOut('abandoned@example.com');
    await setOut('pondering@example.com');
    const paid = await buyGift(reader(), { recipient_email: 'kept@example.com' });
    const eightDaysAgo = new Date(Date.now() - 8 * DAY).toISOString();
    await db()
      .updateTable('gifts')
      .set({ created_at: eightDaysAgo })
      .where('recipient_email_normalized', 'in', ['abandoned@example.com', 'kept@example.com'])
      .execute();
    const recipients = async () =>
      (
        await db()
          .selectFrom('gifts')
          .select('recipient_email_normalized')
          .where('recipient_email_normalized', 'in', [
            'abandoned@example.com',
            'pondering@example.com',
            'kept@example.com',
          ])
          .orderBy('recipient_email_normalized')
          .execute()
      ).map((row) => row.recipient_email_normalized);
    assert.deepEqual(await recipients(), ['abandoned@example.com', 'kept@example.com', 'pondering@example.com']);
    await sweepStripeEvents(
      { db: db(), invalidation: t.invalidation, outbox: t.outbox, publicUrl: 'https://news.example' },
      t.app.log,
    );
    assert.deepEqual(await recipients(), ['kept@example.com', 'pondering@example.com']);
    // A week later the one still pondering is gone too; the paid one stays redeemable.
    await sweepStripeEvents(
      { db: db(), invalidation: t.invalidation, outbox: t.outbox, publicUrl: 'https://news.example' },
      t.app.log,
      new Date(Date.now() + 8 * DAY),
    );
    assert.deepEqual(await recipients(), ['kept@example.com']);
    assert.equal((await reader().get(paid.redeemPath)).statusCode, 200);
  });

  it('stacks two redemptions made at the same moment one after the other', async () => {
    const { reader: member } = await signedInMember(t, 'twice-giver@example.com');
    const first = await buyGift(member, { recipient_email: 'twice@example.com', months: '1' });
    const second = await buyGift(member, { recipient_email: 'twice@example.com', months: '1' });
    const one = await signedInMember(t, 'twice@example.com');
    const other = await signedInMember(t, 'twice@example.com');
    const forms = await Promise.all([one.reader.get(first.redeemPath), other.reader.get(second.redeemPath)]);
    assert.ok(forms.every((form) => form.statusCode === 200));
    const done = await Promise.all([
      one.reader.submit(first.redeemPath, first.redeemPath, {}),
      other.reader.submit(second.redeemPath, second.redeemPath, {}),
    ]);
    assert.deepEqual(
      done.map((page) => page.statusCode),
      [200, 200],
    );
    const ends = (await giftGrants(one.memberId)).map((grant) => Date.parse(grant.ends_at));
    assert.equal(ends.length, 2);
    assert.ok(Math.abs((ends[0] ?? 0) - (Date.now() + 30.5 * DAY)) < 3 * DAY, 'one month from now');
    assert.ok(Math.abs((ends[1] ?? 0) - (Date.now() + 61 * DAY)) < 3 * DAY, 'the other after it, not beside it');
  });

  it('moves the rest of a stack up by what a refunded first gift had left', async () => {
    const { reader: member } = await signedInMember(t, 'stack-giver@example.com');
    const first = await buyGift(member, { recipient_email: 'stacked@example.com', months: '1' });
    const second = await buyGift(member, { recipient_email: 'stacked@example.com', months: '6' });
    const { reader: stacked, memberId } = await signedInMember(t, 'stacked@example.com');
    for (const path of [first.redeemPath, second.redeemPath])
      assert.equal((await stacked.submit(path, path, {})).statusCode, 200);
    const [, stackedEnd] = (await giftGrants(memberId)).map((grant) => Date.parse(grant.ends_at));
    assert.ok(stackedEnd && Math.abs(stackedEnd - (Date.now() + 212 * DAY)) < 4 * DAY, 'seven months in all');

    await stripe.billing.refundPayment(first.sessionId);
    const grants = await giftGrants(memberId);
    assert.ok(grants[0]?.removed_at, 'the refunded gift ended');
    const left = Date.parse(grants[1]?.ends_at ?? '');
    assert.equal(grants[1]?.removed_at, null);
    assert.ok(
      Math.abs(left - (Date.now() + 182 * DAY)) < 4 * DAY,
      `six months from now, not seven: ${grants[1]?.ends_at}`,
    );
    assert.match((await read(stacked, forSupporters)).body, /Only Supporter members read this\./);
  });
});
