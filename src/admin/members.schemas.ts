import { Type } from '@sinclair/typebox';
import { Open } from './schemas.ts';

/** The list's and the export's filters. */
export const MemberFiltersQuery = {
  q: Type.Optional(Type.String({ maxLength: 200, description: 'part of the email address or name, in any case' })),
  status: Type.Optional(
    Type.Union([Type.Literal('free'), Type.Literal('paid'), Type.Literal('complimentary')], {
      description:
        'free: no paid access; paid: paid access now (a running complimentary grant, a redeemed gift or a subscription that gives access); complimentary: complimentary access the newsroom gave running (not a gift)',
    }),
  ),
  signedUpAfter: Type.Optional(Type.String({ format: 'date-time', description: 'signed up at or after this instant' })),
  signedUpBefore: Type.Optional(Type.String({ format: 'date-time', description: 'signed up before this instant' })),
  tier: Type.Optional(
    Type.String({ maxLength: 100, description: 'a tier id: members whose subscription gives access on that tier' }),
  ),
  currency: Type.Optional(
    Type.String({
      pattern: '^[A-Za-z]{3}$',
      description: 'a three-letter currency code: members whose subscription that gives access is paid in it',
    }),
  ),
};

export const MemberItem = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  since: Type.String({ format: 'date-time', description: 'when the account was made' }),
  access: Type.Union([Type.Literal('free'), Type.Literal('paid')]),
  complimentaryUntil: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
    description: 'the end of the latest running complimentary access the newsroom gave (a gift is `gift`)',
  }),
  gift: Type.Union(
    [
      Type.Object({
        tierId: Type.String(),
        tierName: Type.String(),
        until: Type.String({ format: 'date-time' }),
      }),
      Type.Null(),
    ],
    { description: 'the redeemed gift subscription running longest: its tier and its end' },
  ),
  signedUpFrom: Type.Union([Type.String(), Type.Null()], { description: 'the page the member signed up from' }),
});

export const GrantJson = Type.Object({
  id: Type.String(),
  memberId: Type.String(),
  email: Type.String(),
  endsAt: Type.String({ format: 'date-time' }),
  note: Type.String(),
});

const EventActor = Type.Object({
  kind: Type.Union([Type.Literal('member'), Type.Literal('stripe'), Type.Literal('system'), Type.Literal('staff')]),
  name: Type.Optional(Type.String({ description: "the staff member's name, when staff acted" })),
});

export const MemberProfileJson = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  locale: Type.Union([Type.Literal('en'), Type.Literal('es'), Type.Null()]),
  since: Type.String({ format: 'date-time' }),
  signedUpFrom: Type.Union([Type.String(), Type.Null()]),
  access: Type.Union([Type.Literal('free'), Type.Literal('paid')]),
  grants: Type.Array(
    Type.Object({
      id: Type.String(),
      createdAt: Type.String({ format: 'date-time' }),
      endsAt: Type.String({ format: 'date-time' }),
      note: Type.String(),
      grantedBy: Type.Union([Type.String(), Type.Null()], { description: "the staff member's name" }),
      source: Type.Union([Type.Literal('staff'), Type.Literal('import'), Type.Literal('gift')], {
        description: 'staff and import: complimentary access the newsroom gave (every tier); gift: a redeemed gift',
      }),
      tierName: Type.Union([Type.String(), Type.Null()], {
        description: 'the one tier a gift opens; null: every tier',
      }),
    }),
    { description: 'complimentary access and redeemed gifts still running, latest end first' },
  ),
  subscriptions: Type.Array(Open({}, 'a subscription as mirrored from Stripe (members/subscriptions.ts)')),
  payments: Type.Array(Open({}, 'a payment as mirrored from Stripe')),
  history: Type.Array(
    Type.Object({
      id: Type.String(),
      kind: Type.String({ description: 'signed-up, email-changed, complimentary-granted, complimentary-removed, …' }),
      at: Type.String({ format: 'date-time' }),
      actor: EventActor,
      detail: Type.Object({}, { additionalProperties: true }),
    }),
    { description: 'what happened to the account, newest first' },
  ),
});

export const ImportReportJson = Type.Object({
  rows: Type.Integer({ description: 'data rows read' }),
  created: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  refused: Type.Array(
    Type.Object({
      line: Type.Integer({ description: 'the line of the file the row starts on' }),
      email: Type.String(),
      reason: Type.String({
        description:
          'email-missing, email-invalid, duplicate, name-too-long, note-too-long, date-invalid, date-past, too-many-cells',
      }),
    }),
  ),
});
