import { Type } from '@sinclair/typebox';
import type { TypedFastify } from '../http/typed-fastify.ts';
import { PRICING_PAGE } from '../http/invalidation.ts';
import { offeredTiers } from '../billing/tiers.service.ts';
import { pricingScript } from './scripts.ts';
import { servePage } from './serve-page.ts';
import type { SiteDeps } from './site.deps.ts';
import { pricingPage } from './views/pricing.ts';

const PricingQuery = Type.Object({ currency: Type.Optional(Type.String()) });
const CURRENCY_CODE = /^[a-z]{3}$/;

/**
 * The pricing page. It is the same for every anonymous reader (cacheable): the currency is chosen
 * by ?currency=, never from Accept-Language; a small script picks one by the browser's language.
 */
export function registerPricingRoutes(
  app: TypedFastify,
  deps: SiteDeps,
  options: { subscriptionsOpen: boolean },
): void {
  app.get(pricingScript.path(), async (_request, reply) =>
    reply
      .type('text/javascript; charset=utf-8')
      .header('cache-control', 'public, max-age=31536000, immutable')
      .send(await pricingScript.body()),
  );

  app.get('/pricing', { schema: { querystring: PricingQuery } }, (request, reply) => {
    const asked = request.query.currency?.toLowerCase();
    // Only a well-formed code reaches the cache key; anything else is the page without one.
    const currency = asked && CURRENCY_CODE.test(asked) ? asked : undefined;
    return servePage(
      request,
      reply,
      deps.cache,
      async () => {
        const { tiers, currencies } = await offeredTiers(deps.db);
        const site = await deps.siteContext();
        return {
          kind: 'page',
          body: pricingPage(
            {
              tiers,
              currencies,
              // A currency not (or no longer) offered shows the first: no redirect a browser would keep.
              currency: currency && currencies.includes(currency) ? currency : currencies[0],
              subscriptionsOpen: options.subscriptionsOpen,
              scriptPath: pricingScript.path(),
            },
            site,
          ),
          keys: [PRICING_PAGE],
        };
      },
      currency ? `currency=${currency}` : '',
    );
  });
}
