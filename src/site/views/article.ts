import { html, type SafeHtml } from '../../http/html.ts';
import { modifiedForReaders } from '../../content/modified.ts';
import type { ArticleView } from '../../content/reading.service.ts';
import type { Invitation } from '../../content/reader-scope.ts';
import type { MeterReading } from '../../content/metering.ts';
import { authorPath, sectionPath, tagPath } from '../../content/urls.ts';
import { type ImageRef, imageSources, SOCIAL_IMAGE_WIDTH } from '../../media/images.ts';
import type { SiteContext } from '../site-context.ts';
import { cardGrid } from './cards.ts';
import { documentScripts, figure, renderDocument } from './document.ts';
import { layout } from './layout.ts';

function byline(article: ArticleView, site: SiteContext): SafeHtml | '' {
  if (article.authors.length === 0) return '';
  const links = article.authors.map(
    (author) => html`<a href="${authorPath(author.slug)}" rel="author">${author.name}</a>`,
  );
  const joined =
    links.length === 1
      ? links
      : [
          ...links.slice(0, -1).flatMap((link, i) => (i === 0 ? [link] : [html`, `, link])),
          html` ${site.t.t('article.and')} `,
          links[links.length - 1],
        ];
  return html`<p class="byline">${site.t.t('article.by')} ${joined}</p>`;
}

/** The class of a story's locked part, as JSON-LD's hasPart names it for search engines. */
export const LOCKED_PART_CLASS = 'locked-part';

const INVITATION_TARGET: Record<Invitation, string> = { join: '/signup', subscribe: '/pricing', upgrade: '/pricing' };

/** What the article page says beyond the article: the tiers a locked story is for, a metered read. */
export interface ArticlePageOptions {
  preview?: boolean;
  /** The names of a chosen-tiers story's tiers, for its invitation ("for Supporter and Patron subscribers"). */
  tierNames?: readonly string[];
  /** A free member reading this locked story through the monthly meter. */
  meter?: MeterReading;
}

/** Where the free preview ends for a reader without access: what the rest needs, and where to get it. */
function paywall(invitation: Invitation, site: SiteContext, tierNames: readonly string[]): SafeHtml {
  const { t } = site;
  const signIn =
    invitation === 'upgrade' ? '' : html`<a class="paywall-sign-in" href="/signin">${t.t('paywall.signIn')}</a>`;
  const title = tierNames.length
    ? t.t('paywall.tiers.title', { tiers: t.list(tierNames) })
    : t.t(`paywall.${invitation}.title`);
  const body = tierNames.length ? t.t('paywall.tiers.body') : t.t(`paywall.${invitation}.body`);
  return html`<section class="paywall" aria-labelledby="paywall-title">
<h2 id="paywall-title">${title}</h2>
<p>${body}</p>
<p class="paywall-actions"><a class="paywall-action" href="${INVITATION_TARGET[invitation]}">${t.t(`paywall.${invitation}.action`)}</a>${signIn}</p>
</section>`;
}

/**
 * The body as this viewer may read it: for a story some readers meet locked, the whole with its
 * locked part marked (LOCKED_PART_CLASS), or the free preview alone (the view cut it already).
 */
function storyBody(article: ArticleView, site: SiteContext): SafeHtml {
  const context = { images: article.bodyImages, cards: article.bodyCards, t: site.t };
  const blocks = article.body.content;
  const free = renderDocument(blocks.slice(0, article.freeBlocks), context);
  if (article.freeBlocks >= blocks.length) return free;
  return html`${free}<div class="${LOCKED_PART_CLASS}">${renderDocument(blocks.slice(article.freeBlocks), context)}</div>`;
}

function dates(article: ArticleView, site: SiteContext): SafeHtml {
  const { t } = site;
  // The message places the date; split around it so the date can sit in its own <time> element.
  const [before, after] = t.t('article.updated', { date: '\u0000' }).split('\u0000');
  return html`<p class="dates"><time datetime="${article.publishedAt}">${t.longDate(article.publishedAt)}</time>${article.updatedAt ? html`<br><span class="updated">${before}<time datetime="${article.updatedAt}">${t.dateTime(article.updatedAt)}</time>${after}</span>` : ''}</p>`;
}

function notices(article: ArticleView, site: SiteContext, kind: 'correction' | 'clarification'): SafeHtml | '' {
  const items = article.corrections.filter((c) => c.kind === kind);
  if (items.length === 0) return '';
  const title = site.t.t(kind === 'correction' ? 'article.correction' : 'article.clarification');
  // One landmark per kind, named by it: two unnamed <aside>s cannot be told apart by a screen reader.
  return html`<aside class="notice ${kind}" aria-label="${title}">${items.map((item) => html`<p><strong>${title}</strong> (<time datetime="${item.publishedAt}">${site.t.longDate(item.publishedAt)}</time>): ${item.body}</p>`)}</aside>`;
}

/**
 * What search engines and shared cards say of an article: the search title and description the
 * newsroom wrote, else the headline and the dek (or the opening of the text); shared cards their own,
 * else the search ones, else the same fallbacks.
 */
export function articleDescriptions(article: ArticleView): {
  title: string;
  searchTitle: string;
  description: string;
  social: { title: string; description: string };
} {
  const description = article.search.description || article.dek || article.excerpt;
  return {
    title: article.headline,
    searchTitle: article.search.title,
    description,
    social: {
      title: article.social.title || article.search.title || article.headline,
      description: article.social.description || description,
    },
  };
}

/** schema.org NewsArticle, built only from what this viewer may read. */
export function newsArticleData(article: ArticleView, site: SiteContext): Record<string, unknown> {
  const url = site.publicUrl + article.path;
  const image = article.featureImage ? site.publicUrl + socialImage(article.featureImage.ref).url : undefined;
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.headline,
    description: articleDescriptions(article).description,
    mainEntityOfPage: url,
    url,
    ...(image ? { image: [image] } : {}),
    datePublished: article.publishedAt,
    dateModified: modifiedForReaders(article.publishedAt, article.modifiedAt),
    ...(article.section ? { articleSection: article.section.name } : {}),
    ...(article.dateline ? { dateline: article.dateline } : {}),
    author: article.authors.map((author) => ({
      '@type': 'Person',
      name: author.name,
      url: site.publicUrl + authorPath(author.slug),
    })),
    publisher: { '@type': 'NewsMediaOrganization', name: site.settings.publisherName, url: site.publicUrl + '/' },
    isAccessibleForFree: article.access === 'public',
    // Google's markup for paywalled news: the part after the free preview is marked by its class.
    ...(article.access === 'public'
      ? {}
      : {
          hasPart: {
            '@type': 'WebPageElement',
            isAccessibleForFree: false,
            cssSelector: `.${LOCKED_PART_CLASS}`,
          },
        }),
    inLanguage: site.settings.locale,
    ...(article.corrections.length
      ? {
          correction: article.corrections.map((c) => ({
            '@type': 'CorrectionComment',
            text: c.body,
            datePublished: c.publishedAt,
          })),
        }
      : {}),
  };
}

/** The rendition shared on social networks (og:image), with its own dimensions. */
function socialImage(ref: ImageRef): { url: string; width: number; height: number } {
  const { src, width, height } = imageSources(ref, SOCIAL_IMAGE_WIDTH);
  return { url: src, width, height };
}

/**
 * The article page. With `preview`, the page a preview link opens: the same page with a banner
 * saying it is not published, kept out of search engines.
 */
export function articlePage(article: ArticleView, site: SiteContext, options: ArticlePageOptions = {}): string {
  const { t } = site;
  const feature = article.featureImage;
  const extraMeta = html`<meta property="article:published_time" content="${article.publishedAt}">
<meta property="article:modified_time" content="${modifiedForReaders(article.publishedAt, article.modifiedAt)}">
${article.section ? html`<meta property="article:section" content="${article.section.name}">` : ''}
${article.tags.map((tag) => html`<meta property="article:tag" content="${tag.name}">\n`)}`;
  const banner = options.preview
    ? html`<p class="preview-banner">${t.t('preview.banner')}</p>
`
    : '';
  const main = html`${banner}<article class="story">
<header>
${article.label ? html`<p class="label">${article.label}</p>` : ''}
<h1>${article.headline}</h1>
${article.dek ? html`<p class="dek">${article.dek}</p>` : ''}
${byline(article, site)}
${dates(article, site)}
</header>
${notices(article, site, 'correction')}
${feature ? figure(feature, '(min-width: 44rem) 44rem, 100vw', 'first') : ''}
<div class="body">
${article.dateline ? html`<p class="dateline">${article.dateline}</p>` : ''}
${storyBody(article, site)}
</div>
${options.meter ? html`<p class="meter" role="status">${t.t('paywall.meter', { read: options.meter.read, allowed: options.meter.allowed })}</p>` : ''}
${article.invitation ? paywall(article.invitation, site, options.tierNames ?? []) : ''}
${article.attribution ? html`<p class="attribution">${article.attribution}</p>` : ''}
${notices(article, site, 'clarification')}
${article.tags.length ? html`<nav class="tags" aria-label="${t.t('article.tags')}"><h2 class="block-title">${t.t('article.tags')}</h2><ul>${article.tags.map((tag) => html`<li><a href="${tagPath(tag.slug)}" rel="tag">${tag.name}</a></li>`)}</ul></nav>` : ''}
</article>
${article.related.length ? html`<section class="related" aria-labelledby="related-title"><h2 class="block-title" id="related-title">${t.t('article.related')}</h2>${cardGrid(article.related, t, { size: 'normal' })}</section>` : ''}`;
  const described = articleDescriptions(article);
  return layout(
    site,
    {
      title: described.title,
      description: described.description,
      ...(described.searchTitle ? { searchTitle: described.searchTitle } : {}),
      social: described.social,
      ...(options.preview ? { robots: 'noindex, nofollow' } : {}),
      path: article.path,
      type: 'article',
      image: feature ? { ...socialImage(feature.ref), alt: feature.alt } : undefined,
      structuredData: [newsArticleData(article, site)],
      scripts: documentScripts(article.body.content),
      extraMeta,
      currentSection: article.section?.slug,
      feeds: [
        { title: site.settings.title, path: '/feed.xml' },
        ...(article.section
          ? [
              {
                title: `${site.settings.title}: ${article.section.name}`,
                path: `${sectionPath(article.section.slug)}/feed.xml`,
              },
            ]
          : []),
      ],
    },
    main,
  );
}
