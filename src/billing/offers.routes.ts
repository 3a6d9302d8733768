import { Type } from '@sinclair/typebox';
import type { TypedFastify } from '../http/typed-fastify.ts';
import { sendPage } from '../members/member-routes.ts';
import type { CheckoutRouteDeps } from './checkout.routes.ts';
import { checkoutMessage } from './checkout.views.ts';
import { offerForReaders } from './offers-redemption.ts';
import { offerPage } from './offers.views.ts';

/**
 * An offer's link, /offer/<code>: what it gives on the tier's prices, each with a button into the
 * /subscribe flow carrying the offer. An unknown code is a 404 and an ended offer (archived, or
 * redeemed up to its limit) a 410, each leading to the usual plans. Never cached: the count changes.
 */
export function registerOfferPageRoutes(app: TypedFastify, deps: CheckoutRouteDeps): void {
  app.get(
    '/offer/:code',
    { schema: { params: Type.Object({ code: Type.String({ maxLength: 100 }) }) } },
    async (request, reply) => {
      const { code } = request.params;
      const found = await offerForReaders(deps.db, code);
      const site = await deps.siteContext();
      const path = `/offer/${encodeURIComponent(code)}`;
      if (found === 'unknown')
        return sendPage(reply, 404, checkoutMessage(site, 'offer.unknown.title', 'offer.unknown.body', path));
      if (found === 'ended')
        return sendPage(reply, 410, checkoutMessage(site, 'offer.ended.title', 'offer.ended.body', path));
      return sendPage(reply, 200, offerPage(site, found));
    },
  );
}
