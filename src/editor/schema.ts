import { type AttributeSpec, type MarkSpec, type NodeSpec, Schema } from 'prosemirror-model';
import { isAllowedHref } from './links.ts';

/*
 * The newsroom editor's ProseMirror schema: the stored document format (docs/document-format.md)
 * node for node, so a body goes into the editor and back without loss (./convert.ts). Shared by the
 * server and the browser bundle, so nothing here may import Node built-ins or server modules.
 *
 * Two places where ProseMirror's shape differs from the stored one, on purpose:
 * - a list item holds exactly one paragraph (stored: inline nodes directly). ProseMirror's list
 *   commands (prosemirror-schema-list: wrap in list, split and lift an item) expect a textblock
 *   inside the item, and `paragraph` rather than `paragraph+` keeps every item representable in
 *   the stored format, which has no second paragraph or nested list in an item;
 * - a quote's attribution is a `cite` child after its paragraphs (stored: the `cite` string), so
 *   the editor lets people type it in place; no child means no cite, an empty child an empty one.
 *
 * Optional stored fields (an image's alt, caption and credit; an embed's caption) are attributes
 * that default to null, and null means absent: an empty caption hides the image's own caption when
 * rendered, an absent one shows it, so the two must not be confused.
 */

/** Throws unless the value is one of those given; Node.check() calls it. */
const oneOf =
  (name: string, values: readonly unknown[]) =>
  (value: unknown): void => {
    if (!values.includes(value)) throw new RangeError(`${name} must be one of ${values.join(', ')}`);
  };

const required = (validate: string): AttributeSpec => ({ validate });
const optional: AttributeSpec = { default: null, validate: 'string|null' };

/** data-* attributes of an atom block, null ones left out so absent stays absent through copy and paste. */
const readAttrs = (dom: { getAttribute(name: string): string | null }, names: readonly string[]) =>
  Object.fromEntries(names.map((name) => [name, dom.getAttribute(`data-${name.toLowerCase()}`)]));
const writeAttrs = (attrs: Record<string, unknown>, names: readonly string[]) =>
  Object.fromEntries(names.map((name) => [`data-${name.toLowerCase()}`, attrs[name] as string | null]));

const IMAGE_ATTRS = ['imageId', 'alt', 'caption', 'credit'] as const;
const EMBED_ATTRS = ['html', 'caption'] as const;

const nodes = {
  doc: { content: 'block*' },
  paragraph: {
    group: 'block',
    content: 'inline*',
    parseDOM: [{ tag: 'p' }],
    toDOM: () => ['p', 0],
  },
  heading: {
    group: 'block',
    content: 'inline*',
    attrs: { level: { default: 2, validate: oneOf('heading level', [2, 3, 4]) } },
    defining: true,
    // The headline is the page's only <h1>, so a pasted h1 becomes the top level a body may use.
    parseDOM: [
      { tag: 'h1', attrs: { level: 2 } },
      { tag: 'h2', attrs: { level: 2 } },
      { tag: 'h3', attrs: { level: 3 } },
      { tag: 'h4', attrs: { level: 4 } },
      { tag: 'h5', attrs: { level: 4 } },
      { tag: 'h6', attrs: { level: 4 } },
    ],
    toDOM: (node) => [`h${node.attrs.level as number}`, 0],
  },
  list: {
    group: 'block',
    content: 'list_item+',
    attrs: { ordered: { default: false, validate: 'boolean' } },
    parseDOM: [
      { tag: 'ul', attrs: { ordered: false } },
      { tag: 'ol', attrs: { ordered: true } },
    ],
    toDOM: (node) => [node.attrs.ordered ? 'ol' : 'ul', 0],
  },
  list_item: {
    content: 'paragraph',
    defining: true,
    parseDOM: [{ tag: 'li' }],
    toDOM: () => ['li', 0],
  },
  quote: {
    group: 'block',
    content: 'paragraph+ cite?',
    defining: true,
    parseDOM: [{ tag: 'blockquote' }],
    toDOM: () => ['blockquote', 0],
  },
  cite: {
    // Plain text: the stored cite is a string, so no marks and no line breaks.
    content: 'text*',
    marks: '',
    defining: true,
    parseDOM: [{ tag: 'cite', context: 'quote/' }],
    toDOM: () => ['footer', ['cite', 0]],
  },
  image: {
    group: 'block',
    atom: true,
    draggable: true,
    attrs: { imageId: required('string'), alt: optional, caption: optional, credit: optional },
    parseDOM: [{ tag: 'figure[data-imageid]', getAttrs: (dom) => readAttrs(dom, IMAGE_ATTRS) }],
    // The picture itself is the editor's to draw (it knows the renditions); the model only holds ids.
    toDOM: (node) => ['figure', writeAttrs(node.attrs, IMAGE_ATTRS)],
  },
  related: {
    group: 'block',
    atom: true,
    draggable: true,
    attrs: { articleId: required('string') },
    parseDOM: [{ tag: 'aside[data-articleid]', getAttrs: (dom) => readAttrs(dom, ['articleId']) }],
    toDOM: (node) => ['aside', writeAttrs(node.attrs, ['articleId'])],
  },
  embed: {
    group: 'block',
    atom: true,
    draggable: true,
    attrs: { html: required('string'), caption: optional },
    // The embed's HTML stays in an attribute, never in the editor's DOM: it is untrusted until the
    // server's sanitizer has seen it on save, and a pasted data-html is sanitized the same way.
    parseDOM: [{ tag: 'figure[data-html]', getAttrs: (dom) => readAttrs(dom, EMBED_ATTRS) }],
    toDOM: (node) => ['figure', writeAttrs(node.attrs, EMBED_ATTRS)],
  },
  divider: {
    group: 'block',
    parseDOM: [{ tag: 'hr' }],
    toDOM: () => ['hr'],
  },
  // Where a locked article's free preview ends; the editor draws it as a labelled rule.
  preview_end: {
    group: 'block',
    atom: true,
    selectable: true,
    parseDOM: [{ tag: 'div[data-preview-end]' }],
    toDOM: () => ['div', { 'data-preview-end': '', class: 'preview-end' }],
  },
  text: { group: 'inline' },
  hard_break: {
    group: 'inline',
    inline: true,
    selectable: false,
    parseDOM: [{ tag: 'br' }],
    toDOM: () => ['br'],
  },
} satisfies Record<string, NodeSpec>;

// The order here is the order marks are kept in (ProseMirror sorts a node's marks by it), and so
// the canonical order of stored marks: bold, italic, link.
const marks = {
  bold: {
    parseDOM: [
      { tag: 'strong' },
      // Google Docs wraps whole documents in <b style="font-weight:normal">.
      { tag: 'b', getAttrs: (dom) => (dom.style.fontWeight !== 'normal' ? null : false) },
      { style: 'font-weight=bold' },
      { style: 'font-weight', getAttrs: (value) => (/^(bold(er)?|[6-9]\d{2})$/.test(value) ? null : false) },
    ],
    toDOM: () => ['strong', 0],
  },
  italic: {
    parseDOM: [{ tag: 'em' }, { tag: 'i' }, { style: 'font-style=italic' }],
    toDOM: () => ['em', 0],
  },
  link: {
    attrs: { href: required('string') },
    // Typing at the end of a link does not extend it.
    inclusive: false,
    // A pasted link the reader site would not render as written (javascript:, data:…) keeps its
    // text and loses its link.
    parseDOM: [
      {
        tag: 'a[href]',
        getAttrs: (dom) => {
          const href = dom.getAttribute('href')?.trim() ?? '';
          return isAllowedHref(href) ? { href } : false;
        },
      },
    ],
    toDOM: (mark) => ['a', { href: mark.attrs.href as string }, 0],
  },
} satisfies Record<string, MarkSpec>;

/** The editor's schema: the stored document format as ProseMirror nodes and marks. */
export const editorSchema = new Schema<keyof typeof nodes, keyof typeof marks>({ nodes, marks });
