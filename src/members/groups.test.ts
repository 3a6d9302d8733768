import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'node-html-parser';
import { updateSettings } from '../settings/settings.service.ts';
import { SYSTEM } from '../staff/actor.ts';
import { TEST_DIALECT, type TestApp } from '../testing/harness.ts';
import { signedInMember } from '../testing/member-browser.ts';
import { ReaderBrowser } from '../testing/reader-browser.ts';
import type { TestSmtp } from '../testing/smtp.ts';
import type { StripeStandIn } from '../testing/stripe.ts';
import { startSupporterSite, type SupporterSite } from '../testing/supporter-site.ts';

const texts = (body: string, selector: string): string[] =>
  parse(body)
    .querySelectorAll(selector)
    .map((node) => node.textContent.replace(/\s+/g, ' ').trim());

/*
 * Group subscriptions as their users meet them, over HTTP, with Stripe's and the mail server's
 * stand-ins: a university's editor buys seats, invites readers by email or lets its domain join,
 * removes members, changes the seat count in Stripe's portal, and the subscription ends.
 */
describe(`group subscriptions over HTTP on ${TEST_DIALECT}`, () => {
  let site: SupporterSite;
  let smtp: TestSmtp;
  let stripe: StripeStandIn;
  let t: TestApp;
  let ip = 0;
  let priceId = '';
  let story = '';
  let groupId = '';
  let subscriptionId = '';
  let staffHeaders: Record<string, string> = {};
  const SECRET = /Only Supporter members read this sentence/;
  const db = () => t.database.handle.db;
  const browser = () => new ReaderBrowser(t, `10.24.0.${++ip}`);
  const groupPage = () => `/account/groups/${groupId}`;
  const staffApi = async <T>(url: string): Promise<T> => {
    const answer = await t.app.inject({ method: 'GET', url: `/admin/api${url}`, headers: staffHeaders });
    assert.equal(answer.statusCode, 200, answer.body);
    return answer.json<T>();
  };
  const staffGroup = async () =>
    (await staffApi<{ groups: Array<Record<string, unknown>> }>('/groups')).groups.find((g) => g.id === groupId);
  /** The last mail sent to an address, and its link's path. */
  const lastLink = async (email: string): Promise<string> => {
    await t.outbox.settled();
    const mail = smtp.received.filter((m) => m.to.some((to) => to.toLowerCase() === email)).at(-1);
    assert.ok(mail?.links[0], `a mail to ${email}`);
    const url = new URL(mail.links[0]);
    return url.pathname + url.search;
  };
  const reads = async (reader: ReaderBrowser): Promise<boolean> => SECRET.test((await reader.get(story)).body);
  /** An admin's form on the group page, sent. */
  const adminForm = (reader: ReaderBrowser, action: string, fields: Record<string, string> = {}) =>
    reader.submit(groupPage(), `${groupPage()}${action}`, fields);

  let boss: { reader: ReaderBrowser; memberId: string };
  let ana: ReaderBrowser;

  before(async () => {
    site = await startSupporterSite('Campus');
    ({ t, smtp, stripe, staffHeaders, priceId, story } = site);
    boss = await signedInMember(t, 'boss@uni.example');
  });
  after(async () => {
    await site.close();
  });

  it('is offered from the pricing page, and asks a signed-out reader to sign in first', async () => {
    const pricing = await browser().get('/pricing');
    assert.ok(parse(pricing.body).querySelector('a[href="/groups/new"]'));
    const anonymous = await browser().get('/groups/new');
    assert.equal(anonymous.statusCode, 200);
    assert.ok(parse(anonymous.body).querySelector('a[href="/signin?from=%2Fgroups%2Fnew"]'));
    assert.equal(parse(anonymous.body).querySelector('form[action="/groups/new"]'), null);
  });

  it('refuses a bad form with 400 and says why, in English and in Spanish, asking Stripe for nothing', async () => {
    const before = stripe.requests.length;
    const bad = { name: '', price: 'nope', seats: '1', domain: 'not a domain' };
    const english = await boss.reader.submit('/groups/new', '/groups/new', bad);
    assert.equal(english.statusCode, 400);
    assert.deepEqual(texts(english.body, '.problems li'), [
      'Give the organisation a name of at most 120 characters.',
      'Choose between 2 and 1000 seats.',
      '“not a domain” is not an email domain. Write it as example.org.',
      'Choose one of the plans offered.',
    ]);
    await updateSettings({ db: db(), invalidation: t.invalidation }, SYSTEM.seed, { locale: 'es' });
    try {
      const spanish = await boss.reader.submit('/groups/new', '/groups/new', { ...bad, seats: '1001' });
      assert.equal(spanish.statusCode, 400);
      assert.deepEqual(texts(spanish.body, '.problems li'), [
        'Da a la organización un nombre de 120 caracteres como mucho.',
        'Elige entre 2 y 1000 lugares.',
        '“not a domain” no es un dominio de correo. Escríbelo como ejemplo.org.',
        'Elige uno de los planes ofrecidos.',
      ]);
    } finally {
      await updateSettings({ db: db(), invalidation: t.invalidation }, SYSTEM.seed, { locale: 'en' });
    }
    const forged = await boss.reader.request('POST', '/groups/new', {
      csrf: 'forged',
      name: 'X',
      price: priceId,
      seats: '3',
    });
    assert.equal(forged.statusCode, 403);
    assert.equal(stripe.creations('/v1/checkout/sessions').length, 0);
    assert.equal(stripe.requests.length, before, 'Stripe was asked nothing');
  });

  it('buys seats through Checkout (quantity = seats); the group opens nothing until paid, then its buyer holds a seat', async () => {
    const sent = await boss.reader.submit('/groups/new', '/groups/new', {
      name: 'Uni Press',
      price: priceId,
      seats: '3',
      domain: '@Uni.Example',
    });
    assert.equal(sent.statusCode, 303, sent.body);
    const sessionId = /\/checkout\/(cs_test_\w+)$/.exec(sent.headers.location ?? '')?.[1] ?? '';
    const request = stripe.creations('/v1/checkout/sessions').at(-1);
    assert.ok(sessionId && request);
    const params = request.params as Record<string, unknown>;
    assert.deepEqual(params.line_items, [{ price: stripe.list('prices')[0]?.id, quantity: '3' }]);
    const metadata = params.metadata as Record<string, string>;
    assert.equal(metadata.gaceta_kind, 'group');
    groupId = metadata.gaceta_group_id ?? '';
    assert.deepEqual((params.subscription_data as { metadata: unknown }).metadata, metadata);
    assert.equal(params.client_reference_id, boss.memberId);

    assert.equal(await reads(boss.reader), false, 'a group not paid for opens nothing');
    assert.equal((await boss.reader.get(groupPage())).statusCode, 200);
    assert.equal((await staffGroup())?.status, 'pending');

    const success = new URL(await stripe.billing.pay(sessionId));
    const done = await boss.reader.get(success.pathname + success.search);
    assert.equal(done.statusCode, 303);
    assert.equal(done.headers.location, `${groupPage()}?done=bought`);
    const page = await boss.reader.get(done.headers.location ?? '');
    assert.deepEqual(texts(page.body, '.seats'), ['1 of 3 seats taken']);
    assert.deepEqual(texts(page.body, '.group-members .email'), ['boss@uni.example']);
    assert.match(page.body, /Anyone with a verified address at uni\.example may take a free seat\./);
    assert.deepEqual(texts(page.body, '.join-link code'), [`https://news.example/groups/${groupId}/join`]);
    assert.equal(await reads(boss.reader), true, 'the buyer reads through their seat');
    const account = await boss.reader.get('/account');
    assert.deepEqual(texts(account.body, '.managed-group'), ['Uni Press · 1 of 3 seats taken']);
    assert.equal(parse(account.body).querySelector('.managed-group a')?.getAttribute('href'), groupPage());
    subscriptionId = stripe.list('subscriptions').at(-1)?.id ?? '';

    const listed = await staffGroup();
    assert.deepEqual(
      { ...listed, createdAt: undefined },
      {
        id: groupId,
        name: 'Uni Press',
        tierName: 'Supporter',
        seats: 3,
        seatsTaken: 1,
        emailDomain: 'uni.example',
        status: 'active',
        subscriptionStatus: 'active',
        adminEmail: 'boss@uni.example',
        createdAt: undefined,
      },
    );
    // Revenue counts the seats once: $5 × 3 a month.
    const revenue = await staffApi<{ weeks: Array<{ mrr: unknown }> }>('/revenue?weeks=1');
    assert.deepEqual(revenue.weeks.at(-1)?.mrr, [{ currency: 'usd', amount: 1500 }]);
  });

  it('invites by email; the invitee signs up from the mail even when sign-up is by invitation, takes a seat and reads', async () => {
    const wrong = await adminForm(boss.reader, '/invites', { emails: 'ana@else.example, not-an-address' });
    assert.equal(wrong.statusCode, 400);
    assert.deepEqual(texts(wrong.body, '.problem'), [
      'These are not email addresses: not-an-address. Nothing was sent; correct them and send again.',
    ]);
    const empty = await adminForm(boss.reader, '/invites', { emails: ' ' });
    assert.equal(empty.statusCode, 400);
    await t.outbox.settled();
    assert.equal(smtp.to('ana@else.example').length, 0);

    const sent = await adminForm(boss.reader, '/invites', {
      emails: 'Ana@else.example\nbeto@else.example; boss@uni.example',
    });
    assert.equal(sent.statusCode, 200);
    assert.deepEqual(texts(sent.body, '.notice'), [
      'Invitations sent: 2. Already members, not invited again: boss@uni.example.',
    ]);
    assert.deepEqual(texts(sent.body, '.group-invites .email'), ['beto@else.example', 'Ana@else.example']);
    const invite = await lastLink('ana@else.example');
    assert.match(invite, /^\/groups\/join\/[A-Za-z0-9_-]{43}$/);
    assert.match(smtp.to('Ana@else.example')[0]?.subject ?? '', /^Join Uni Press at /);

    await updateSettings({ db: db(), invalidation: t.invalidation }, SYSTEM.seed, { memberSignup: 'invitation' });
    try {
      // A stranger is sent nothing, whatever page they came from.
      await browser().submit('/signup', '/signin', { email: 'stranger@else.example', name: 'S', from: invite });
      await t.outbox.settled();
      assert.equal(smtp.to('stranger@else.example').length, 0);

      ana = browser();
      const landing = await ana.get(invite);
      assert.equal(landing.statusCode, 200);
      assert.deepEqual(texts(landing.body, 'h1'), ['Join Uni Press']);
      const signUp = (parse(landing.body).querySelector('a.button')?.getAttribute('href') ?? '').replace(/&amp;/g, '&');
      assert.equal(signUp, `/signup?from=${encodeURIComponent(invite)}&email=Ana%40else.example`);
      const asked = await ana.submit(signUp, '/signin', { email: 'Ana@else.example', name: 'Ana', from: invite });
      assert.equal(asked.statusCode, 200);
      const followed = await ana.get(await lastLink('ana@else.example'));
      assert.equal(followed.statusCode, 303);
      assert.equal(followed.headers.location, invite, 'the emailed link brings her back to the invitation');
      const made = await db()
        .selectFrom('members')
        .select('attribution')
        .where('email_normalized', '=', 'ana@else.example')
        .executeTakeFirstOrThrow();
      assert.equal(made.attribution, '/groups/join', 'the invitation’s token is not kept as where she came from');
    } finally {
      await updateSettings({ db: db(), invalidation: t.invalidation }, SYSTEM.seed, { memberSignup: 'open' });
    }
    assert.equal(await reads(ana), false);
    const accepted = await ana.submit(invite, invite, {});
    assert.equal(accepted.statusCode, 200, accepted.body);
    assert.deepEqual(texts(accepted.body, 'h1'), ['Welcome to the group']);
    assert.equal(await reads(ana), true, 'her next page reads the Supporter story');
    const again = await ana.get(invite);
    assert.equal(again.statusCode, 410);
    assert.match(again.body, /This invitation was already accepted\. It works only once\./);
  });

  it('refuses an invite opened by another account, and a full group, keeping the invite for later', async () => {
    const betoInvite = await lastLink('beto@else.example');
    const intruder = await signedInMember(t, 'intruder@else.example');
    const refused = await intruder.reader.get(betoInvite);
    assert.equal(refused.statusCode, 403);
    assert.match(
      refused.body,
      /This invitation is for beto@else\.example, but you are signed in as intruder@else\.example\./,
    );

    const beto = await signedInMember(t, 'beto@else.example');
    assert.equal((await beto.reader.submit(betoInvite, betoInvite, {})).statusCode, 200);
    assert.deepEqual(texts((await boss.reader.get(groupPage())).body, '.seats'), ['3 of 3 seats taken']);

    await adminForm(boss.reader, '/invites', { emails: 'carla@else.example' });
    const carlaInvite = await lastLink('carla@else.example');
    const carla = await signedInMember(t, 'carla@else.example');
    const full = await carla.reader.submit(carlaInvite, carlaInvite, {});
    assert.equal(full.statusCode, 409);
    assert.deepEqual(texts(full.body, 'h1'), ['The group is full']);
    assert.equal(await reads(carla.reader), false);
    assert.equal((await carla.reader.get(carlaInvite)).statusCode, 200, 'the invite still works once a seat frees');
  });

  it('shows the group to its admin only: anyone else gets a 404, and a forged form does nothing', async () => {
    const notYours = await ana.get(groupPage());
    assert.equal(notYours.statusCode, 404);
    assert.deepEqual(texts(notYours.body, 'h1'), ['There is no such group']);
    assert.equal((await ana.get('/account/groups/not-a-group')).statusCode, 404);
    // Ana's own form token, from her account page, on the admin's removal form.
    const csrf = /name="csrf" value="([^"]+)"/.exec((await ana.get('/account')).body)?.[1] ?? '';
    const removal = await ana.request('POST', `${groupPage()}/members/${boss.memberId}/remove`, { csrf });
    assert.equal(removal.statusCode, 404);
    const forged = await boss.reader.request('POST', `${groupPage()}/invites`, {
      csrf: 'forged',
      emails: 'x@else.example',
    });
    assert.equal(forged.statusCode, 403);
    assert.equal((await browser().get(groupPage())).statusCode, 303);
    assert.deepEqual(texts((await boss.reader.get(groupPage())).body, '.seats'), ['3 of 3 seats taken']);
  });

  it('withdrawn, used, expired and unknown invites say why', async () => {
    await adminForm(boss.reader, '/invites', { emails: 'gina@else.example, hugo@else.example' });
    const gina = await lastLink('gina@else.example');
    const hugo = await lastLink('hugo@else.example');
    const page = await boss.reader.get(groupPage());
    const ginaRow = parse(page.body)
      .querySelectorAll('.group-invites li')
      .find((li) => li.textContent.includes('gina@else.example'));
    const revoke = ginaRow?.querySelector('form')?.getAttribute('action') ?? '';
    assert.equal((await boss.reader.submit(groupPage(), revoke, {})).statusCode, 303);
    const withdrawn = await browser().get(gina);
    assert.equal(withdrawn.statusCode, 410);
    assert.match(withdrawn.body, /This invitation was withdrawn by the group’s administrator\./);
    await db()
      .updateTable('group_invites')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('email_normalized', '=', 'hugo@else.example')
      .execute();
    const expired = await browser().get(hugo);
    assert.equal(expired.statusCode, 410);
    assert.match(expired.body, /This invitation has expired\./);
    assert.equal((await browser().get('/groups/join/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')).statusCode, 404);
  });

  it('lets a verified address at the domain join, refuses other domains and a full group with clear words', async () => {
    const dave = await signedInMember(t, 'dave@uni.example');
    const account = await dave.reader.get('/account');
    assert.deepEqual(texts(account.body, '.joinable-group'), [], 'a full group is not offered');
    const full = await dave.reader.submit(`/groups/${groupId}/join`, `/groups/${groupId}/join`, {});
    assert.equal(full.statusCode, 409);

    // The admin frees a seat: Beto's access ends.
    const beto = (
      await db()
        .selectFrom('members')
        .select('id')
        .where('email_normalized', '=', 'beto@else.example')
        .executeTakeFirstOrThrow()
    ).id;
    assert.equal((await adminForm(boss.reader, `/members/${beto}/remove`)).statusCode, 303);
    const offered = await dave.reader.get('/account');
    assert.deepEqual(texts(offered.body, '.joinable-group'), [
      'Uni Press offers Supporter to addresses like yours. Take a seat',
    ]);

    const eve = await signedInMember(t, 'eve@other.example');
    const refused = await eve.reader.get(`/groups/${groupId}/join`);
    assert.equal(refused.statusCode, 403);
    assert.match(
      refused.body,
      /Only addresses at uni\.example may join this group, and your account’s address is eve@other\.example\./,
    );
    // Eve's own form token (from the buying page, of the same scope) on the join form: refused by her domain.
    const csrf = /name="csrf" value="([^"]+)"/.exec((await eve.reader.get('/groups/new')).body)?.[1] ?? '';
    const posted = await eve.reader.request('POST', `/groups/${groupId}/join`, { csrf });
    assert.equal(posted.statusCode, 403);
    assert.deepEqual(texts(posted.body, 'h1'), ['This group is for another domain']);

    assert.equal(await reads(dave.reader), false);
    const joined = await dave.reader.submit(`/groups/${groupId}/join`, `/groups/${groupId}/join`, {});
    assert.equal(joined.statusCode, 200);
    assert.equal(await reads(dave.reader), true);
    const already = await dave.reader.get(`/groups/${groupId}/join`);
    assert.deepEqual(texts(already.body, 'h1'), ['You are already a member']);

    // Removed, Dave's next page no longer reads the story: his cookie's claim is checked again.
    const daveId = (
      await db()
        .selectFrom('members')
        .select('id')
        .where('email_normalized', '=', 'dave@uni.example')
        .executeTakeFirstOrThrow()
    ).id;
    assert.equal((await adminForm(boss.reader, `/members/${daveId}/remove`)).statusCode, 303);
    assert.equal(await reads(dave.reader), false);
    const history = await staffApi<{ history: Array<{ kind: string }> }>(`/members/${daveId}`);
    assert.deepEqual(
      history.history.map((event) => event.kind).filter((kind) => kind.startsWith('group-')),
      ['group-left', 'group-joined'],
    );
  });

  it('takes the seat count from Stripe’s quantity: lowered below those seated, nobody is removed and nobody new joins', async () => {
    await adminForm(boss.reader, '/invites', { emails: 'ivan@uni.example' });
    const ivan = await signedInMember(t, 'ivan@uni.example');
    assert.equal(
      (await ivan.reader.submit(await lastLink('ivan@uni.example'), await lastLink('ivan@uni.example'), {})).statusCode,
      200,
    );
    await stripe.billing.changeQuantity(subscriptionId, 2);
    const page = await boss.reader.get(groupPage());
    assert.deepEqual(texts(page.body, '.seats'), ['3 of 2 seats taken']);
    assert.match(texts(page.body, '.over')[0] ?? '', /^1 more seats are taken than you pay for: nobody was removed/);
    assert.equal(await reads(ivan.reader), true);
    const jon = await signedInMember(t, 'jon@uni.example');
    assert.equal((await jon.reader.submit(`/groups/${groupId}/join`, `/groups/${groupId}/join`, {})).statusCode, 409);
    await stripe.billing.changeQuantity(subscriptionId, 5);
    assert.deepEqual(texts((await boss.reader.get(groupPage())).body, '.seats'), ['3 of 5 seats taken']);
    assert.equal((await staffGroup())?.seats, 5);
    const revenue = await staffApi<{ weeks: Array<{ mrr: unknown }> }>('/revenue?weeks=1');
    assert.deepEqual(revenue.weeks.at(-1)?.mrr, [{ currency: 'usd', amount: 2500 }]);
  });

  it('gives the buyer nothing through the subscription itself: without a seat, the story is closed to them too', async () => {
    const paid = async () =>
      (await staffApi<{ members: Array<{ email: string }> }>('/members?status=paid')).members
        .map((m) => m.email)
        .sort();
    assert.deepEqual(await paid(), ['Ana@else.example', 'boss@uni.example', 'ivan@uni.example']);
    assert.equal((await adminForm(boss.reader, `/members/${boss.memberId}/remove`)).statusCode, 303);
    assert.equal(await reads(boss.reader), false);
    assert.deepEqual(await paid(), ['Ana@else.example', 'ivan@uni.example']);
    // The admin may take a seat again by the domain, like anyone at it.
    assert.equal((await boss.reader.submit(`/groups/${groupId}/join`, `/groups/${groupId}/join`, {})).statusCode, 200);
    assert.equal(await reads(boss.reader), true);
  });

  it('lets a member leave the group from their account page; their next page is closed', async () => {
    const ivan = await signedInMember(t, 'ivan@uni.example');
    assert.equal(await reads(ivan.reader), true);
    const account = await ivan.reader.get('/account');
    assert.deepEqual(texts(account.body, '.seated-group p'), [
      'You hold a seat in Uni Press (Supporter). Leave the group',
    ]);
    const left = await ivan.reader.submit('/account', `/account/groups/${groupId}/leave`, {});
    assert.equal(left.statusCode, 200);
    assert.deepEqual(texts(left.body, 'h1'), ['You left the group']);
    assert.equal(await reads(ivan.reader), false);
    assert.equal((await ivan.reader.submit('/account', `/account/groups/${groupId}/leave`, {})).statusCode, 404);
  });

  it('closes every seat when the group’s subscription ends', async () => {
    assert.equal(await reads(ana), true);
    await stripe.billing.endSubscription(subscriptionId);
    assert.equal(await reads(ana), false);
    assert.equal(await reads(boss.reader), false);
    assert.equal((await staffGroup())?.status, 'ended');
    const page = await boss.reader.get(groupPage());
    assert.deepEqual(texts(page.body, '.group-status'), ['ended: its seats open nothing']);
    assert.deepEqual((await staffApi<{ members: Array<{ email: string }> }>('/members?status=paid')).members, []);
  });
});
