import type { AccessLevel } from './articles.table.ts';
import type { ArticleDocument } from './document.ts';

/** Who is reading. Members and paid subscribers arrive with the paywall issue; staff preview everything. */
export type Viewer = { kind: 'anonymous' } | { kind: 'member'; paid: boolean } | { kind: 'staff' };

export const ANONYMOUS: Viewer = Object.freeze({ kind: 'anonymous' });

/** The one rule for whether a viewer may read an article's body. */
export function canReadBody(viewer: Viewer, access: AccessLevel): boolean {
  if (access === 'public' || viewer.kind === 'staff') return true;
  if (viewer.kind !== 'member') return false;
  return access === 'members' || viewer.paid;
}

/** The part of a body a viewer may see: all of it, or nothing but a notice that it is locked. */
export function bodyForViewer(
  doc: ArticleDocument,
  access: AccessLevel,
  viewer: Viewer,
): { doc: ArticleDocument; locked: boolean } {
  if (canReadBody(viewer, access)) return { doc, locked: false };
  return { doc: { type: 'doc', version: 1, content: [] }, locked: true };
}

/** A cache variant name per access situation, so cached pages never cross from one kind of reader to another. */
export function cacheVariant(viewer: Viewer): string {
  if (viewer.kind === 'member') return viewer.paid ? 'paid' : 'member';
  return viewer.kind;
}
