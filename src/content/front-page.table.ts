import type { Selectable } from 'kysely';

/** A story pinned to the home page by an editor: the lead, or one of the featured stories in order. */
export interface FrontPagePinsTable {
  article_id: string;
  slot: 'lead' | 'featured';
  /** Order among the featured stories (0 for the lead). */
  position: number;
  /** When the pin lapses (ISO UTC); null until unpinned. */
  pinned_until: string | null;
  pinned_by: string | null;
  pinned_at: string;
}
export type FrontPagePinRow = Selectable<FrontPagePinsTable>;
