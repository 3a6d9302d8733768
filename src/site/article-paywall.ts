import { listTierRows } from '../billing/tiers.repository.ts';
import type { Viewer } from '../content/access.ts';
import { meterMonth, meterRead } from '../content/metering.ts';
import { type ArticleView, readArticle } from '../content/reading.service.ts';
import { SLUG_PATTERN } from '../content/urls.ts';
import type { PersonalPage } from './serve-page.ts';
import type { SiteDeps } from './site.deps.ts';
import { articlePage } from './views/article.ts';

/** The names of a locked chosen-tiers story's tiers, in the newsroom's order, for its invitation. */
export async function tierNamesFor(deps: Pick<SiteDeps, 'db'>, article: ArticleView): Promise<string[]> {
  if (!article.invitation || article.access !== 'tiers') return [];
  const wanted = new Set(article.accessTierIds);
  return (await listTierRows(deps.db)).filter((tier) => wanted.has(tier.id)).map((tier) => tier.name);
}

// A metered read shows the story whole, as a reader of every tier would see it.
const METERED_READER: Viewer = Object.freeze({ kind: 'member', paid: true, tierIds: 'every' });

/**
 * The article page for a free member reading a locked story through the monthly meter (site
 * setting meteredArticles), counted as it is served: a page for them alone. Every other reader, a
 * story they may read anyway, metering off or the month's allowance spent: undefined, and the shared
 * page is served (for no one else but free members is anything asked, and nothing when it is off).
 */
export function meteredArticlePage(deps: SiteDeps, params: { section: string; slug: string }): PersonalPage {
  return (viewer) =>
    viewer.kind === 'member' && !viewer.paid && viewer.memberId
      ? meteredPage(deps, viewer, viewer.memberId, params)
      : undefined;
}

async function meteredPage(
  deps: SiteDeps,
  viewer: Viewer,
  memberId: string,
  { section, slug }: { section: string; slug: string },
): Promise<string | undefined> {
  const site = await deps.siteContext();
  const allowed = site.settings.meteredArticles;
  if (allowed === 0 || !SLUG_PATTERN.test(section) || !SLUG_PATTERN.test(slug)) return undefined;
  const { previewParagraphs, timeZone } = site.settings;
  const asMember = await readArticle(deps.db, section, slug, viewer, previewParagraphs);
  if (asMember.kind !== 'found' || !asMember.article.locked) return undefined;
  const now = new Date(deps.now?.() ?? Date.now());
  const reading = await meterRead(deps.db, {
    memberId,
    articleId: asMember.article.id,
    allowed,
    month: meterMonth(now, timeZone),
    at: now.toISOString(),
  });
  if (!reading) return undefined;
  const whole = await readArticle(deps.db, section, slug, METERED_READER, previewParagraphs);
  return whole.kind === 'found' ? articlePage(whole.article, site, { meter: reading }) : undefined;
}
