import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { grantComplimentary } from '../../members/complimentary.service.ts';
import { ensureMember, parseEmail } from '../../members/members.service.ts';
import { recordPayment } from '../../members/subscription-mirror.ts';
import { SYSTEM } from '../../staff/actor.ts';
import { createDemoGifts } from './demo-gifts.ts';
import { createDemoGroup, DEMO_GROUP_ADMIN } from './demo-group.ts';

export const DEMO_FREE_MEMBER = 'reader@valley-gazette.example';
export const DEMO_PAID_MEMBER = 'subscriber@valley-gazette.example';

/**
 * Two demo readers: one with a free account who once gave a contribution (their account page lists
 * it), one with paid access (complimentary, a year long), and how to sign in as each. Without SMTP_URL the sign-in mail is written to this log with its link and code.
 */
export async function createDemoMembers(
  db: Kysely<Database>,
  publicUrl: string,
  log: (line: string) => void,
): Promise<void> {
  const free = parseEmail(DEMO_FREE_MEMBER);
  if (free) {
    const member = await ensureMember(db, { ...free, name: 'Fran Reader' });
    // As Stripe's webhook records a paid contribution; the id is fixed, so seeding again adds none.
    await recordPayment(db, {
      memberId: member.id,
      kind: 'contribution',
      stripeId: 'cs_demo_contribution',
      stripePaymentIntentId: null,
      number: null,
      amountPaid: 1000,
      currency: 'usd',
      status: 'paid',
      paidAt: new Date().toISOString(),
      hostedInvoiceUrl: null,
    });
  }
  await grantComplimentary(db, SYSTEM.seed, {
    email: DEMO_PAID_MEMBER,
    endsAt: new Date(Date.now() + 365 * 24 * 3600_000).toISOString(),
    note: 'demo newsroom',
  });
  await createDemoGroup(db);
  // Before the sign-in hint: a fresh start lists what the newcomer can try, the gifts among it.
  await createDemoGifts(db, DEMO_FREE_MEMBER, publicUrl, log);
  log(
    `read as a member: open ${publicUrl}/signin and enter ${DEMO_FREE_MEMBER} (free) or ${DEMO_PAID_MEMBER} (paid); ` +
      'the sign-in mail appears in this log ("mail not sent (no SMTP_URL)"): open its link, or type its 6-digit code; ' +
      `${DEMO_GROUP_ADMIN} manages a group subscription (Account → Group subscriptions)`,
  );
}
