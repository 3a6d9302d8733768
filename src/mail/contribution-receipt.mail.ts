import { translator, type Locale } from '../i18n/i18n.ts';
import { composeMail } from './layout.ts';
import type { MailContent } from './mailer.ts';

const WORDS = {
  en: {
    subject: 'Your contribution to {site}: receipt',
    greeting: 'Hello,',
    thanks: 'Thank you for supporting {site}. Your contribution keeps our journalism free and independent.',
    receipt: 'Receipt: {amount}, paid on {date}, to {site}. Keep this message for your records.',
    account: 'See your payments in your account',
  },
  es: {
    subject: 'Tu contribución a {site}: recibo',
    greeting: 'Hola:',
    thanks: 'Gracias por apoyar a {site}. Tu contribución mantiene nuestro periodismo libre e independiente.',
    receipt: 'Recibo: {amount}, pagado el {date}, a {site}. Guarda este mensaje como comprobante.',
    account: 'Ver tus pagos en tu cuenta',
  },
} satisfies Record<Locale, unknown>;

const fill = (text: string, values: Record<string, string>): string =>
  text.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);

/** The receipt for a one-time contribution: the amount, the date, the site, and the account page. */
export function contributionReceiptMail(input: {
  locale: Locale;
  timeZone: string;
  site: string;
  /** In the currency's smallest unit. */
  amount: number;
  currency: string;
  paidAt: string;
  accountUrl: string;
}): MailContent {
  const words = WORDS[input.locale];
  const t = translator(input.locale, input.timeZone);
  const values = { site: input.site, amount: t.money(input.amount, input.currency), date: t.longDate(input.paidAt) };
  return composeMail({
    locale: input.locale,
    site: input.site,
    subject: fill(words.subject, values),
    greeting: words.greeting,
    paragraphs: [fill(words.thanks, values), fill(words.receipt, values)],
    action: { label: words.account, url: input.accountUrl },
    after: [],
  });
}
