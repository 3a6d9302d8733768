import assert from 'node:assert/strict';
import { after, before, describe, it, mock } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { parse } from 'node-html-parser';
import { updateSettings } from '../settings/settings.service.ts';
import { SYSTEM } from '../staff/actor.ts';
import { TEST_DIALECT, type TestApp } from '../testing/harness.ts';
import { signedInMember } from '../testing/member-browser.ts';
import type { ReaderBrowser } from '../testing/reader-browser.ts';
import type { TestSmtp } from '../testing/smtp.ts';
import type { StripeStandIn } from '../testing/stripe.ts';
import { startSupporterSite, type SupporterSite } from '../testing/supporter-site.ts';

const texts = (body: string, selector: string): string[] =>
  parse(body)
    .querySelectorAll(selector)
    .map((node) => node.textContent.replace(/\s+/g, ' ').trim());
const DAY_MS = 86_400_000;

/*
 * A group subscription's upkeep, over HTTP with Stripe's and the mail server's stand-ins: purchases
 * never paid are swept away, invitations have a daily allowance, the revenue screen counts seat
 * holders, "Download my data" lists seats and managed groups, a failed renewal mails the buyer about
 * the group, and the buyer may still subscribe for themselves (and may not delete their account while
 * the group runs).
 */
describe(`a group subscription's upkeep over HTTP on ${TEST_DIALECT}`, () => {
  let site: SupporterSite;
  let smtp: TestSmtp;
  let stripe: StripeStandIn;
  let t: TestApp;
  let priceId = '';
  let story = '';
  let groupId = '';
  let groupSubscription = '';
  let staffHeaders: Record<string, string> = {};
  let boss: { reader: ReaderBrowser; memberId: string };
  let ana: { reader: ReaderBrowser; memberId: string };
  const SECRET = /Only Supporter members read this sentence/;
  const db = () => t.database.handle.db;
  const groupPage = () => `/account/groups/${groupId}`;
  const reads = async (reader: ReaderBrowser): Promise<boolean> => SECRET.test((await reader.get(story)).body);
  const staffApi = async <T>(url: string): Promise<T> => {
    const answer = await t.app.inject({ method: 'GET', url: `/admin/api${url}`, headers: staffHeaders });
    assert.equal(answer.statusCode, 200, answer.body);
    return answer.json<T>();
  };
  const staffGroups = async () =>
    (await staffApi<{ groups: Array<{ id: string; name: string; status: string }> }>('/groups')).groups;
  const paidThisWeek = async () =>
    (await staffApi<{ weeks: Array<{ paidMembers: number; mrr: unknown }> }>('/revenue?weeks=1')).weeks.at(-1);
  const mailsTo = async (email: string) => {
    await t.outbox.settled();
    return smtp.to(email);
  };
  /** Starts buying a group from the form; the Checkout session's id and the group's. */
  const startGroup = async (name: string, seats: string) => {
    const sent = await boss.reader.submit('/groups/new', '/groups/new', { name, price: priceId, seats, domain: '' });
    assert.equal(sent.statusCode, 303, sent.body);
    const sessionId = /\/checkout\/(cs_test_\w+)$/.exec(sent.headers.location ?? '')?.[1] ?? '';
    const metadata = (stripe.creations('/v1/checkout/sessions').at(-1)?.params as { metadata: Record<string, string> })
      .metadata;
    return { sessionId, groupId: metadata.gaceta_group_id ?? '' };
  };
  const deleteAccount = (reader: ReaderBrowser, confirm: string) =>
    reader.submit('/account', '/account/delete', { confirm });

  before(async () => {
    // The sweep runs every minute on setInterval: the test moves that clock by hand.
    mock.timers.enable({ apis: ['setInterval'] });
    site = await startSupporterSite('Lab');
    ({ t, smtp, stripe, staffHeaders, priceId, story } = site);
    boss = await signedInMember(t, 'boss@lab.example');
    ana = await signedInMember(t, 'ana@else.example');
  });
  after(async () => {
    mock.timers.reset();
    await site.close();
  });

  it('buys two seats; an invitee takes the second', async () => {
    const started = await startGroup('Lab Press', '2');
    groupId = started.groupId;
    const success = new URL(await stripe.billing.pay(started.sessionId));
    assert.equal((await boss.reader.get(success.pathname + success.search)).statusCode, 303);
    groupSubscription = stripe.list('subscriptions').at(-1)?.id ?? '';
    assert.equal(
      (await boss.reader.submit(groupPage(), `${groupPage()}/invites`, { emails: 'ana@else.example' })).statusCode,
      200,
    );
    const invite = new URL((await mailsTo('ana@else.example')).at(-1)?.links[0] ?? '').pathname;
    assert.equal((await ana.reader.submit(invite, invite, {})).statusCode, 200);
    assert.equal(await reads(ana.reader), true);
  });

  it('forgets a purchase never paid after a week: the staff list shows only recent ones waiting, and the sweep deletes the old', async () => {
    const old = await startGroup('Old Abandoned Co', '5');
    const recent = await startGroup('Recent Co', '4');
    await db()
      .updateTable('member_groups')
      .set({ created_at: new Date(Date.now() - 8 * DAY_MS).toISOString() })
      .where('id', '=', old.groupId)
      .execute();
    const listed = await staffGroups();
    assert.deepEqual(
      listed.map((group) => [group.name, group.status]),
      [
        ['Recent Co', 'pending'],
        ['Lab Press', 'active'],
      ],
    );

    mock.timers.tick(60_000);
    const gone = async () =>
      (await db().selectFrom('member_groups').select('id').where('id', '=', old.groupId).executeTakeFirst()) ===
      undefined;
    for (let i = 0; i < 100 && !(await gone()); i++) await sleep(20);
    assert.equal(await gone(), true, 'the sweep deleted the group abandoned a week ago');
    const left = await db().selectFrom('member_groups').select('id').orderBy('created_at').execute();
    assert.deepEqual(
      left.map((row) => row.id).sort(),
      [groupId, recent.groupId].sort(),
      'the paid group and the recent purchase stay',
    );
    assert.equal((await boss.reader.get(`/account/groups/${old.groupId}`)).statusCode, 404);
  });

  it('lets a group mail at most three invitations a seat a day (ten at least), saying so in English and Spanish', async () => {
    // One invitation (Ana's) went out today; ten are allowed for two seats.
    const nine = Array.from({ length: 9 }, (_, i) => `guest${i}@else.example`).join(', ');
    const sent = await boss.reader.submit(groupPage(), `${groupPage()}/invites`, { emails: nine });
    assert.equal(sent.statusCode, 200, sent.body);
    assert.deepEqual(texts(sent.body, '.notice'), ['Invitations sent: 9.']);

    const over = await boss.reader.submit(groupPage(), `${groupPage()}/invites`, { emails: 'late@else.example' });
    assert.equal(over.statusCode, 429);
    assert.deepEqual(texts(over.body, '.problem'), [
      'This group may send 10 invitations a day (three for each seat); 0 are left today. Nothing was sent: invite fewer addresses now, or the rest tomorrow.',
    ]);
    await updateSettings({ db: db(), invalidation: t.invalidation }, SYSTEM.seed, { locale: 'es' });
    try {
      const spanish = await boss.reader.submit(groupPage(), `${groupPage()}/invites`, { emails: 'late@else.example' });
      assert.equal(spanish.statusCode, 429);
      assert.deepEqual(texts(spanish.body, '.problem'), [
        'Este grupo puede enviar 10 invitaciones al día (tres por cada lugar); hoy quedan 0. No se envió nada: invita ahora a menos direcciones, o al resto mañana.',
      ]);
    } finally {
      await updateSettings({ db: db(), invalidation: t.invalidation }, SYSTEM.seed, { locale: 'en' });
    }
    assert.equal((await mailsTo('late@else.example')).length, 0);

    // A day later the allowance is whole again.
    await db()
      .updateTable('group_invites')
      .set({ created_at: new Date(Date.now() - DAY_MS - 1000).toISOString() })
      .where('group_id', '=', groupId)
      .execute();
    const tomorrow = await boss.reader.submit(groupPage(), `${groupPage()}/invites`, { emails: 'late@else.example' });
    assert.equal(tomorrow.statusCode, 200);
    assert.equal((await mailsTo('late@else.example')).length, 1);
  });

  it('lets the buyer subscribe for themselves: the group’s subscription is not theirs; revenue counts each reader once', async () => {
    assert.deepEqual(await paidThisWeek(), {
      ...(await paidThisWeek()),
      paidMembers: 2,
      mrr: [{ currency: 'usd', amount: 1000 }],
    });
    const page = await boss.reader.get(`/subscribe?price=${priceId}`);
    assert.equal(page.statusCode, 200);
    assert.equal(texts(page.body, 'h1').includes('You already subscribe'), false);
    assert.ok(parse(page.body).querySelector('form[action="/subscribe"]'), 'the page offers to subscribe');

    const sent = await boss.reader.submit(`/subscribe?price=${priceId}`, '/subscribe', { price: priceId });
    assert.equal(sent.statusCode, 303);
    const sessionId = /\/checkout\/(cs_test_\w+)$/.exec(sent.headers.location ?? '')?.[1] ?? '';
    assert.ok(sessionId, sent.headers.location);
    const success = new URL(await stripe.billing.pay(sessionId));
    await boss.reader.get(success.pathname + success.search);
    const now = await paidThisWeek();
    assert.equal(now?.paidMembers, 2, 'the buyer, seated and subscribed, counts once');
    assert.deepEqual(now?.mrr, [{ currency: 'usd', amount: 1500 }]);
    assert.deepEqual(texts((await boss.reader.get(`/subscribe?price=${priceId}`)).body, 'h1'), [
      'You already subscribe',
    ]);
    const account = await boss.reader.get('/account');
    assert.deepEqual(
      texts(account.body, '.subscriptions li p:first-child'),
      ['Supporter · $5.00 a month', 'Supporter · $10.00 a month · the seats of Lab Press'],
      'the account page tells the group’s subscription from their own',
    );
  });

  it('counts a seat holder as paid, and the buyer without a seat not at all', async () => {
    const left = await ana.reader.submit('/account', `/account/groups/${groupId}/leave`, {});
    assert.equal(left.statusCode, 200);
    assert.equal((await paidThisWeek())?.paidMembers, 1, 'the buyer, through their own subscription');
    const members = await staffApi<{ members: Array<{ email: string }> }>('/members?status=paid');
    assert.deepEqual(
      members.members.map((member) => member.email),
      ['boss@lab.example'],
      'the members screen agrees (access-query.ts)',
    );
    const invite = async () => {
      await boss.reader.submit(groupPage(), `${groupPage()}/invites`, { emails: 'ana@else.example' });
      return new URL((await mailsTo('ana@else.example')).at(-1)?.links[0] ?? '').pathname;
    };
    const link = await invite();
    assert.equal((await ana.reader.submit(link, link, {})).statusCode, 200);
    assert.equal((await paidThisWeek())?.paidMembers, 2);
  });

  it('puts seats and managed groups in “Download my data”', async () => {
    const mine = (await boss.reader.get('/account/data')).json() as {
      groups: { managed: Array<Record<string, unknown>>; seats: Array<Record<string, unknown>> };
    };
    assert.deepEqual(
      mine.groups.managed.map(({ createdAt, ...group }) => (assert.ok(createdAt), group)),
      [
        { name: 'Lab Press', tier: 'Supporter', seats: 2, seatsTaken: 2, emailDomain: null, status: 'active' },
        { name: 'Recent Co', tier: 'Supporter', seats: 4, seatsTaken: 0, emailDomain: null, status: 'pending' },
      ],
    );
    assert.deepEqual(
      mine.groups.seats.map(({ group, leftAt }) => ({ group, leftAt })),
      [{ group: 'Lab Press', leftAt: null }],
    );
    const hers = (await ana.reader.get('/account/data')).json() as {
      groups: { managed: unknown[]; seats: Array<{ group: string; tier: string; joinedAt: string; leftAt: unknown }> };
    };
    assert.deepEqual(hers.groups.managed, []);
    assert.deepEqual(
      hers.groups.seats.map((seat) => [seat.group, seat.tier, typeof seat.joinedAt, seat.leftAt === null]),
      [
        ['Lab Press', 'Supporter', 'string', false],
        ['Lab Press', 'Supporter', 'string', true],
      ],
      'the seat she left and the one she holds',
    );
  });

  it('mails the buyer about the group when its renewal fails, in their language; its members keep reading', async () => {
    await stripe.billing.failPayment(groupSubscription);
    const [mail] = await mailsTo('boss@lab.example').then((all) =>
      all.filter((m) => /did not go through/.test(m.subject)),
    );
    assert.ok(mail, 'a mail about the failed payment');
    assert.equal(mail.subject, 'The payment for Lab Press’s seats at Gaceta did not go through');
    assert.match(mail.text, /group subscription of Lab Press to Gaceta \(2 seats\)/);
    assert.match(mail.text, /Its members keep reading while the payment is tried again/);
    assert.doesNotMatch(mail.text, /You keep reading/);
    assert.equal(await reads(ana.reader), true, 'the grace period keeps the seats open');

    await db().updateTable('members').set({ locale: 'es' }).where('id', '=', boss.memberId).execute();
    await stripe.billing.failPayment(groupSubscription);
    const spanish = (await mailsTo('boss@lab.example')).at(-1);
    assert.equal(spanish?.subject, 'No se pudo cobrar el pago de los lugares de Lab Press en Gaceta');
    assert.match(spanish?.text ?? '', /suscripción de grupo de Lab Press a Gaceta \(2 lugares\)/);
    assert.match(spanish?.text ?? '', /Sus miembros siguen leyendo/);
    await db().updateTable('members').set({ locale: null }).where('id', '=', boss.memberId).execute();
  });

  it('refuses to delete the buyer’s account while the group runs, saying why and how to cancel it', async () => {
    const own = stripe.list('subscriptions').find((sub) => sub.id !== groupSubscription);
    const subscribed = await deleteAccount(boss.reader, 'boss@lab.example');
    assert.equal(subscribed.statusCode, 400);
    assert.match(texts(subscribed.body, '.notice')[0] ?? '', /^Your subscription still gives you access/);
    await stripe.billing.endSubscription(String(own?.id));

    const refused = await deleteAccount(boss.reader, 'boss@lab.example');
    assert.equal(refused.statusCode, 400);
    assert.deepEqual(texts(refused.body, '.notice'), [
      'You manage Lab Press, whose subscription is still running, so your account was not deleted: Stripe would keep charging for its seats with nobody to manage them. Cancel the group’s subscription first with “Manage billing” (its members lose their seats when it ends), then delete your account.',
    ]);

    await stripe.billing.endSubscription(groupSubscription);
    const deleted = await deleteAccount(boss.reader, 'boss@lab.example');
    assert.equal(deleted.statusCode, 200, deleted.body);
    assert.equal(await reads(ana.reader), false, 'the group ended: her seat opens nothing');
  });
});
