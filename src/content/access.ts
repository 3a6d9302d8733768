/**
 * The tiers a paid member may read chosen-tier stories of: a list of tier ids, or 'every' tier
 * (complimentary access, docs/decisions.md "Complimentary access reads every tier").
 */
export type TierSet = readonly string[] | 'every';

/** Who is reading (members from their cookie: src/members/identity.ts). What each may see is reader-scope.ts. */
export type Viewer =
  { kind: 'anonymous' } | { kind: 'member'; paid: boolean; tierIds: TierSet; memberId?: string } | { kind: 'staff' };

export const ANONYMOUS: Viewer = Object.freeze({ kind: 'anonymous' });

/** Whether a set of tiers holds any of an article's tiers. */
export function holdsAnyTier(held: TierSet, wanted: readonly string[]): boolean {
  return held === 'every' ? true : wanted.some((id) => held.includes(id));
}

/** The tier set as text: '*' for every tier, else the ids sorted and joined, so equal sets name alike. */
export function tierSetKey(tiers: TierSet): string {
  return tiers === 'every' ? '*' : [...tiers].sort().join(',');
}

/**
 * A cache variant name per access situation, so cached pages never cross from one kind of reader to
 * another: paid members are keyed by their tier set too, since a chosen-tiers story reads whole for
 * one tier and locked for another.
 */
export function cacheVariant(viewer: Viewer): string {
  if (viewer.kind !== 'member') return viewer.kind;
  if (!viewer.paid) return 'member';
  const tiers = tierSetKey(viewer.tierIds);
  return tiers ? `paid:${tiers}` : 'paid';
}
