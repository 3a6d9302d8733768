/** The tiers whose members may read an article whose access is 'tiers' (tier ids are billing's, opaque here). */
export interface ArticleAccessTiersTable {
  article_id: string;
  tier_id: string;
}

/** A locked story a free member read through the monthly meter; `month` is YYYY-MM in the site's time zone. */
export interface MeteredReadsTable {
  member_id: string;
  month: string;
  article_id: string;
  read_at: string;
}
