import type { Kysely } from 'kysely';
import { findTierBySlug } from '../../billing/tiers.repository.ts';
import type { Database } from '../../db/schema.ts';
import { createPendingGroup, takeSeat, tieGroupSubscription } from '../../members/groups.service.ts';
import { ensureMember } from '../../members/members.service.ts';
import { saveSubscriptionState } from '../../members/subscription-mirror.ts';

const DOMAIN = 'valley-university.example';
export const DEMO_GROUP_ADMIN = `journalism@${DOMAIN}`;
const SEATS = 5;

/**
 * A university's group subscription to the Supporter tier: its admin and two students hold seats
 * (three of five), and anyone at the university's domain may take one of the others. Its Stripe
 * subscription is written as the webhook would mirror it; seeding again adds nothing.
 */
export async function createDemoGroup(db: Kysely<Database>): Promise<void> {
  const tier = await findTierBySlug(db, 'supporter');
  const exists = await db
    .selectFrom('member_groups')
    .select('id')
    .where('email_domain', '=', DOMAIN)
    .executeTakeFirst();
  if (!tier || exists) return;
  const member = (email: string, name: string) => ensureMember(db, { email, normalized: email, name });
  const admin = await member(DEMO_GROUP_ADMIN, 'Valley University Journalism');
  const groupId = await createPendingGroup(db, {
    name: 'Valley University',
    tierId: tier.id,
    tierName: tier.name,
    adminMemberId: admin.id,
    seats: SEATS,
    emailDomain: DOMAIN,
  });
  const students = [await member(`ana@${DOMAIN}`, 'Ana Student'), await member(`beto@${DOMAIN}`, 'Beto Student')];
  const now = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    await tieGroupSubscription(trx, {
      groupId,
      stripeSubscriptionId: 'sub_demo_group',
      quantity: SEATS,
      observedAt: now,
    });
    await saveSubscriptionState(trx, {
      stripeSubscriptionId: 'sub_demo_group',
      memberId: admin.id,
      tierId: tier.id,
      tierName: tier.name,
      status: 'active',
      cancelAtPeriodEnd: false,
      currentPeriodEnd: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      trialEnd: null,
      canceledAt: null,
      endedAt: null,
      amount: 500 * SEATS,
      currency: 'usd',
      interval: 'month',
      observedAt: now,
    });
    for (const student of students) await takeSeat(trx, groupId, student.id, 'system');
  });
}
