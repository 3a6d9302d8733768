import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { updateArticleRow } from '../../content/articles.repository.ts';
import { createDraft, type ContentDeps, updateArticle } from '../../content/articles.service.ts';
import { createPage } from '../../content/pages.service.ts';
import { addCorrection, publishArticle } from '../../content/publishing.service.ts';
import { submitArticle } from '../../content/workflow.service.ts';
import { createTaxonomyItem, TAXONOMY_KINDS, type TaxonomyKind } from '../../content/taxonomy.service.ts';
import { storeImage } from '../../media/images.service.ts';
import type { MediaStorage } from '../../media/storage.ts';
import { updateSettings } from '../../settings/settings.service.ts';
import { SYSTEM } from '../../staff/actor.ts';
import { demoDocument } from './demo-document.ts';
import { type DemoArticle, allArticles, authors, images, labels, pages, sections, site, tags } from './demo/index.ts';
import { deskStories } from './demo/desk.ts';
import { demoOffer, freeTier, paidTiers } from './demo/tiers.ts';
import { addPrice, createTier, listTiers, updateTier } from '../../billing/tiers.service.ts';
import { createOffer } from '../../billing/offers.service.ts';
import { drawIllustration } from './illustrations.ts';

export interface SeedDeps extends ContentDeps {
  storage: MediaStorage;
}

const hoursAgo = (now: number, hours: number): string => new Date(now - hours * 3600_000).toISOString();

/** Whether the database has no articles yet (npm start seeds only then). */
export async function isEmpty(db: Kysely<Database>): Promise<boolean> {
  const row = await db
    .selectFrom('articles')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0) === 0;
}

/** Loads the demo newsroom through the same services the admin API uses. */
export async function seedDemo(deps: SeedDeps, log: (line: string) => void = () => {}): Promise<{ articles: number }> {
  const now = Date.now();
  await updateSettings(deps, SYSTEM.seed, {
    title: site.title,
    description: site.description,
    publisherName: site.title,
    locale: 'en',
    timeZone: 'America/Mexico_City',
  });
  const ids = {
    sections: new Map<string, string>(),
    labels: new Map<string, string>(),
    authors: new Map<string, string>(),
    tags: new Map<string, string>(),
    images: new Map<string, string>(),
    articles: new Map<string, string>(),
  };
  // Sections, labels, authors and tags through the same service (and policy) as the admin API.
  const add = async (
    kind: TaxonomyKind,
    ids: Map<string, string>,
    fields: { slug: string; name: string } & Record<string, unknown>,
  ): Promise<void> => {
    const item = await createTaxonomyItem(deps, SYSTEM.seed, kind, fields);
    ids.set(fields.slug, String(item.id));
  };
  for (const [position, { slug, name, description }] of sections.entries())
    await add(TAXONOMY_KINDS.sections, ids.sections, { slug, name, description, position });
  for (const [position, { slug, name }] of labels.entries())
    await add(TAXONOMY_KINDS.labels, ids.labels, { slug, name, position });
  for (const { slug, name, bio } of authors) await add(TAXONOMY_KINDS.authors, ids.authors, { slug, name, bio });
  for (const { slug, name } of tags) await add(TAXONOMY_KINDS.tags, ids.tags, { slug, name });
  log(`drawing ${images.length} illustrations and their renditions`);
  for (const image of images) {
    const row = await storeImage(deps, SYSTEM.seed, await drawIllustration(image), {
      alt: image.alt,
      caption: image.caption,
      credit: image.credit,
    });
    ids.images.set(image.key, row.id);
  }
  const lookup = (map: Map<string, string>, key: string, what: string): string => {
    const id = map.get(key);
    if (!id) throw new Error(`demo ${what} ${key} is missing`);
    return id;
  };
  // Tiers first: a story for chosen tiers names them.
  const tierIds = await seedTiers(deps);
  const withTiers = { ...deps, paidTierIds: async () => [...tierIds.values()] };
  // First every article as a draft, then bodies with their cross references once all ids exist.
  for (const article of allArticles) {
    const row = await createDraft(withTiers, SYSTEM.seed, {
      headline: article.headline,
      slug: article.slug,
      dek: article.dek,
      access: article.access ?? 'public',
      ...(article.tiers ? { accessTierIds: article.tiers.map((slug) => lookup(tierIds, slug, 'tier')) } : {}),
      dateline: article.dateline,
      attribution: article.attribution ?? '',
      labelId: lookup(ids.labels, article.label, 'label'),
      sectionId: lookup(ids.sections, article.section, 'section'),
      authorIds: article.authors.map((a) => lookup(ids.authors, a, 'author')),
      tagIds: article.tags.map((t) => lookup(ids.tags, t, 'tag')),
      featureImage: { id: lookup(ids.images, article.image, 'image') },
      body: demoDocument(article.body, ids.images, null),
    });
    ids.articles.set(article.slug, row.id);
  }
  for (const article of allArticles) await publishDemoArticle(deps, article, ids.images, ids.articles, now);
  const pageIds = new Map<string, string>();
  for (const page of pages) {
    const created = await createPage(deps, SYSTEM.seed, {
      slug: page.slug,
      title: page.title,
      body: demoDocument(page.body, ids.images, ids.articles),
      status: 'published',
    });
    pageIds.set(page.slug, created.id);
  }
  // The newsroom's own navigation: every section and "About" in the header, the policies in the footer.
  await updateSettings(deps, SYSTEM.seed, {
    headerNavigation: [
      ...sections.map((section) => ({ type: 'section' as const, id: lookup(ids.sections, section.slug, 'section') })),
      { type: 'page', id: lookup(pageIds, 'about', 'page'), label: 'About' },
    ],
    footerNavigation: [
      { type: 'page', id: lookup(pageIds, 'about', 'page'), label: 'About us' },
      { type: 'page', id: lookup(pageIds, 'ethics-policy', 'page') },
      { type: 'page', id: lookup(pageIds, 'corrections-policy', 'page') },
    ],
  });
  // Work in progress for the web app: none of it reaches readers.
  for (const story of deskStories) {
    const row = await createDraft(deps, SYSTEM.seed, {
      headline: story.headline,
      slug: story.slug,
      dek: story.dek,
      dateline: story.dateline,
      labelId: lookup(ids.labels, story.label, 'label'),
      sectionId: lookup(ids.sections, story.section, 'section'),
      authorIds: story.authors.map((a) => lookup(ids.authors, a, 'author')),
      tagIds: story.tags.map((t) => lookup(ids.tags, t, 'tag')),
      featureImage: { id: lookup(ids.images, story.image, 'image') },
      body: demoDocument(story.body, ids.images, ids.articles),
    });
    if (story.state === 'ready') await submitArticle(deps, SYSTEM.seed, row.id);
    if (story.state === 'scheduled')
      await publishArticle(
        deps,
        SYSTEM.seed,
        row.id,
        new Date(now + (story.hoursAhead ?? 24) * 3600_000).toISOString(),
      );
  }
  log(`seeded ${allArticles.length} articles in ${sections.length} sections, and ${paidTiers.length} paid tiers`);
  return { articles: allArticles.length };
}

/**
 * The free tier's benefits and the paid tiers with their prices; Stripe is told when it is set up
 * (not in the demo), and the demo's offer link. Returns the paid tiers' ids by slug.
 */
async function seedTiers(deps: SeedDeps): Promise<Map<string, string>> {
  const billing = { ...deps, stripe: undefined };
  const free = (await listTiers(billing, SYSTEM.seed)).find((tier) => tier.kind === 'free');
  if (free) await updateTier(billing, SYSTEM.seed, free.id, freeTier);
  const ids = new Map<string, string>();
  for (const { prices, ...fields } of paidTiers) {
    const { tier } = await createTier(billing, SYSTEM.seed, fields);
    ids.set(tier.slug, tier.id);
    for (const [currency, interval, amount] of prices)
      await addPrice(billing, SYSTEM.seed, tier.id, { currency, interval, amount });
  }
  const { tierSlug, ...offer } = demoOffer;
  await createOffer(billing, SYSTEM.seed, { ...offer, tierId: ids.get(tierSlug) ?? '' });
  return ids;
}

async function publishDemoArticle(
  deps: SeedDeps,
  article: DemoArticle,
  imageIds: Map<string, string>,
  articleIds: Map<string, string>,
  now: number,
): Promise<void> {
  const id = articleIds.get(article.slug) ?? '';
  await updateArticle(deps, SYSTEM.seed, id, {
    body: demoDocument(article.body, imageIds, articleIds),
    relatedIds: (article.related ?? []).map((slug) => articleIds.get(slug)).filter((v): v is string => Boolean(v)),
  });
  await publishArticle(deps, SYSTEM.seed, id, hoursAgo(now, article.hoursAgo));
  if (article.updatedHoursAgo !== undefined)
    await updateArticleRow(deps.db, id, { updated_at: hoursAgo(now, article.updatedHoursAgo) });
  for (const correction of article.corrections ?? []) {
    await addCorrection(deps, SYSTEM.seed, id, correction.kind, correction.body, hoursAgo(now, correction.hoursAgo));
  }
}
