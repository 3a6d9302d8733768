import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { nowIso } from '../db/ids.ts';

type Executor = Kysely<Database> | Transaction<Database>;

/** What a member chose to receive by mail; the newsletter and comment issues read it. */
export interface MemberPreferences {
  newsletter: boolean;
  commentReplies: boolean;
}

/**
 * Until a member chooses: no newsletter (a newsletter is sent only to readers who asked for it),
 * and replies to their own comments (they are part of a conversation the reader started).
 */
export const DEFAULT_PREFERENCES: MemberPreferences = { newsletter: false, commentReplies: true };

export async function memberPreferences(db: Executor, memberId: string): Promise<MemberPreferences> {
  const row = await db
    .selectFrom('member_preferences')
    .select(['newsletter', 'comment_replies'])
    .where('member_id', '=', memberId)
    .executeTakeFirst();
  return row
    ? { newsletter: Number(row.newsletter) === 1, commentReplies: Number(row.comment_replies) === 1 }
    : DEFAULT_PREFERENCES;
}

export async function setMemberPreferences(db: Executor, memberId: string, choice: MemberPreferences): Promise<void> {
  const values = {
    newsletter: choice.newsletter ? 1 : 0,
    comment_replies: choice.commentReplies ? 1 : 0,
    updated_at: nowIso(),
  };
  await db
    .insertInto('member_preferences')
    .values({ member_id: memberId, ...values })
    .onConflict((oc) => oc.column('member_id').doUpdateSet(values))
    .execute();
}
