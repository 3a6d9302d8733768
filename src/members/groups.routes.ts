import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { allowFormTargets } from '../http/form-targets.ts';
import { html } from '../http/html.ts';
import type { TypedFastify } from '../http/typed-fastify.ts';
import type { MessageKey } from '../i18n/en.ts';
import { announceAccessChange } from './access-changes.ts';
import {
  acceptInvite,
  addressesOf,
  INVITES_PER_FORM,
  inviteByToken,
  inviteToGroup,
  revokeInvite,
} from './group-invites.service.ts';
import { type GroupOverview, groupOverviewFor } from './group-overview.ts';
import {
  domainOf,
  findGroup,
  holdsSeat,
  parseEmailDomain,
  removeSeat,
  setGroupDomain,
  takeSeat,
} from './groups.service.ts';
import { groupAdminPage, groupPath, joinPage } from './groups.views.ts';
import { type MemberRouteDeps, refuseForm, sendPage } from './member-routes.ts';
import { memberAccount, parseEmail } from './members.service.ts';
import { messagePage } from './members.views.ts';

const Field = (maxLength: number) => Type.Optional(Type.String({ maxLength }));
const ID = Type.String({ pattern: '^[0-9a-f-]{36}$' });
const TOKEN = Type.String({ pattern: '^[A-Za-z0-9_-]{20,100}$' });
const DONE = {
  bought: 'group.done.bought',
  revoked: 'group.done.revoked',
  removed: 'group.done.removed',
  domain: 'group.done.domain',
} as const;
const GroupQuery = Type.Object({ done: Type.Optional(Type.Union(Object.keys(DONE).map((d) => Type.Literal(d)))) });

const INVITE_PROBLEM = {
  expired: ['group.invite.expired', 410],
  used: ['group.invite.used', 410],
  revoked: ['group.invite.revoked', 410],
  unknown: ['group.invite.unknown', 404],
} as const satisfies Record<string, readonly [MessageKey, number]>;

/**
 * Group subscriptions on the reader's side: the admin's page (/account/groups/:id: seats, invites,
 * domain, billing), accepting an emailed invite (/groups/join/:token) and joining by email domain
 * (/groups/:id/join). A group is shown only to its admin: anyone else is told it does not exist.
 */
export function registerGroupRoutes(app: TypedFastify, deps: MemberRouteDeps): void {
  const page = async (reply: FastifyReply, status: number, title: MessageKey, body: string, path: string) => {
    const site = await deps.siteContext();
    return sendPage(reply, status, messagePage(site, title, body, path));
  };
  const notFound = async (reply: FastifyReply, path: string) => {
    const site = await deps.siteContext();
    return page(reply, 404, 'group.notFound.title', site.t.t('group.notFound.body'), path);
  };
  const toSignIn = (reply: FastifyReply, from: string) =>
    reply.header('cache-control', 'no-store').redirect(`/signin?from=${encodeURIComponent(from)}`, 303);

  /** The admin's page, with what the last form did (or what was wrong with it). */
  const adminPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    group: GroupOverview,
    status: number,
    said: { message?: string; problem?: string } = {},
  ) => {
    const site = await deps.siteContext();
    const csrf = deps.forms.issue(request, reply, '/account');
    const canManageBilling = (await deps.billing?.hasAccount(group.adminMemberId)) ?? false;
    if (canManageBilling) allowFormTargets(reply, deps.billing?.formTargets ?? []);
    return sendPage(reply, status, groupAdminPage(site, group, { csrf, canManageBilling, ...said }));
  };

  /** Runs an admin's form on their group after its CSRF token, the session and the admin are checked. */
  const adminAction =
    (
      run: (
        group: GroupOverview,
        body: Record<string, string | undefined>,
        request: FastifyRequest,
        reply: FastifyReply,
      ) => Promise<FastifyReply>,
    ) =>
    async (request: FastifyRequest, reply: FastifyReply) => {
      const { id } = request.params as { id: string };
      const body = request.body as Record<string, string | undefined>;
      if (!deps.forms.check(request, body.csrf)) return refuseForm(deps, request, reply, groupPath(id));
      const session = await deps.signedIn(request);
      if (!session) return toSignIn(reply, groupPath(id));
      const group = await groupOverviewFor(deps.db, id, session.memberId);
      if (!group) return notFound(reply, groupPath(id));
      return run(group, body, request, reply);
    };
  const back = (reply: FastifyReply, group: GroupOverview, done: keyof typeof DONE) =>
    reply.header('cache-control', 'no-store').redirect(`${groupPath(group.id)}?done=${done}`, 303);

  app.get(
    '/account/groups/:id',
    { schema: { params: Type.Object({ id: Type.String({ maxLength: 100 }) }), querystring: GroupQuery } },
    async (request, reply) => {
      const path = groupPath(request.params.id);
      const session = await deps.signedIn(request);
      if (!session) return toSignIn(reply, path);
      const group = await groupOverviewFor(deps.db, request.params.id, session.memberId);
      if (!group) return notFound(reply, path);
      const site = await deps.siteContext();
      const done = request.query.done as keyof typeof DONE | undefined;
      return adminPage(request, reply, group, 200, done ? { message: site.t.t(DONE[done]) } : {});
    },
  );

  app.post(
    '/account/groups/:id/invites',
    {
      schema: { params: Type.Object({ id: ID }), body: Type.Object({ csrf: Field(100), emails: Field(20000) }) },
      config: deps.attempts,
    },
    adminAction(async (group, body, request, reply) => {
      const site = await deps.siteContext();
      const raw = body.emails ?? '';
      const typed = addressesOf(raw);
      const refuse = (problem: string) => adminPage(request, reply, group, 400, { problem });
      if (typed.length === 0) return refuse(site.t.t('group.invite.none'));
      if (typed.length > INVITES_PER_FORM) return refuse(site.t.t('group.invite.tooMany', { max: INVITES_PER_FORM }));
      const row = await findGroup(deps.db, group.id);
      if (!row) return notFound(reply, groupPath(group.id));
      const invalid = typed.filter((address) => !parseEmail(address));
      // Nothing is sent when any address is wrong: the admin fixes the list and sends it once.
      if (invalid.length > 0) return refuse(site.t.t('group.invite.invalid', { addresses: invalid.join(', ') }));
      const result = await inviteToGroup(
        { db: deps.db, outbox: deps.outbox, publicUrl: deps.config.publicUrl },
        site.settings,
        row,
        raw,
      );
      if (result.invalid.length > 0)
        return refuse(site.t.t('group.invite.invalid', { addresses: result.invalid.join(', ') }));
      const fresh = (await groupOverviewFor(deps.db, group.id, group.adminMemberId)) ?? group;
      const said = [
        result.invited.length ? site.t.t('group.invite.sent', { count: result.invited.length }) : '',
        result.alreadyMembers.length
          ? site.t.t('group.invite.alreadyMembers', { addresses: result.alreadyMembers.join(', ') })
          : '',
      ].filter(Boolean);
      return adminPage(request, reply, fresh, 200, { message: said.join(' ') });
    }),
  );

  app.post(
    '/account/groups/:id/invites/:inviteId/revoke',
    { schema: { params: Type.Object({ id: ID, inviteId: ID }), body: Type.Object({ csrf: Field(100) }) } },
    adminAction(async (group, _body, request, reply) => {
      const { inviteId } = request.params as { inviteId: string };
      await revokeInvite(deps.db, group.id, inviteId);
      return back(reply, group, 'revoked');
    }),
  );

  app.post(
    '/account/groups/:id/members/:memberId/remove',
    { schema: { params: Type.Object({ id: ID, memberId: ID }), body: Type.Object({ csrf: Field(100) }) } },
    adminAction(async (group, _body, request, reply) => {
      const { memberId } = request.params as { memberId: string };
      if (await removeSeat(deps.db, group.id, memberId, group.adminMemberId === memberId ? 'member' : 'admin'))
        // Their next page checks their access again instead of believing the claim in their cookie.
        announceAccessChange(deps.invalidation, memberId);
      return back(reply, group, 'removed');
    }),
  );

  app.post(
    '/account/groups/:id/domain',
    { schema: { params: Type.Object({ id: ID }), body: Type.Object({ csrf: Field(100), domain: Field(300) }) } },
    adminAction(async (group, body, request, reply) => {
      const raw = (body.domain ?? '').trim();
      const domain = raw ? parseEmailDomain(raw) : null;
      if (raw && !domain) {
        const site = await deps.siteContext();
        return adminPage(request, reply, group, 400, { problem: site.t.t('group.domain.invalid', { domain: raw }) });
      }
      await setGroupDomain(deps.db, group.id, domain);
      return back(reply, group, 'domain');
    }),
  );

  registerJoinRoutes(app, deps, { page, notFound });
}

type Answers = {
  page: (reply: FastifyReply, status: number, title: MessageKey, body: string, path: string) => Promise<FastifyReply>;
  notFound: (reply: FastifyReply, path: string) => Promise<FastifyReply>;
};

/** Taking a seat: by an emailed invite, or by an address at the group's domain. */
function registerJoinRoutes(app: TypedFastify, deps: MemberRouteDeps, { page, notFound }: Answers): void {
  const welcome = async (
    reply: FastifyReply,
    memberId: string,
    group: { name: string; tier_name: string },
    path: string,
  ) => {
    announceAccessChange(deps.invalidation, memberId);
    const site = await deps.siteContext();
    return page(
      reply,
      200,
      'group.joined.title',
      site.t.t('group.joined.body', { group: group.name, tier: group.tier_name }),
      path,
    );
  };
  const full = async (reply: FastifyReply, group: { name: string }, path: string) => {
    const site = await deps.siteContext();
    return page(reply, 409, 'group.full.title', site.t.t('group.full.body', { group: group.name }), path);
  };
  const already = async (reply: FastifyReply, group: { name: string }, path: string) => {
    const site = await deps.siteContext();
    return page(reply, 200, 'group.already.title', site.t.t('group.already.body', { group: group.name }), path);
  };
  /** For a reader not signed in: sign in or make an account (with this address), then back here. */
  const signInFirst = async (reply: FastifyReply, path: string, title: string, body: string, email = '') => {
    const site = await deps.siteContext();
    const back = encodeURIComponent(path);
    const address = email ? `&email=${encodeURIComponent(email)}` : '';
    return sendPage(
      reply,
      200,
      joinPage(site, {
        path,
        title,
        body,
        links: html`<p>${site.t.t('group.signInFirst')}</p><p><a class="button" href="/signup?from=${back}${address}">${site.t.t('checkout.signUp')}</a> <a href="/signin?from=${back}${address}">${site.t.t('checkout.signIn')}</a></p>`,
      }),
    );
  };

  app.get('/groups/join/:token', { schema: { params: Type.Object({ token: TOKEN }) } }, async (request, reply) => {
    const path = `/groups/join/${request.params.token}`;
    const state = await inviteByToken(deps.db, request.params.token);
    const site = await deps.siteContext();
    if (state.status !== 'open') {
      const [body, status] = INVITE_PROBLEM[state.status];
      return page(reply, status, 'group.invite.title', site.t.t(body), path);
    }
    const { group, invite } = state;
    const title = site.t.t('group.invite.heading', { group: group.name });
    const body = site.t.t('group.invite.body', { group: group.name, tier: group.tier_name, email: invite.email });
    const session = await deps.signedIn(request);
    const account = session ? await memberAccount(deps.db, session.memberId) : null;
    if (!account) return signInFirst(reply, path, title, body, invite.email);
    if (account.email.toLowerCase() !== invite.email_normalized)
      return page(
        reply,
        403,
        'group.invite.title',
        site.t.t('group.invite.otherAddress', { email: invite.email, signedIn: account.email }),
        path,
      );
    if (await holdsSeat(deps.db, group.id, account.id)) return already(reply, group, path);
    const csrf = deps.forms.issue(request, reply, '/groups');
    return sendPage(
      reply,
      200,
      joinPage(site, { path, title, body, form: { csrf, button: site.t.t('group.accept') } }),
    );
  });

  app.post(
    '/groups/join/:token',
    { schema: { params: Type.Object({ token: TOKEN }), body: Type.Object({ csrf: Field(100) }) } },
    async (request, reply) => {
      const path = `/groups/join/${request.params.token}`;
      if (!deps.forms.check(request, request.body.csrf)) return refuseForm(deps, request, reply, path);
      const session = await deps.signedIn(request);
      const account = session ? await memberAccount(deps.db, session.memberId) : null;
      if (!account)
        return reply.header('cache-control', 'no-store').redirect(`/signin?from=${encodeURIComponent(path)}`, 303);
      const outcome = await acceptInvite(deps.db, request.params.token, account);
      const site = await deps.siteContext();
      switch (outcome.status) {
        case 'taken':
          return welcome(reply, account.id, outcome.group, path);
        case 'already':
          return already(reply, outcome.group, path);
        case 'full':
          return full(reply, outcome.group, path);
        case 'wrong-member':
          return page(
            reply,
            403,
            'group.invite.title',
            site.t.t('group.invite.otherAddress', { email: outcome.email, signedIn: account.email }),
            path,
          );
        default: {
          const [body, status] = INVITE_PROBLEM[outcome.status];
          return page(reply, status, 'group.invite.title', site.t.t(body), path);
        }
      }
    },
  );

  /** The group a domain join is for: paid for, with a domain set; undefined otherwise (a 404). */
  const joinableGroup = async (id: string) => {
    const group = await findGroup(deps.db, id);
    return group?.stripe_subscription_id && group.email_domain ? group : undefined;
  };

  app.get(
    '/groups/:id/join',
    { schema: { params: Type.Object({ id: Type.String({ maxLength: 100 }) }) } },
    async (request, reply) => {
      const path = `/groups/${request.params.id}/join`;
      const group = await joinableGroup(request.params.id);
      if (!group) return notFound(reply, path);
      const site = await deps.siteContext();
      const title = site.t.t('group.domainJoin.heading', { group: group.name });
      const body = site.t.t('group.domainJoin.body', {
        group: group.name,
        tier: group.tier_name,
        domain: group.email_domain ?? '',
      });
      const session = await deps.signedIn(request);
      const account = session ? await memberAccount(deps.db, session.memberId) : null;
      if (!account) return signInFirst(reply, path, title, body);
      if (domainOf(account.email) !== group.email_domain)
        return page(
          reply,
          403,
          'group.domainJoin.refusedTitle',
          site.t.t('group.domainJoin.refused', { domain: group.email_domain ?? '', email: account.email }),
          path,
        );
      if (await holdsSeat(deps.db, group.id, account.id)) return already(reply, group, path);
      const csrf = deps.forms.issue(request, reply, '/groups');
      return sendPage(
        reply,
        200,
        joinPage(site, { path, title, body, form: { csrf, button: site.t.t('group.accept') } }),
      );
    },
  );

  app.post(
    '/groups/:id/join',
    {
      schema: { params: Type.Object({ id: Type.String({ maxLength: 100 }) }), body: Type.Object({ csrf: Field(100) }) },
    },
    async (request, reply) => {
      const path = `/groups/${request.params.id}/join`;
      if (!deps.forms.check(request, request.body.csrf)) return refuseForm(deps, request, reply, path);
      const session = await deps.signedIn(request);
      const account = session ? await memberAccount(deps.db, session.memberId) : null;
      if (!account)
        return reply.header('cache-control', 'no-store').redirect(`/signin?from=${encodeURIComponent(path)}`, 303);
      const group = await joinableGroup(request.params.id);
      if (!group) return notFound(reply, path);
      // The address was proved by the sign-in link: it is the member's, so its domain is theirs too.
      if (domainOf(account.email) !== group.email_domain) {
        const site = await deps.siteContext();
        return page(
          reply,
          403,
          'group.domainJoin.refusedTitle',
          site.t.t('group.domainJoin.refused', { domain: group.email_domain ?? '', email: account.email }),
          path,
        );
      }
      const outcome = await deps.db.transaction().execute((trx) => takeSeat(trx, group.id, account.id));
      if (outcome === 'taken') return welcome(reply, account.id, group, path);
      if (outcome === 'already') return already(reply, group, path);
      if (outcome === 'full') return full(reply, group, path);
      return notFound(reply, path);
    },
  );
}
