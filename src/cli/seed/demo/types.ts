/**
 * Shapes of the demo newsroom that `gaceta seed` loads.
 * All demo text is original and fictional; see ./newsroom.ts and the section files.
 */

export type DemoInline =
  | {
      type: 'text';
      text: string;
      marks?: Array<{ type: 'bold' } | { type: 'italic' } | { type: 'link'; href: string }>;
    }
  | { type: 'break' };

export type DemoBlock =
  | { type: 'paragraph'; content: DemoInline[] }
  | { type: 'heading'; level: 2 | 3; content: DemoInline[] }
  | { type: 'list'; ordered: boolean; items: Array<{ content: DemoInline[] }> }
  | { type: 'quote'; paragraphs: DemoInline[][]; cite?: string }
  | { type: 'image'; image: string; caption?: string; credit?: string; alt?: string } // image = DemoImage.key
  | { type: 'related'; slug: string } // slug of another demo article
  | { type: 'divider' }
  | { type: 'preview_end' };

export interface DemoImage {
  key: string;
  alt: string;
  caption: string;
  credit: string;
  /** Drawn locally as an illustration: two hex colours and a motif. */
  palette: [string, string];
  motif: 'skyline' | 'mountains' | 'sea' | 'fields' | 'crowd' | 'sun' | 'market' | 'stadium';
}

export interface DemoArticle {
  slug: string;
  headline: string;
  dek: string;
  /** Who may read the whole story (public when left out): readers without access get its free preview. */
  access?: 'members' | 'paid' | 'tiers';
  /** For access 'tiers': the slugs of the paid tiers whose members read it. */
  tiers?: string[];
  label: string;
  section: string;
  authors: string[];
  tags: string[];
  dateline: string;
  attribution?: string;
  hoursAgo: number;
  updatedHoursAgo?: number;
  image: string;
  body: DemoBlock[];
  corrections?: Array<{ kind: 'correction' | 'clarification'; body: string; hoursAgo: number }>;
  related?: string[];
}

export interface DemoSection {
  slug: string;
  name: string;
  description: string;
}
export interface DemoAuthor {
  slug: string;
  name: string;
  bio: string;
}
export interface DemoLabel {
  slug: string;
  name: string;
}
export interface DemoTag {
  slug: string;
  name: string;
}
export interface DemoPage {
  slug: string;
  title: string;
  body: DemoBlock[];
}
