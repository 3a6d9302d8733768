import pg from 'pg';
import type { BenchPaths } from './options.ts';

/** The same server's maintenance database, for creating the bench's own database. */
function maintenanceUrl(databaseUrl: string): { url: string; name: string } {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!/^[a-z_][a-z0-9_]*$/.test(name))
    throw new Error(`BENCH_DATABASE_URL must name a database of lower-case letters, digits and _, got "${name}"`);
  url.pathname = '/postgres';
  return { url: url.toString(), name };
}

/** Creates the benchmark's database when the server does not have it yet (it is kept across runs). */
export async function ensureDatabase(databaseUrl: string): Promise<void> {
  const { url, name } = maintenanceUrl(databaseUrl);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) {
      console.log(`archive: creating PostgreSQL database ${name}`);
      await client.query(`create database ${name}`);
    }
  } finally {
    await client.end();
  }
}

async function withClient<T>(databaseUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Published articles in the PostgreSQL archive (0 before the first migration). */
export function countPublishedPostgres(databaseUrl: string): Promise<number> {
  return withClient(databaseUrl, async (client) => {
    const table = await client.query("select to_regclass('articles') as t");
    if (!table.rows[0]?.t) return 0;
    const result = await client.query<{ n: string }>("select count(*) as n from articles where status = 'published'");
    return Number(result.rows[0]?.n ?? 0);
  });
}

/** The PostgreSQL archive's counterpart of pickPaths(): the article as far down the list, and its section. */
export function pickPathsPostgres(databaseUrl: string, offset: number): Promise<BenchPaths> {
  return withClient(databaseUrl, async (client) => {
    const result = await client.query<{ slug: string; section: string }>(
      `select a.slug, s.slug as section from articles a join sections s on s.id = a.section_id
       where a.status = 'published' order by a.published_at desc, a.id desc limit 1 offset $1`,
      [offset],
    );
    const row = result.rows[0];
    if (!row) throw new Error('no published article with a section in the PostgreSQL archive');
    return { article: `/${row.section}/${row.slug}`, section: `/${row.section}` };
  });
}
