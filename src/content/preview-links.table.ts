import type { Selectable } from 'kysely';

/** A private link to an article as readers will see it, for someone outside the newsroom; only its token's hash is kept. */
export interface PreviewLinksTable {
  id: string;
  article_id: string;
  token_hash: string;
  created_by: string | null;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}
export type PreviewLinkRow = Selectable<PreviewLinksTable>;
