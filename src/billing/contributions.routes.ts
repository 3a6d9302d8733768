import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type Stripe from 'stripe';
import { allowFormTargets } from '../http/form-targets.ts';
import type { TypedFastify } from '../http/typed-fastify.ts';
import { memberAccount } from '../members/members.service.ts';
import { localPath, refuseForm, sendPage } from '../members/member-routes.ts';
import type { SiteContext } from '../site/site-context.ts';
import { amountProblem, amountRule, fromMinorUnits, toMinorUnits } from './contribution-amounts.ts';
import { attributionOf, type CheckoutRouteDeps, paymentAnswers } from './checkout.routes.ts';
import { type CheckoutDeps, isStripeTrouble } from './checkout.service.ts';
import {
  type Contribution,
  contributionCurrencies,
  finishedContribution,
  startContribution,
} from './contributions.service.ts';
import {
  type ContributionForm,
  contributionFormPage,
  contributionThanksPage,
  NOTE_MAX,
} from './contributions.views.ts';
import { stripeHostedOrigins } from './stripe-client.ts';

const Field = (maxLength: number) => Type.Optional(Type.String({ maxLength }));
// Stripe's checkout session ids: anything else is never sent to Stripe.
const SESSION_ID = Type.String({ pattern: '^cs_[A-Za-z0-9_]{1,200}$' });

type FormInput = Omit<ContributionForm, 'csrf' | 'currencies' | 'memberEmail' | 'error'>;

/**
 * One-time contributions: /contribute (a form that works for anonymous readers and members alike)
 * sends the reader to Stripe Checkout, /contribute/thanks welcomes them back. The payment itself is
 * recorded by the webhook (contribution-payments.ts). Registered in the member pages' context for
 * their cookie, form-token and rate-limit hooks.
 */
export function registerContributionRoutes(app: TypedFastify, deps: CheckoutRouteDeps): void {
  const { message, stripeDown } = paymentAnswers(deps);
  const checkoutDeps = (stripe: Stripe): CheckoutDeps => ({
    db: deps.db,
    stripe,
    invalidation: deps.invalidation,
    publicUrl: deps.config.publicUrl,
  });
  const closed = (reply: FastifyReply) =>
    message(reply, 503, 'contribute.closed.title', 'contribute.closed.body', '/contribute');

  /** The form, fresh or with what the reader sent and why it was refused (nothing typed is lost). */
  const showForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    input: FormInput & { currencies: string[] },
    error: string | null,
  ) => {
    const site = await deps.siteContext();
    const session = await deps.signedIn(request);
    const account = session ? await memberAccount(deps.db, session.memberId) : null;
    const csrf = deps.forms.issue(request, reply, '/contribute');
    // The form's answer is a redirect to Stripe Checkout, which the page's form-action must allow.
    allowFormTargets(reply, stripeHostedOrigins(deps.config));
    return sendPage(
      reply,
      status,
      contributionFormPage(site, { ...input, csrf, memberEmail: account?.email ?? null, error }),
    );
  };

  app.get(
    '/contribute',
    { schema: { querystring: Type.Object({ currency: Field(3), from: Field(500) }) } },
    async (request, reply) => {
      if (!deps.stripe) return closed(reply);
      const currencies = await contributionCurrencies(deps);
      const [first] = currencies;
      if (!first) return closed(reply);
      const asked = request.query.currency?.toLowerCase() ?? '';
      const currency = currencies.includes(asked) ? asked : first;
      const from = attributionOf(request, request.query.from, deps.config.publicUrl);
      return showForm(request, reply, 200, { currencies, currency, amount: '', custom: '', note: '', from }, null);
    },
  );

  app.post(
    '/contribute',
    {
      schema: {
        body: Type.Object({
          csrf: Field(100),
          currency: Field(3),
          amount: Field(20),
          custom: Field(20),
          note: Field(NOTE_MAX),
          from: Field(500),
        }),
      },
      config: deps.attempts,
    },
    async (request, reply) => {
      const { body } = request;
      if (!deps.forms.check(request, body.csrf)) return refuseForm(deps, request, reply, '/contribute');
      if (!deps.stripe) return closed(reply);
      const currencies = await contributionCurrencies(deps);
      if (!currencies.length) return closed(reply);
      const input = {
        currencies,
        currency: body.currency?.toLowerCase() ?? '',
        amount: body.amount ?? '',
        custom: body.custom ?? '',
        note: (body.note ?? '').trim(),
        from: localPath(body.from),
      };
      const site = await deps.siteContext();
      const checked = checkContribution(site, input);
      if (typeof checked === 'string') {
        const shown = currencies.includes(input.currency) ? input : { ...input, currency: currencies[0] ?? '' };
        return showForm(request, reply, 400, shown, checked);
      }
      const session = await deps.signedIn(request);
      const account = session ? await memberAccount(deps.db, session.memberId) : null;
      try {
        const url = await startContribution(checkoutDeps(deps.stripe), account, checked, {
          locale: site.t.locale,
          siteTitle: site.settings.title,
        });
        return reply.header('cache-control', 'no-store').redirect(url, 303);
      } catch (error) {
        if (!isStripeTrouble(error)) throw error;
        return stripeDown(request, reply, error, 'checkout.unavailable.body');
      }
    },
  );

  app.get(
    '/contribute/thanks',
    { schema: { querystring: Type.Object({ session_id: SESSION_ID }) } },
    async (request, reply) => {
      if (!deps.stripe) return closed(reply);
      try {
        const given = await finishedContribution(checkoutDeps(deps.stripe), request.query.session_id);
        if (given === 'unknown')
          return message(reply, 404, 'contribute.unknown.title', 'contribute.unknown.body', '/contribute/thanks');
        if (given === 'open')
          return message(reply, 200, 'contribute.open.title', 'contribute.open.body', '/contribute/thanks');
        return sendPage(reply, 200, contributionThanksPage(await deps.siteContext(), given));
      } catch (error) {
        if (!isStripeTrouble(error)) throw error;
        return stripeDown(request, reply, error, 'contribute.thanksUnavailable.body');
      }
    },
  );
}

/** The contribution the form asks for, or what is wrong with it in the reader's words. */
function checkContribution(site: SiteContext, input: FormInput & { currencies: string[] }): Contribution | string {
  const { t } = site;
  const { currency } = input;
  if (!input.currencies.includes(currency)) return t.t('contribute.error.currency');
  const custom = input.custom.trim();
  if (!custom && !input.amount) return t.t('contribute.error.amount');
  // Another amount, when written, wins over the preset: it is what the reader did last.
  const amount = custom ? toMinorUnits(custom, currency) : Number(input.amount);
  const rule = amountRule(currency);
  switch (amountProblem(amount, currency)) {
    case 'invalid':
      return t.t('contribute.error.invalid', { example: fromMinorUnits(rule.presets[0] ?? rule.minimum, currency) });
    case 'tooSmall':
      return t.t('contribute.error.tooSmall', { minimum: t.money(rule.minimum, currency) });
    case 'tooLarge':
      return t.t('contribute.error.tooLarge', { maximum: t.money(rule.maximum, currency) });
    case null:
      return { currency, amount, note: input.note, attribution: input.from };
  }
}
