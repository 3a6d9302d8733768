import { html, type SafeHtml } from '../../http/html.ts';
import type { ArticleCard } from '../../content/cards.repository.ts';
import { articlePath } from '../../content/urls.ts';
import type { Translator } from '../../i18n/i18n.ts';
import { picture, type PictureLoading } from './picture.ts';

export interface CardOptions {
  /** secondary: under the home page's lead; a normal card on a desktop, a small one on a phone. */
  size?: 'lead' | 'normal' | 'secondary' | 'small';
  loading?: PictureLoading;
  headingLevel?: 2 | 3;
}

/** A story card: image, label, headline, dek, date and comment count. */
export function storyCard(card: ArticleCard, t: Translator, options: CardOptions = {}): SafeHtml {
  const href = articlePath(card.section?.slug, card.slug);
  const sizes =
    options.size === 'lead'
      ? '(min-width: 50rem) 66vw, 100vw'
      : options.size === 'small'
        ? '8rem'
        : options.size === 'secondary'
          ? '(min-width: 50rem) 22rem, 8rem'
          : '(min-width: 50rem) 22rem, 100vw';
  const headline = html`<a href="${href}">${card.headline}</a>`;
  return html`<article class="card card-${options.size ?? 'normal'}">
${
  card.image
    ? picture(card.image, card.image.alt, sizes, {
        loading: options.loading ?? 'lazy',
        preferredWidth: options.size === 'lead' ? 1280 : 640,
        focalPoint: card.image.focalPoint,
        // 8rem at three device pixels per CSS pixel is 384: nothing past 640 is ever chosen.
        ...(options.size === 'small' ? { maxWidth: 640 } : {}),
      })
    : ''
}
${card.label ? html`<p class="label">${card.label}</p>` : ''}
${options.headingLevel === 2 ? html`<h2>${headline}</h2>` : html`<h3>${headline}</h3>`}
${card.dek ? html`<p class="dek">${card.dek}</p>` : ''}
<p class="meta"><time datetime="${card.publishedAt}">${t.longDate(card.publishedAt)}</time><span class="comment-count">${t.commentCount(card.commentCount)}</span></p>
</article>`;
}

/** A grid of cards as a list. */
export function cardGrid(cards: readonly ArticleCard[], t: Translator, options: CardOptions = {}): SafeHtml {
  return html`<ul class="grid">${cards.map((card) => html`<li>${storyCard(card, t, options)}</li>`)}</ul>`;
}
