import assert from 'node:assert/strict';
import { makeArticle, makeSection, makeStaff, paragraphs, signIn } from './factories.ts';
import { listenOnLoopback, startTestApp, type TestApp } from './harness.ts';
import { startTestSmtp, type TestSmtp } from './smtp.ts';
import { startStripeStandIn, STRIPE_TEST_KEY, STRIPE_TEST_WEBHOOK_SECRET, type StripeStandIn } from './stripe.ts';

/** A site selling a Supporter tier, with its stand-ins and staff, as the group subscription tests start it. */
export interface SupporterSite {
  t: TestApp;
  smtp: TestSmtp;
  stripe: StripeStandIn;
  /** An admin's headers for the admin API. */
  staffHeaders: Record<string, string>;
  /** The tier's $5 monthly price (Gaceta's id). */
  priceId: string;
  /** A story whose last paragraph only Supporters read: "Only Supporter members read this sentence." */
  story: string;
  close(): Promise<void>;
}

/**
 * Starts the app with Stripe's and the mail server's stand-ins (webhooks delivered over loopback), a
 * Supporter tier at $5 a month made through the admin API, and one Supporter story in `sectionName`.
 */
export async function startSupporterSite(sectionName: string): Promise<SupporterSite> {
  const smtp = await startTestSmtp();
  const stripe = await startStripeStandIn();
  const t = await startTestApp({
    smtpUrl: smtp.url,
    mailFrom: 'desk@news.example',
    stripeSecretKey: STRIPE_TEST_KEY,
    stripeWebhookSecret: STRIPE_TEST_WEBHOOK_SECRET,
    stripeApiUrl: stripe.url,
  });
  stripe.webhookUrl = `${(await listenOnLoopback(t)).base}/webhooks/stripe`;
  const staffHeaders = await signIn(t, await makeStaff(t, 'admin'));
  const api = async (url: string, payload: object) => {
    const answer = await t.app.inject({ method: 'POST', url: `/admin/api${url}`, headers: staffHeaders, payload });
    assert.ok(answer.statusCode < 300, answer.body);
    return answer.json<{ tier: { id: string; prices: Array<{ id: string }> } }>().tier;
  };
  const tier = await api('/tiers', { name: 'Supporter' });
  const priceId =
    (await api(`/tiers/${tier.id}/prices`, { currency: 'usd', interval: 'month', amount: 500 })).prices[0]?.id ?? '';
  const section = await makeSection(t.database.handle.db, sectionName);
  const article = await makeArticle(t, {
    headline: 'For supporters',
    sectionId: section.id,
    access: 'tiers',
    accessTierIds: [tier.id],
    body: paragraphs('Everyone reads this.', 'Everyone reads this too.', 'Only Supporter members read this sentence.'),
  });
  return {
    t,
    smtp,
    stripe,
    staffHeaders,
    priceId,
    story: `/${section.slug}/${article.slug}`,
    async close() {
      await t.close();
      await stripe.stop();
      await smtp.close();
    },
  };
}
