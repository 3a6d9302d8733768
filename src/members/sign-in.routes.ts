import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { TypedFastify } from '../http/typed-fastify.ts';
import { invitationAdmits } from './group-invites.service.ts';
import { enterCode, followLink, type LinkOutcome, requestSignIn } from './links.service.ts';
import { localPath, type MemberRouteDeps, refuseForm, sendPage } from './member-routes.ts';
import { parseEmail } from './members.service.ts';
import { linkSentPage, signInForm } from './members.views.ts';
import { endMemberSession, startMemberSession } from './sessions.service.ts';

const Field = (maxLength: number) => Type.Optional(Type.String({ maxLength }));
const SignInQuery = Type.Object({ from: Field(500), email: Field(320) });
const SignInBody = Type.Object({
  email: Type.String({ maxLength: 320 }),
  name: Field(120),
  from: Field(500),
  csrf: Field(100),
});
const CodeBody = Type.Object({
  email: Type.String({ maxLength: 320 }),
  code: Type.String({ maxLength: 20 }),
  from: Field(500),
  csrf: Field(100),
});
const LinkQuery = Type.Object({ token: Type.String({ maxLength: 200 }) });

const LINK_PROBLEM = {
  expired: 'member.link.expired',
  used: 'member.link.used',
  unknown: 'member.link.unknown',
} as const;
const LINK_STATUS = { expired: 410, used: 410, unknown: 404 } as const;

/** Sign-in and sign-up by emailed link or code. */
export function registerSignInRoutes(app: TypedFastify, deps: MemberRouteDeps): void {
  const form = async (request: FastifyRequest, reply: FastifyReply, signUp: boolean, from: string, email?: string) => {
    const site = await deps.siteContext();
    const csrf = deps.forms.issue(request, reply, '/signin');
    return sendPage(reply, 200, signInForm(site, { csrf, signUp, from, ...(email ? { email } : {}) }));
  };
  app.get('/signin', { schema: { querystring: SignInQuery } }, (request, reply) =>
    form(request, reply, false, localPath(request.query.from), request.query.email),
  );
  app.get('/signup', { schema: { querystring: SignInQuery } }, (request, reply) =>
    form(request, reply, true, localPath(request.query.from), request.query.email),
  );

  app.post('/signin', { schema: { body: SignInBody }, config: deps.attempts }, async (request, reply) => {
    const { body } = request;
    const from = localPath(body.from);
    if (!deps.forms.check(request, body.csrf)) return refuseForm(deps, request, reply, '/signin');
    const site = await deps.siteContext();
    const csrf = deps.forms.issue(request, reply, '/signin');
    const address = parseEmail(body.email);
    if (!address)
      return sendPage(
        reply,
        400,
        signInForm(site, {
          csrf,
          signUp: Boolean(body.name),
          from,
          email: body.email,
          message: site.t.t('member.invalidEmail'),
        }),
      );
    await requestSignIn({ db: deps.db, outbox: deps.outbox, publicUrl: deps.config.publicUrl }, site.settings, {
      ...address,
      name: body.name?.trim() ?? '',
      attribution: from || null,
      // A group's invitation admits its address even when the site's sign-up is closed.
      invited: await invitationAdmits(deps.db, from, address.normalized),
    });
    return sendPage(reply, 200, linkSentPage(site, { csrf, email: address.email, from }));
  });

  /** Where a working link or code lands: signed in on a new session, back where the reader was. */
  const signInWith = async (
    request: FastifyRequest,
    reply: FastifyReply,
    outcome: LinkOutcome & { status: 'valid' },
    from: string,
  ) => {
    // Rotation: a browser signing in again gets a new session, and the one it held ends.
    const previous = await deps.signedIn(request);
    if (previous) await endMemberSession(deps.db, previous.sessionId);
    deps.setSession(reply, await startMemberSession(deps.db, deps.claimKey, outcome.memberId));
    return reply.header('cache-control', 'no-store').redirect(from || outcome.attribution || '/account', 303);
  };
  const linkProblem = async (request: FastifyRequest, reply: FastifyReply, outcome: LinkOutcome, from: string) => {
    const site = await deps.siteContext();
    const csrf = deps.forms.issue(request, reply, '/signin');
    const status = outcome.status === 'valid' ? 'unknown' : outcome.status;
    const email = outcome.status === 'valid' ? undefined : outcome.email;
    return sendPage(
      reply,
      LINK_STATUS[status],
      signInForm(site, {
        csrf,
        signUp: false,
        from,
        ...(email ? { email } : {}),
        message: site.t.t(LINK_PROBLEM[status]),
      }),
    );
  };

  app.get('/signin/link', { schema: { querystring: LinkQuery }, config: deps.attempts }, async (request, reply) => {
    const outcome = await followLink(deps.db, request.query.token, ['sign-in', 'sign-up']);
    return outcome.status === 'valid'
      ? signInWith(request, reply, outcome, '')
      : linkProblem(request, reply, outcome, '');
  });

  app.post('/signin/code', { schema: { body: CodeBody }, config: deps.attempts }, async (request, reply) => {
    const { body } = request;
    const from = localPath(body.from);
    if (!deps.forms.check(request, body.csrf)) return refuseForm(deps, request, reply, '/signin');
    const address = parseEmail(body.email);
    const outcome = address
      ? await enterCode(deps.db, address.normalized, body.code.trim())
      : ({ status: 'unknown' } as const);
    if (outcome.status === 'valid') return signInWith(request, reply, outcome, from);
    if (outcome.status === 'unknown' && address) {
      // A wrong code: the same page again, to try the code once more.
      const site = await deps.siteContext();
      const csrf = deps.forms.issue(request, reply, '/signin');
      return sendPage(
        reply,
        400,
        linkSentPage(site, { csrf, email: address.email, from, message: site.t.t('member.code.wrong') }),
      );
    }
    return linkProblem(request, reply, outcome, from);
  });
}
