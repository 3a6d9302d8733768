import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { loadConfig } from '../config.ts';
import { buildApp } from '../app.ts';
import { Invalidation } from '../http/invalidation.ts';
import { localStorage } from '../media/storage.ts';
import { createTestDatabase, type TestDatabase } from '../testing/harness.ts';
import { paragraphs } from '../testing/factories.ts';
import { createDraft } from './articles.service.ts';
import { publishArticle, startScheduler } from './publishing.service.ts';
import { trashArticle } from './trash.service.ts';
import { SYSTEM } from '../staff/actor.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('scheduled publishing', () => {
  let database: TestDatabase;
  before(async () => {
    database = await createTestDatabase();
  });
  after(() => database.drop());

  // A server a failed test left running (its scheduler keeps the process alive) is closed after it.
  const left = new Set<() => Promise<void>>();
  afterEach(async () => {
    for (const close of left) await close();
  });

  async function serverOn(handle: ReturnType<TestDatabase['reopen']>) {
    const config = loadConfig({ GACETA_DATA_DIR: database.dataDir }, { logLevel: 'silent' });
    const invalidation = new Invalidation();
    const { app } = await buildApp({
      config,
      db: handle.db,
      storage: localStorage(config.mediaDir),
      invalidation,
      logger: false,
    });
    const stop = startScheduler({ db: handle.db, invalidation }, 50, (error) => {
      throw error;
    });
    const close = async (): Promise<void> => {
      left.delete(close);
      await stop();
      await app.close();
      await handle.close();
    };
    left.add(close);
    return { app, stop, close };
  }

  it('publishes a scheduled article on time while the server runs', async () => {
    const handle = database.reopen();
    const server = await serverOn(handle);
    const deps = { db: handle.db, invalidation: new Invalidation() };
    const draft = await createDraft(deps, SYSTEM.seed, { headline: 'Polls close at six', body: paragraphs('Text.') });
    // Far enough ahead that the checks below run before it, on a busy machine too (1.5 s was not,
    // once, with both test passes running at the same time).
    await publishArticle(deps, SYSTEM.seed, draft.id, new Date(Date.now() + 4000).toISOString());
    assert.equal((await server.app.inject(`/news/${draft.slug}`)).statusCode, 404);
    // The home page is cached now; going live must purge it.
    assert.ok(!(await server.app.inject('/')).body.includes('Polls close at six'));
    let status = 404;
    for (let i = 0; i < 240 && status !== 200; i++) {
      await sleep(50);
      status = (await server.app.inject(`/news/${draft.slug}`)).statusCode;
    }
    assert.equal(status, 200, 'live within seconds of its time');
    assert.ok((await server.app.inject('/')).body.includes('Polls close at six'), 'home page shows it');
    await server.close();
  });

  it('stops only once the run in progress has finished, so closing the database next loses nothing', async () => {
    const handle = database.reopen();
    const errors: unknown[] = [];
    // The first run starts at once and is still reading when stop is called.
    const stop = startScheduler({ db: handle.db, invalidation: new Invalidation() }, 50, (error) => errors.push(error));
    await stop();
    await handle.close();
    await sleep(100);
    assert.deepEqual(errors, []);
  });

  it('publishes an article whose time passed while the server was down, at the next start', async () => {
    let handle = database.reopen();
    const deps = { db: handle.db, invalidation: new Invalidation() };
    const draft = await createDraft(deps, SYSTEM.seed, {
      headline: 'Scheduled during the outage',
      body: paragraphs('Text.'),
    });
    await publishArticle(deps, SYSTEM.seed, draft.id, new Date(Date.now() + 300).toISOString());
    await handle.close(); // the server is down when the time comes
    await sleep(500);
    handle = database.reopen();
    const server = await serverOn(handle);
    let status = 404;
    for (let i = 0; i < 40 && status !== 200; i++) {
      status = (await server.app.inject(`/news/${draft.slug}`)).statusCode;
      if (status !== 200) await sleep(50);
    }
    assert.equal(status, 200);
    const row = await handle.db
      .selectFrom('articles')
      .select(['status', 'published_at'])
      .where('id', '=', draft.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.status, 'published');
    await server.close();
  });
  it('empties the trash of what has been there 30 days when it starts, and leaves the rest', async () => {
    const handle = database.reopen();
    const deps = { db: handle.db, invalidation: new Invalidation() };
    const [old, recent] = await Promise.all(
      ['Trashed long ago', 'Trashed yesterday'].map((headline) => createDraft(deps, SYSTEM.seed, { headline })),
    );
    for (const draft of [old, recent]) await trashArticle(deps, SYSTEM.seed, draft?.id ?? '');
    await handle.db
      .updateTable('articles')
      .set({ trashed_at: new Date(Date.now() - 31 * 86_400_000).toISOString() })
      .where('id', '=', old?.id ?? '')
      .execute();
    const server = await serverOn(handle);
    let left = 2;
    for (let i = 0; i < 40 && left !== 1; i++) {
      left = (await handle.db.selectFrom('articles').select('id').where('trashed_at', 'is not', null).execute()).length;
      if (left !== 1) await sleep(50);
    }
    const ids = (await handle.db.selectFrom('articles').select('id').execute()).map((row) => row.id);
    assert.ok(!ids.includes(old?.id ?? ''), 'gone for good');
    assert.ok(ids.includes(recent?.id ?? ''), 'still restorable');
    await server.close();
  });
});
