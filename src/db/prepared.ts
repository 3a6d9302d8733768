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
    const compiled = build(<T>(name: string) => `${MARKER}${name}` as unknown as T).compile();
    const slots = compiled.parameters.map((value): Slot =>
      typeof value === 'string' && value.startsWith(MARKER) ? { name: value.slice(MARKER.length) } : { value },
    );
    entry = { sql: options.anyOrder ? ANY_ORDER_HINT + compiled.sql : compiled.sql, slots };
    cache.set(shape, entry);
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
