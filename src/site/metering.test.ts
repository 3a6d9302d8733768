import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'node-html-parser';
import { meterMonth } from '../content/metering.ts';
import { makeArticle, makeSection, makeStaff, paragraphs, signIn } from '../testing/factories.ts';
import { Invalidation } from '../http/invalidation.ts';
import { startTestApp, TEST_DIALECT, type TestApp } from '../testing/harness.ts';
import { ReaderBrowser } from '../testing/reader-browser.ts';
import { startTestSmtp, type TestSmtp } from '../testing/smtp.ts';

/*
 * Metering over HTTP: a signed-in free member reads N locked stories a month whole, counted on the
 * server, the same story twice counting once; the N+1st meets the invitation; a new month on the
 * site's clocks (its time zone, not UTC) starts again. The app's clock is the test's, to cross it.
 */
describe(`metering: N locked stories a month for free members, on ${TEST_DIALECT}`, () => {
  let smtp: TestSmtp;
  let t: TestApp;
  let ip = 0;
  let admin: Record<string, string> = {};
  const paths: string[] = [];
  // Mexico City (the default time zone) is UTC-6 all year: its November ends at 06:00 UTC on 1 December.
  let clock = Date.parse('2026-11-20T15:00:00Z');
  const db = () => t.database.handle.db;
  const secret = (n: number) => new RegExp(`Locked sentence of story ${n}\\.`);

  async function signedIn(email: string): Promise<ReaderBrowser> {
    await new ReaderBrowser(t, `10.3.0.${++ip}`).submit('/signin', '/signin', { email });
    await t.outbox.settled();
    const mail = smtp.received.filter((m) => m.to.some((to) => to.toLowerCase() === email)).at(-1);
    assert.ok(mail?.links[0]);
    const reader = new ReaderBrowser(t, `10.3.0.${++ip}`);
    const url = new URL(mail.links[0]);
    assert.equal((await reader.get(url.pathname + url.search)).statusCode, 303);
    return reader;
  }
  const setMeter = async (meteredArticles: number) => {
    const answer = await t.app.inject({
      method: 'PATCH',
      url: '/admin/api/settings',
      headers: admin,
      payload: { meteredArticles },
    });
    assert.equal(answer.statusCode, 200, answer.body);
  };
  const meterNote = (body: string) => parse(body).querySelector('.meter')?.text ?? null;
  const reads = async () =>
    Number(
      (
        await db()
          .selectFrom('metered_reads')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  before(async () => {
    smtp = await startTestSmtp();
    t = await startTestApp({ smtpUrl: smtp.url, mailFrom: 'desk@news.example' }, new Invalidation(), {
      now: () => clock,
    });
    const section = await makeSection(db(), 'Economy');
    for (const n of [1, 2, 3]) {
      const story = await makeArticle(t, {
        headline: `Paid story ${n}`,
        sectionId: section.id,
        access: 'paid',
        body: paragraphs(`Free sentence of story ${n}.`, 'Still free.', `Locked sentence of story ${n}.`, 'The end.'),
      });
      paths.push(`/economy/${story.slug}`);
    }
    admin = await signIn(t, await makeStaff(t, 'admin'));
  });
  after(async () => {
    await t.close();
    await smtp.close();
  });

  it('is off by default: a free member meets the invitation and nothing is counted', async () => {
    const settings = await t.app.inject({ url: '/admin/api/settings', headers: admin });
    assert.equal(settings.json<{ meteredArticles: number }>().meteredArticles, 0);
    const reader = await signedIn('off@example.com');
    const page = await reader.get(paths[0] ?? '');
    assert.doesNotMatch(page.body, secret(1));
    assert.match(page.body, /class="paywall"/);
    assert.equal(page.headers['cache-control'], 'private, no-cache');
    assert.equal(meterNote(page.body), null);
    assert.equal(await reads(), 0);
  });

  it('refuses a meter out of range through the admin API', async () => {
    for (const meteredArticles of [-1, 101, 2.5]) {
      const answer = await t.app.inject({
        method: 'PATCH',
        url: '/admin/api/settings',
        headers: admin,
        payload: { meteredArticles },
      });
      assert.equal(answer.statusCode, 400, String(meteredArticles));
    }
  });

  it('counts N locked stories a month, the same story once, refuses the N+1st, and starts again next month on the site’s clocks', async () => {
    await setMeter(2);
    const reader = await signedIn('reader@example.com');
    const [one, two, three] = paths as [string, string, string];

    const first = await reader.get(one);
    assert.match(first.body, secret(1));
    assert.equal(meterNote(first.body), 'You have read 1 of 2 free stories this month.');
    assert.equal(first.headers['cache-control'], 'private, no-store', 'a metered page is kept by no cache');
    assert.equal(parse(first.body).querySelector('.paywall'), null);

    const again = await reader.get(one);
    assert.match(again.body, secret(1));
    assert.equal(meterNote(again.body), 'You have read 1 of 2 free stories this month.', 'the same story counts once');

    const second = await reader.get(two);
    assert.match(second.body, secret(2));
    assert.equal(meterNote(second.body), 'You have read 2 of 2 free stories this month.');

    const third = await reader.get(three);
    assert.doesNotMatch(third.body, secret(3), 'the N+1st story stays locked');
    assert.match(third.body, /Your free membership does not include it\./);
    assert.equal(meterNote(third.body), null);
    assert.match((await reader.get(one)).body, secret(1), 'a story read this month can be read again');

    // Nobody else gets the metered page: not an anonymous reader, not another free member's count.
    const anonymous = await t.app.inject(one);
    assert.doesNotMatch(anonymous.body, secret(1));
    const other = await signedIn('other@example.com');
    assert.equal(meterNote((await other.get(three)).body), 'You have read 1 of 2 free stories this month.');

    // Past midnight UTC on 1 December it is still 30 November in Mexico City: still November's count.
    clock = Date.parse('2026-12-01T05:30:00Z');
    assert.equal(meterMonth(new Date(clock), 'America/Mexico_City'), '2026-11');
    assert.doesNotMatch((await reader.get(three)).body, secret(3));

    // December on the site's clocks: November's reads no longer count.
    clock = Date.parse('2026-12-01T06:30:00Z');
    const december = await reader.get(three);
    assert.match(december.body, secret(3));
    assert.equal(meterNote(december.body), 'You have read 1 of 2 free stories this month.');
  });

  it('speaks the site’s language', async () => {
    await t.app.inject({ method: 'PATCH', url: '/admin/api/settings', headers: admin, payload: { locale: 'es' } });
    try {
      const reader = await signedIn('lectora@example.com');
      const page = await reader.get(paths[0] ?? '');
      assert.equal(meterNote(page.body), 'Has leído 1 de 2 historias gratuitas este mes.');
    } finally {
      await t.app.inject({ method: 'PATCH', url: '/admin/api/settings', headers: admin, payload: { locale: 'en' } });
    }
  });

  it('leaves anonymous readers the shared public page, and turned off counts nothing more', async () => {
    const anonymous = await t.app.inject(paths[1] ?? '');
    assert.match(String(anonymous.headers['cache-control']), /^public/);
    await setMeter(0);
    const before = await reads();
    const reader = await signedIn('later@example.com');
    const page = await reader.get(paths[1] ?? '');
    assert.doesNotMatch(page.body, secret(2));
    assert.equal(page.headers['cache-control'], 'private, no-cache');
    assert.equal(await reads(), before);
  });
});
