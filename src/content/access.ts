/** Who is reading (members from their cookie: src/members/identity.ts). What each may see is reader-scope.ts. */
export type Viewer = { kind: 'anonymous' } | { kind: 'member'; paid: boolean } | { kind: 'staff' };

export const ANONYMOUS: Viewer = Object.freeze({ kind: 'anonymous' });

/** A cache variant name per access situation, so cached pages never cross from one kind of reader to another. */
export function cacheVariant(viewer: Viewer): string {
  if (viewer.kind === 'member') return viewer.paid ? 'paid' : 'member';
  return viewer.kind;
}
