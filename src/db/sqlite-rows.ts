import type SQLite from 'better-sqlite3';

type Row = Record<string, unknown>;

/**
 * Starts the SQL of a query whose caller puts the rows in order itself (see runPrepared's
 * `anyOrder`). SQLite then returns all rows as one JSON document: better-sqlite3 hands each value
 * to V8 through its API, which for a page of cards costs more than SQLite writing JSON and V8
 * parsing it. PostgreSQL reads it as a comment.
 */
export const ANY_ORDER_HINT = '/* gaceta:any-order */ ';

/**
 * A prepared statement that reads rows as arrays and turns them into objects with a constructor
 * made for its columns. better-sqlite3 builds each row object key by key through V8's API; on a
 * page of 30 story cards that took a third longer than reading arrays and shaping them here.
 */
export function withFastRows(statement: SQLite.Statement): SQLite.Statement {
  if (!statement.reader) return statement;
  const names = statement.columns().map((column) => column.name);
  const toObject = rowConstructor(names);
  if (statement.source.startsWith(ANY_ORDER_HINT) && new Set(names).size === names.length)
    return asJsonDocument(statement, names, toObject);
  statement.raw(true);
  return readerWith(statement, {
    all: (...params: unknown[]) => (statement.all(...params) as unknown[][]).map(toObject),
    get: (...params: unknown[]) => {
      const row = statement.get(...params) as unknown[] | undefined;
      return row === undefined ? undefined : toObject(row);
    },
    iterate: function* iterate(...params: unknown[]) {
      for (const row of statement.iterate(...params) as IterableIterator<unknown[]>) yield toObject(row);
    },
  });
}

function asJsonDocument(
  statement: SQLite.Statement,
  names: readonly string[],
  toObject: (values: unknown[]) => Row,
): SQLite.Statement {
  const columns = names.map((name) => `"${name.replaceAll('"', '""')}"`).join(', ');
  const document = statement.database
    .prepare(`select json_group_array(json_array(${columns})) from (${statement.source})`)
    .pluck();
  const all = (...params: unknown[]): Row[] =>
    (JSON.parse(document.get(...params) as string) as unknown[][]).map(toObject);
  return readerWith(statement, {
    all,
    get: (...params: unknown[]) => all(...params)[0],
    iterate: function* iterate(...params: unknown[]) {
      yield* all(...params);
    },
  });
}

/** Only what Kysely's SQLite driver calls on a statement; the native methods need their own `this`. */
function readerWith(
  statement: SQLite.Statement,
  reads: Pick<SQLite.Statement, 'all' | 'get' | 'iterate'>,
): SQLite.Statement {
  const shaped: Pick<SQLite.Statement, 'reader' | 'all' | 'get' | 'run' | 'iterate'> = {
    reader: true,
    run: (...params: unknown[]) => statement.run(...params),
    ...reads,
  };
  return shaped as SQLite.Statement;
}

/**
 * One object literal with the statement's column names (JSON-quoted, so any name is safe; a repeated
 * name keeps its last value, as better-sqlite3's own rows do), so V8 gives every row the same shape.
 */
function rowConstructor(names: readonly string[]): (values: unknown[]) => Row {
  const fields = names.map((name, index) => `${JSON.stringify(name)}: values[${index}]`).join(', ');
  return new Function('values', `return { ${fields} };`) as (values: unknown[]) => Row;
}
