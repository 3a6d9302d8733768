import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { Invalidation } from '../http/invalidation.ts';
import { parseCsv } from '../http/csv.ts';
import { memberAccessKey } from '../members/access-changes.ts';
import { accessClassOf } from '../members/access.ts';
import { ensureMember } from '../members/members.service.ts';
import { saveSubscriptionState } from '../members/subscription-mirror.ts';
import type { SubscriptionStatus } from '../members/subscriptions.ts';
import type { StaffActor } from '../staff/staff.service.ts';
import { makeStaff, signIn } from '../testing/factories.ts';
import { startTestApp, type TestApp } from '../testing/harness.ts';

const inAYear = () => new Date(Date.now() + 365 * 24 * 3600 * 1000).toISOString();

describe('the members screen’s API: find, read, give and remove complimentary access, export, import', () => {
  let t: TestApp;
  let editor: StaffActor;
  let headers: Record<string, string>;
  const purged: string[] = [];

  const api = (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown, extra: Record<string, string> = {}) =>
    t.app.inject({
      method,
      url: `/admin/api${url}`,
      headers: { ...headers, ...extra },
      ...(payload === undefined ? {} : { payload: payload as string }),
    });
  const importCsv = (text: string): Promise<LightMyRequestResponse> =>
    api('POST', '/members/import', text, { 'content-type': 'text/csv' });
  /** A member who signed up on a given day. */
  async function member(email: string, name: string, day: string): Promise<string> {
    const db = t.database.handle.db;
    const made = await ensureMember(db, { email, normalized: email.toLowerCase(), name, attribution: '/news/a-story' });
    await db
      .updateTable('members')
      .set({ created_at: `${day}T12:00:00.000Z` })
      .where('id', '=', made.id)
      .execute();
    return made.id;
  }
  const emails = (response: LightMyRequestResponse): string[] =>
    (response.json() as { members: Array<{ email: string }> }).members.map((m) => m.email);

  let ana: string;
  let bruno: string;
  before(async () => {
    const invalidation = new Invalidation();
    invalidation.subscribe((keys) => purged.push(...keys));
    t = await startTestApp({}, invalidation);
    editor = await makeStaff(t, 'editor');
    headers = await signIn(t, editor);
    ana = await member('Ana.Ruiz@Example.com', 'Ana Ruiz', '2025-01-10');
    bruno = await member('bruno@example.com', 'Bruno Díaz, "el Flaco"', '2025-06-01');
    await member('carla@example.com', '=HYPERLINK("http://evil.example")', '2025-07-01');
  });
  after(() => t.close());

  it('searches address and name in any case, filters by access and sign-up day, newest first', async () => {
    assert.deepEqual(emails(await api('GET', '/members?q=ANA.RUIZ')), ['Ana.Ruiz@Example.com']);
    assert.deepEqual(emails(await api('GET', '/members?q=d%C3%8DAZ')), ['bruno@example.com'], 'by name, any case');
    assert.deepEqual(emails(await api('GET', '/members?q=%25')), [], '% is a letter, not a wildcard');
    const all = await api('GET', '/members');
    assert.equal(all.statusCode, 200);
    assert.deepEqual(emails(all), ['carla@example.com', 'bruno@example.com', 'Ana.Ruiz@Example.com']);
    assert.equal(all.json().total, 3);
    const window = await api(
      'GET',
      '/members?signedUpAfter=2025-05-01T00:00:00.000Z&signedUpBefore=2025-07-01T00:00:00.000Z',
    );
    assert.deepEqual(emails(window), ['bruno@example.com']);
    assert.equal((await api('GET', '/members?signedUpAfter=yesterday')).statusCode, 400);
    assert.equal((await api('GET', '/members?status=gold')).statusCode, 400);

    const granted = await api('POST', `/members/${bruno}/complimentary`, { endsAt: inAYear(), note: 'Source' });
    assert.equal(granted.statusCode, 201, granted.body);
    assert.deepEqual(emails(await api('GET', '/members?status=paid')), ['bruno@example.com']);
    assert.deepEqual(emails(await api('GET', '/members?status=complimentary')), ['bruno@example.com']);
    assert.deepEqual(emails(await api('GET', '/members?status=free')), ['carla@example.com', 'Ana.Ruiz@Example.com']);
    const row = (await api('GET', '/members?q=bruno')).json().members[0];
    assert.equal(row.access, 'paid');
    assert.equal(row.complimentaryUntil, granted.json().endsAt);
  });

  it('counts subscribers as paid by the paywall’s own rule, and filters by tier and currency', async () => {
    const db = t.database.handle.db;
    const day = 24 * 3600_000;
    const subscribe = async (email: string, tierId: string | null, status: SubscriptionStatus, extra = {}) =>
      saveSubscriptionState(db, {
        stripeSubscriptionId: `sub_${email}`,
        memberId: await member(email, email, '2023-03-01'),
        tierId,
        tierName: tierId ?? '',
        status,
        cancelAtPeriodEnd: false,
        currentPeriodEnd: new Date(Date.now() + 20 * day).toISOString(),
        trialEnd: null,
        canceledAt: null,
        endedAt: null,
        amount: 500,
        currency: 'usd',
        interval: 'month',
        observedAt: new Date().toISOString(),
        ...extra,
      });
    await subscribe('sub-active@example.com', 'tier-a', 'active');
    await subscribe('sub-trial@example.com', 'tier-b', 'trialing', { currency: 'mxn' });
    await subscribe('sub-leaving@example.com', 'tier-a', 'active', {
      cancelAtPeriodEnd: true,
      currentPeriodEnd: new Date(Date.now() - day).toISOString(),
    });
    // Past due for two days, within the default seven days of grace; another for ten, past it.
    await subscribe('sub-late@example.com', 'tier-a', 'past_due', {
      observedAt: new Date(Date.now() - 2 * day).toISOString(),
    });
    await subscribe('sub-lapsed@example.com', 'tier-a', 'past_due', {
      observedAt: new Date(Date.now() - 10 * day).toISOString(),
    });
    await subscribe('sub-ended@example.com', 'tier-a', 'canceled');
    await subscribe('sub-unknown@example.com', null, 'active');

    const paying = ['sub-late@example.com', 'sub-trial@example.com', 'sub-active@example.com'];
    const among = (found: string[]) => found.filter((email) => email.startsWith('sub-')).sort();
    assert.deepEqual(among(emails(await api('GET', '/members?status=paid&q=sub-'))), [...paying].sort());
    assert.deepEqual(among(emails(await api('GET', '/members?status=free&q=sub-'))), [
      'sub-ended@example.com',
      'sub-lapsed@example.com',
      'sub-leaving@example.com',
      'sub-unknown@example.com',
    ]);
    for (const email of [...paying, 'sub-lapsed@example.com', 'sub-unknown@example.com']) {
      const id = (await api('GET', `/members?q=${encodeURIComponent(email)}`)).json().members[0].id as string;
      const expected = paying.includes(email) ? 'paid' : 'member';
      assert.equal(await accessClassOf(db, id), expected, `the list and the paywall agree on ${email}`);
    }
    assert.deepEqual(among(emails(await api('GET', '/members?tier=tier-a'))), [
      'sub-active@example.com',
      'sub-late@example.com',
    ]);
    assert.deepEqual(emails(await api('GET', '/members?currency=MXN')), ['sub-trial@example.com']);
    assert.deepEqual(emails(await api('GET', '/members?tier=tier-a&currency=mxn')), []);
    assert.equal((await api('GET', '/members?currency=dollars')).statusCode, 400);
    const csv = parseCsv((await api('GET', '/members/export.csv?tier=tier-b')).body);
    assert.deepEqual(
      csv.slice(1).map((row) => [row.cells[0], row.cells[3]]),
      [['sub-trial@example.com', 'paid']],
    );
    await db.deleteFrom('members').where('email', 'like', 'sub-%').execute();
  });

  it('pages fifty at a time with the total of all that match', async () => {
    for (let i = 0; i < 50; i++) await member(`pager${i}@example.com`, `Pager ${i}`, '2024-01-01');
    const first = (await api('GET', '/members?q=pager')).json();
    const second = (await api('GET', '/members?q=pager&page=2')).json();
    assert.equal(first.total, 50);
    assert.equal(first.perPage, 50);
    assert.equal(first.members.length, 50);
    assert.equal(second.members.length, 0);
    assert.equal((await api('GET', '/members?page=2')).json().members.length, 3, '53 members in all');
  });

  it('gives one member complimentary access by id and removes that grant, announcing both, and tells the history', async () => {
    purged.length = 0;
    const granted = await api('POST', `/members/${ana}/complimentary`, { endsAt: inAYear(), note: 'Pressroom' });
    assert.equal(granted.statusCode, 201);
    assert.deepEqual(purged, [memberAccessKey(ana)], 'the reader’s next page re-checks their access');
    const profile = (await api('GET', `/members/${ana}`)).json();
    assert.equal(profile.access, 'paid');
    assert.deepEqual(
      profile.grants.map((g: { note: string; grantedBy: string }) => [g.note, g.grantedBy]),
      [['Pressroom', editor.name]],
    );
    assert.deepEqual(profile.subscriptions, []);
    assert.deepEqual(profile.payments, []);
    assert.deepEqual(
      profile.history.map((e: { kind: string; actor: { kind: string; name?: string } }) => [e.kind, e.actor]),
      [
        ['complimentary-granted', { kind: 'staff', name: editor.name }],
        ['signed-up', { kind: 'member' }],
      ],
    );
    assert.equal(profile.signedUpFrom, '/news/a-story');

    const grantId = profile.grants[0].id as string;
    assert.equal(
      (await api('POST', `/members/${ana}/complimentary`, { endsAt: '2020-01-01T00:00:00Z' })).statusCode,
      400,
    );
    assert.equal((await api('DELETE', `/members/${bruno}/complimentary/${grantId}`)).statusCode, 404, 'not bruno’s');
    purged.length = 0;
    assert.equal((await api('DELETE', `/members/${ana}/complimentary/${grantId}`)).statusCode, 204);
    assert.deepEqual(purged, [memberAccessKey(ana)]);
    assert.equal((await api('DELETE', `/members/${ana}/complimentary/${grantId}`)).statusCode, 404, 'already ended');
    const after = (await api('GET', `/members/${ana}`)).json();
    assert.equal(after.access, 'free');
    assert.equal(after.history[0].kind, 'complimentary-removed');
    assert.equal((await api('GET', '/members/0190b1a8-0000-7000-8000-000000000000')).statusCode, 404);
  });

  it('exports the filtered members as RFC 4180 CSV that no spreadsheet runs as a formula', async () => {
    const response = await api('GET', '/members/export.csv?q=example.com&signedUpAfter=2025-01-01T00:00:00Z');
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /^text\/csv/);
    assert.match(
      String(response.headers['content-disposition']),
      /^attachment; filename="members-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const lines = response.body.split('\r\n');
    assert.equal(lines[0], 'email,name,created_at,access,complimentary_until,gift_until,signed_up_from');
    assert.equal(lines.length, 5, 'three members and the final CRLF');
    assert.match(
      lines[1] ?? '',
      /^carla@example\.com,"'=HYPERLINK\(""http:\/\/evil\.example""\)",2025-07-01T12:00:00\.000Z,free,,,\/news\/a-story$/,
    );
    assert.match(
      lines[2] ?? '',
      /^bruno@example\.com,"Bruno Díaz, ""el Flaco""",2025-06-01T12:00:00\.000Z,paid,\d{4}-.+Z,,\/news\/a-story$/,
    );
    assert.deepEqual(parseCsv(response.body)[2]?.cells.slice(0, 2), ['bruno@example.com', 'Bruno Díaz, "el Flaco"']);
  });

  it('imports idempotently, reports refused rows by line, and refuses a file that is not CSV whole', async () => {
    const file = [
      'email,name,complimentary_until,note',
      'new.reader@example.com,New Reader,,',
      'CARLA@example.com,Carla Gómez,2099-12-31,Board member',
      'not-an-address,Someone,,',
      'new.reader@example.com,Twice,,',
      '"multi@example.com","Line one',
      'line two",2001-01-01,',
      'dated@example.com,,31/12/2099,',
      '',
    ].join('\r\n');
    purged.length = 0;
    const first = await importCsv(file);
    assert.equal(first.statusCode, 200, first.body);
    assert.deepEqual(first.json(), {
      rows: 6,
      created: 1,
      updated: 1,
      unchanged: 0,
      refused: [
        { line: 4, email: 'not-an-address', reason: 'email-invalid' },
        { line: 5, email: 'new.reader@example.com', reason: 'duplicate' },
        { line: 6, email: 'multi@example.com', reason: 'date-past' },
        { line: 8, email: 'dated@example.com', reason: 'date-invalid' },
      ],
    });
    const carla = (await api('GET', '/members?q=carla')).json().members[0];
    assert.equal(carla.name, 'Carla Gómez');
    assert.equal(carla.complimentaryUntil, '2099-12-31T23:59:59.999Z');
    assert.deepEqual(purged, [memberAccessKey(carla.id)]);

    const again = (await importCsv(file)).json();
    assert.deepEqual([again.created, again.updated, again.unchanged, again.refused.length], [0, 0, 2, 4]);

    const before = (await api('GET', '/members')).json().total;
    const exported = (await api('GET', '/members/export.csv')).body;
    const back = (await importCsv(exported)).json();
    assert.deepEqual(
      [back.rows, back.created, back.updated, back.unchanged],
      [before, 0, 0, before],
      'an export imports back unchanged',
    );

    const broken = await importCsv('email,name\r\nlate@example.com,"Never closed\r\n');
    assert.equal(broken.statusCode, 422);
    assert.equal(broken.json().error.code, 'UNREADABLE_CSV');
    assert.equal(broken.json().error.details.line, 2);
    const headless = await importCsv('late@example.com,Someone\r\n');
    assert.equal(headless.statusCode, 422);
    assert.equal((await api('GET', '/members?q=late')).json().total, 0, 'nothing half-imported');
    const tooLarge = await importCsv(`email\r\n${'x'.repeat(3 * 1024 * 1024)}`);
    assert.equal(tooLarge.statusCode, 413);
  });

  it('lets editors and admins read members; contributors and authors may not', async () => {
    for (const role of ['contributor', 'author'] as const) {
      const other = await signIn(t, await makeStaff(t, role));
      const refusals = [
        await t.app.inject({ url: '/admin/api/members', headers: other }),
        await t.app.inject({ url: `/admin/api/members/${ana}`, headers: other }),
        await t.app.inject({ url: '/admin/api/members/export.csv', headers: other }),
        await t.app.inject({
          method: 'POST',
          url: '/admin/api/members/import',
          headers: { ...other, 'content-type': 'text/csv' },
          payload: 'email\r\nsneaky@example.com\r\n',
        }),
      ];
      assert.deepEqual(
        refusals.map((r) => r.statusCode),
        [403, 403, 403, 403],
        role,
      );
    }
    assert.equal((await api('GET', '/members?q=sneaky')).json().total, 0);
  });
});
