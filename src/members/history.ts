import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { newId, nowIso } from '../db/ids.ts';

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * What can happen to a member's account. Each domain records its own kinds, in the same
 * transaction as the change they describe, so the history never says something that did not happen.
 */
export type MemberEventKind =
  | 'signed-up'
  | 'email-changed'
  | 'complimentary-granted'
  | 'complimentary-removed'
  | 'subscription-status'
  | 'subscription-price'
  | 'payment'
  | 'payment-failed'
  | 'refund'
  | 'contribution'
  | 'gift-purchased'
  | 'gift-redeemed'
  | 'gift-refunded'
  | 'group-created'
  | 'group-joined'
  | 'group-left';

/** Who made it happen: a staff member's id, or one of these. */
export type MemberEventActor = 'member' | 'stripe' | 'system' | (string & {});

export interface MemberEvent {
  id: string;
  kind: MemberEventKind;
  detail: Record<string, unknown>;
  actor: MemberEventActor;
  at: string;
}

export async function recordMemberEvent(
  db: Executor,
  memberId: string,
  kind: MemberEventKind,
  actor: MemberEventActor,
  detail: Record<string, unknown> = {},
): Promise<void> {
  await db
    .insertInto('member_events')
    .values({ id: newId(), member_id: memberId, kind, actor, detail: JSON.stringify(detail), created_at: nowIso() })
    .execute();
}

/** A member's history, newest first. */
export async function memberHistory(db: Executor, memberId: string, limit = 200): Promise<MemberEvent[]> {
  const rows = await db
    .selectFrom('member_events')
    .select(['id', 'kind', 'detail', 'actor', 'created_at'])
    .where('member_id', '=', memberId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind as MemberEventKind,
    detail: JSON.parse(row.detail) as Record<string, unknown>,
    actor: row.actor,
    at: row.created_at,
  }));
}
