import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type Stripe from 'stripe';
import type { Config } from '../config.ts';
import type { Database } from '../db/schema.ts';
import { AppError } from '../http/errors.ts';
import type { Invalidation } from '../http/invalidation.ts';
import type { Outbox } from '../mail/mailer.ts';
import { deleteAbandonedGroups } from '../members/groups.service.ts';
import {
  processStripeEvent,
  storeStripeEvent,
  sweepStripeEvents,
  verifyStripeEvent,
} from './stripe-webhooks.service.ts';

export interface StripeWebhookRouteDeps {
  config: Pick<Config, 'stripeWebhookSecret' | 'publicUrl'>;
  db: Kysely<Database>;
  invalidation: Invalidation;
  outbox: Outbox;
  stripe: Stripe | undefined;
}

// Stripe's events are a few kilobytes; a subscription with many items stays well under this.
const BODY_LIMIT = 512 * 1024;
// Stored events left unprocessed are tried again this often (Stripe's own retries come far less often).
const SWEEP_EVERY_MS = 60_000;

/**
 * `POST /webhooks/stripe`, in a Fastify context of its own: the signature is computed over the
 * exact bytes Stripe sent, so here every body stays a raw Buffer (the JSON parser, which would
 * re-serialise it differently, is replaced for this route only). Also starts the sweep that
 * finishes events stored but not processed: once when the app is ready (a crash mid-handling is
 * finished at the next start) and every minute after, until the app closes; it also deletes group
 * purchases whose Checkout was never finished.
 */
export async function registerStripeWebhooks(app: FastifyInstance, routeDeps: StripeWebhookRouteDeps): Promise<void> {
  const deps = { ...routeDeps, publicUrl: routeDeps.config.publicUrl };
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: BODY_LIMIT }, (_request, body, done) =>
    done(null, body),
  );
  // Stripe reads only the status; the JSON says why to whoever looks at the delivery in Stripe's dashboard.
  app.setErrorHandler(async (error, request, reply) => {
    if (error instanceof AppError)
      return reply.code(error.status).send({ error: { code: error.code, message: error.message } });
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status < 500) {
      const message = error instanceof Error ? error.message : 'Bad request';
      return reply.code(status).send({ error: { code: 'VALIDATION_FAILED', message } });
    }
    request.log.error({ err: error }, 'a Stripe event could not be processed; it stays stored for a retry');
    return reply.code(500).send({ error: { code: 'INTERNAL', message: 'Internal error' } });
  });

  app.post('/webhooks/stripe', async (request, reply) => {
    const secret = deps.config.stripeWebhookSecret;
    if (!secret)
      throw new AppError(
        'WEBHOOKS_NOT_CONFIGURED',
        'Stripe webhooks are not set up on this site: set STRIPE_WEBHOOK_SECRET to the signing secret of this endpoint.',
      );
    const payload = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    const header = request.headers['stripe-signature'];
    const event = verifyStripeEvent(payload, Array.isArray(header) ? header[0] : header, secret);
    const isNew = await storeStripeEvent(deps.db, event, payload);
    // A replay of a processed event is answered without acting again; one that failed before is tried now.
    const processed = await processStripeEvent(deps, event.id);
    return reply.code(200).send({ received: true, ...(isNew || processed ? {} : { duplicate: true }) });
  });

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  // One sweep at a time: a tick that finds the last one still going leaves it be.
  const sweep = (): Promise<void> =>
    (running ??= sweepStripeEvents(deps, app.log)
      // Group purchases left unpaid for a week go with the same tick (groups.service.ts).
      .then(() => deleteAbandonedGroups(deps.db))
      .then(
        () => undefined,
        (error: unknown) => void app.log.error({ err: error }, 'the sweep of stored Stripe events failed'),
      )
      .finally(() => {
        running = undefined;
      }));
  app.addHook('onReady', async () => {
    await sweep();
    timer = setInterval(() => void sweep(), SWEEP_EVERY_MS);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    clearInterval(timer);
    await running;
  });
}
