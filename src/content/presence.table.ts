/** Who has an article open in the editor: one row per article and member of staff, refreshed while it stays open. */
export interface ArticlePresenceTable {
  article_id: string;
  staff_id: string;
  seen_at: string;
}
