import Stripe from 'stripe';
import type { Config } from '../config.ts';

/**
 * The Stripe client for this configuration, or undefined without STRIPE_SECRET_KEY (the site runs,
 * and the pricing page says subscriptions are not set up yet). STRIPE_API_URL points it at another
 * server (the test suite's stand-in, src/testing/stripe.ts).
 */
export function stripeClient(config: Pick<Config, 'stripeSecretKey' | 'stripeApiUrl'>): Stripe | undefined {
  if (!config.stripeSecretKey) return undefined;
  const api = config.stripeApiUrl ? new URL(config.stripeApiUrl) : undefined;
  return new Stripe(config.stripeSecretKey, {
    // Gaceta retries a failed sync itself (the rows stay marked out of sync); the admin hears at once.
    maxNetworkRetries: 0,
    timeout: 20_000,
    appInfo: { name: 'Gaceta' },
    ...(api
      ? {
          host: api.hostname,
          port: Number(api.port || (api.protocol === 'https:' ? 443 : 80)),
          protocol: api.protocol === 'https:' ? 'https' : 'http',
        }
      : {}),
  });
}

/**
 * Where Stripe's hosted pages live (Checkout, the customer portal): Gaceta's forms that lead there
 * must be allowed to (src/http/form-targets.ts). With STRIPE_API_URL, its server's pages too (the
 * test suite's stand-in serves them). None without keys.
 */
export function stripeHostedOrigins(config: Pick<Config, 'stripeSecretKey' | 'stripeApiUrl'>): string[] {
  if (!config.stripeSecretKey) return [];
  const origins = ['https://checkout.stripe.com', 'https://billing.stripe.com'];
  return config.stripeApiUrl ? [...origins, new URL(config.stripeApiUrl).origin] : origins;
}
