import { FormatRegistry, type Static, Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { DOCUMENT_VERSION, TEXT_MAX_LENGTH } from './document-limits.ts';

/*
 * The structured article format (docs/document-format.md): a tree of typed nodes that the web
 * editor will read and write without loss. Stored as JSON text in article_bodies.body.
 */

const Mark = Type.Union([
  Type.Object({ type: Type.Literal('bold') }, { additionalProperties: false }),
  Type.Object({ type: Type.Literal('italic') }, { additionalProperties: false }),
  Type.Object(
    { type: Type.Literal('link'), href: Type.String({ minLength: 1, maxLength: 2000 }) },
    { additionalProperties: false },
  ),
]);

const Inline = Type.Union([
  Type.Object(
    {
      type: Type.Literal('text'),
      text: Type.String({ maxLength: TEXT_MAX_LENGTH }),
      marks: Type.Optional(Type.Array(Mark, { maxItems: 5 })),
    },
    { additionalProperties: false },
  ),
  Type.Object({ type: Type.Literal('break') }, { additionalProperties: false }),
]);
const Inlines = Type.Array(Inline, { maxItems: 2000 });

const Caption = {
  caption: Type.Optional(Type.String({ maxLength: 2000 })),
  credit: Type.Optional(Type.String({ maxLength: 500 })),
};

// TypeBox's Value.Check fails every string whose format it has not been taught, so without this
// documentProblems() refused every image and related block. The pattern is ajv-formats' (what the
// admin API's Fastify validation uses), so both validators agree on what an id is.
const UUID = /^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i;
if (!FormatRegistry.Has('uuid')) FormatRegistry.Set('uuid', (value) => UUID.test(value));

export const BlockSchema = Type.Union([
  Type.Object({ type: Type.Literal('paragraph'), content: Inlines }, { additionalProperties: false }),
  Type.Object(
    {
      type: Type.Literal('heading'),
      level: Type.Union([Type.Literal(2), Type.Literal(3), Type.Literal(4)]),
      content: Inlines,
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      type: Type.Literal('list'),
      ordered: Type.Boolean(),
      items: Type.Array(Type.Object({ content: Inlines }, { additionalProperties: false }), {
        minItems: 1,
        maxItems: 500,
      }),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      type: Type.Literal('quote'),
      paragraphs: Type.Array(Inlines, { minItems: 1, maxItems: 50 }),
      cite: Type.Optional(Type.String({ maxLength: 500 })),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      type: Type.Literal('image'),
      imageId: Type.String({ format: 'uuid' }),
      alt: Type.Optional(Type.String({ maxLength: 1000 })),
      ...Caption,
    },
    { additionalProperties: false },
  ),
  Type.Object(
    { type: Type.Literal('related'), articleId: Type.String({ format: 'uuid' }) },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      type: Type.Literal('embed'),
      html: Type.String({ maxLength: 20000 }),
      caption: Type.Optional(Type.String({ maxLength: 2000 })),
    },
    { additionalProperties: false },
  ),
  Type.Object({ type: Type.Literal('divider') }, { additionalProperties: false }),
  // Version 2: where a locked article's free preview ends (see reader-scope.ts freePreview).
  Type.Object({ type: Type.Literal('preview_end') }, { additionalProperties: false }),
]);

export { DOCUMENT_VERSION };

export const DocumentSchema = Type.Object(
  {
    type: Type.Literal('doc'),
    version: Type.Union([Type.Literal(1), Type.Literal(2)], {
      description: 'the format version; 1 is read and stored as 2 (which adds `preview_end`)',
    }),
    content: Type.Array(BlockSchema, { maxItems: 5000 }),
  },
  { additionalProperties: false, $id: 'ArticleDocument' },
);

export type ArticleDocument = Static<typeof DocumentSchema>;
export type Block = Static<typeof BlockSchema>;
export type InlineNode = Static<typeof Inline>;

export const EMPTY_DOCUMENT: ArticleDocument = { type: 'doc', version: DOCUMENT_VERSION, content: [] };

/** Describes why a value is not a valid document, or returns null when it is. */
export function documentProblems(value: unknown): string | null {
  if (Value.Check(DocumentSchema, value)) return null;
  const first = Value.Errors(DocumentSchema, value).First();
  return first ? `${first.path || '/'}: ${first.message}` : 'not a document';
}

/** Parses stored JSON; a stored body is trusted to have been validated on save. */
export function parseDocument(json: string): ArticleDocument {
  return JSON.parse(json) as ArticleDocument;
}

function inlineText(nodes: readonly InlineNode[]): string {
  return nodes.map((node) => (node.type === 'text' ? node.text : '\n')).join('');
}

/** The plain-text form kept beside each article for search, Ask and feed excerpts. */
export function documentPlainText(doc: ArticleDocument): string {
  const parts: string[] = [];
  for (const block of doc.content) {
    switch (block.type) {
      case 'paragraph':
      case 'heading':
        parts.push(inlineText(block.content));
        break;
      case 'list':
        for (const item of block.items) parts.push(inlineText(item.content));
        break;
      case 'quote':
        for (const paragraph of block.paragraphs) parts.push(inlineText(paragraph));
        if (block.cite) parts.push(block.cite);
        break;
      case 'image':
        if (block.caption) parts.push(block.caption);
        break;
      default:
        break;
    }
  }
  return parts.filter((part) => part.trim() !== '').join('\n\n');
}

/** A document as it is stored: its JSON and the plain text kept beside it. */
export function storedBody(doc: ArticleDocument): { body: string; body_text: string } {
  return { body: JSON.stringify(doc), body_text: documentPlainText(doc) };
}

/** Ids of images and articles a document refers to, so a page can load them in one query each. */
export function documentReferences(doc: ArticleDocument): { imageIds: string[]; articleIds: string[] } {
  const imageIds = new Set<string>();
  const articleIds = new Set<string>();
  for (const block of doc.content) {
    if (block.type === 'image') imageIds.add(block.imageId);
    if (block.type === 'related') articleIds.add(block.articleId);
  }
  return { imageIds: [...imageIds], articleIds: [...articleIds] };
}
