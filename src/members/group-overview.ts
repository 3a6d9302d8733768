import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Actor } from '../staff/actor.ts';
import { pendingInvites } from './group-invites.service.ts';
import { abandonedBefore, domainOf } from './groups.service.ts';
import type { MemberGroupRow } from './groups.table.ts';
import { authorizeMembers } from './policy.ts';
import { accessFacts, graceDaysFor, subscriptionGivesAccess } from './subscriptions.ts';

/** What the pages about groups show: the group's state, its seats and invites, and who may join what. */

/** A group's subscription in a word: not paid yet, giving access, or no longer. */
export type GroupStatus = 'pending' | 'active' | 'ended';

export interface GroupSummary {
  id: string;
  name: string;
  tierName: string;
  seats: number;
  seatsTaken: number;
  emailDomain: string | null;
  status: GroupStatus;
  /** The Stripe status behind `status` (null while pending). */
  subscriptionStatus: string | null;
  adminMemberId: string;
}

export interface GroupOverview extends GroupSummary {
  members: { memberId: string; email: string; name: string; joinedAt: string }[];
  invites: { id: string; email: string; sentAt: string; expiresAt: string }[];
}

async function summaries(db: Kysely<Database>, groups: MemberGroupRow[]): Promise<GroupSummary[]> {
  if (groups.length === 0) return [];
  const ids = groups.map((group) => group.id);
  const subscriptionIds = groups.flatMap((group) =>
    group.stripe_subscription_id ? [group.stripe_subscription_id] : [],
  );
  const [subscriptions, counts] = await Promise.all([
    subscriptionIds.length === 0
      ? []
      : db
          .selectFrom('member_subscriptions')
          .selectAll()
          .where('stripe_subscription_id', 'in', subscriptionIds)
          .execute(),
    db
      .selectFrom('group_seats')
      .select((eb) => ['group_id', eb.fn.countAll<number | string>().as('n')])
      .where('group_id', 'in', ids)
      .where('removed_at', 'is', null)
      .groupBy('group_id')
      .execute(),
  ]);
  const graceDays = await graceDaysFor(db, subscriptions);
  const now = new Date();
  const bySubscription = new Map(subscriptions.map((row) => [row.stripe_subscription_id, row]));
  const taken = new Map(counts.map((row) => [row.group_id, Number(row.n)]));
  return groups.map((group) => {
    const subscription = group.stripe_subscription_id ? bySubscription.get(group.stripe_subscription_id) : undefined;
    const status: GroupStatus = !subscription
      ? 'pending'
      : subscriptionGivesAccess(accessFacts(subscription), now, graceDays)
        ? 'active'
        : 'ended';
    return {
      id: group.id,
      name: group.name,
      tierName: group.tier_name,
      seats: Number(group.seats),
      seatsTaken: taken.get(group.id) ?? 0,
      emailDomain: group.email_domain,
      status,
      subscriptionStatus: subscription?.status ?? null,
      adminMemberId: group.admin_member_id,
    };
  });
}

/** The group as its admin's page shows it; undefined unless this member is its admin (others are told nothing). */
export async function groupOverviewFor(
  db: Kysely<Database>,
  groupId: string,
  adminMemberId: string,
): Promise<GroupOverview | undefined> {
  const group = await db
    .selectFrom('member_groups')
    .selectAll()
    .where('id', '=', groupId)
    .where('admin_member_id', '=', adminMemberId)
    .executeTakeFirst();
  if (!group) return undefined;
  const [[summary], members, invites] = await Promise.all([
    summaries(db, [group]),
    db
      .selectFrom('group_seats')
      .innerJoin('members', 'members.id', 'group_seats.member_id')
      .select(['members.id', 'members.email', 'members.name', 'group_seats.joined_at'])
      .where('group_seats.group_id', '=', group.id)
      .where('group_seats.removed_at', 'is', null)
      .orderBy('group_seats.joined_at')
      .orderBy('members.id')
      .execute(),
    pendingInvites(db, group.id),
  ]);
  if (!summary) return undefined;
  return {
    ...summary,
    members: members.map((row) => ({ memberId: row.id, email: row.email, name: row.name, joinedAt: row.joined_at })),
    invites: invites.map((row) => ({
      id: row.id,
      email: row.email,
      sentAt: row.created_at,
      expiresAt: row.expires_at,
    })),
  };
}

/**
 * The groups a member manages, those they hold a seat in, and the paid groups with a free seat open
 * to their address's domain.
 */
export async function groupsForAccount(
  db: Kysely<Database>,
  member: { id: string; email: string },
): Promise<{ managed: GroupSummary[]; seated: GroupSummary[]; joinable: GroupSummary[] }> {
  const [managed, seated, atDomain] = await Promise.all([
    db.selectFrom('member_groups').selectAll().where('admin_member_id', '=', member.id).orderBy('created_at').execute(),
    db
      .selectFrom('member_groups')
      .innerJoin('group_seats', 'group_seats.group_id', 'member_groups.id')
      .selectAll('member_groups')
      .where('group_seats.member_id', '=', member.id)
      .where('group_seats.removed_at', 'is', null)
      .orderBy('group_seats.joined_at')
      .execute(),
    db
      .selectFrom('member_groups')
      .selectAll()
      .where('email_domain', '=', domainOf(member.email))
      .where('stripe_subscription_id', 'is not', null)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('group_seats')
              .select('group_seats.id')
              .whereRef('group_seats.group_id', '=', 'member_groups.id')
              .where('group_seats.member_id', '=', member.id)
              .where('group_seats.removed_at', 'is', null),
          ),
        ),
      )
      .orderBy('created_at')
      .execute(),
  ]);
  return {
    managed: (await summaries(db, managed)).filter((group) => group.status !== 'pending'),
    seated: await summaries(db, seated),
    joinable: (await summaries(db, atDomain)).filter(
      (group) => group.status === 'active' && group.seatsTaken < group.seats,
    ),
  };
}

/** Every group paid for or waiting for its payment since less than a week, with its admin's address, newest first (staff: editors and admins). */
export async function listGroups(
  db: Kysely<Database>,
  actor: Actor,
): Promise<(GroupSummary & { adminEmail: string; createdAt: string })[]> {
  authorizeMembers(actor, 'members.read');
  const rows = await db
    .selectFrom('member_groups')
    .innerJoin('members', 'members.id', 'member_groups.admin_member_id')
    .selectAll('member_groups')
    .select('members.email as admin_email')
    // A purchase left unpaid for a week is abandoned, not waiting: the sweep deletes it.
    .where((eb) =>
      eb.or([
        eb('member_groups.stripe_subscription_id', 'is not', null),
        eb('member_groups.created_at', '>=', abandonedBefore(new Date())),
      ]),
    )
    .orderBy('member_groups.created_at', 'desc')
    .orderBy('member_groups.id', 'desc')
    .execute();
  const listed = await summaries(db, rows);
  return listed.map((group, index) => ({
    ...group,
    adminEmail: rows[index]?.admin_email ?? '',
    createdAt: rows[index]?.created_at ?? '',
  }));
}

/**
 * What "Download my data" says of groups: every seat the member held (left ones too, as the history
 * keeps them) and the groups they manage, with what they typed when buying.
 */
export async function groupsDataOf(
  db: Kysely<Database>,
  memberId: string,
): Promise<{ seats: Record<string, unknown>[]; managed: Record<string, unknown>[] }> {
  const [seats, managed] = await Promise.all([
    db
      .selectFrom('group_seats')
      .innerJoin('member_groups', 'member_groups.id', 'group_seats.group_id')
      .select(['member_groups.name', 'member_groups.tier_name', 'group_seats.joined_at', 'group_seats.removed_at'])
      .where('group_seats.member_id', '=', memberId)
      .orderBy('group_seats.joined_at')
      .orderBy('group_seats.id')
      .execute(),
    db.selectFrom('member_groups').selectAll().where('admin_member_id', '=', memberId).orderBy('created_at').execute(),
  ]);
  return {
    seats: seats.map((row) => ({
      group: row.name,
      tier: row.tier_name,
      joinedAt: row.joined_at,
      leftAt: row.removed_at,
    })),
    managed: (await summaries(db, managed)).map((group, index) => ({
      name: group.name,
      tier: group.tierName,
      seats: group.seats,
      seatsTaken: group.seatsTaken,
      emailDomain: group.emailDomain,
      status: group.status,
      createdAt: managed[index]?.created_at ?? '',
    })),
  };
}
