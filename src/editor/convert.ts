import type { Node } from 'prosemirror-model';
import type { ArticleDocument, Block, InlineNode } from '../content/document.ts';
import { DOCUMENT_VERSION } from '../content/document-limits.ts';
import { joinedInlines, normalizeDocument, withOnePreviewEnd } from '../content/document-canonical.ts';
import { editorSchema } from './schema.ts';

/*
 * A stored body into the editor and back. The laws (tested in ./convert.test.ts):
 * fromProseMirror(toProseMirror(d)) equals normalizeDocument(d) for every valid stored d, what
 * toProseMirror gives is valid in the editor's schema, and what fromProseMirror gives is valid in
 * the stored format's schema (within its size limits, which the admin API checks on save).
 */

/** A mark as ProseMirror writes it in JSON. */
export interface PMMarkJSON {
  type: string;
  attrs?: Record<string, unknown>;
}

/** A node as ProseMirror writes it in JSON (`Node.toJSON()`), and reads it (`Node.fromJSON()`). */
export interface PMNodeJSON {
  type: string;
  attrs?: Record<string, unknown>;
  content?: PMNodeJSON[];
  marks?: PMMarkJSON[];
  text?: string;
}

type ImageBlock = Extract<Block, { type: 'image' }>;

// Written as ProseMirror's own toJSON() writes them (empty content left out, every attribute
// present, null for an absent optional field), so the editor's JSON and ours compare equal.
const node = (type: string, content: PMNodeJSON[], attrs?: Record<string, unknown>): PMNodeJSON => ({
  type,
  ...(attrs ? { attrs } : {}),
  ...(content.length ? { content } : {}),
});

function inlinesToPM(nodes: readonly InlineNode[]): PMNodeJSON[] {
  return joinedInlines(nodes).map((inline) => {
    if (inline.type === 'break') return { type: 'hard_break' };
    const marks = (inline.marks ?? []).map((mark) =>
      mark.type === 'link' ? { type: 'link', attrs: { href: mark.href } } : { type: mark.type },
    );
    return marks.length ? { type: 'text', marks, text: inline.text } : { type: 'text', text: inline.text };
  });
}

const paragraphToPM = (content: readonly InlineNode[]): PMNodeJSON => node('paragraph', inlinesToPM(content));

function blockToPM(block: Block): PMNodeJSON {
  switch (block.type) {
    case 'paragraph':
      return paragraphToPM(block.content);
    case 'heading':
      return node('heading', inlinesToPM(block.content), { level: block.level });
    case 'list':
      return node(
        'list',
        block.items.map((item) => node('list_item', [paragraphToPM(item.content)])),
        { ordered: block.ordered },
      );
    case 'quote': {
      const paragraphs = block.paragraphs.map(paragraphToPM);
      if (block.cite === undefined) return node('quote', paragraphs);
      const cite = block.cite === '' ? [] : [{ type: 'text', text: block.cite }];
      return node('quote', [...paragraphs, node('cite', cite)]);
    }
    case 'image': {
      const { imageId, alt = null, caption = null, credit = null } = block;
      return node('image', [], { imageId, alt, caption, credit });
    }
    case 'related':
      return node('related', [], { articleId: block.articleId });
    case 'embed':
      return node('embed', [], { html: block.html, caption: block.caption ?? null });
    case 'divider':
      return node('divider', []);
    case 'preview_end':
      return node('preview_end', []);
  }
}

/** A stored document as the editor's ProseMirror JSON (`editorSchema.nodeFromJSON()` reads it). */
export function toProseMirror(doc: ArticleDocument): PMNodeJSON {
  return node('doc', withOnePreviewEnd(doc.content).map(blockToPM));
}

// Attribute values have been checked by Node.check() against the schema's validators.
const attr = (pm: Node, name: string): string => pm.attrs[name] as string;
const optionalAttr = <K extends string>(pm: Node, name: K): { [P in K]?: string } =>
  (pm.attrs[name] === null ? {} : { [name]: pm.attrs[name] as string }) as { [P in K]?: string };

function inlinesFromPM(parent: Node): InlineNode[] {
  const out: InlineNode[] = [];
  parent.forEach((child) => {
    // A break carries no marks in the stored format; marks ProseMirror put on one are dropped.
    if (child.type.name === 'hard_break') out.push({ type: 'break' });
    else {
      const marks = child.marks.map((mark) =>
        mark.type.name === 'link'
          ? { type: 'link' as const, href: mark.attrs.href as string }
          : { type: mark.type.name as 'bold' | 'italic' },
      );
      out.push(
        marks.length ? { type: 'text', text: child.text ?? '', marks } : { type: 'text', text: child.text ?? '' },
      );
    }
  });
  return out;
}

function blockFromPM(pm: Node): Block {
  switch (pm.type.name) {
    case 'paragraph':
      return { type: 'paragraph', content: inlinesFromPM(pm) };
    case 'heading':
      return { type: 'heading', level: pm.attrs.level as 2 | 3 | 4, content: inlinesFromPM(pm) };
    case 'list': {
      const items: Array<{ content: InlineNode[] }> = [];
      pm.forEach((item) => items.push({ content: item.firstChild ? inlinesFromPM(item.firstChild) : [] }));
      return { type: 'list', ordered: pm.attrs.ordered as boolean, items };
    }
    case 'quote': {
      const paragraphs: InlineNode[][] = [];
      let cite: string | undefined;
      pm.forEach((child) => {
        if (child.type.name === 'cite') cite = child.textContent;
        else paragraphs.push(inlinesFromPM(child));
      });
      return cite === undefined ? { type: 'quote', paragraphs } : { type: 'quote', paragraphs, cite };
    }
    case 'image': {
      const image: ImageBlock = { type: 'image', imageId: attr(pm, 'imageId') };
      return { ...image, ...optionalAttr(pm, 'alt'), ...optionalAttr(pm, 'caption'), ...optionalAttr(pm, 'credit') };
    }
    case 'related':
      return { type: 'related', articleId: attr(pm, 'articleId') };
    case 'embed':
      return { type: 'embed', html: attr(pm, 'html'), ...optionalAttr(pm, 'caption') };
    case 'divider':
      return { type: 'divider' };
    case 'preview_end':
      return { type: 'preview_end' };
    default:
      throw new RangeError(`${pm.type.name} is not a block of the stored format`);
  }
}

/**
 * The editor's ProseMirror JSON as a stored document, in canonical form. Throws a RangeError when
 * the JSON is not a document of the editor's schema.
 */
export function fromProseMirror(json: PMNodeJSON): ArticleDocument {
  const doc = editorSchema.nodeFromJSON(json);
  if (doc.type !== editorSchema.topNodeType) throw new RangeError(`expected a doc, got ${doc.type.name}`);
  doc.check();
  const content: Block[] = [];
  doc.forEach((block) => content.push(blockFromPM(block)));
  // ProseMirror already joined texts and ordered marks; this cuts texts longer than a stored one.
  return normalizeDocument({ type: 'doc', version: DOCUMENT_VERSION, content });
}
