import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import SQLite from 'better-sqlite3';
import { CompiledQuery, sql } from 'kysely';
import { TEST_DATABASE_URL } from '../testing/harness.ts';
import { openDatabase } from './database.ts';

describe('the embedded database', () => {
  it('is one file in WAL mode, so readers carry on while a writer commits', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gaceta-db-'));
    try {
      const handle = openDatabase({ sqliteFile: path.join(dir, 'wal.sqlite') });
      const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(handle.db);
      assert.equal(mode.rows[0]?.journal_mode, 'wal');
      const keys = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(handle.db);
      assert.equal(Number(keys.rows[0]?.foreign_keys), 1);
      await handle.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps the planner statistics that do not make statements re-plan on every run', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gaceta-db-'));
    const file = path.join(dir, 'stats.sqlite');
    try {
      const handle = openDatabase({ sqliteFile: file });
      await sql`create table items (id integer primary key, kind text not null, at text not null)`.execute(handle.db);
      await sql`create index items_kind_at on items (kind, at)`.execute(handle.db);
      await sql`with recursive n(value) as (select 1 union all select value + 1 from n where value < 5000)
        insert into items (kind, at) select 'k' || (value % 7), printf('%08d', value) from n`.execute(handle.db);
      await sql`analyze`.execute(handle.db);
      const samples = async () =>
        Number((await sql<{ n: number }>`select count(*) as n from sqlite_stat4`.execute(handle.db)).rows[0]?.n);
      assert.ok((await samples()) > 0, 'ANALYZE on this SQLite build writes STAT4 samples');

      await handle.optimize();
      assert.equal(await samples(), 0);
      const estimates = await sql<{ idx: string }>`select idx from sqlite_stat1 where tbl = 'items'`.execute(handle.db);
      assert.ok(
        estimates.rows.some((row) => row.idx === 'items_kind_at'),
        'row estimates per index are kept',
      );
      await handle.close();

      const reopened = new SQLite(file, { readonly: true });
      assert.equal((reopened.prepare('select count(*) as n from sqlite_stat4').get() as { n: number }).n, 0);
      reopened.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the PostgreSQL pool', { skip: TEST_DATABASE_URL ? false : 'needs TEST_DATABASE_URL' }, () => {
  it('runs a query it has seen before as a named prepared statement, parsed and planned once', async () => {
    // One connection, so the statement lists below are that connection's.
    const handle = openDatabase({ databaseUrl: TEST_DATABASE_URL, poolSize: 1 });
    try {
      const text = 'select $1::int + 1 as next';
      for (let i = 0; i < 3; i++) {
        const result = await handle.db.executeQuery<{ next: number }>(CompiledQuery.raw(text, [i]));
        assert.equal(result.rows[0]?.next, i + 1);
      }
      const prepared = await handle.db.executeQuery<{ n: string }>(
        CompiledQuery.raw('select count(*) as n from pg_prepared_statements where statement = $1', [text]),
      );
      assert.equal(Number(prepared.rows[0]?.n), 1);
      const jit = await handle.db.executeQuery<{ jit: string }>(CompiledQuery.raw('show jit'));
      assert.equal(jit.rows[0]?.jit, 'off');
    } finally {
      await handle.close();
    }
  });
});
