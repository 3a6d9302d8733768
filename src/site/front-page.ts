import type { ArticleCard } from '../content/cards.repository.ts';

/** What the home page shows, in order: the lead, the stories under it, the latest list, a block per section. */
export interface FrontPage {
  lead: ArticleCard | undefined;
  /** Under the lead: the featured stories editors pinned, then the newest until the column holds `secondary`. */
  secondary: ArticleCard[];
  latest: ArticleCard[];
  sections: Array<{ slug: string; name: string; cards: ArticleCard[] }>;
}

export interface FrontPageSizes {
  secondary: number;
  latest: number;
  perSection: number;
}

/**
 * Arranges the home page from the pinned stories readers may see (`pinned`: the lead first when
 * `pinnedLead`, then the featured in order) and the newest stories: the pinned lead leads (else the
 * newest), featured stories come next, then the newest not already shown. Newest stories read but
 * not placed (as many as there were pins) go to the top of their section's block, so pinning never
 * hides a story from the page.
 */
export function arrangeFrontPage(
  pinned: { lead: ArticleCard | undefined; featured: readonly ArticleCard[] },
  newest: readonly ArticleCard[],
  sections: FrontPage['sections'],
  sizes: FrontPageSizes,
): FrontPage {
  const shown = new Set<string>();
  const place = (card: ArticleCard): ArticleCard => {
    shown.add(card.id);
    return card;
  };
  const rest = (): ArticleCard[] => newest.filter((card) => !shown.has(card.id));
  const lead = pinned.lead ? place(pinned.lead) : undefined;
  const featured = pinned.featured.filter((card) => !shown.has(card.id)).map(place);
  const first = lead ?? rest()[0];
  if (first) place(first);
  const secondary = [
    ...featured,
    ...rest()
      .slice(0, Math.max(sizes.secondary - featured.length, 0))
      .map(place),
  ];
  const latest = rest().slice(0, sizes.latest).map(place);
  const leftover = rest();
  return {
    lead: first,
    secondary,
    latest,
    sections: sections.map((section) => ({
      ...section,
      cards: [
        ...leftover.filter((card) => card.section?.slug === section.slug),
        ...section.cards.filter((card) => !shown.has(card.id)),
      ].slice(0, sizes.perSection),
    })),
  };
}
