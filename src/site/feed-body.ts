import type { ReadableDocument } from '../content/reader-scope.ts';
import type { ReadableBodies } from '../content/reading.service.ts';
import { html } from '../http/html.ts';
import type { Translator } from '../i18n/i18n.ts';
import { type EmbedBlock, renderDocument } from './views/document.ts';

// Embeds are sanitized on save, so their markup has double-quoted, entity-escaped attributes.
const FRAME_SOURCE = /<iframe\b[^>]*?\ssrc="(https:[^"]+)"/i;
const LINK_SOURCE = /<a\b[^>]*?\shref="(https?:[^"]+)"/i;
const ENTITIES: Record<string, string> = { '&amp;': '&', '&quot;': '"', '&#39;': "'", '&lt;': '<', '&gt;': '>' };

/** The address an embed shows (its frame's, or the first link of a quoted post), or null. */
export function embedSource(markup: string): string | null {
  const found = FRAME_SOURCE.exec(markup)?.[1] ?? LINK_SOURCE.exec(markup)?.[1];
  return found ? found.replace(/&(?:amp|quot|#39|lt|gt);/g, (entity) => ENTITIES[entity] ?? entity) : null;
}

/** In a feed an embed is a plain link to its source: feed readers run no scripts and most drop frames. */
function embedAsLink(node: EmbedBlock) {
  const source = embedSource(node.html);
  if (!source) return node.caption ? html`<p>${node.caption}</p>` : '';
  return html`<p><a href="${source}">${node.caption || source}</a></p>`;
}

// Only the renderer's own attributes can match: text is escaped, so a quote never appears in it.
const URL_ATTRIBUTE = / (href|src|srcset)="([^"]*)"/g;

/** Makes the site-relative addresses of rendered HTML absolute, as feed readers need (RSS has no base URL). */
export function absoluteUrls(markup: string, publicUrl: string): string {
  const base = html`${publicUrl}`.toString();
  const absolute = (url: string): string => (url.startsWith('/') && !url.startsWith('//') ? base + url : url);
  return markup.replace(URL_ATTRIBUTE, (_match, name: string, value: string) => {
    const resolved =
      name === 'srcset'
        ? value
            .split(', ')
            .map((candidate) => absolute(candidate))
            .join(', ')
        : absolute(value);
    return ` ${name}="${resolved}"`;
  });
}

/**
 * The HTML a feed item carries in content:encoded: the body as the viewer may read it (the whole
 * body, or a locked story's free preview), rendered as on the article page with absolute addresses.
 * Null when there is nothing beyond the dek to give.
 */
export function feedBody(
  body: ReadableDocument | undefined,
  loaded: ReadableBodies,
  t: Translator,
  publicUrl: string,
): string | null {
  if (!body || body.doc.content.length === 0) return null;
  const rendered = renderDocument(body.doc.content, {
    images: loaded.images,
    cards: loaded.cards,
    t,
    embed: embedAsLink,
  });
  return absoluteUrls(rendered.toString(), publicUrl);
}
