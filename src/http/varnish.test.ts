import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { listenOnLoopback, startTestApp, type TestApp } from '../testing/harness.ts';
import { makeArticle, makeSection, makeStaff, paragraphs, signIn } from '../testing/factories.ts';
import { freePort } from '../testing/ports.ts';
import { type RunningVarnish, startVarnish, varnishMissing } from '../testing/varnish.ts';
import { Invalidation } from './invalidation.ts';
import { type VarnishPurger, varnishPurger } from './varnish-purge.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Varnish in front of Gaceta, purged by xkey (deploy/varnish/gaceta.vcl)', { skip: varnishMissing() }, () => {
  let t: TestApp;
  let varnish: RunningVarnish;
  let purger: VarnishPurger;
  let admin: Record<string, string>;
  let city: { id: string; slug: string };
  let unchanged: string;

  before(async () => {
    const port = await freePort();
    purger = varnishPurger({ urls: [`http://127.0.0.1:${port}/`], onError: (error) => console.error(error) });
    t = await startTestApp({}, new Invalidation(undefined, [purger]));
    varnish = await startVarnish(port, (await listenOnLoopback(t)).port);
    const db = t.database.handle.db;
    city = await makeSection(db, 'City');
    const sports = await makeSection(db, 'Sports');
    const story = await makeArticle(t, { headline: 'Rovers win the cup', sectionId: sports.id });
    unchanged = `/sports/${story.slug}`;
    admin = { ...(await signIn(t, await makeStaff(t, 'editor'))), 'content-type': 'application/json' };
  });
  after(async () => {
    purger?.close();
    await varnish?.stop();
    await t?.close();
  });

  const read = (path: string, headers: Record<string, string> = {}) =>
    fetch(varnish.url + path, { headers, redirect: 'manual' });
  /** Varnish names the request and the one that filled the cache: two numbers on a hit. */
  const isHit = (response: Response) => /^\d+ \d+$/.test(response.headers.get('x-varnish') ?? '');
  const adminCall = async (method: string, path: string, body: unknown, status: number) => {
    // Through Varnish too: the admin API and its session cookie pass straight to Gaceta.
    const response = await read(`/admin/api${path}`, admin).catch(() => null);
    void response;
    const sent = await fetch(varnish.url + `/admin/api${path}`, { method, headers: admin, body: JSON.stringify(body) });
    assert.equal(sent.status, status, await sent.clone().text());
    return sent.json() as Promise<{ id: string }>;
  };
  /** Polls through Varnish for up to a second until the page shows the change. */
  async function within1s(path: string, done: (response: Response, body: string) => boolean): Promise<number> {
    const start = Date.now();
    while (Date.now() - start <= 1000) {
      const response = await read(path);
      if (done(response, await response.text())) return Date.now() - start;
      await sleep(20);
    }
    assert.fail(`${path} did not change through Varnish within a second`);
  }
  async function assertCached(path: string): Promise<void> {
    const response = await read(path);
    await response.arrayBuffer();
    assert.ok(isHit(response), `${path} is still served from Varnish (X-Varnish ${response.headers.get('x-varnish')})`);
  }
  async function warm(path: string): Promise<void> {
    await (await read(path)).arrayBuffer();
    await assertCached(path);
  }

  it('keeps pages, ignores tracking parameters and analytics cookies, and never shares a signed-in reader page', async () => {
    await warm('/');
    await warm(unchanged);
    await assertCached('/?utm_source=newsletter&utm_medium=email');
    await assertCached('/');
    const withAnalytics = await read('/', { cookie: '_ga=GA1.2.3; consent=yes' });
    await withAnalytics.arrayBuffer();
    assert.ok(isHit(withAnalytics), 'analytics cookies do not bypass the cache');
    for (let i = 0; i < 2; i++) {
      const signedIn = await read('/', { cookie: '_ga=1; gaceta_member=token' });
      await signedIn.arrayBuffer();
      assert.ok(!isHit(signedIn), 'a Gaceta session cookie is passed to Gaceta, never served the shared copy');
    }
    // One gzipped object serves every client: zipped to those that take gzip, unzipped to the rest.
    const zipped = await read('/', { 'accept-encoding': 'gzip' });
    assert.equal(zipped.headers.get('content-encoding'), 'gzip');
    assert.match(await zipped.text(), /<!doctype html>/i);
    const plain = await read('/', { 'accept-encoding': 'identity' });
    assert.equal(plain.headers.get('content-encoding'), null);
    assert.match(await plain.text(), /<!doctype html>/i);
    assert.ok(isHit(zipped) && isHit(plain));
    const keys = (await read('/')).headers;
    assert.equal(keys.get('surrogate-key'), null, 'the keys stay inside Varnish');
    const refused = await fetch(varnish.url + '/', { method: 'PURGE' });
    assert.equal(refused.status, 400, 'a purge names its keys');
  });

  it('a story published, corrected and withdrawn through the admin API reaches readers through Varnish within a second', async () => {
    const headline = 'Tram line opens downtown';
    const draft = await adminCall(
      'POST',
      '/articles',
      { headline, sectionId: city.id, body: paragraphs('The first tram left at dawn.') },
      201,
    );
    const path = `/city/tram-line-opens-downtown`;
    await warm('/');

    await adminCall('POST', `/articles/${draft.id}/publish`, {}, 200);
    await within1s('/', (_response, body) => body.includes(headline));
    await within1s(path, (response, body) => response.status === 200 && body.includes('The first tram left at dawn.'));
    await assertCached(unchanged);

    await warm(path);
    const correction = 'An earlier version of this story misstated the fare.';
    await adminCall('POST', `/articles/${draft.id}/corrections`, { kind: 'correction', body: correction }, 201);
    await within1s(path, (_response, body) => body.includes(correction));
    await within1s('/corrections', (_response, body) => body.includes(correction));
    await assertCached(unchanged);

    await warm(path);
    await warm('/');
    await adminCall('POST', `/articles/${draft.id}/unpublish`, {}, 200);
    await within1s(path, (response) => response.status === 410);
    await within1s('/', (_response, body) => !body.includes(headline));
    await assertCached(unchanged);
  });
});
