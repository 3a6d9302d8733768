import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { AppError } from '../http/errors.ts';
import type { Actor } from '../staff/actor.ts';
import { accessClassOf } from './access.ts';
import { runningGrants } from './complimentary.service.ts';
import { type MemberEvent, memberHistory } from './history.ts';
import { findMember } from './members.service.ts';
import { authorizeMembers } from './policy.ts';
import { type PaymentSummary, paymentsOf, type SubscriptionSummary, subscriptionsOf } from './subscriptions.ts';

/** Everything the members screen shows about one member (editors and admins). */
export interface MemberProfile {
  id: string;
  email: string;
  name: string;
  locale: 'en' | 'es' | null;
  since: string;
  signedUpFrom: string | null;
  access: 'free' | 'paid';
  grants: Awaited<ReturnType<typeof runningGrants>>;
  subscriptions: SubscriptionSummary[];
  payments: PaymentSummary[];
  history: MemberEvent[];
}

export async function memberProfile(db: Kysely<Database>, actor: Actor, memberId: string): Promise<MemberProfile> {
  authorizeMembers(actor, 'members.read');
  const member = await findMember(db, memberId);
  if (!member) throw new AppError('NOT_FOUND', 'No member has this id.');
  const [access, grants, subscriptions, payments, history] = await Promise.all([
    accessClassOf(db, memberId),
    runningGrants(db, memberId),
    subscriptionsOf(db, memberId),
    paymentsOf(db, memberId),
    memberHistory(db, memberId),
  ]);
  return {
    id: member.id,
    email: member.email,
    name: member.name,
    locale: member.locale,
    since: member.created_at,
    signedUpFrom: member.attribution,
    access: access === 'paid' ? 'paid' : 'free',
    grants,
    subscriptions,
    payments,
    history,
  };
}
