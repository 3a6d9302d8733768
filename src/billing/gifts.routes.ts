import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type Stripe from 'stripe';
import { allowFormTargets } from '../http/form-targets.ts';
import type { TypedFastify } from '../http/typed-fastify.ts';
import type { MessageKey } from '../i18n/en.ts';
import { requestSignIn } from '../members/links.service.ts';
import { refuseForm, sendPage } from '../members/member-routes.ts';
import { memberAccount, parseEmail } from '../members/members.service.ts';
import { linkSentPage, messagePage } from '../members/members.views.ts';
import { type CheckoutRouteDeps, paymentAnswers } from './checkout.routes.ts';
import { type CheckoutDeps, isStripeTrouble } from './checkout.service.ts';
import { giftCatalogue } from './gift-prices.ts';
import { type GiftState, giftOfToken, giftsWaitingForMember, redeemGift } from './gift-redemption.ts';
import { checkGiftOrder, type GiftFormInput } from './gift-order.ts';
import { finishedGift, startGift } from './gifts.service.ts';
import {
  GIFT_MESSAGE_MAX,
  giftDonePage,
  giftFormPage,
  giftRedeemedPage,
  giftRedeemPage,
  giftsWaitingPage,
} from './gifts.views.ts';
import { stripeHostedOrigins } from './stripe-client.ts';

const Field = (maxLength: number) => Type.Optional(Type.String({ maxLength }));
// Stripe's checkout session ids: anything else is never looked up.
const SESSION_ID = Type.String({ pattern: '^cs_[A-Za-z0-9_]{1,200}$' });
// Redeem tokens are newSecret()'s: 43 base64url characters.
const TOKEN = Type.Object({ token: Type.String({ pattern: '^[A-Za-z0-9_-]{20,100}$' }) });

const STATE_WORDS: Record<Exclude<GiftState, 'redeemable'>, [MessageKey, MessageKey]> = {
  redeemed: ['gift.used.title', 'gift.used.body'],
  refunded: ['gift.refunded.title', 'gift.refunded.body'],
  expired: ['gift.expired.title', 'gift.expired.body'],
};

/**
 * Gift subscriptions: /gift (the form, linked from /pricing) sends the buyer to Stripe Checkout,
 * /gift/done welcomes them back; the webhook (gift-payments.ts) mails the gift. The recipient opens
 * /gift/redeem/<token>, signs in or up (a gift is an invitation, whatever the sign-up setting) and
 * redeems it; /gift/redeem lists the gifts addressed to the signed-in member's own email.
 * Registered in the member pages' context for their cookie, form-token and rate-limit hooks.
 */
export function registerGiftRoutes(app: TypedFastify, deps: CheckoutRouteDeps): void {
  const { stripeDown } = paymentAnswers(deps);
  const checkoutDeps = (stripe: Stripe): CheckoutDeps => ({
    db: deps.db,
    stripe,
    invalidation: deps.invalidation,
    publicUrl: deps.config.publicUrl,
  });
  const message = async (reply: FastifyReply, status: number, title: MessageKey, body: MessageKey, path: string) => {
    const site = await deps.siteContext();
    return sendPage(reply, status, messagePage(site, title, site.t.t(body), path));
  };
  const closed = (reply: FastifyReply) => message(reply, 503, 'gift.closed.title', 'gift.closed.body', '/gift');
  const noStore = (reply: FastifyReply) => reply.header('cache-control', 'no-store');

  const showForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    input: GiftFormInput,
    error: string | null,
  ) => {
    const site = await deps.siteContext();
    const catalogue = await giftCatalogue(deps.db, input.currency);
    const session = await deps.signedIn(request);
    const account = session ? await memberAccount(deps.db, session.memberId) : null;
    const csrf = deps.forms.issue(request, reply, '/gift');
    allowFormTargets(reply, stripeHostedOrigins(deps.config));
    return sendPage(
      reply,
      status,
      giftFormPage(site, {
        ...input,
        ...catalogue,
        currency: catalogue.currency ?? '',
        csrf,
        memberEmail: account?.email ?? null,
        error,
      }),
    );
  };

  app.get('/gift', { schema: { querystring: Type.Object({ currency: Field(3) }) } }, async (request, reply) => {
    if (!deps.stripe) return closed(reply);
    const catalogue = await giftCatalogue(deps.db, request.query.currency?.toLowerCase());
    if (!catalogue.currency || catalogue.choices.length === 0) return closed(reply);
    const empty = { recipientEmail: '', recipientName: '', message: '', buyerEmail: '' };
    return showForm(request, reply, 200, { ...empty, currency: catalogue.currency, tier: '', months: '' }, null);
  });

  app.post(
    '/gift',
    {
      schema: {
        body: Type.Object({
          csrf: Field(100),
          currency: Field(3),
          tier: Field(100),
          months: Field(4),
          recipient_email: Field(320),
          recipient_name: Field(120),
          message: Field(GIFT_MESSAGE_MAX),
          buyer_email: Field(320),
        }),
      },
      config: deps.attempts,
    },
    async (request, reply) => {
      const { body } = request;
      if (!deps.forms.check(request, body.csrf)) return refuseForm(deps, request, reply, '/gift');
      if (!deps.stripe) return closed(reply);
      const input: GiftFormInput = {
        currency: body.currency?.toLowerCase() ?? '',
        tier: body.tier ?? '',
        months: body.months ?? '',
        recipientEmail: body.recipient_email?.trim() ?? '',
        recipientName: body.recipient_name?.trim() ?? '',
        message: body.message?.trim() ?? '',
        buyerEmail: body.buyer_email?.trim() ?? '',
      };
      const session = await deps.signedIn(request);
      const account = session ? await memberAccount(deps.db, session.memberId) : null;
      const site = await deps.siteContext();
      const catalogue = await giftCatalogue(deps.db, input.currency);
      if (!catalogue.currency) return closed(reply);
      const checked = checkGiftOrder(site.t, catalogue, input, account?.email ?? null);
      if (typeof checked === 'string') return showForm(request, reply, 400, input, checked);
      try {
        const url = await startGift(checkoutDeps(deps.stripe), account, checked, {
          locale: site.t.locale,
          siteTitle: site.settings.title,
        });
        return noStore(reply).redirect(url, 303);
      } catch (error) {
        if (!isStripeTrouble(error)) throw error;
        return stripeDown(request, reply, error, 'checkout.unavailable.body');
      }
    },
  );

  app.get(
    '/gift/done',
    { schema: { querystring: Type.Object({ session_id: SESSION_ID }) } },
    async (request, reply) => {
      const done = await finishedGift(deps, request.query.session_id);
      if (done === 'unknown') return message(reply, 404, 'gift.unknown.title', 'gift.unknown.body', '/gift/done');
      if (done === 'open') return message(reply, 200, 'gift.open.title', 'gift.open.body', '/gift/done');
      return sendPage(reply, 200, giftDonePage(await deps.siteContext(), done));
    },
  );

  /** The redeem link's gift, or the page that says why it cannot be redeemed. */
  const giftOr = async (reply: FastifyReply, token: string) => {
    const gift = await giftOfToken(deps.db, token);
    if (!gift) return message(reply, 404, 'gift.unknown.title', 'gift.unknown.body', '/gift/redeem');
    if (gift.state !== 'redeemable') {
      const [title, body] = STATE_WORDS[gift.state];
      return message(reply, 410, title, body, '/gift/redeem');
    }
    return gift;
  };
  /** The outcome of a redemption as a page: what the member reads now, or why nothing was done. */
  const redeemed = async (reply: FastifyReply, outcome: Awaited<ReturnType<typeof redeemGift>>) => {
    if (outcome === 'unknown') return message(reply, 404, 'gift.unknown.title', 'gift.unknown.body', '/gift/redeem');
    if (typeof outcome === 'string') {
      const [title, body] = STATE_WORDS[outcome];
      return message(reply, 410, title, body, '/gift/redeem');
    }
    return sendPage(reply, 200, giftRedeemedPage(await deps.siteContext(), outcome));
  };

  app.get('/gift/redeem/:token', { schema: { params: TOKEN } }, async (request, reply) => {
    const gift = await giftOr(reply, request.params.token);
    if (!('tierName' in gift)) return gift;
    const session = await deps.signedIn(request);
    const account = session ? await memberAccount(deps.db, session.memberId) : null;
    const csrf = deps.forms.issue(request, reply, '/gift');
    const path = `/gift/redeem/${request.params.token}`;
    return sendPage(
      reply,
      200,
      giftRedeemPage(await deps.siteContext(), gift, { csrf, path, signedInAs: account?.email ?? null }),
    );
  });

  app.post(
    '/gift/redeem/:token',
    { schema: { params: TOKEN, body: Type.Object({ csrf: Field(100) }) }, config: deps.attempts },
    async (request, reply) => {
      const path = `/gift/redeem/${request.params.token}`;
      if (!deps.forms.check(request, request.body.csrf)) return refuseForm(deps, request, reply, path);
      const session = await deps.signedIn(request);
      if (!session) return noStore(reply).redirect(path, 303);
      const gift = await giftOr(reply, request.params.token);
      if (!('tierName' in gift)) return gift;
      return redeemed(reply, await redeemGift(deps, session.memberId, gift.id));
    },
  );

  // Signed out: the sign-in (or sign-up) link, sent even when sign-up is closed, since the gift invites.
  app.post(
    '/gift/redeem/:token/signin',
    {
      schema: { params: TOKEN, body: Type.Object({ csrf: Field(100), email: Field(320) }) },
      config: deps.attempts,
    },
    async (request, reply) => {
      const path = `/gift/redeem/${request.params.token}`;
      if (!deps.forms.check(request, request.body.csrf)) return refuseForm(deps, request, reply, path);
      const gift = await giftOr(reply, request.params.token);
      if (!('tierName' in gift)) return gift;
      const site = await deps.siteContext();
      const address = parseEmail(request.body.email ?? '');
      if (!address) {
        const csrf = deps.forms.issue(request, reply, '/gift');
        return sendPage(reply, 400, giftRedeemPage(site, gift, { csrf, path, signedInAs: null }));
      }
      // The emailed link lands on the gifts waiting for the address: the token itself is never stored.
      await requestSignIn({ db: deps.db, outbox: deps.outbox, publicUrl: deps.config.publicUrl }, site.settings, {
        ...address,
        name: '',
        attribution: '/gift/redeem',
        invited: true,
      });
      const csrf = deps.forms.issue(request, reply, '/signin');
      return sendPage(reply, 200, linkSentPage(site, { csrf, email: address.email, from: path }));
    },
  );

  app.get('/gift/redeem', async (request, reply) => {
    const session = await deps.signedIn(request);
    const account = session ? await memberAccount(deps.db, session.memberId) : null;
    if (!account) return noStore(reply).redirect('/signin?from=/gift/redeem', 303);
    const gifts = await giftsWaitingForMember(deps.db, account.id);
    const csrf = deps.forms.issue(request, reply, '/gift');
    return sendPage(reply, 200, giftsWaitingPage(await deps.siteContext(), { csrf, email: account.email, gifts }));
  });

  app.post(
    '/gift/redeem',
    { schema: { body: Type.Object({ csrf: Field(100), gift: Field(100) }) }, config: deps.attempts },
    async (request, reply) => {
      if (!deps.forms.check(request, request.body.csrf)) return refuseForm(deps, request, reply, '/gift/redeem');
      const session = await deps.signedIn(request);
      if (!session) return noStore(reply).redirect('/signin?from=/gift/redeem', 303);
      // Only a gift addressed to the member's own email is theirs to redeem without its link.
      const waiting = await giftsWaitingForMember(deps.db, session.memberId);
      const gift = waiting.find((candidate) => candidate.id === request.body.gift);
      if (!gift) return noStore(reply).redirect('/gift/redeem', 303);
      return redeemed(reply, await redeemGift(deps, session.memberId, gift.id));
    },
  );
}
