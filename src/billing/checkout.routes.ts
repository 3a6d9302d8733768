import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type Stripe from 'stripe';
import { allowFormTargets } from '../http/form-targets.ts';
import type { TypedFastify } from '../http/typed-fastify.ts';
import type { MessageKey } from '../i18n/en.ts';
import { localPath, type MemberRouteDeps, refuseForm, sendPage } from '../members/member-routes.ts';
import { memberAccount } from '../members/members.service.ts';
import { subscriptionsOf } from '../members/subscriptions.ts';
import {
  type CheckoutDeps,
  completeCheckout,
  findOffer,
  isStripeTrouble,
  type Offer,
  openBillingPortal,
  startCheckout,
} from './checkout.service.ts';
import { type OfferRedemption, redemptionFor } from './offers-redemption.ts';
import { subscribeWithOffer } from './offers.views.ts';
import { stripeHostedOrigins } from './stripe-client.ts';
import {
  alreadySubscribedPage,
  checkoutMessage,
  confirmPage,
  signInFirstPage,
  thankYouPage,
} from './checkout.views.ts';

/** The member pages' shared deps (their cookie, form tokens and signed-in member), and Stripe when set up. */
export interface CheckoutRouteDeps extends MemberRouteDeps {
  stripe: Stripe | undefined;
}

const Field = (maxLength: number) => Type.Optional(Type.String({ maxLength }));
const PRICE_ID = Type.String({ maxLength: 100 });
// Stripe's checkout session ids: anything else is never sent to Stripe.
const SESSION_ID = Type.String({ pattern: '^cs_[A-Za-z0-9_]{1,200}$' });

/**
 * The answers every page that sends a reader to Stripe shares (subscribing, contributing): a page
 * that says why nothing happens, and Stripe failing, a 503 that says nothing was charged.
 */
export function paymentAnswers(deps: Pick<CheckoutRouteDeps, 'siteContext'>) {
  const message = async (reply: FastifyReply, status: number, title: MessageKey, body: MessageKey, path: string) => {
    const site = await deps.siteContext();
    return sendPage(reply, status, checkoutMessage(site, title, body, path));
  };
  /** Stripe failing: 503 in the reader's language; what was asked was not done. */
  const stripeDown = (request: FastifyRequest, reply: FastifyReply, error: unknown, body: MessageKey) => {
    request.log.warn({ err: error }, 'Stripe could not be used');
    return message(reply, 503, 'checkout.unavailable.title', body, request.url.split('?')[0] ?? '/');
  };
  return { message, stripeDown };
}

/**
 * Subscribing: /subscribe (the pricing page's buttons) confirms and sends the reader to Stripe
 * Checkout, /subscribe/done welcomes them back, POST /account/billing opens Stripe's customer portal.
 * Registered in the member pages' context (members.plugin.ts) for their cookie and form hooks.
 */
export function registerCheckoutRoutes(app: TypedFastify, deps: CheckoutRouteDeps): void {
  const checkoutDeps = (stripe: Stripe): CheckoutDeps => ({
    db: deps.db,
    stripe,
    invalidation: deps.invalidation,
    publicUrl: deps.config.publicUrl,
  });
  const { message, stripeDown } = paymentAnswers(deps);
  /** The offer behind a price id, or the page that says why there is none. */
  const offerOr = async (
    request: FastifyRequest,
    reply: FastifyReply,
    stripe: Stripe,
    priceId: string,
  ): Promise<Offer | FastifyReply> => {
    const path = `/subscribe?price=${encodeURIComponent(priceId)}`;
    try {
      const offer = await findOffer(checkoutDeps(stripe), priceId);
      if (offer === 'unknown') return message(reply, 404, 'checkout.unknown.title', 'checkout.unknown.body', path);
      if (offer === 'unsynced') return message(reply, 503, 'checkout.unsynced.title', 'checkout.unsynced.body', path);
      return offer;
    } catch (error) {
      if (!isStripeTrouble(error)) throw error;
      return stripeDown(request, reply, error, 'checkout.unavailable.body');
    }
  };
  /** What an offer's code asks of Stripe at this price, or the page that says why it cannot. */
  const redemptionOr = async (
    request: FastifyRequest,
    reply: FastifyReply,
    stripe: Stripe,
    code: string,
    offer: Offer,
  ): Promise<OfferRedemption | FastifyReply> => {
    const path = `/offer/${encodeURIComponent(code)}`;
    try {
      const found = await redemptionFor({ db: deps.db, stripe }, code, offer.price);
      if (found === 'unknown') return message(reply, 404, 'offer.unknown.title', 'offer.unknown.body', path);
      if (found === 'ended') return message(reply, 410, 'offer.ended.title', 'offer.ended.body', path);
      if (found === 'unsynced') return message(reply, 503, 'checkout.unsynced.title', 'checkout.unsynced.body', path);
      return found;
    } catch (error) {
      if (!isStripeTrouble(error)) throw error;
      return stripeDown(request, reply, error, 'checkout.unavailable.body');
    }
  };
  const notSetUp = (reply: FastifyReply, path: string) =>
    message(reply, 503, 'checkout.closed.title', 'pricing.notSetUp', path);

  app.get(
    '/subscribe',
    { schema: { querystring: Type.Object({ price: Field(100), from: Field(500), offer: Field(100) }) } },
    async (request, reply) => {
      const priceId = request.query.price ?? '';
      if (!deps.stripe) return notSetUp(reply, '/subscribe');
      const offer = await offerOr(request, reply, deps.stripe, priceId);
      if (!('tier' in offer)) return offer;
      const code = request.query.offer;
      const redemption = code ? await redemptionOr(request, reply, deps.stripe, code, offer) : undefined;
      if (redemption && !('offerId' in redemption)) return redemption;
      const discount = redemption?.offer;
      const site = await deps.siteContext();
      const session = await deps.signedIn(request);
      if (!session) return sendPage(reply, 200, signInFirstPage(site, offer, discount));
      // A group's subscription opens nothing by itself: its buyer may still subscribe for themselves.
      const giving = (await subscriptionsOf(deps.db, session.memberId)).find((sub) => sub.givesAccess && !sub.group);
      if (giving) {
        const accountCsrf = (await deps.billing?.hasAccount(session.memberId))
          ? deps.forms.issue(request, reply, '/account')
          : null;
        allowFormTargets(reply, stripeHostedOrigins(deps.config));
        return sendPage(reply, 200, alreadySubscribedPage(site, offer, { tierName: giving.tierName, accountCsrf }));
      }
      const csrf = deps.forms.issue(request, reply, '/subscribe');
      // The form's answer is a redirect to Stripe Checkout, which the page's form-action must allow.
      allowFormTargets(reply, stripeHostedOrigins(deps.config));
      const from = attributionOf(request, request.query.from, deps.config.publicUrl);
      return sendPage(reply, 200, confirmPage(site, offer, { csrf, from, ...(discount ? { discount } : {}) }));
    },
  );

  app.post(
    '/subscribe',
    {
      schema: { body: Type.Object({ csrf: Field(100), price: PRICE_ID, from: Field(500), offer: Field(100) }) },
      config: deps.attempts,
    },
    async (request, reply) => {
      const { body } = request;
      const back = body.offer
        ? subscribeWithOffer(body.price, body.offer)
        : `/subscribe?price=${encodeURIComponent(body.price)}`;
      if (!deps.forms.check(request, body.csrf)) return refuseForm(deps, request, reply, back);
      if (!deps.stripe) return notSetUp(reply, '/subscribe');
      const session = await deps.signedIn(request);
      const account = session ? await memberAccount(deps.db, session.memberId) : null;
      if (!account)
        return reply.header('cache-control', 'no-store').redirect(`/signin?from=${encodeURIComponent(back)}`, 303);
      const offer = await offerOr(request, reply, deps.stripe, body.price);
      if (!('tier' in offer)) return offer;
      // Checked again here: the offer may have ended, or reached its limit, since the page was shown.
      const redemption = body.offer ? await redemptionOr(request, reply, deps.stripe, body.offer, offer) : undefined;
      if (redemption && !('offerId' in redemption)) return redemption;
      // A second subscription while one gives access would charge the reader twice: the GET page says so.
      if ((await subscriptionsOf(deps.db, account.id)).some((sub) => sub.givesAccess && !sub.group))
        return reply.header('cache-control', 'no-store').redirect(back, 303);
      const site = await deps.siteContext();
      try {
        const url = await startCheckout(checkoutDeps(deps.stripe), account, offer, {
          locale: site.t.locale,
          attribution: localPath(body.from),
          ...(redemption ? { redemption } : {}),
        });
        return reply.header('cache-control', 'no-store').redirect(url, 303);
      } catch (error) {
        if (!isStripeTrouble(error)) throw error;
        return stripeDown(request, reply, error, 'checkout.unavailable.body');
      }
    },
  );

  app.get(
    '/subscribe/done',
    { schema: { querystring: Type.Object({ session_id: SESSION_ID }) } },
    async (request, reply) => {
      const here = `/subscribe/done?session_id=${request.query.session_id}`;
      const session = await deps.signedIn(request);
      if (!session)
        return reply.header('cache-control', 'no-store').redirect(`/signin?from=${encodeURIComponent(here)}`, 303);
      if (!deps.stripe) return notSetUp(reply, '/subscribe/done');
      try {
        const done = await completeCheckout(checkoutDeps(deps.stripe), session.memberId, request.query.session_id);
        if (done === 'unknown')
          return message(reply, 404, 'checkout.doneUnknown.title', 'checkout.doneUnknown.body', '/subscribe/done');
        if (done === 'open')
          return message(reply, 200, 'checkout.doneOpen.title', 'checkout.doneOpen.body', '/subscribe/done');
        const site = await deps.siteContext();
        // The metadata could have been edited in Stripe's dashboard: only a path on this site is a link.
        return sendPage(reply, 200, thankYouPage(site, { ...done, attribution: localPath(done.attribution) }));
      } catch (error) {
        if (!isStripeTrouble(error)) throw error;
        return stripeDown(request, reply, error, 'checkout.doneUnavailable.body');
      }
    },
  );

  app.post(
    '/account/billing',
    { schema: { body: Type.Object({ csrf: Field(100) }) }, config: deps.attempts },
    async (request, reply) => {
      if (!deps.forms.check(request, request.body.csrf)) return refuseForm(deps, request, reply, '/account');
      const session = await deps.signedIn(request);
      if (!session) return reply.header('cache-control', 'no-store').redirect('/signin?from=/account', 303);
      if (!deps.stripe) return reply.header('cache-control', 'no-store').redirect('/account?done=no-billing', 303);
      try {
        const url = await openBillingPortal(checkoutDeps(deps.stripe), session.memberId);
        return reply
          .header('cache-control', 'no-store')
          .redirect(url === 'none' ? '/account?done=no-billing' : url, 303);
      } catch (error) {
        if (!isStripeTrouble(error)) throw error;
        return stripeDown(request, reply, error, 'checkout.portalUnavailable.body');
      }
    },
  );
}

/**
 * The article a reader subscribes from: `from` when the link carried it, else the page they came
 * from when it is one of this site's stories (not the pricing or checkout pages themselves).
 */
export function attributionOf(request: FastifyRequest, from: string | undefined, publicUrl: string): string {
  const given = localPath(from);
  if (given) return given;
  const referer = request.headers.referer;
  if (!referer) return '';
  try {
    const url = new URL(referer);
    if (url.host !== new URL(publicUrl).host && url.host !== request.headers.host) return '';
    const path = localPath(url.pathname);
    return /^\/(pricing|subscribe|contribute|signin|signup|account)(\/|$)/.test(path) ? '' : path;
  } catch {
    return '';
  }
}
