/** The admin API's members, as the members screens read them (src/admin/members.schemas.ts). */

export type MemberStatus = '' | 'free' | 'paid' | 'complimentary';

export interface MemberItem {
  id: string;
  email: string;
  name: string;
  since: string;
  access: 'free' | 'paid';
  complimentaryUntil: string | null;
  /** The redeemed gift subscription running longest. */
  gift: { tierId: string; tierName: string; until: string } | null;
}

export interface MemberEventJson {
  id: string;
  kind: string;
  at: string;
  actor: { kind: 'member' | 'stripe' | 'system' | 'staff'; name?: string };
  detail: Record<string, unknown>;
}

export interface Grant {
  id: string;
  createdAt: string;
  endsAt: string;
  note: string;
  grantedBy: string | null;
  /** staff and import: complimentary access (every tier); gift: a redeemed gift (its tier). */
  source: 'staff' | 'import' | 'gift';
  tierName: string | null;
}

export interface Subscription {
  stripeSubscriptionId: string;
  tierName: string;
  status: string;
  amount: number;
  currency: string;
  interval: 'month' | 'year';
  currentPeriodEnd: string;
}

export interface Payment {
  stripeInvoiceId: string;
  amountPaid: number;
  currency: string;
  status: string;
  paidAt: string | null;
}

export interface MemberProfile {
  id: string;
  email: string;
  name: string;
  locale: 'en' | 'es' | null;
  since: string;
  signedUpFrom: string | null;
  access: 'free' | 'paid';
  grants: Grant[];
  subscriptions: Subscription[];
  payments: Payment[];
  history: MemberEventJson[];
}

export interface ImportReport {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  refused: Array<{ line: number; email: string; reason: string }>;
}
