import { randomUUID } from 'node:crypto';
import { type Compilable, CompiledQuery, type Kysely, type RawBuilder, sql } from 'kysely';
import { ANY_ORDER_HINT } from './sqlite-rows.ts';

type Slot = { name: string } | { value: unknown };
interface Compiled {
  sql: string;
  slots: Slot[];
}

// Per database handle, since SQLite and PostgreSQL compile the same query differently.
const compiledByDatabase = new WeakMap<object, Map<string, Compiled>>();
// Stand-ins are strings no caller could pass: a random prefix made when the process starts.
const MARKER = `gaceta-param-${randomUUID()}:`;
let verifying = false;

/**
 * Turns shape verification on or off (the test harness and `GACETA_VERIFY_QUERIES` turn it on).
 * While on, every run of a prepared query builds and compiles it again and compares the result with
 * what its shape holds, so a query whose SQL changes without its shape string fails loudly instead
 * of silently running another query's SQL. Off in production: it costs the compile runPrepared saves.
 */
export function verifyPreparedShapes(on: boolean): void {
  verifying = on;
}

/** Thrown when one shape string names two different queries. */
export class PreparedShapeError extends Error {}

function compile(
  build: (param: <T = string>(name: string) => T) => Compilable<unknown>,
  anyOrder: boolean | undefined,
): Compiled {
  const compiled = build(<T>(name: string) => `${MARKER}${name}` as unknown as T).compile();
  const slots = compiled.parameters.map((value): Slot =>
    typeof value === 'string' && value.startsWith(MARKER) ? { name: value.slice(MARKER.length) } : { value },
  );
  return { sql: anyOrder ? ANY_ORDER_HINT + compiled.sql : compiled.sql, slots };
}

function sameQuery(a: Compiled, b: Compiled): boolean {
  return a.sql === b.sql && JSON.stringify(a.slots) === JSON.stringify(b.slots);
}

/**
 * Runs a hot query compiled once per shape. Kysely rebuilds and recompiles every query on every
 * call, which for the reader pages' card queries cost more than the database running them.
 *
 * `build` receives `param(name)`, a stand-in for a value: the query is compiled with stand-ins
 * and each run swaps in `values`. `shape` must name everything that changes the SQL text itself
 * (which filters are present, how long an IN list is).
 *
 * `anyOrder` says the caller sorts the rows itself, so they may come back in any order; SQLite
 * then reads them as one JSON document, cheaper for many rows (see ANY_ORDER_HINT).
 */
export async function runPrepared<DB, Row>(
  db: Kysely<DB>,
  shape: string,
  build: (param: <T = string>(name: string) => T) => Compilable<Row>,
  values: Record<string, unknown>,
  options: { anyOrder?: boolean } = {},
): Promise<Row[]> {
  let cache = compiledByDatabase.get(db);
  if (!cache) compiledByDatabase.set(db, (cache = new Map()));
  let entry = cache.get(shape);
  if (!entry) {
    entry = compile(build, options.anyOrder);
    cache.set(shape, entry);
  } else if (verifying) {
    const fresh = compile(build, options.anyOrder);
    if (!sameQuery(entry, fresh))
      throw new PreparedShapeError(
        `prepared query shape "${shape}" names two different queries: it was compiled as\n  ${entry.sql}\nand this call builds\n  ${fresh.sql}\n` +
          `(bound: ${JSON.stringify(entry.slots)} and ${JSON.stringify(fresh.slots)}); add what differs to the shape string.`,
      );
  }
  const parameters = entry.slots.map((slot) => {
    if ('value' in slot) return slot.value;
    if (!(slot.name in values)) throw new Error(`prepared query ${shape} has no value for ${slot.name}`);
    return values[slot.name];
  });
  const result = await db.executeQuery<Row>(CompiledQuery.raw(entry.sql, parameters) as CompiledQuery<Row>);
  return result.rows;
}

/**
 * A row count written into the SQL text rather than bound (LIMIT, the depth of an index walk), so it
 * must be part of the query's shape. SQLite plans `LIMIT 7` for a handful of rows; `LIMIT ?` it plans
 * without knowing, which cost a card query of the home page about twice as much.
 */
export function countLiteral(count: number): RawBuilder<number> {
  if (!Number.isSafeInteger(count) || count < 0)
    throw new Error(`a row count must be a whole number from 0, got ${count}`);
  return sql.lit(count);
}
