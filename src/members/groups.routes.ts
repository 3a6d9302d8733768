import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { allowFormTargets } from '../http/form-targets.ts';
import type { TypedFastify } from '../http/typed-fastify.ts';
import type { MessageKey } from '../i18n/en.ts';
import { announceAccessChange } from './access-changes.ts';
import {
  addressesOf,
  INVITES_PER_FORM,
  invitesLeftToday,
  invitesPerDay,
  inviteToGroup,
  revokeInvite,
} from './group-invites.service.ts';
import { registerJoinRoutes } from './group-join.routes.ts';
import { type GroupOverview, groupOverviewFor } from './group-overview.ts';
import { findGroup, parseEmailDomain, removeSeat, setGroupDomain } from './groups.service.ts';
import { groupAdminPage, groupPath } from './groups.views.ts';
import { type MemberRouteDeps, refuseForm, sendPage } from './member-routes.ts';
import { parseEmail } from './members.service.ts';
import { messagePage } from './members.views.ts';

const Field = (maxLength: number) => Type.Optional(Type.String({ maxLength }));
const ID = Type.String({ pattern: '^[0-9a-f-]{36}$' });
const DONE = {
  bought: 'group.done.bought',
  revoked: 'group.done.revoked',
  removed: 'group.done.removed',
  domain: 'group.done.domain',
} as const;
const GroupQuery = Type.Object({ done: Type.Optional(Type.Union(Object.keys(DONE).map((d) => Type.Literal(d)))) });

/**
 * Group subscriptions on the reader's side: the admin's page (/account/groups/:id: seats, invites,
 * domain, billing), and taking a seat (group-join.routes.ts). A group is shown only to its admin:
 * anyone else is told it does not exist.
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
      // Counted as typed (an address already seated counts too): the cap is about mail, so it errs low.
      const left = await invitesLeftToday(deps.db, row);
      if (typed.length > left) {
        const max = invitesPerDay(Number(row.seats));
        return adminPage(request, reply, group, 429, { problem: site.t.t('group.invite.daily', { max, left }) });
      }
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
    '/account/groups/:id/leave',
    { schema: { params: Type.Object({ id: ID }), body: Type.Object({ csrf: Field(100) }) } },
    async (request, reply) => {
      if (!deps.forms.check(request, request.body.csrf)) return refuseForm(deps, request, reply, '/account');
      const session = await deps.signedIn(request);
      if (!session) return toSignIn(reply, '/account');
      const group = await findGroup(deps.db, request.params.id);
      const site = await deps.siteContext();
      if (!group || !(await removeSeat(deps.db, group.id, session.memberId, 'member')))
        return notFound(reply, '/account');
      announceAccessChange(deps.invalidation, session.memberId);
      return page(reply, 200, 'group.left.title', site.t.t('group.left.body', { group: group.name }), '/account');
    },
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
