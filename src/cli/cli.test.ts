import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { hashSecret, verifyPassword } from '../staff/secrets.ts';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createDraft } from '../content/articles.service.ts';
import { publishArticle } from '../content/publishing.service.ts';
import { openDatabase } from '../db/database.ts';
import { Invalidation } from '../http/invalidation.ts';
import { accessClassOf, memberAccessOf } from '../members/access.ts';
import { paragraphs } from '../testing/factories.ts';
import { createTestSchema, TEST_DATABASE_URL, TEST_DIALECT } from '../testing/harness.ts';
import { freePort } from '../testing/ports.ts';
import { SYSTEM } from '../staff/actor.ts';

const CLI = path.resolve('src/cli/main.ts');

async function waitUntilServing(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`nothing answered at ${url} within ${timeoutMs} ms`);
}

describe(`the gaceta command on ${TEST_DIALECT}`, () => {
  let dataDir: string;
  let env: Record<string, string>;
  let schema: Awaited<ReturnType<typeof createTestSchema>> | undefined;

  const gaceta = (...args: string[]) => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], {
      env: { ...process.env, ...env },
      encoding: 'utf8',
      timeout: 120_000,
    });
    return { status: result.status, out: result.stdout, err: result.stderr };
  };
  const database = () =>
    openDatabase({
      databaseUrl: env.DATABASE_URL,
      sqliteFile: path.join(dataDir, 'gaceta.sqlite'),
      ...(schema ? { pgSchema: schema.schema } : {}),
    });

  before(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gaceta-cli-'));
    env = { GACETA_DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_URL: '' };
    if (TEST_DATABASE_URL) {
      schema = await createTestSchema('cli');
      // libpq reads %20 but not + as a space, so the options are encoded by hand.
      env.DATABASE_URL = `${TEST_DATABASE_URL}${TEST_DATABASE_URL.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema.schema}`)}`;
    }
  });
  after(async () => {
    await schema?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('migrates, and explains bad configuration', () => {
    assert.equal(gaceta('migrate').status, 0);
    const bad = spawnSync(process.execPath, ['--import', 'tsx', CLI, 'migrate'], {
      env: { ...process.env, ...env, PORT: 'eighty' },
      encoding: 'utf8',
    });
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /PORT must be a whole number/);
  });

  it('creates staff accounts and refuses bad ones with a message', () => {
    const ok = gaceta(
      'create-staff',
      '--email',
      'Eva@Newsroom.example',
      '--name',
      'Eva Editor',
      '--role',
      'editor',
      '--password',
      'a long enough passphrase',
    );
    assert.equal(ok.status, 0, ok.err);
    assert.match(ok.out, /created editor eva@newsroom\.example/);
    const badRole = gaceta(
      'create-staff',
      '--email',
      'x@newsroom.example',
      '--name',
      'X',
      '--role',
      'intern',
      '--password',
      'a long enough passphrase',
    );
    assert.equal(badRole.status, 1);
    assert.match(badRole.err, /must be one of contributor, author, editor, admin/);
    const short = gaceta(
      'create-staff',
      '--email',
      'y@newsroom.example',
      '--name',
      'Y',
      '--role',
      'author',
      '--password',
      'short',
    );
    assert.equal(short.status, 1);
    assert.match(short.err, /password: must be at least 12 characters/);
    const taken = gaceta(
      'create-staff',
      '--email',
      'eva@newsroom.example',
      '--name',
      'Eva',
      '--role',
      'author',
      '--password',
      'a long enough passphrase',
    );
    assert.match(taken.err, /already exists/);
  });

  it('seeds the demo newsroom: 30+ articles, 5+ sections, several authors and labels, corrections, attributions, images', async () => {
    const seeded = gaceta('seed');
    assert.equal(seeded.status, 0, seeded.err);
    const handle = database();
    try {
      const { db } = handle;
      const count = async (
        table: 'articles' | 'sections' | 'authors' | 'labels' | 'corrections' | 'images' | 'pages',
      ) =>
        Number(
          (
            await db
              .selectFrom(table)
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      assert.ok((await count('articles')) >= 30);
      assert.ok((await count('sections')) >= 5);
      assert.ok((await count('authors')) >= 3);
      assert.ok((await count('labels')) >= 3);
      assert.ok((await count('corrections')) >= 2);
      assert.ok((await count('images')) >= 5);
      const tiers = await db.selectFrom('tiers').select(['kind', 'benefits']).execute();
      assert.deepEqual(
        tiers.map((tier) => tier.kind).sort(),
        ['free', 'paid', 'paid'],
        'a free tier and two paid ones',
      );
      const currencies = await db.selectFrom('tier_prices').select(['currency', 'interval']).distinct().execute();
      assert.equal(currencies.length, 4, 'monthly and yearly prices in dollars and pesos');
      assert.equal(await count('pages'), 3);
      const group = await db
        .selectFrom('member_groups')
        .innerJoin('group_seats', 'group_seats.group_id', 'member_groups.id')
        .select(['member_groups.name', 'member_groups.seats', 'member_groups.stripe_subscription_id'])
        .where('group_seats.removed_at', 'is', null)
        .execute();
      assert.deepEqual(
        group.map((row) => [row.name, Number(row.seats), row.stripe_subscription_id]),
        Array(3).fill(['Valley University', 5, 'sub_demo_group']),
        'a paid group subscription with three of its five seats taken',
      );
      // The operator who loaded the demo gets an account for the web app, its random password printed once.
      const printed = /sign in to the newsroom at \S+\/admin as (\S+) with the password (\S+)/.exec(seeded.out);
      assert.ok(printed, seeded.out);
      const [, email = '', password = ''] = printed;
      const demo = await db
        .selectFrom('staff')
        .select(['role', 'password_hash'])
        .where('email', '=', email)
        .executeTakeFirst();
      assert.equal(demo?.role, 'admin');
      assert.ok(await verifyPassword(password, demo.password_hash), 'the printed password signs in');
      // And a free and a paid demo reader, with how to sign in as each.
      const readers = /read as a member: open \S+\/signin and enter (\S+) \(free\) or (\S+) \(paid\)/.exec(seeded.out);
      assert.ok(readers, seeded.out);
      for (const [email, access] of [
        [readers[1] ?? '', 'member'],
        [readers[2] ?? '', 'paid'],
      ] as const) {
        const member = await db.selectFrom('members').select('id').where('email', '=', email).executeTakeFirstOrThrow();
        assert.equal(await accessClassOf(db, member.id), access, email);
      }
      // A reader who redeemed a gift reads its tier only, and a gift waits, its redeem link printed once.
      const gifted = /gifts: (\S+) reads Supporter stories .* redeem it at \S+\/gift\/redeem\/([\w-]{43})$/m.exec(
        seeded.out,
      );
      assert.ok(gifted, seeded.out);
      const giftee = await db
        .selectFrom('members')
        .select('id')
        .where('email', '=', gifted[1] ?? '')
        .executeTakeFirstOrThrow();
      const supporter = await db
        .selectFrom('tiers')
        .select('id')
        .where('slug', '=', 'supporter')
        .executeTakeFirstOrThrow();
      assert.deepEqual(await memberAccessOf(db, giftee.id), { access: 'paid', tiers: [supporter.id] });
      const gifts = await db.selectFrom('gifts').select(['redeemed_at', 'token_hash']).orderBy('months').execute();
      assert.deepEqual(
        gifts.map((gift) => gift.redeemed_at !== null),
        [true, false],
      );
      assert.equal(gifts[1]?.token_hash, hashSecret(gifted[2] ?? ''), 'only the printed token’s hash is kept');
      const paid = await db
        .selectFrom('member_payments')
        .select(['kind', 'amount_paid'])
        .where('kind', '=', 'gift')
        .orderBy('amount_paid')
        .execute();
      assert.deepEqual(
        paid.map((payment) => Number(payment.amount_paid)),
        [3000, 5000],
        'the gifts are payments of their buyer, as a webhook records them',
      );
      const published = await db
        .selectFrom('articles')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('status', '=', 'published')
        .executeTakeFirstOrThrow();
      // Every article is published but the desk's work in progress: a draft with TK, one ready for edit, one scheduled.
      const unpublished = await db
        .selectFrom('articles')
        .select(['status', 'headline', 'dek'])
        .where('status', '!=', 'published')
        .orderBy('status')
        .execute();
      assert.deepEqual(
        unpublished.map((article) => article.status),
        ['draft', 'ready', 'scheduled'],
      );
      assert.match(unpublished[0]?.dek ?? '', /\bTK\b/, 'the draft still waits for a figure');
      assert.equal(Number(published.n), (await count('articles')) - 3);
      const attributed = await db.selectFrom('articles').select('attribution').where('attribution', '!=', '').execute();
      assert.ok(attributed.length >= 3);
      const bodies = await db.selectFrom('article_bodies').select('body').execute();
      assert.ok(bodies.filter((b) => b.body.includes('"type":"related"')).length >= 3, 'inline related stories');
      // A newcomer meets the paywall: stories for members and for subscribers, some cut by the editor's
      // free-preview marker and some by the site's first-paragraphs default.
      const locked = await db
        .selectFrom('articles')
        .innerJoin('article_bodies', 'article_bodies.article_id', 'articles.id')
        .select(['articles.access', 'article_bodies.body'])
        .where('articles.access', '!=', 'public')
        .where('articles.status', '=', 'published')
        .execute();
      for (const access of ['members', 'paid'] as const)
        for (const marked of [true, false])
          assert.ok(
            locked.filter((row) => row.access === access && row.body.includes('"type":"preview_end"') === marked)
              .length >= 1,
            `a ${access} story ${marked ? 'with' : 'without'} a free-preview marker`,
          );
      const footer = await db
        .selectFrom('settings')
        .select('value')
        .where('key', '=', 'footerNavigation')
        .executeTakeFirst();
      const pageIds = (await db.selectFrom('pages').select('id').execute()).map((page) => page.id);
      assert.deepEqual(
        (JSON.parse(footer?.value ?? 'null') as Array<{ type: string; id: string }>).map((item) => item.type),
        ['page', 'page', 'page'],
        'the footer links the static pages',
      );
      assert.ok(JSON.parse(footer?.value ?? '[]').every((item: { id: string }) => pageIds.includes(item.id)));
      const revisions = await db.selectFrom('revisions').select(['staff_id', 'system_task']).execute();
      assert.ok(revisions.length >= 30);
      assert.ok(
        revisions.every((r) => r.staff_id === null && r.system_task === 'seed'),
        "every revision the seed made is recorded as the seed's",
      );
    } finally {
      await handle.close();
    }
    assert.ok(fs.readdirSync(path.join(dataDir, 'media', 'images')).length >= 5, 'images were made locally');
    const again = gaceta('seed');
    assert.equal(again.status, 1);
    assert.match(again.err, /already has articles/);
  });

  it('generates a synthetic archive', async () => {
    const generated = gaceta('generate', '--articles', '120');
    assert.equal(generated.status, 0, generated.err);
    const handle = database();
    const row = await handle.db
      .selectFrom('articles')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('slug', 'like', 'story-%')
      .executeTakeFirstOrThrow();
    await handle.close();
    assert.equal(Number(row.n), 120);
    assert.equal(gaceta('generate', '--articles', 'lots').status, 1);
  });

  it('serves the site, publishes a story whose time came while it was down, and stops cleanly on SIGTERM', async () => {
    const handle = database();
    const deps = { db: handle.db, invalidation: new Invalidation() };
    const draft = await createDraft(deps, SYSTEM.seed, {
      headline: 'Results come in overnight',
      body: paragraphs('Counting continues.'),
    });
    await publishArticle(deps, SYSTEM.seed, draft.id, new Date(Date.now() + 1000).toISOString());
    await handle.close();
    await new Promise((resolve) => setTimeout(resolve, 1500)); // its time passes while no server runs

    const port = await freePort();
    // A Varnish that is down: the story going live purges it, and the failure is logged as the app logs.
    const deadVarnish = await freePort();
    const server = spawn(process.execPath, ['--import', 'tsx', CLI, 'serve'], {
      env: {
        ...process.env,
        ...env,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
        VARNISH_PURGE_URL: `http://127.0.0.1:${deadVarnish}`,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let stdout = '';
    server.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    server.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => server.on('exit', resolve));
    try {
      const base = `http://127.0.0.1:${port}`;
      await waitUntilServing(`${base}/`, 60_000);
      const page = await fetch(`${base}/news/${draft.slug}`);
      assert.equal(page.status, 200, stderr);
      assert.match(await page.text(), /Results come in overnight/);
      const paid = await (await fetch(`${base}/environment/real-de-plata-tailings-dam`)).text();
      assert.match(paid, /More than 900 residents have signed a letter/, 'the demo paid story’s free preview');
      assert.doesNotMatch(paid, /What the company proposes/, 'nothing after its marker');
      assert.match(paid, /<section class="paywall"[^]*href="\/pricing"/, 'an invitation to subscribe');
      const members = await (await fetch(`${base}/economy/strong-peso-remittances-explainer`)).text();
      assert.match(members, /<section class="paywall"[^]*href="\/signup"/, 'an invitation to sign up');
      const chosen = await (await fetch(`${base}/economy/agave-price-slump-mezcal`)).text();
      assert.match(chosen, /This story is for Supporter and Patron subscribers/, 'a story for chosen tiers names them');
      const footer = (await (await fetch(`${base}/`)).text()).split('<footer')[1] ?? '';
      for (const policy of ['/about', '/ethics-policy', '/corrections-policy'])
        assert.ok(footer.includes(`href="${policy}"`), `the demo's footer links ${policy}`);
      const deadline = Date.now() + 10_000;
      while (!stdout.includes('"msg":"purge failed"') && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 100));
      const failure = stdout.split('\n').find((line) => line.includes('"msg":"purge failed"'));
      assert.ok(failure, `a JSON log line for the failed purge:\n${stdout}\n${stderr}`);
      assert.match(JSON.parse(failure).err.message, /Varnish purge at .* failed/);
      assert.doesNotMatch(stderr, /Varnish purge/, 'not a bare console line');
    } finally {
      server.kill('SIGTERM');
    }
    assert.equal(await exited, 0, stderr);
  });

  it('serves one port from several workers, restarts a worker that dies, and stops them all on SIGTERM', async () => {
    assert.equal(gaceta('migrate').status, 0);
    const handle = database();
    const draft = await createDraft({ db: handle.db, invalidation: new Invalidation() }, SYSTEM.seed, {
      headline: 'Two processes, one newsroom',
      body: paragraphs('Served by whichever worker takes the connection.'),
    });
    await publishArticle({ db: handle.db, invalidation: new Invalidation() }, SYSTEM.seed, draft.id);
    await handle.close();

    const port = await freePort();
    const server = spawn(process.execPath, ['--import', 'tsx', CLI, 'serve', '--workers', '2'], {
      env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    for (const stream of [server.stdout, server.stderr]) stream.on('data', (chunk: Buffer) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => server.on('exit', resolve));
    const workers = (): number[] =>
      fs.readFileSync(`/proc/${server.pid}/task/${server.pid}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
    const untilWorkers = async (check: (pids: number[]) => boolean): Promise<number[]> => {
      const deadline = Date.now() + 60_000;
      while (Date.now() < deadline) {
        const pids = workers();
        if (check(pids)) return pids;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`workers are ${workers().join(', ')}:\n${output}`);
    };
    const base = `http://127.0.0.1:${port}`;
    // A new connection each time, so the requests are shared out between the workers.
    const read = (path: string) => fetch(`${base}${path}`, { headers: { connection: 'close' } });
    let first: number[] = [];
    try {
      await waitUntilServing(`${base}/`, 60_000);
      first = await untilWorkers((pids) => pids.length === 2);
      for (let i = 0; i < 4; i++) {
        const page = await read(`/news/${draft.slug}`);
        assert.equal(page.status, 200, output);
        assert.match(await page.text(), /Two processes, one newsroom/);
      }
      process.kill(first[0] ?? 0, 'SIGKILL');
      const replaced = await untilWorkers((pids) => pids.length === 2 && !pids.includes(first[0] ?? 0));
      assert.ok(replaced.includes(first[1] ?? 0), 'the other worker kept serving');
      await waitUntilServing(`${base}/`, 60_000);
      for (let i = 0; i < 4; i++) assert.equal((await read(`/news/${draft.slug}`)).status, 200, output);
      first = replaced;
    } finally {
      server.kill('SIGTERM');
    }
    assert.equal(await exited, 0, output);
    for (const pid of first) assert.throws(() => process.kill(pid, 0), /ESRCH/, `worker ${pid} stopped too`);
  });

  it('writes a backup with the database and media', async () => {
    const target = path.join(dataDir, 'backups');
    const result = gaceta('backup', '--to', target);
    assert.equal(result.status, 0, result.err);
    const folder = result.out.match(/backup written to (.+)/)?.[1]?.trim() ?? '';
    assert.ok(fs.existsSync(path.join(folder, 'media', 'images')));
    if (TEST_DIALECT === 'sqlite') {
      const copy = openDatabase({ sqliteFile: path.join(folder, 'gaceta.sqlite') });
      const row = await copy.db
        .selectFrom('articles')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      await copy.close();
      assert.ok(Number(row.n) >= 150);
    } else {
      assert.ok(fs.statSync(path.join(folder, 'gaceta.pgdump')).size > 0);
    }
  });
});
