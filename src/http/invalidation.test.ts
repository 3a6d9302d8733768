import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../config.ts';
import { publishArticle } from '../content/publishing.service.ts';
import { createDraft } from '../content/articles.service.ts';
import { localStorage } from '../media/storage.ts';
import {
  createTestDatabase,
  startTestApp,
  type TestDatabase,
  TEST_REDIS_PREFIX,
  TEST_REDIS_URL,
} from '../testing/harness.ts';
import { makeSection, paragraphs } from '../testing/factories.ts';
import { buildApp } from '../app.ts';
import { Invalidation, LIST_PAGES } from './invalidation.ts';
import { PageCache } from './page-cache.ts';
import { redisTransport, type RedisTransport } from './redis-invalidation.ts';
import { SYSTEM } from '../staff/actor.ts';

const REDIS = TEST_REDIS_URL;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('page cache lifetime', () => {
  it('drops a page after its time to live, and at once on a purge of one of its keys', async () => {
    const invalidation = new Invalidation();
    const cache = new PageCache({ enabled: true, capacity: 10, ttlMs: 50, invalidation });
    const page = { body: Buffer.from('x'), etag: '"x"', contentType: 'text/html', status: 200, keys: [LIST_PAGES] };
    cache.set('/a', { ...page });
    assert.ok(cache.get('/a'));
    await sleep(70);
    assert.equal(cache.get('/a'), undefined);
    cache.set('/b', { ...page });
    invalidation.purge([LIST_PAGES]);
    assert.equal(cache.get('/b'), undefined);
  });

  it('with a time to live, also reloads the navigation that another process changed without a purge', async () => {
    const t = await startTestApp({ pageCacheTtlMs: 50 });
    try {
      const nav = async () => (await t.app.inject('/')).body.match(/<nav[\s\S]*?<\/nav>/)?.[0] ?? '';
      assert.doesNotMatch(await nav(), /Sports/);
      // Written straight to the database, as another Gaceta process would, so no purge reaches this one.
      await makeSection(t.database.handle.db, 'Sports');
      await sleep(70);
      assert.match(await nav(), /Sports/);
    } finally {
      await t.close();
    }
  });
});

describe(
  'purges shared by several processes through Redis',
  { skip: REDIS ? false : 'TEST_REDIS_URL is not set (for example redis://127.0.0.1:6379)' },
  () => {
    let database: TestDatabase;
    const transports: RedisTransport[] = [];
    before(async () => {
      database = await createTestDatabase();
    });
    after(async () => {
      await Promise.all(transports.map((transport) => transport.close()));
      await database.drop();
    });

    async function startProcess(
      signInAttemptsPerMinute = 10,
      prefix = TEST_REDIS_PREFIX,
    ): Promise<{
      app: Awaited<ReturnType<typeof buildApp>>['app'];
      invalidation: Invalidation;
      handle: ReturnType<TestDatabase['reopen']>;
    }> {
      const transport = redisTransport(REDIS ?? '', prefix, (error) => {
        throw error;
      });
      transports.push(transport);
      await transport.ready;
      const invalidation = new Invalidation(transport);
      const handle = database.reopen();
      const config = loadConfig(
        { GACETA_DATA_DIR: database.dataDir, REDIS_URL: REDIS, REDIS_PREFIX: prefix },
        { logLevel: 'silent', signInAttemptsPerMinute },
      );
      const { app } = await buildApp({
        config,
        db: handle.db,
        storage: localStorage(config.mediaDir),
        invalidation,
        logger: false,
      });
      return { app, invalidation, handle };
    }

    it('a story published through one process appears at once on the cached home page of another', async () => {
      const one = await startProcess();
      const two = await startProcess();
      assert.ok(
        !(await two.app.inject('/')).body.includes('Storm reaches the coast'),
        'home page cached in process two',
      );
      const deps = { db: one.handle.db, invalidation: one.invalidation };
      const draft = await createDraft(deps, SYSTEM.seed, {
        headline: 'Storm reaches the coast',
        body: paragraphs('Text.'),
      });
      await publishArticle(deps, SYSTEM.seed, draft.id);
      let seen = false;
      for (let i = 0; i < 40 && !seen; i++) {
        seen = (await two.app.inject('/')).body.includes('Storm reaches the coast');
        if (!seen) await sleep(25);
      }
      assert.ok(seen, 'process two purged its cached home page');
      for (const p of [one, two]) {
        await p.app.close();
        await p.handle.close();
      }
    });

    it('a process under another REDIS_PREFIX (another site on the same Redis) hears none of these purges', async () => {
      const one = await startProcess();
      const other = await startProcess(10, `${TEST_REDIS_PREFIX}other-site:`);
      const before = (await other.app.inject('/')).body;
      const deps = { db: one.handle.db, invalidation: one.invalidation };
      const draft = await createDraft(deps, SYSTEM.seed, {
        headline: 'Quiet on the other site',
        body: paragraphs('Text.'),
      });
      await publishArticle(deps, SYSTEM.seed, draft.id);
      // Sent after the purge: when this one's own message has come back, the other site's would have too.
      const heard = new Promise<void>((resolve) => one.invalidation.subscribe(() => resolve()));
      const mirror = await startProcess();
      mirror.invalidation.purge(['lists']);
      await heard;
      await sleep(100);
      assert.equal((await other.app.inject('/')).body, before, 'the other site kept its cached home page');
      for (const p of [one, other, mirror]) {
        await p.app.close();
        await p.handle.close();
      }
    });

    it('counts sign-in attempts across processes', async () => {
      const limit = 4;
      const [one, two] = [await startProcess(limit), await startProcess(limit)];
      const address = `198.51.100.${Math.floor(Math.random() * 200) + 1}`;
      const attempt = (p: typeof one) =>
        p.app.inject({
          method: 'POST',
          url: '/admin/api/session',
          remoteAddress: address,
          payload: { email: 'x@y.example', password: 'wrong' },
        });
      for (let i = 0; i < limit; i++) assert.equal((await attempt(i % 2 ? one : two)).statusCode, 401);
      assert.equal((await attempt(one)).statusCode, 429);
      assert.equal((await attempt(two)).statusCode, 429);
      for (const p of [one, two]) {
        await p.app.close();
        await p.handle.close();
      }
    });

    it("counts readers' sign-in requests across processes, which trust each other's form tokens", async () => {
      const limit = 4;
      const [one, two] = [await startProcess(limit), await startProcess(limit)];
      const address = `203.0.113.${Math.floor(Math.random() * 200) + 1}`;
      const page = await one.app.inject({ url: '/signin', remoteAddress: address });
      const cookie = page.cookies.find((c) => c.name === 'gaceta_form');
      const csrf = /name="csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
      const ask = (p: typeof one) =>
        p.app.inject({
          method: 'POST',
          url: '/signin',
          remoteAddress: address,
          headers: {
            cookie: `gaceta_form=${cookie?.value ?? ''}`,
            'content-type': 'application/x-www-form-urlencoded',
          },
          payload: new URLSearchParams({ csrf, email: 'reader@example.com' }).toString(),
        });
      for (let i = 0; i < limit; i++) assert.equal((await ask(i % 2 ? one : two)).statusCode, 200);
      assert.equal((await ask(one)).statusCode, 429);
      assert.equal((await ask(two)).statusCode, 429);
      for (const p of [one, two]) {
        await p.app.close();
        await p.handle.close();
      }
    });
  },
);
