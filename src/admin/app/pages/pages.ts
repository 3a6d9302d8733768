/** A static page as the admin API lists it. */
export interface PageSummary {
  id: string;
  slug: string;
  title: string;
  status: 'draft' | 'published';
  modifiedAt: string;
}

/** The stored document format (docs/document-format.md), as far as the read-only view needs it. */
export interface PageBody {
  type: 'doc';
  version: number;
  content: Block[];
}
type Inline = { type: 'text'; text: string; marks?: Array<{ type: string; href?: string }> } | { type: 'break' };
export type Block =
  | { type: 'paragraph'; content: Inline[] }
  | { type: 'heading'; level: 2 | 3 | 4; content: Inline[] }
  | { type: 'list'; ordered: boolean; items: Array<{ content: Inline[] }> }
  | { type: 'quote'; paragraphs: Inline[][]; cite?: string }
  | { type: 'image'; imageId: string; alt?: string; caption?: string; credit?: string }
  | { type: 'related'; articleId: string }
  | { type: 'embed'; html: string; caption?: string }
  | { type: 'divider' }
  | { type: string };
