import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, describe, it } from 'node:test';
import { startTestApp, TEST_REDIS_PREFIX, TEST_REDIS_URL } from '../testing/harness.ts';
import { makeSection, makeStaff, signIn } from '../testing/factories.ts';
import { Invalidation, type PurgeListener, type PurgeTransport } from './invalidation.ts';
import { redisTransport, type RedisTransport } from './redis-invalidation.ts';
import { varnishPurger, type VarnishPurger } from './varnish-purge.ts';

const REDIS = TEST_REDIS_URL;

/** A stand-in for Varnish that records the keys of every PURGE and answers with the given statuses. */
async function fakeVarnish(
  statuses: number[] = [],
): Promise<{ url: string; purges: string[][]; close(): Promise<void> }> {
  const purges: string[][] = [];
  const server = http.createServer((request, response) => {
    if (request.method === 'PURGE') {
      const status = statuses.shift() ?? 200;
      if (status === 200) purges.push(String(request.headers['xkey-purge']).split(' '));
      response.writeHead(status).end();
    } else response.writeHead(405).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    purges,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Processes joined in memory the way Redis joins them: each hears the others' purges, not its own. */
function memoryBus(): () => PurgeTransport {
  const members: Array<{ listeners: PurgeListener[] }> = [];
  return () => {
    const self = { listeners: [] as PurgeListener[] };
    members.push(self);
    return {
      publish(keys) {
        for (const member of members) if (member !== self) for (const listener of member.listeners) listener(keys);
      },
      onRemote(listener) {
        self.listeners.push(listener);
      },
    };
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('purges sent to Varnish', () => {
  const cleanups: Array<() => unknown> = [];
  after(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  async function processesOn(transport: () => PurgeTransport | Promise<PurgeTransport>, urls: string[]) {
    const processes = [];
    for (let i = 0; i < 3; i++) {
      const purger = varnishPurger({ urls, onError: (error) => assert.fail(error) });
      cleanups.push(() => purger.close());
      const heard: string[][] = [];
      const invalidation = new Invalidation(await transport(), [purger]);
      invalidation.subscribe((keys) => heard.push([...keys]));
      processes.push({ invalidation, purger, heard });
    }
    return processes;
  }

  for (const [name, bus] of [
    ['in memory', () => memoryBus()],
    [
      'through Redis',
      () => async () => {
        const transport: RedisTransport = redisTransport(REDIS ?? '', TEST_REDIS_PREFIX, (error) =>
          assert.fail(String(error)),
        );
        cleanups.push(() => transport.close());
        await transport.ready;
        return transport;
      },
    ],
  ] as const) {
    it(
      `a purge made in one of three processes sharing purges ${name} reaches each Varnish once`,
      { skip: name === 'through Redis' && !REDIS ? 'TEST_REDIS_URL is not set' : false },
      async () => {
        const [one, two] = [await fakeVarnish(), await fakeVarnish()];
        cleanups.push(one.close, two.close);
        const processes = await processesOn(bus(), [one.url, two.url]);
        processes[1]?.invalidation.purge(['article:a', 'lists']);
        for (let i = 0; i < 40 && processes.some((p) => p.heard.length === 0); i++) await sleep(25);
        await Promise.all(processes.map((p) => p.purger.settled()));
        await sleep(100); // time for a stray second purge to arrive, were there one
        for (const p of processes)
          assert.deepEqual(p.heard, [['article:a', 'lists']], 'every process purged its pages');
        assert.deepEqual(one.purges, [['article:a', 'lists']]);
        assert.deepEqual(two.purges, [['article:a', 'lists']]);
      },
    );
  }

  it('retries a purge Varnish refused or missed, with the keys that came meanwhile, and logs each failure', async () => {
    const varnish = await fakeVarnish([503, 500]);
    cleanups.push(varnish.close);
    const errors: string[] = [];
    const purger = varnishPurger({ urls: [varnish.url], onError: (error) => errors.push(error.message), retryMs: 10 });
    cleanups.push(() => purger.close());
    purger.send(['article:a']);
    purger.send(['lists']);
    await purger.settled();
    assert.deepEqual(
      varnish.purges.map((keys) => keys.sort()),
      [['article:a', 'lists']],
      'sent together on retry',
    );
    assert.equal(errors.length, 2);
    assert.match(
      errors[0] ?? '',
      /Varnish purge at http:\/\/127\.0\.0\.1:\d+\/ failed \(attempt 1, retrying in 10 ms\): 503/,
    );
    // A purge of everything replaces whatever was waiting behind the request in flight.
    purger.send(['article:b']);
    purger.send(['article:c']);
    purger.send(['all']);
    await purger.settled();
    assert.deepEqual(varnish.purges.slice(1), [['article:b'], ['all']]);
  });

  it("an unreachable Varnish never fails the editor's change", async () => {
    const gone = await fakeVarnish();
    await gone.close(); // nothing listens on its port any more
    const errors: Error[] = [];
    const purger: VarnishPurger = varnishPurger({
      urls: [gone.url],
      onError: (error) => errors.push(error),
      retryMs: 20,
    });
    const t = await startTestApp({}, new Invalidation(undefined, [purger]));
    cleanups.push(async () => {
      purger.close();
      await t.close();
    });
    const headers = await signIn(t, await makeStaff(t, 'editor'));
    const section = await makeSection(t.database.handle.db, 'Metro');
    const created = await t.app.inject({
      method: 'POST',
      url: '/admin/api/articles',
      headers,
      payload: { headline: 'Bridge reopens', sectionId: section.id },
    });
    assert.equal(created.statusCode, 201);
    const id = created.json<{ id: string }>().id;
    const published = await t.app.inject({
      method: 'POST',
      url: `/admin/api/articles/${id}/publish`,
      headers,
      payload: {},
    });
    assert.equal(published.statusCode, 200);
    for (let i = 0; i < 40 && errors.length < 2; i++) await sleep(25);
    assert.ok(errors.length >= 2, 'each failed attempt is logged');
    assert.match(errors[0]?.message ?? '', /ECONNREFUSED|fetch failed/);
  });
});
