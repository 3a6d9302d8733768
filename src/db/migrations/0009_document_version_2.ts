import { type Kysely, sql } from 'kysely';

/*
 * The document format's version 2 adds the free-preview marker (`preview_end`, docs/document-format.md);
 * every stored body and page becomes version 2. Nearly every body was written by JSON.stringify of a
 * document whose first keys are type and version, so one UPDATE per table rewrites that prefix in
 * place (seconds for 100,000 articles); the few written with other key orders are read and rewritten.
 * Revisions keep the version they were saved in: a restored revision is upgraded when it is saved.
 */

const OLD_PREFIX = '{"type":"doc","version":1,';
const NEW_PREFIX = '{"type":"doc","version":2,';

type Bodies = {
  article_bodies: { article_id: string; body: string };
  pages: { id: string; body: string };
};

async function upgrade(db: Kysely<Bodies>, table: 'article_bodies' | 'pages', key: 'article_id' | 'id'): Promise<void> {
  await sql`update ${sql.table(table)} set body = ${NEW_PREFIX} || substr(body, ${OLD_PREFIX.length + 1})
    where substr(body, 1, ${OLD_PREFIX.length}) = ${OLD_PREFIX}`.execute(db);
  const rest = await sql<{ key: string; body: string }>`select ${sql.ref(key)} as key, body from ${sql.table(table)}
    where substr(body, 1, ${NEW_PREFIX.length}) <> ${NEW_PREFIX}`.execute(db);
  for (const row of rest.rows) {
    const doc = JSON.parse(row.body) as { version?: number };
    if (doc.version === 2) continue;
    await sql`update ${sql.table(table)} set body = ${JSON.stringify({ ...doc, version: 2 })}
      where ${sql.ref(key)} = ${row.key}`.execute(db);
  }
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await upgrade(db as Kysely<Bodies>, 'article_bodies', 'article_id');
  await upgrade(db as Kysely<Bodies>, 'pages', 'id');
}

// Version 1 cannot hold a free-preview marker: going down drops the markers, then the version.
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const [table, key] of [
    ['article_bodies', 'article_id'],
    ['pages', 'id'],
  ] as const) {
    const rows = await sql<{
      key: string;
      body: string;
    }>`select ${sql.ref(key)} as key, body from ${sql.table(table)}`.execute(db);
    for (const row of rows.rows) {
      const doc = JSON.parse(row.body) as { content: Array<{ type: string }> };
      const older = { ...doc, version: 1, content: doc.content.filter((block) => block.type !== 'preview_end') };
      await sql`update ${sql.table(table)} set body = ${JSON.stringify(older)} where ${sql.ref(key)} = ${row.key}`.execute(
        db,
      );
    }
  }
}
