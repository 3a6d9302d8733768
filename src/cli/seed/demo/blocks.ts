/** Small builders that keep the demo content files readable. */
import type { DemoBlock, DemoInline } from './types.ts';

type Part = string | DemoInline;

const inline = (part: Part): DemoInline => (typeof part === 'string' ? { type: 'text', text: part } : part);

/** Bold text. */
export const b = (text: string): DemoInline => ({ type: 'text', text, marks: [{ type: 'bold' }] });
/** Italic text. */
export const i = (text: string): DemoInline => ({ type: 'text', text, marks: [{ type: 'italic' }] });
/** A site-relative link. */
export const a = (text: string, href: string): DemoInline => ({ type: 'text', text, marks: [{ type: 'link', href }] });
/** A line break inside a paragraph. */
export const br: DemoInline = { type: 'break' };

export const p = (...parts: Part[]): DemoBlock => ({ type: 'paragraph', content: parts.map(inline) });
export const h2 = (text: string): DemoBlock => ({ type: 'heading', level: 2, content: [inline(text)] });
export const h3 = (text: string): DemoBlock => ({ type: 'heading', level: 3, content: [inline(text)] });

const items = (list: Array<Part | Part[]>): Array<{ content: DemoInline[] }> =>
  list.map((item) => ({ content: (Array.isArray(item) ? item : [item]).map(inline) }));

export const ul = (...list: Array<Part | Part[]>): DemoBlock => ({ type: 'list', ordered: false, items: items(list) });
export const ol = (...list: Array<Part | Part[]>): DemoBlock => ({ type: 'list', ordered: true, items: items(list) });

export const quote = (text: string | string[], cite?: string): DemoBlock => {
  const paragraphs = (Array.isArray(text) ? text : [text]).map((s) => [inline(s)]);
  return cite === undefined ? { type: 'quote', paragraphs } : { type: 'quote', paragraphs, cite };
};

/** Inline image; the caption overrides the image's default caption when given. */
export const img = (image: string, caption?: string): DemoBlock =>
  caption === undefined ? { type: 'image', image } : { type: 'image', image, caption };

/** Inline "related story" card pointing to another demo article. */
export const rel = (slug: string): DemoBlock => ({ type: 'related', slug });

export const hr: DemoBlock = { type: 'divider' };

/** The editor's "free preview ends here" marker: readers without access to the story get what comes before it. */
export const freePreviewEnds: DemoBlock = { type: 'preview_end' };
