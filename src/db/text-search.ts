import { type RawBuilder, sql } from 'kysely';

/**
 * Rows where any of the columns contains the text as typed, in any case: `lower() like` with % and
 * _ escaped works the same on SQLite and PostgreSQL (SQLite's own LIKE folds ASCII only; lower() on
 * both folds the rest the same for the newsroom's Latin letters). % and _ are letters, not wildcards.
 */
export function containsText(columns: readonly string[], text: string): RawBuilder<boolean> {
  const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const tests = columns.map((column) => sql`lower(${sql.ref(column)}) like ${pattern} escape '\\'`);
  return sql<boolean>`(${sql.join(tests, sql` or `)})`;
}
