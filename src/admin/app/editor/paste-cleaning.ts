import { isAllowedHref } from '../../../editor/links.ts';

/*
 * What pasted HTML goes through before ProseMirror reads it (ProseMirror itself keeps only nodes
 * of the schema, so this is about making it read the right ones). Google Docs, Word and web pages
 * carry their formatting as styles, classes and spans; the structure (headings, lists, links, bold,
 * italic) is kept and everything else is dropped. Runs in the browser (DOMParser).
 */

// Never read, not even their text: active content, frames, media, forms, and embeds (which come
// only from the embed dialog, whose URL the server turns into the provider's markup).
const DROPPED =
  'script, style, link, meta, title, head, iframe, frame, frameset, object, embed, applet, template, svg, math, ' +
  'noscript, canvas, video, audio, source, track, picture, img, map, input, button, select, textarea, ' +
  'figure[data-html], .MsoCommentReference, .msocomtxt, .msocomoff, [style*="mso-element:comment"], ' +
  'a[href^="#_msocom"], [style*="mso-list:Ignore"], [style*="mso-list: Ignore"]';

const BLOCKS = new Set([
  'P',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'UL',
  'OL',
  'LI',
  'BLOCKQUOTE',
  'DIV',
  'TABLE',
  'HR',
  'FIGURE',
  'ASIDE',
  'SECTION',
  'ARTICLE',
  'HEADER',
  'FOOTER',
  'PRE',
]);

/** The value of one CSS property in an element's style attribute, lower-cased. */
function styleOf(element: Element, property: string): string | undefined {
  const style = element.getAttribute('style') ?? '';
  for (const declaration of style.split(';')) {
    const colon = declaration.indexOf(':');
    if (colon > 0 && declaration.slice(0, colon).trim().toLowerCase() === property)
      return declaration
        .slice(colon + 1)
        .trim()
        .toLowerCase();
  }
  return undefined;
}

const isBoldWeight = (weight: string | undefined) => !!weight && /^(bold|bolder|[6-9]00)$/.test(weight);
const isNormalWeight = (weight: string | undefined) => !!weight && /^(normal|lighter|[1-5]00)$/.test(weight);

function unwrap(element: Element): void {
  element.replaceWith(...Array.from(element.childNodes));
}

function wrapChildren(element: Element, tag: string): void {
  const wrapper = element.ownerDocument.createElement(tag);
  wrapper.append(...Array.from(element.childNodes));
  element.append(wrapper);
}

/** Bold and italic given as styles (Google Docs' spans) become <strong> and <em>; a "not bold" <b> is no <b>. */
function stylesToMarks(root: Element): void {
  for (const element of Array.from(root.querySelectorAll('[style]'))) {
    const weight = styleOf(element, 'font-weight');
    const tag = element.tagName;
    // Google Docs wraps a whole copied document in <b style="font-weight:normal" id="docs-internal-guid-…">.
    if ((tag === 'B' || tag === 'STRONG') && isNormalWeight(weight)) {
      unwrap(element);
      continue;
    }
    if (tag !== 'B' && tag !== 'STRONG' && isBoldWeight(weight)) wrapChildren(element, 'strong');
    if (tag !== 'I' && tag !== 'EM' && styleOf(element, 'font-style') === 'italic') wrapChildren(element, 'em');
  }
  // A heading is bold already; bold inside it is the source's styling, not emphasis.
  for (const bold of Array.from(
    root.querySelectorAll(
      'h1 b, h1 strong, h2 b, h2 strong, h3 b, h3 strong, h4 b, h4 strong, h5 b, h5 strong, h6 b, h6 strong',
    ),
  ))
    unwrap(bold);
}

/** Word writes a list as paragraphs with `mso-list` styles and a typed marker; make them a list. */
function wordLists(root: Element): void {
  const paragraphs = Array.from(root.querySelectorAll('p')).filter((p) =>
    /mso-list:\s*l\d/i.test(p.getAttribute('style') ?? ''),
  );
  let list: HTMLElement | undefined;
  let previous: Element | undefined;
  for (const paragraph of paragraphs) {
    const marker = paragraph.querySelector('[style*="mso-list:Ignore"], [style*="mso-list: Ignore"]');
    const markerText = (marker?.textContent ?? '').replace(/\s|\u00a0/g, '');
    const ordered = /^(\d+|[a-z]{1,3})[.)]$/i.test(markerText);
    const tag = ordered ? 'OL' : 'UL';
    // A list goes on while its paragraphs follow one another (levels are flattened: a stored list has one).
    if (!list || previous?.nextElementSibling !== paragraph || list.tagName !== tag) {
      list = paragraph.ownerDocument.createElement(tag);
      paragraph.before(list);
    }
    const item = paragraph.ownerDocument.createElement('li');
    marker?.remove();
    item.append(...Array.from(paragraph.childNodes));
    list.append(item);
    // The list now stands where the paragraph was; the next paragraph follows the list.
    paragraph.remove();
    previous = list;
  }
}

/** A stored list has one level: items of a nested list join the list around them, in order. */
function flattenLists(root: Element): void {
  for (const inner of Array.from(root.querySelectorAll('li ul, li ol, ul > ul, ul > ol, ol > ul, ol > ol')).reverse()) {
    const item = inner.parentElement?.tagName === 'LI' ? inner.parentElement : undefined;
    if (item) item.after(...Array.from(inner.children));
    else inner.replaceWith(...Array.from(inner.children));
    inner.remove();
  }
}

/** Tables are layout when pasted: each cell becomes paragraphs, in reading order. */
function tablesToParagraphs(root: Element): void {
  for (const cell of Array.from(root.querySelectorAll('td, th, caption'))) {
    const hasBlocks = Array.from(cell.children).some((child) => BLOCKS.has(child.tagName));
    if (hasBlocks) unwrap(cell);
    else {
      const p = cell.ownerDocument.createElement('p');
      p.append(...Array.from(cell.childNodes));
      cell.replaceWith(p);
    }
  }
  for (const part of Array.from(root.querySelectorAll('table, thead, tbody, tfoot, tr, colgroup, col'))) unwrap(part);
}

/** Google Docs (published or exported) sends links through its redirector; keep where they go. */
function realHref(href: string): string {
  if (!/^https:\/\/www\.google\.com\/url\?/.test(href)) return href;
  return new URL(href).searchParams.get('q') ?? href;
}

/** Only a link's address survives, and only one the reader site would render. */
function cleanAttributes(root: Element): void {
  for (const element of Array.from(root.querySelectorAll('*'))) {
    if (element.tagName === 'A') {
      const href = realHref(element.getAttribute('href')?.trim() ?? '');
      if (!isAllowedHref(href)) {
        unwrap(element);
        continue;
      }
      element.setAttribute('href', href);
    }
    for (const { name } of Array.from(element.attributes)) {
      const keep =
        (element.tagName === 'A' && name === 'href') ||
        // ProseMirror's own copies: the slice's shape, and an image's or a card's ids.
        name === 'data-pm-slice' ||
        (element.tagName === 'FIGURE' && /^data-(imageid|alt|caption|credit)$/.test(name)) ||
        (element.tagName === 'ASIDE' && name === 'data-articleid');
      if (!keep) element.removeAttribute(name);
    }
  }
}

const isBlank = (element: Element) => (element.textContent ?? '').replace(/[\s\u00a0]/g, '') === '';

/** The nearest sibling that is not whitespace between tags. */
function sibling(node: Node, direction: 'previousSibling' | 'nextSibling'): Node | null {
  let next = node[direction];
  while (next && next.nodeType === Node.TEXT_NODE && (next.textContent ?? '').trim() === '') next = next[direction];
  return next;
}

/** Line breaks and empty paragraphs that only spaced the source's blocks apart. */
function dropSpacing(root: Element): void {
  for (const br of Array.from(root.querySelectorAll('br'))) {
    const parent = br.parentElement;
    const before = sibling(br, 'previousSibling');
    const after = sibling(br, 'nextSibling');
    const betweenBlocks = [before, after].every(
      (node) => !node || (node instanceof Element && BLOCKS.has(node.tagName)),
    );
    // A break that ends a block adds no line (browsers draw it only to give an empty block height).
    const endsBlock = !after && parent && (parent === root || BLOCKS.has(parent.tagName));
    if (betweenBlocks || endsBlock) br.remove();
  }
  for (const block of Array.from(root.querySelectorAll('p, h1, h2, h3, h4, h5, h6, li')))
    if (isBlank(block) && !block.querySelector('br')) block.remove();
  for (const list of Array.from(root.querySelectorAll('ul, ol'))) if (!list.querySelector('li')) list.remove();
}

/** Removes comments (Word's conditional ones included) so none reaches the editor. */
function dropComments(root: Element): void {
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_COMMENT);
  const comments: Node[] = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  for (const comment of comments) comment.parentNode?.removeChild(comment);
}

/** Pasted HTML with its structure kept and its source's markup, styles and hostile parts dropped. */
export function cleanPastedHtml(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const root = doc.body;
  // Word's list markers tell numbered from bulleted lists, so lists are made before markers go.
  wordLists(root);
  for (const element of Array.from(root.querySelectorAll(DROPPED))) element.remove();
  dropComments(root);
  stylesToMarks(root);
  tablesToParagraphs(root);
  flattenLists(root);
  cleanAttributes(root);
  for (const span of Array.from(
    root.querySelectorAll('span, font, o\\:p, u, ins, del, s, mark, small, big, label, form, fieldset, legend'),
  ))
    unwrap(span);
  dropSpacing(root);
  return root.innerHTML;
}
