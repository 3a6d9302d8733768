import type { FastifyReply } from 'fastify';

/**
 * Lets this page's forms lead to other sites: a form posted to Gaceta that is answered with a
 * redirect to Stripe's hosted pages (Checkout, the customer portal). Browsers hold the redirect to
 * the page's CSP form-action too, so without this the reader would be stopped on the way to pay.
 * Widens only this answer's policy, only by the origins given.
 */
export function allowFormTargets(reply: FastifyReply, origins: readonly string[]): void {
  const policy = reply.getHeader('content-security-policy');
  if (origins.length === 0 || typeof policy !== 'string') return;
  reply.header(
    'content-security-policy',
    policy.replace("form-action 'self'", `form-action 'self' ${origins.join(' ')}`),
  );
}
