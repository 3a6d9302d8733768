import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type Stripe from 'stripe';
import { allowFormTargets } from '../http/form-targets.ts';
import type { TypedFastify } from '../http/typed-fastify.ts';
import { createPendingGroup, MAX_SEATS, MIN_SEATS, parseEmailDomain } from '../members/groups.service.ts';
import { refuseForm, sendPage } from '../members/member-routes.ts';
import { memberAccount } from '../members/members.service.ts';
import type { SiteContext } from '../site/site-context.ts';
import { type CheckoutRouteDeps, paymentAnswers } from './checkout.routes.ts';
import { type CheckoutDeps, findOffer, isStripeTrouble } from './checkout.service.ts';
import { completeGroupCheckout, startGroupCheckout } from './group-checkout.service.ts';
import { type GroupForm, groupFormPage, groupSignInFirstPage } from './group-checkout.views.ts';
import { stripeHostedOrigins } from './stripe-client.ts';
import { offeredTiers } from './tiers.service.ts';

const Field = (maxLength: number) => Type.Optional(Type.String({ maxLength }));
// Stripe's checkout session ids: anything else is never sent to Stripe.
const SESSION_ID = Type.String({ pattern: '^cs_[A-Za-z0-9_]{1,200}$' });
const NAME_MAX = 120;

type Fields = Pick<GroupForm, 'name' | 'price' | 'seats' | 'domain'>;

/** The form's fields checked: what to buy, or what is wrong (in the reader's language). */
function checkFields(site: SiteContext, fields: Fields) {
  const { t } = site;
  const problems: string[] = [];
  const name = fields.name.trim();
  if (!name || name.length > NAME_MAX) problems.push(t.t('group.new.nameProblem', { max: NAME_MAX }));
  const seats = /^\d{1,4}$/.test(fields.seats.trim()) ? Number(fields.seats.trim()) : NaN;
  if (!(seats >= MIN_SEATS && seats <= MAX_SEATS))
    problems.push(t.t('group.new.seatsProblem', { min: MIN_SEATS, max: MAX_SEATS }));
  const domainTyped = fields.domain.trim();
  const domain = domainTyped ? parseEmailDomain(domainTyped) : null;
  if (domainTyped && !domain) problems.push(t.t('group.domain.invalid', { domain: domainTyped }));
  return { problems, name, seats, domain };
}

/**
 * Buying a group subscription: /groups/new ("For organisations", linked from /pricing) sends a
 * signed-in member to Stripe Checkout for N seats; /groups/done brings them to their group's page.
 * Registered in the member pages' context for their cookie, form-token and rate-limit hooks.
 */
export function registerGroupCheckoutRoutes(app: TypedFastify, deps: CheckoutRouteDeps): void {
  const { message, stripeDown } = paymentAnswers(deps);
  const checkoutDeps = (stripe: Stripe): CheckoutDeps => ({
    db: deps.db,
    stripe,
    invalidation: deps.invalidation,
    publicUrl: deps.config.publicUrl,
  });
  const paidTiers = async () => (await offeredTiers(deps.db)).tiers.filter((tier) => tier.kind === 'paid');
  const formPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    fields: Fields,
    problems: string[] = [],
  ) => {
    const site = await deps.siteContext();
    const csrf = deps.forms.issue(request, reply, '/groups');
    // The form's answer is a redirect to Stripe Checkout, which the page's form-action must allow.
    allowFormTargets(reply, stripeHostedOrigins(deps.config));
    return sendPage(reply, status, groupFormPage(site, { csrf, tiers: await paidTiers(), ...fields, problems }));
  };
  const notSetUp = (reply: FastifyReply, path: string) =>
    message(reply, 503, 'checkout.closed.title', 'pricing.notSetUp', path);

  app.get('/groups/new', async (request, reply) => {
    if (!deps.stripe) return notSetUp(reply, '/groups/new');
    const session = await deps.signedIn(request);
    if (!session) return sendPage(reply, 200, groupSignInFirstPage(await deps.siteContext()));
    return formPage(request, reply, 200, { name: '', price: '', seats: '10', domain: '' });
  });

  app.post(
    '/groups/new',
    {
      schema: {
        body: Type.Object({
          csrf: Field(100),
          name: Field(500),
          price: Field(100),
          seats: Field(20),
          domain: Field(300),
        }),
      },
      config: deps.attempts,
    },
    async (request, reply) => {
      const { body } = request;
      if (!deps.forms.check(request, body.csrf)) return refuseForm(deps, request, reply, '/groups/new');
      if (!deps.stripe) return notSetUp(reply, '/groups/new');
      const session = await deps.signedIn(request);
      const account = session ? await memberAccount(deps.db, session.memberId) : null;
      if (!account) return reply.header('cache-control', 'no-store').redirect('/signin?from=/groups/new', 303);
      const fields = {
        name: body.name ?? '',
        price: body.price ?? '',
        seats: body.seats ?? '',
        domain: body.domain ?? '',
      };
      const site = await deps.siteContext();
      const checked = checkFields(site, fields);
      try {
        const offer = await findOffer(checkoutDeps(deps.stripe), fields.price);
        if (offer === 'unknown') checked.problems.push(site.t.t('group.new.planProblem'));
        if (offer === 'unsynced')
          return message(reply, 503, 'checkout.unsynced.title', 'checkout.unsynced.body', '/groups/new');
        if (checked.problems.length > 0 || typeof offer === 'string')
          return formPage(request, reply, 400, fields, checked.problems);
        const groupId = await createPendingGroup(deps.db, {
          name: checked.name,
          tierId: offer.tier.id,
          tierName: offer.tier.name,
          adminMemberId: account.id,
          seats: checked.seats,
          emailDomain: checked.domain,
        });
        const url = await startGroupCheckout(
          checkoutDeps(deps.stripe),
          account,
          offer,
          { id: groupId, seats: checked.seats },
          {
            locale: site.t.locale,
          },
        );
        return reply.header('cache-control', 'no-store').redirect(url, 303);
      } catch (error) {
        if (!isStripeTrouble(error)) throw error;
        return stripeDown(request, reply, error, 'checkout.unavailable.body');
      }
    },
  );

  app.get(
    '/groups/done',
    { schema: { querystring: Type.Object({ session_id: SESSION_ID }) } },
    async (request, reply) => {
      const here = `/groups/done?session_id=${request.query.session_id}`;
      const session = await deps.signedIn(request);
      if (!session)
        return reply.header('cache-control', 'no-store').redirect(`/signin?from=${encodeURIComponent(here)}`, 303);
      if (!deps.stripe) return notSetUp(reply, '/groups/done');
      try {
        const done = await completeGroupCheckout(checkoutDeps(deps.stripe), session.memberId, request.query.session_id);
        if (done === 'unknown')
          return message(reply, 404, 'checkout.doneUnknown.title', 'checkout.doneUnknown.body', '/groups/done');
        if (done === 'open')
          return message(reply, 200, 'checkout.doneOpen.title', 'checkout.doneOpen.body', '/groups/done');
        return reply.header('cache-control', 'no-store').redirect(`/account/groups/${done.groupId}?done=bought`, 303);
      } catch (error) {
        if (!isStripeTrouble(error)) throw error;
        return stripeDown(request, reply, error, 'checkout.doneUnavailable.body');
      }
    },
  );
}
