import type { Locale } from '../i18n/i18n.ts';
import { composeMail } from './layout.ts';
import type { MailContent } from './mailer.ts';

const WORDS = {
  en: {
    subject: 'Your payment to {site} did not go through',
    greeting: 'Hello,',
    failed:
      'We could not take the payment for your subscription to {site}. Your card may have expired or been declined.',
    grace: 'You keep reading while the payment is tried again over the next days.',
    pay: 'Pay or change your card',
    account: 'You can also manage your billing from your account: {account}',
  },
  es: {
    subject: 'Tu pago a {site} no se pudo cobrar',
    greeting: 'Hola:',
    failed:
      'No pudimos cobrar tu suscripción a {site}. Puede que tu tarjeta haya caducado o que el banco la haya rechazado.',
    grace: 'Sigues leyendo mientras el cobro se intenta de nuevo en los próximos días.',
    pay: 'Pagar o cambiar la tarjeta',
    account: 'También puedes gestionar tus pagos desde tu cuenta: {account}',
  },
} satisfies Record<Locale, unknown>;

const fill = (text: string, values: Record<string, string>): string =>
  text.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);

/** Tells a subscriber that a renewal payment failed, with Stripe's page to pay (or their account page). */
export function paymentFailedMail(input: {
  locale: Locale;
  site: string;
  accountUrl: string;
  payUrl: string | null;
  /** Whether the site's grace period keeps them reading meanwhile. */
  keepsAccess: boolean;
}): MailContent {
  const words = WORDS[input.locale];
  const values = { site: input.site, account: input.accountUrl };
  return composeMail({
    locale: input.locale,
    site: input.site,
    subject: fill(words.subject, values),
    greeting: words.greeting,
    paragraphs: [fill(words.failed, values), ...(input.keepsAccess ? [words.grace] : [])],
    action: { label: words.pay, url: input.payUrl ?? input.accountUrl },
    after: input.payUrl ? [fill(words.account, values)] : [],
  });
}
