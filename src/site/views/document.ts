import { html, safeUrl, type SafeHtml } from '../../http/html.ts';
import type { Block, InlineNode } from '../../content/document.ts';
import type { ArticleCard } from '../../content/cards.repository.ts';
import type { ImageWithDetails } from '../../content/reading.service.ts';
import { articlePath } from '../../content/urls.ts';
import type { Translator } from '../../i18n/i18n.ts';
import { embedsScriptPath } from '../scripts.ts';
import { embedBlock } from './embed.ts';
import { picture, type PictureLoading } from './picture.ts';

export type EmbedBlock = Extract<Block, { type: 'embed' }>;

export interface DocumentContext {
  images: Map<string, ImageWithDetails>;
  cards: Map<string, ArticleCard>;
  t: Translator;
  /** How embeds render where the page's own way does not fit (feeds show a plain link to the source). */
  embed?: (node: EmbedBlock) => SafeHtml | '';
}

function inline(node: InlineNode): SafeHtml {
  if (node.type === 'break') return html`<br>`;
  let out = html`${node.text}`;
  for (const mark of node.marks ?? []) {
    if (mark.type === 'bold') out = html`<strong>${out}</strong>`;
    else if (mark.type === 'italic') out = html`<em>${out}</em>`;
    else
      out = html`<a href="${safeUrl(mark.href)}"${/^https?:/i.test(mark.href) ? html` rel="noopener"` : ''}>${out}</a>`;
  }
  return out;
}

const inlines = (nodes: readonly InlineNode[]): SafeHtml[] => nodes.map(inline);

/** A figure with caption and credit; used for the feature image and for inline images. */
export function figure(
  image: ImageWithDetails,
  sizes: string,
  loading: PictureLoading,
  override: { alt?: string | undefined; caption?: string | undefined; credit?: string | undefined } = {},
): SafeHtml {
  const caption = override.caption ?? image.caption;
  const credit = override.credit ?? image.credit;
  return html`<figure class="figure">${picture(image.ref, override.alt ?? image.alt, sizes, { loading, preferredWidth: 1280 })}${caption || credit ? html`<figcaption>${caption ? html`<span class="caption">${caption}</span>` : ''}${credit ? html`<span class="credit">${credit}</span>` : ''}</figcaption>` : ''}</figure>`;
}

function inlineCard(card: ArticleCard, t: Translator): SafeHtml {
  const href = articlePath(card.section?.slug, card.slug);
  return html`<aside class="inline-card" aria-label="${t.t('article.readMore')}: ${card.headline}">${card.image ? picture(card.image, card.image.alt, '7rem', { preferredWidth: 320, maxWidth: 640, focalPoint: card.image.focalPoint }) : html`<span></span>`}<div>${card.label ? html`<p class="label">${card.label}</p>` : ''}<p><a href="${href}">${card.headline}</a></p>${card.dek ? html`<p class="dek">${card.dek}</p>` : ''}</div></aside>`;
}

function block(node: Block, context: DocumentContext): SafeHtml | '' {
  switch (node.type) {
    case 'paragraph':
      return html`<p>${inlines(node.content)}</p>`;
    case 'heading':
      return node.level === 2
        ? html`<h2>${inlines(node.content)}</h2>`
        : node.level === 3
          ? html`<h3>${inlines(node.content)}</h3>`
          : html`<h4>${inlines(node.content)}</h4>`;
    case 'list': {
      const items = node.items.map((item) => html`<li>${inlines(item.content)}</li>`);
      return node.ordered ? html`<ol>${items}</ol>` : html`<ul>${items}</ul>`;
    }
    case 'quote':
      return html`<blockquote>${node.paragraphs.map((p) => html`<p>${inlines(p)}</p>`)}${node.cite ? html`<footer><cite>${node.cite}</cite></footer>` : ''}</blockquote>`;
    case 'image': {
      const image = context.images.get(node.imageId);
      return image
        ? figure(image, '(min-width: 44rem) 44rem, 100vw', 'lazy', {
            alt: node.alt,
            caption: node.caption,
            credit: node.credit,
          })
        : '';
    }
    case 'related': {
      const card = context.cards.get(node.articleId);
      // A reference to an article readers cannot see renders nothing, never its headline.
      return card ? inlineCard(card, context.t) : '';
    }
    case 'embed':
      if (context.embed) return context.embed(node);
      return embedBlock(node, context.t);
    case 'divider':
      return html`<hr>`;
    case 'preview_end':
      // Readers who may read on see no seam; the others never get the blocks after it.
      return '';
  }
}

/** Renders an article body to HTML; every text node is escaped and embeds pass the sanitizer and wait behind a facade. */
export function renderDocument(blocks: readonly Block[], context: DocumentContext): SafeHtml {
  return html`${blocks.map((node) => block(node, context))}`;
}

/** Scripts a page showing these blocks needs: the click-to-load script when it has an embed. */
export function documentScripts(blocks: readonly Block[]): string[] {
  return blocks.some((node) => node.type === 'embed') ? [embedsScriptPath()] : [];
}
