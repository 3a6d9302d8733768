import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../db/schema.ts';

/*
 * How other domains name a member of staff (who changed an article, who has it open) without
 * reading the staff table themselves: a lookup by ids, or a subquery to put inside their own query
 * when a list must stay one query.
 */

/** Names of the given staff ids (disabled accounts included: their past changes keep a name). */
export async function staffNames(
  db: Kysely<Database>,
  ids: ReadonlyArray<string | null>,
): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('staff').select(['id', 'name']).where('id', 'in', wanted).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** SQL for the name of the member of staff whose id is in `column` (null when none), as a subquery. */
export function staffNameSql(column: string): RawBuilder<string | null> {
  return sql<string | null>`(select staff.name from staff where staff.id = ${sql.ref(column)})`;
}

/** SQL for the role of the member of staff whose id is in `column` (null when none), as a subquery. */
export function staffRoleSql(column: string): RawBuilder<string | null> {
  return sql<string | null>`(select staff.role from staff where staff.id = ${sql.ref(column)})`;
}
