import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { html } from '../http/html.ts';
import type { TypedFastify } from '../http/typed-fastify.ts';
import type { MessageKey } from '../i18n/en.ts';
import { announceAccessChange } from './access-changes.ts';
import { acceptInvite, inviteByToken } from './group-invites.service.ts';
import { domainOf, findGroup, holdsSeat, takeSeat } from './groups.service.ts';
import { joinPage } from './groups.views.ts';
import { type MemberRouteDeps, refuseForm, sendPage } from './member-routes.ts';
import { memberAccount } from './members.service.ts';

const Field = (maxLength: number) => Type.Optional(Type.String({ maxLength }));
const TOKEN = Type.String({ pattern: '^[A-Za-z0-9_-]{20,100}$' });

const INVITE_PROBLEM = {
  expired: ['group.invite.expired', 410],
  used: ['group.invite.used', 410],
  revoked: ['group.invite.revoked', 410],
  unknown: ['group.invite.unknown', 404],
} as const satisfies Record<string, readonly [MessageKey, number]>;

/** The answers the group pages share (groups.routes.ts makes them). */
export type GroupAnswers = {
  page: (reply: FastifyReply, status: number, title: MessageKey, body: string, path: string) => Promise<FastifyReply>;
  notFound: (reply: FastifyReply, path: string) => Promise<FastifyReply>;
};

/** Taking a seat: by an emailed invite, or by an address at the group's domain. */
/**
 * Taking a seat: by an emailed invite (/groups/join/<token>, only for the invited address) or by an
 * address at the group's domain (/groups/<id>/join). Signed out, both lead through sign-in and back.
 */
export function registerJoinRoutes(app: TypedFastify, deps: MemberRouteDeps, { page, notFound }: GroupAnswers): void {
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
  const toSignIn = (reply: FastifyReply, path: string) =>
    reply.header('cache-control', 'no-store').redirect(`/signin?from=${encodeURIComponent(path)}`, 303);
  const signedInAccount = async (request: FastifyRequest) => {
    const session = await deps.signedIn(request);
    return session ? memberAccount(deps.db, session.memberId) : null;
  };
  const otherAddress = async (reply: FastifyReply, invited: string, signedIn: string, path: string) => {
    const site = await deps.siteContext();
    return page(
      reply,
      403,
      'group.invite.title',
      site.t.t('group.invite.otherAddress', { email: invited, signedIn }),
      path,
    );
  };
  const otherDomain = async (reply: FastifyReply, domain: string, email: string, path: string) => {
    const site = await deps.siteContext();
    return page(
      reply,
      403,
      'group.domainJoin.refusedTitle',
      site.t.t('group.domainJoin.refused', { domain, email }),
      path,
    );
  };
  /** The page that asks to confirm taking the seat (a form: a mail scanner's visit takes nothing). */
  const confirmSeat = async (
    request: FastifyRequest,
    reply: FastifyReply,
    view: { path: string; title: string; body: string },
  ) => {
    const site = await deps.siteContext();
    const csrf = deps.forms.issue(request, reply, '/groups');
    return sendPage(reply, 200, joinPage(site, { ...view, form: { csrf, button: site.t.t('group.accept') } }));
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
    const account = await signedInAccount(request);
    if (!account) return signInFirst(reply, path, title, body, invite.email);
    if (account.email.toLowerCase() !== invite.email_normalized)
      return otherAddress(reply, invite.email, account.email, path);
    if (await holdsSeat(deps.db, group.id, account.id)) return already(reply, group, path);
    return confirmSeat(request, reply, { path, title, body });
  });

  app.post(
    '/groups/join/:token',
    { schema: { params: Type.Object({ token: TOKEN }), body: Type.Object({ csrf: Field(100) }) } },
    async (request, reply) => {
      const path = `/groups/join/${request.params.token}`;
      if (!deps.forms.check(request, request.body.csrf)) return refuseForm(deps, request, reply, path);
      const account = await signedInAccount(request);
      if (!account) return toSignIn(reply, path);
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
          return otherAddress(reply, outcome.email, account.email, path);
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
      const account = await signedInAccount(request);
      if (!account) return signInFirst(reply, path, title, body);
      if (domainOf(account.email) !== group.email_domain)
        return otherDomain(reply, group.email_domain ?? '', account.email, path);
      if (await holdsSeat(deps.db, group.id, account.id)) return already(reply, group, path);
      return confirmSeat(request, reply, { path, title, body });
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
      const account = await signedInAccount(request);
      if (!account) return toSignIn(reply, path);
      const group = await joinableGroup(request.params.id);
      if (!group) return notFound(reply, path);
      // The address was proved by the sign-in link: it is the member's, so its domain is theirs too.
      if (domainOf(account.email) !== group.email_domain)
        return otherDomain(reply, group.email_domain ?? '', account.email, path);
      const outcome = await deps.db.transaction().execute((trx) => takeSeat(trx, group.id, account.id));
      if (outcome === 'taken') return welcome(reply, account.id, group, path);
      if (outcome === 'already') return already(reply, group, path);
      if (outcome === 'full') return full(reply, group, path);
      return notFound(reply, path);
    },
  );
}
