import { html, type SafeHtml } from '../../http/html.ts';
import type { ArticleCard } from '../../content/cards.repository.ts';
import type { AuthorLink, AuthorLinkKind } from '../../content/author-profile.ts';
import { sectionPath } from '../../content/urls.ts';
import type { ImageRef } from '../../media/images.ts';
import type { SiteContext } from '../site-context.ts';
import type { FrontPage } from '../front-page.ts';
import { cardGrid, storyCard } from './cards.ts';
import { layout, type PageMeta } from './layout.ts';
import { picture } from './picture.ts';

/** Organization and WebSite structured data for the home page. */
function homeData(site: SiteContext): unknown[] {
  const url = site.publicUrl + '/';
  return [
    {
      '@context': 'https://schema.org',
      '@type': 'NewsMediaOrganization',
      name: site.settings.publisherName,
      url,
      ...(site.pageSlugs.has('corrections-policy')
        ? { correctionsPolicy: `${site.publicUrl}/corrections-policy` }
        : {}),
      ...(site.pageSlugs.has('ethics-policy') ? { ethicsPolicy: `${site.publicUrl}/ethics-policy` } : {}),
    },
    {
      '@context': 'https://schema.org',
      '@type': 'WebSite',
      name: site.settings.title,
      url,
      inLanguage: site.settings.locale,
    },
  ];
}

export function homePage(model: FrontPage, site: SiteContext): string {
  const { t } = site;
  const main = html`<h1 class="visually-hidden">${site.settings.title}</h1>
<section class="lead" aria-label="${t.t('home.lead')}">
<div class="lead-column">
${model.lead ? storyCard(model.lead, t, { size: 'lead', loading: 'first', headingLevel: 2 }) : html`<p>${t.t('archive.empty')}</p>`}
${model.secondary.length ? html`<ul class="grid secondary">${model.secondary.map((card) => html`<li>${storyCard(card, t, { size: 'secondary', loading: 'eager' })}</li>`)}</ul>` : ''}
</div>
<div class="latest"><h2 class="block-title">${t.t('home.latest')}</h2>${cardGrid(model.latest, t, { size: 'small', loading: 'eager' })}</div>
</section>
${model.sections
  .filter((s) => s.cards.length)
  .map(
    (section) => html`<section aria-labelledby="section-${section.slug}">
<h2 class="block-title" id="section-${section.slug}"><a href="${sectionPath(section.slug)}">${section.name}</a></h2>
${cardGrid(section.cards, t)}
</section>`,
  )}`;
  return layout(
    site,
    { title: site.settings.title, description: site.settings.description, path: '/', structuredData: homeData(site) },
    main,
  );
}

/** What an author page shows above the stories besides the name and bio. */
export interface AuthorProfile {
  photo: ImageRef | undefined;
  links: readonly AuthorLink[];
}

export interface ArchiveModel {
  kind: 'section' | 'tag' | 'author';
  name: string;
  description: string;
  profile?: AuthorProfile;
  basePath: string;
  cards: ArticleCard[];
  page: number;
  hasOlder: boolean;
}

function pagination(model: ArchiveModel, site: SiteContext): SafeHtml | '' {
  if (model.page === 1 && !model.hasOlder) return '';
  const href = (page: number): string => (page === 1 ? model.basePath : `${model.basePath}?page=${page}`);
  return html`<nav class="pagination" aria-label="${site.t.t('pagination.label')}">
${model.page > 1 ? html`<a rel="prev" href="${href(model.page - 1)}">← ${site.t.t('pagination.newer')}</a>` : html`<span></span>`}
<span>${site.t.t('pagination.page', { page: model.page })}</span>
${model.hasOlder ? html`<a rel="next" href="${href(model.page + 1)}">${site.t.t('pagination.older')} →</a>` : html`<span></span>`}
</nav>`;
}

/** Services are called by their own names in every language; a website is a word. */
const SERVICE_NAMES: Record<Exclude<AuthorLinkKind, 'website'>, string> = {
  x: 'X',
  bluesky: 'Bluesky',
  mastodon: 'Mastodon',
  threads: 'Threads',
  instagram: 'Instagram',
  facebook: 'Facebook',
  linkedin: 'LinkedIn',
  tiktok: 'TikTok',
  youtube: 'YouTube',
};

function authorProfile(name: string, profile: AuthorProfile, site: SiteContext): SafeHtml {
  const { t } = site;
  return html`${profile.photo ? html`<div class="author-photo">${picture(profile.photo, t.t('author.photo', { name }), '8rem', { loading: 'eager', preferredWidth: 320, maxWidth: 640 })}</div>` : ''}
${
  profile.links.length
    ? html`<nav class="author-links" aria-label="${t.t('author.links')}"><ul>${profile.links.map(
        (link) =>
          html`<li><a href="${link.url}" rel="me noopener">${link.kind === 'website' ? t.t('author.website') : SERVICE_NAMES[link.kind]}</a></li>`,
      )}</ul></nav>`
    : ''
}`;
}

export function archivePage(model: ArchiveModel, site: SiteContext): string {
  const { t } = site;
  const kindName = t.t(
    model.kind === 'section' ? 'archive.section' : model.kind === 'tag' ? 'archive.tag' : 'archive.author',
  );
  const path = model.page === 1 ? model.basePath : `${model.basePath}?page=${model.page}`;
  const main = html`<header class="archive-header${model.profile?.photo ? ' with-photo' : ''}"><p class="label">${kindName}</p><h1>${model.name}</h1>${model.description ? html`<p class="dek">${model.description}</p>` : ''}${model.profile ? authorProfile(model.name, model.profile, site) : ''}</header>
${model.cards.length ? cardGrid(model.cards, t, { headingLevel: 2 }) : html`<p>${t.t('archive.empty')}</p>`}
${pagination(model, site)}`;
  const meta: PageMeta = {
    title: model.page === 1 ? model.name : `${model.name} (${t.t('pagination.page', { page: model.page })})`,
    description: model.description || `${kindName}: ${model.name}`,
    path,
    currentSection: model.kind === 'section' ? model.basePath.slice(1) : undefined,
    feeds: [{ title: `${site.settings.title}: ${model.name}`, path: `${model.basePath}/feed.xml` }],
  };
  return layout(site, meta, main);
}
