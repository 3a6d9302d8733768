import { html, jsonLd, type Renderable, type SafeHtml } from '../../http/html.ts';
import { iconSet } from '../icons.ts';
import type { NavLink, SiteContext } from '../site-context.ts';
import { stylesheetPath } from './stylesheet.ts';
import { picture } from './picture.ts';

export interface PageMeta {
  title: string;
  description: string;
  /** The <title> as written (an article's search title), instead of one made from `title`. */
  searchTitle?: string;
  /** Open Graph and Twitter card title and description, when they differ from `title` and `description`. */
  social?: { title: string; description: string };
  /** Site-relative canonical path, e.g. "/politics/some-story". */
  path: string;
  type?: 'website' | 'article';
  image?: { url: string; width: number; height: number; alt: string } | undefined;
  structuredData?: readonly unknown[];
  feeds?: ReadonlyArray<{ title: string; path: string }>;
  /** Extra <meta> lines such as article:published_time. */
  extraMeta?: SafeHtml;
  robots?: string;
  /** Site scripts the page needs (deferred), e.g. click-to-load embeds. */
  scripts?: readonly string[];
  /** Marks the current section in the navigation. */
  currentSection?: string | undefined;
}

/** Longest <title>: search results show about 60 characters and html-validate's long-title allows 70. */
export const TITLE_LIMIT = 70;

/**
 * "Headline | Site" when it fits; otherwise the headline alone, cut at a word with an ellipsis if it
 * is still too long. Social titles (og:title) keep the whole headline.
 */
export function documentTitle(title: string, siteTitle: string): string {
  const full = `${title} | ${siteTitle}`;
  if (full.length <= TITLE_LIMIT) return full;
  if (title.length <= TITLE_LIMIT) return title;
  const cut = title.slice(0, TITLE_LIMIT - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > TITLE_LIMIT / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}

function head(site: SiteContext, meta: PageMeta): SafeHtml {
  const canonical = site.publicUrl + meta.path;
  const fullTitle =
    meta.path === '/' ? site.settings.title : meta.searchTitle || documentTitle(meta.title, site.settings.title);
  const social = meta.social ?? { title: meta.title, description: meta.description };
  const image = meta.image
    ? { ...meta.image, url: meta.image.url.startsWith('http') ? meta.image.url : site.publicUrl + meta.image.url }
    : undefined;
  const feeds = meta.feeds ?? [{ title: site.settings.title, path: '/feed.xml' }];
  return html`<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${fullTitle}</title>
<meta name="description" content="${meta.description}">
<link rel="canonical" href="${canonical}">
${meta.robots ? html`<meta name="robots" content="${meta.robots}">` : ''}
<link rel="stylesheet" href="${stylesheetPath(site.settings.accentColor)}">
${iconSet(site.settings).links}
${(meta.scripts ?? []).map((src) => html`<script src="${src}" defer></script>\n`)}${feeds.map((feed) => html`<link rel="alternate" type="application/rss+xml" title="${feed.title}" href="${feed.path}">\n`)}
<meta property="og:site_name" content="${site.settings.title}">
<meta property="og:type" content="${meta.type ?? 'website'}">
<meta property="og:title" content="${social.title}">
<meta property="og:description" content="${social.description}">
<meta property="og:url" content="${canonical}">
<meta property="og:locale" content="${site.settings.locale === 'es' ? 'es_MX' : 'en_US'}">
${
  image
    ? html`<meta property="og:image" content="${image.url}">
<meta property="og:image:width" content="${image.width}">
<meta property="og:image:height" content="${image.height}">
<meta property="og:image:alt" content="${image.alt}">`
    : ''
}
<meta name="twitter:card" content="${image ? 'summary_large_image' : 'summary'}">
<meta name="twitter:title" content="${social.title}">
<meta name="twitter:description" content="${social.description}">
${image ? html`<meta name="twitter:image" content="${image.url}">` : ''}
${site.settings.twitterHandle ? html`<meta name="twitter:site" content="@${site.settings.twitterHandle.replace(/^@/, '')}">` : ''}
${meta.extraMeta ?? ''}
${(meta.structuredData ?? []).map((data) => jsonLd(data))}`;
}

function navLink(link: NavLink, current: string | undefined): SafeHtml {
  if (link.external) return html`<li><a href="${link.href}" rel="noopener">${link.label}</a></li>`;
  const here = link.section !== undefined && link.section === current;
  return html`<li><a href="${link.href}"${here ? html` aria-current="page"` : ''}>${link.label}</a></li>`;
}

function header(site: SiteContext, current: string | undefined): SafeHtml {
  return html`<header class="masthead">
  <a class="skip" href="#main">${site.t.t('nav.skip')}</a>
  <p class="account-link"><a href="/account">${site.t.t('nav.account')}</a></p>
  <p class="site-title"><a href="/">${site.logo ? picture(site.logo, site.settings.title, '(max-width: 40rem) 90vw, 30rem', { loading: 'first', preferredWidth: 640, maxWidth: 960 }) : site.settings.title}</a></p>
  ${
    site.header.length
      ? html`<nav aria-label="${site.t.t(site.settings.headerNavigation === null ? 'nav.sections' : 'nav.main')}"><ul>
    ${site.header.map((link) => navLink(link, current))}
  </ul></nav>`
      : ''
  }
</header>`;
}

function footer(site: SiteContext): SafeHtml {
  const year = new Date().getUTCFullYear();
  return html`<footer class="site-footer">
  <nav aria-label="${site.settings.title}"><ul>
    ${site.footer.map((link) => navLink(link, undefined))}
    <li><a href="/contribute">${site.t.t('footer.contribute')}</a></li>
    <li><a href="/corrections">${site.t.t('corrections.title')}</a></li>
    <li><a href="/feed.xml">${site.t.t('footer.rss')}</a></li>
  </ul></nav>
  <p>© ${year} ${site.settings.publisherName}. ${site.t.t('footer.rights')}</p>
</footer>`;
}

/** The whole HTML document around a page's main content. */
export function layout(site: SiteContext, meta: PageMeta, main: Renderable): string {
  return html`<!DOCTYPE html>
<html lang="${site.settings.locale}">
<head>
${head(site, meta)}
</head>
<body>
${header(site, meta.currentSection)}
<main id="main" tabindex="-1">
${main}
</main>
${footer(site)}
</body>
</html>
`.toString();
}
