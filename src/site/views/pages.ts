import { html } from '../../http/html.ts';
import type { ArticleDocument } from '../../content/document.ts';
import type { CorrectionListItem } from '../../content/corrections.service.ts';
import type { DocumentAssets } from '../../content/reading.service.ts';
import { articlePath } from '../../content/urls.ts';
import type { SiteContext } from '../site-context.ts';
import { documentScripts, renderDocument } from './document.ts';
import { layout } from './layout.ts';

/** A static page (about, ethics policy): its document rendered as an article body is. */
export function staticPage(
  page: { slug: string; title: string; body: ArticleDocument },
  assets: DocumentAssets,
  site: SiteContext,
): string {
  const body = renderDocument(page.body.content, { ...assets, t: site.t });
  return layout(
    site,
    { title: page.title, description: page.title, path: `/${page.slug}`, scripts: documentScripts(page.body.content) },
    html`<article class="story"><h1>${page.title}</h1><div class="body">${body}</div></article>`,
  );
}

export function correctionsPage(items: readonly CorrectionListItem[], site: SiteContext): string {
  const { t } = site;
  const main = html`<article class="story"><h1>${t.t('corrections.title')}</h1>
<p class="dek">${t.t('corrections.intro')}${site.pageSlugs.has('corrections-policy') ? html` <a href="/corrections-policy">${t.t('corrections.policy')}</a>` : ''}</p>
<ol class="corrections-list" reversed>
${items.map(
  (
    item,
  ) => html`<li><p class="label">${t.t(item.kind === 'correction' ? 'article.correction' : 'article.clarification')} · <time datetime="${item.publishedAt}">${t.longDate(item.publishedAt)}</time></p>
<p>${t.t('corrections.on')} ${item.withdrawn ? html`<cite>${item.headline}</cite> (${t.t('corrections.withdrawn')})` : html`<a href="${articlePath(item.sectionSlug, item.articleSlug)}">${item.headline}</a>`}: ${item.body}</p></li>`,
)}
</ol></article>`;
  return layout(
    site,
    { title: t.t('corrections.title'), description: t.t('corrections.intro'), path: '/corrections' },
    main,
  );
}

/** 404, 410 and 5xx pages: the site's navigation with a short explanation. */
/** The reader-facing error pages, each with a title and body in the message catalogue. */
export type ReaderErrorKind = 'notFound' | 'gone' | 'badRequest' | 'error' | 'previewGone';

export function errorPage(kind: ReaderErrorKind, site: SiteContext, path: string): string {
  const { t } = site;
  const title = t.t(`${kind}.title`);
  return layout(
    site,
    { title, description: title, path, robots: 'noindex' },
    html`<article class="story"><h1>${title}</h1><p>${t.t(`${kind}.body`)}</p><p><a href="/">${t.t('nav.home')}</a></p></article>`,
  );
}
