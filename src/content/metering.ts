import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/*
 * Metering (site setting meteredArticles; 0 is off): a signed-in free member may read a few locked
 * stories a month whole. Counted here, on the server, one row per member, story and month: the same
 * story opened again that month is free again and counts once; a new one counts while the member has
 * read fewer than the allowance; then the story is locked as for any free member. Months are the
 * site's (its time zone), as its readers and its newsroom count them. docs/decisions.md, "Metering".
 */

/** How far a member is through this month's allowance, as the page says it. */
export interface MeterReading {
  read: number;
  allowed: number;
}

/** The month an instant falls in on the site's clocks, as YYYY-MM. */
export function meterMonth(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit' }).formatToParts(at);
  const part = (type: 'year' | 'month') => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}`;
}

/**
 * Lets a free member read a locked story through the meter, counting it: the reading after this
 * story, or null when the month's allowance is spent (the story stays locked). Two pages opened at
 * the very same moment may both pass the last free read; a story too many is the price of no lock.
 */
export async function meterRead(
  db: Kysely<Database>,
  read: { memberId: string; articleId: string; allowed: number; month: string; at: string },
): Promise<MeterReading | null> {
  const { memberId, articleId, allowed, month, at } = read;
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('metered_reads')
      .select('article_id')
      .where('member_id', '=', memberId)
      .where('month', '=', month)
      .execute();
    if (rows.some((row) => row.article_id === articleId)) return { read: rows.length, allowed };
    if (rows.length >= allowed) return null;
    await trx
      .insertInto('metered_reads')
      .values({ member_id: memberId, month, article_id: articleId, read_at: at })
      .onConflict((oc) => oc.columns(['member_id', 'month', 'article_id']).doNothing())
      .execute();
    return { read: rows.length + 1, allowed };
  });
}
