import { type Kysely, sql } from 'kysely';

/**
 * Group subscriptions (members'): an organisation buys `seats` on a tier through one Stripe
 * subscription (quantity = seats), mirrored like any other in member_subscriptions under the buyer
 * (its admin); `stripe_subscription_id` is null while the group waits for its Checkout to finish.
 * A seat is a member's place in a group: one running seat (removed_at null) per member per group,
 * kept after removal for the history. An invite is an emailed, hashed, single-use token for one
 * address. `seats_observed_at` orders quantity changes as Stripe's events are ordered (replays and
 * late events never set an older count).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('member_groups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('tier_id', 'text', (c) => c.notNull())
    .addColumn('tier_name', 'text', (c) => c.notNull())
    .addColumn('admin_member_id', 'text', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('seats', 'integer', (c) => c.notNull())
    .addColumn('email_domain', 'text')
    .addColumn('stripe_subscription_id', 'text', (c) => c.unique())
    .addColumn('seats_observed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('member_groups_admin').on('member_groups').column('admin_member_id').execute();
  await db.schema.createIndex('member_groups_domain').on('member_groups').column('email_domain').execute();

  await db.schema
    .createTable('group_seats')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('group_id', 'text', (c) => c.notNull().references('member_groups.id').onDelete('cascade'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('joined_at', 'text', (c) => c.notNull())
    .addColumn('removed_at', 'text')
    .execute();
  await db.schema.createIndex('group_seats_member').on('group_seats').column('member_id').execute();
  await db.schema.createIndex('group_seats_group').on('group_seats').columns(['group_id', 'removed_at']).execute();
  // One running seat per member per group; removed seats stay as history. Both dialects know partial indexes.
  await db.schema
    .createIndex('group_seats_running')
    .on('group_seats')
    .columns(['group_id', 'member_id'])
    .unique()
    .where(sql.ref('removed_at'), 'is', null)
    .execute();

  await db.schema
    .createTable('group_invites')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('group_id', 'text', (c) => c.notNull().references('member_groups.id').onDelete('cascade'))
    .addColumn('email_normalized', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('accepted_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('group_invites_group').on('group_invites').column('group_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('group_invites').execute();
  await db.schema.dropTable('group_seats').execute();
  await db.schema.dropTable('member_groups').execute();
}
