import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { allowFormTargets } from '../http/form-targets.ts';
import type { TypedFastify } from '../http/typed-fastify.ts';
import type { MessageKey } from '../i18n/en.ts';
import { followLink, requestEmailChange } from './links.service.ts';
import { type MemberRouteDeps, refuseForm, sendPage } from './member-routes.ts';
import { announceAccessChange } from './access-changes.ts';
import { deleteMember, memberAccount, memberData, parseEmail, renameMember } from './members.service.ts';
import { accountPage, messagePage, signInForm } from './members.views.ts';
import type { AccountBilling } from './account-billing.views.ts';
import type { AccountGifts } from './account-gifts.views.ts';
import { memberPreferences, setMemberPreferences } from './preferences.ts';
import { paymentsOf, subscriptionsOf } from './subscriptions.ts';
import { groupsForAccount } from './group-overview.ts';
import { accountGroupsSection } from './groups.views.ts';
import { endEverySessionOf, endMemberSession } from './sessions.service.ts';

const Field = (maxLength: number) => Type.Optional(Type.String({ maxLength }));
const DONE = ['name', 'email-sent', 'no-billing', 'preferences'] as const;
const DONE_MESSAGE: Record<(typeof DONE)[number], MessageKey> = {
  name: 'member.account.nameSaved',
  'email-sent': 'member.account.emailSent',
  // Billing's POST /account/billing comes back here when there is no Stripe customer to manage.
  'no-billing': 'member.billing.noAccount',
  preferences: 'member.preferences.saved',
};
const AccountQuery = Type.Object({ done: Type.Optional(Type.Union(DONE.map((d) => Type.Literal(d)))) });

/** The account page and what it does: subscription and payments, name, address, mail choices, sign out everywhere, data, deletion. */
export function registerAccountRoutes(app: TypedFastify, deps: MemberRouteDeps): void {
  const billingOf = async (memberId: string): Promise<AccountBilling> => {
    const [subscriptions, payments, canManage] = await Promise.all([
      subscriptionsOf(deps.db, memberId),
      paymentsOf(deps.db, memberId),
      deps.billing?.hasAccount(memberId) ?? false,
    ]);
    return { subscriptions, payments, canManage };
  };
  const giftsOf = async (memberId: string): Promise<AccountGifts> => ({
    given: (await deps.billing?.giftsGiven?.(memberId)) ?? [],
    waiting: (await deps.billing?.giftsWaiting?.(memberId)) ?? 0,
  });
  const toSignIn = (reply: FastifyReply) =>
    reply.header('cache-control', 'no-store').redirect('/signin?from=/account', 303);

  /** Runs a form's action for the signed-in member, after its CSRF token checks out. */
  const action =
    (
      run: (
        session: { memberId: string; sessionId: string },
        body: Record<string, string | undefined>,
        request: FastifyRequest,
        reply: FastifyReply,
      ) => Promise<FastifyReply>,
    ) =>
    async (request: FastifyRequest, reply: FastifyReply) => {
      const body = request.body as Record<string, string | undefined>;
      if (!deps.forms.check(request, body.csrf)) return refuseForm(deps, request, reply, '/account');
      const session = await deps.signedIn(request);
      if (!session) return toSignIn(reply);
      return run(session, body, request, reply);
    };

  app.get('/account', { schema: { querystring: AccountQuery } }, async (request, reply) => {
    const session = await deps.signedIn(request);
    const account = session ? await memberAccount(deps.db, session.memberId) : null;
    if (!account) return toSignIn(reply);
    const site = await deps.siteContext();
    const csrf = deps.forms.issue(request, reply, '/account');
    const done = request.query.done;
    const billing = await billingOf(account.id);
    if (billing.canManage) allowFormTargets(reply, deps.billing?.formTargets ?? []);
    return sendPage(
      reply,
      200,
      accountPage(
        site,
        {
          account,
          billing,
          preferences: await memberPreferences(deps.db, account.id),
          gifts: await giftsOf(account.id),
          // The groups they manage or sit in, and those their address's domain may join.
          groups: accountGroupsSection(site, await groupsForAccount(deps.db, account), csrf),
        },
        csrf,
        done ? site.t.t(DONE_MESSAGE[done]) : undefined,
      ),
    );
  });

  app.post(
    '/account/name',
    { schema: { body: Type.Object({ csrf: Field(100), name: Field(120) }) } },
    action(async (session, body, _request, reply) => {
      await renameMember(deps.db, session.memberId, body.name ?? '');
      return reply.redirect('/account?done=name', 303);
    }),
  );

  app.post(
    '/account/preferences',
    { schema: { body: Type.Object({ csrf: Field(100), newsletter: Field(10), commentReplies: Field(10) }) } },
    action(async (session, body, _request, reply) => {
      // An unticked checkbox is not sent at all: absent means no.
      await setMemberPreferences(deps.db, session.memberId, {
        newsletter: body.newsletter === 'on',
        commentReplies: body.commentReplies === 'on',
      });
      return reply.redirect('/account?done=preferences', 303);
    }),
  );

  app.post(
    '/account/email',
    {
      schema: { body: Type.Object({ csrf: Field(100), email: Type.String({ maxLength: 320 }) }) },
      config: deps.attempts,
    },
    action(async (session, body, _request, reply) => {
      const address = parseEmail(body.email ?? '');
      const site = await deps.siteContext();
      if (address)
        await requestEmailChange(
          { db: deps.db, outbox: deps.outbox, publicUrl: deps.config.publicUrl },
          site.settings,
          session.memberId,
          address,
        );
      return reply.redirect('/account?done=email-sent', 303);
    }),
  );

  app.get(
    '/account/email/confirm',
    { schema: { querystring: Type.Object({ token: Type.String({ maxLength: 200 }) }) } },
    async (request, reply) => {
      const outcome = await followLink(deps.db, request.query.token, ['email-change']);
      const site = await deps.siteContext();
      if (outcome.status === 'valid') {
        const account = await memberAccount(deps.db, outcome.memberId);
        return sendPage(
          reply,
          200,
          messagePage(
            site,
            'member.account.title',
            site.t.t('member.account.emailChanged', { email: account?.email ?? '' }),
            '/account',
          ),
        );
      }
      const problem =
        outcome.status === 'expired'
          ? 'member.link.expired'
          : outcome.status === 'used'
            ? 'member.link.used'
            : 'member.link.unknown';
      // The form asks for a sign-in link (it posts to /signin), so its token is of that scope.
      const csrf = deps.forms.issue(request, reply, '/signin');
      return sendPage(
        reply,
        outcome.status === 'unknown' ? 404 : 410,
        signInForm(site, { csrf, signUp: false, from: '/account', message: site.t.t(problem) }),
      );
    },
  );

  app.post('/account/sign-out', { schema: { body: Type.Object({ csrf: Field(100) }) } }, async (request, reply) => {
    if (!deps.forms.check(request, request.body.csrf)) return refuseForm(deps, request, reply, '/account');
    const session = await deps.signedIn(request);
    if (session) await endMemberSession(deps.db, session.sessionId);
    deps.clearSession(reply);
    const site = await deps.siteContext();
    return sendPage(
      reply,
      200,
      messagePage(site, 'member.signedOut.title', site.t.t('member.signedOut.body'), '/account'),
    );
  });

  app.post(
    '/account/sign-out-everywhere',
    { schema: { body: Type.Object({ csrf: Field(100) }) } },
    action(async (session, _body, _request, reply) => {
      await endEverySessionOf(deps.db, session.memberId);
      announceAccessChange(deps.invalidation, session.memberId);
      deps.clearSession(reply);
      const site = await deps.siteContext();
      return sendPage(
        reply,
        200,
        messagePage(site, 'member.signedOut.title', site.t.t('member.signedOut.body'), '/account'),
      );
    }),
  );

  app.get('/account/data', async (request, reply) => {
    const session = await deps.signedIn(request);
    const data = session ? await memberData(deps.db, session.memberId) : null;
    if (!session || !data) return toSignIn(reply);
    // Billing keeps the gifts; members only know to ask (members never import billing).
    const gifts = deps.billing?.giftData ? await deps.billing.giftData(session.memberId) : undefined;
    if (gifts) data.gifts = gifts;
    return reply
      .header('cache-control', 'no-store')
      .header('content-disposition', 'attachment; filename="account.json"')
      .type('application/json; charset=utf-8')
      .send(JSON.stringify(data, null, 2));
  });

  app.post(
    '/account/delete',
    { schema: { body: Type.Object({ csrf: Field(100), confirm: Field(320) }) } },
    action(async (session, body, request, reply) => {
      const site = await deps.siteContext();
      const account = await memberAccount(deps.db, session.memberId);
      if (!account) return toSignIn(reply);
      const billing = await billingOf(account.id);
      // Deleting the account would leave Stripe charging a reader Gaceta no longer knows: cancel first.
      // A group's running subscription is refused the same way, naming the group its seats would lose.
      const giving = billing.subscriptions.filter((sub) => sub.givesAccess);
      const group = giving.find((sub) => sub.group)?.group;
      const refusal = giving.some((sub) => !sub.group)
        ? site.t.t('member.account.deleteSubscribed')
        : group
          ? site.t.t('member.account.deleteGroupActive', { group: group.name })
          : parseEmail(body.confirm ?? '')?.normalized !== account.email.toLowerCase()
            ? site.t.t('member.account.deleteMismatch')
            : undefined;
      if (refusal) {
        const csrf = deps.forms.issue(request, reply, '/account');
        if (billing.canManage) allowFormTargets(reply, deps.billing?.formTargets ?? []);
        const preferences = await memberPreferences(deps.db, account.id);
        return sendPage(reply, 400, accountPage(site, { account, billing, preferences }, csrf, refusal));
      }
      await deleteMember(deps.db, session.memberId);
      announceAccessChange(deps.invalidation, session.memberId);
      deps.clearSession(reply);
      return sendPage(
        reply,
        200,
        messagePage(site, 'member.deleted.title', site.t.t('member.deleted.body'), '/account'),
      );
    }),
  );
}
