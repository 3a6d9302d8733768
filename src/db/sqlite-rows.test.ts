import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import SQLite from 'better-sqlite3';
import { ANY_ORDER_HINT, withFastRows } from './sqlite-rows.ts';

describe('SQLite rows read as arrays and shaped into objects', () => {
  const sqlite = new SQLite(':memory:');
  sqlite.exec(`create table t (id integer primary key, name text, note text);
    insert into t (name, note) values ('a', null), ('b', 'x"y'), ('c', '');`);
  const query = 'select id, name, note as "odd ""name""", name as id from t where id >= ? order by id';

  it('gives the same rows as better-sqlite3 itself, odd and repeated column names included', () => {
    const expected = sqlite.prepare(query).all(2);
    const shaped = withFastRows(sqlite.prepare(query));
    assert.deepEqual(shaped.all(2), expected);
    assert.deepEqual(shaped.get(3), sqlite.prepare(query).get(3));
    assert.equal(shaped.get(9), undefined);
    assert.deepEqual([...shaped.iterate(1)], sqlite.prepare(query).all(1));
    assert.equal(shaped.reader, true);
  });

  it('leaves statements that write as they are', () => {
    const insert = withFastRows(sqlite.prepare('insert into t (name) values (?)'));
    assert.equal(insert.reader, false);
    assert.equal(insert.run('d').changes, 1);
    const returning = withFastRows(sqlite.prepare('insert into t (name) values (?) returning id, name'));
    assert.deepEqual(returning.all('e'), [{ id: 5, name: 'e' }]);
  });

  it('reads a query marked any-order as one JSON document, with the same values', () => {
    sqlite.exec(`create table v (id integer primary key, label text, n integer, x real);
      insert into v (label, n, x) values ('caf\u00e9 "quoted" \\ back', 42, 1.5), (null, -7, null), ('line
break', 9007199254740991, 0.1);`);
    const plain = sqlite.prepare('select id, label, n, x from v where id >= ? order by id').all(1);
    const json = withFastRows(
      sqlite.prepare(`${ANY_ORDER_HINT}select id, label, n, x from v where id >= ? order by id`),
    );
    assert.deepEqual(json.all(1), plain);
    assert.deepEqual(json.get(3), plain[2]);
    assert.deepEqual(json.all(99), []);
    assert.equal(json.get(99), undefined);
    const repeated = withFastRows(sqlite.prepare(`${ANY_ORDER_HINT}select id, label as id from v order by id`));
    assert.deepEqual(
      repeated.all(),
      sqlite.prepare('select id, label as id from v order by id').all(),
      'repeated names fall back to plain rows',
    );
  });
});
