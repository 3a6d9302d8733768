import type { Invalidation } from '../http/invalidation.ts';
import { CLAIM_TTL_MS } from './claims.ts';

const PREFIX = 'member-access:';

/** The purge key that says a member's access changed (carried to every process like any purge). */
export const memberAccessKey = (memberId: string): string => `${PREFIX}${memberId}`;

/**
 * Says, in this process and every other one, that a member may now read more or less (a grant given
 * or ended, a subscription paid or ended). Call it after the change is committed: a claim issued
 * before the announcement is then checked again on the member's next page, not ten minutes later.
 */
export function announceAccessChange(invalidation: Invalidation, memberId: string): void {
  invalidation.purge([memberAccessKey(memberId)]);
}

/**
 * When each member's access last changed, as heard by this process. Reader pages believe a signed
 * claim without a query; this in-memory lookup is what lets them notice a change at once. Entries
 * older than a claim's lifetime are dropped: every claim issued before them has expired anyway.
 */
export class AccessChanges {
  readonly #changedAt = new Map<string, number>();

  constructor(invalidation: Invalidation) {
    invalidation.subscribe((keys) => {
      for (const key of keys) if (key.startsWith(PREFIX)) this.#note(key.slice(PREFIX.length));
    });
  }

  /** True when the member's access changed at or after `issuedAt` (a claim's issue time, in ms). */
  changedSince(memberId: string, issuedAt: number): boolean {
    const changedAt = this.#changedAt.get(memberId);
    return changedAt !== undefined && changedAt >= issuedAt;
  }

  #note(memberId: string): void {
    const now = Date.now();
    // Re-inserted so the map stays in order of change, oldest first, for the pruning below.
    this.#changedAt.delete(memberId);
    this.#changedAt.set(memberId, now);
    for (const [id, at] of this.#changedAt) {
      if (at > now - CLAIM_TTL_MS) break;
      this.#changedAt.delete(id);
    }
  }
}
