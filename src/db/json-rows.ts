import { PostgresAdapter } from 'kysely';
import { jsonArrayFrom as postgresJsonArray } from 'kysely/helpers/postgres';
import { jsonArrayFrom as sqliteJsonArray } from 'kysely/helpers/sqlite';

interface HasAdapter {
  getExecutor(): { readonly adapter: unknown };
}

/** True when the Kysely instance (or transaction) talks to PostgreSQL. */
export function isPostgres(db: HasAdapter): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * A subquery's rows as one JSON array column, in the subquery's order. Fetching a page's small lists
 * (an article's authors, tags, corrections) inside its main query saves a round trip to PostgreSQL
 * for each; see docs/benchmarks.md. Read the column back with `jsonRows()`.
 */
export function jsonArrayOf<O>(
  db: HasAdapter,
  subquery: Parameters<typeof sqliteJsonArray<O>>[0],
): ReturnType<typeof sqliteJsonArray<O>> {
  return isPostgres(db) ? postgresJsonArray(subquery) : sqliteJsonArray(subquery);
}

/** A column made by jsonArrayOf: PostgreSQL's driver has parsed it already, SQLite returns text. */
export function jsonRows<O>(value: O[] | string): O[] {
  return typeof value === 'string' ? (JSON.parse(value) as O[]) : value;
}
