import { translator, type Locale } from '../i18n/i18n.ts';
import { composeMail } from './layout.ts';
import type { MailContent } from './mailer.ts';

const WORDS = {
  en: {
    months: (n: number) => (n === 1 ? '1 month' : `${n} months`),
    giftSubject: '{from} gave you {months} of {site}',
    greeting: 'Hello,',
    greetingNamed: 'Hello {name},',
    gave: '{from} gave you {months} of {tier} at {site}: every story of the plan, from the day you redeem it.',
    message: 'Their message: “{message}”',
    redeemBy: 'Redeem it by {date}. If you have no account, redeeming makes one with your email address.',
    redeem: 'Redeem your gift',
    unexpected: 'If you were not expecting this, you can ignore this message.',
    receiptSubject: 'Your gift to {recipient}: receipt',
    sent: 'Thank you. We emailed your gift of {months} of {tier} to {recipient} on {date}.',
    receipt: 'Receipt: {amount}, paid on {date}, to {site}. Keep this message for your records.',
    account: 'See your gifts in your account',
  },
  es: {
    months: (n: number) => (n === 1 ? '1 mes' : `${n} meses`),
    giftSubject: '{from} te regaló {months} de {site}',
    greeting: 'Hola:',
    greetingNamed: 'Hola, {name}:',
    gave: '{from} te regaló {months} de {tier} en {site}: todas las historias del plan, desde el día en que lo canjees.',
    message: 'Su mensaje: «{message}»',
    redeemBy: 'Canjéalo antes del {date}. Si no tienes cuenta, al canjearlo se crea una con tu correo.',
    redeem: 'Canjear tu regalo',
    unexpected: 'Si no esperabas este mensaje, puedes ignorarlo.',
    receiptSubject: 'Tu regalo para {recipient}: recibo',
    sent: 'Gracias. Enviamos tu regalo de {months} de {tier} a {recipient} el {date}.',
    receipt: 'Recibo: {amount}, pagado el {date}, a {site}. Guarda este mensaje como comprobante.',
    account: 'Ver tus regalos en tu cuenta',
  },
} satisfies Record<Locale, unknown>;

const fill = (text: string, values: Record<string, string>): string =>
  text.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);

/** What both gift messages say about the gift. */
interface GiftFacts {
  locale: Locale;
  timeZone: string;
  site: string;
  tier: string;
  months: number;
}

/**
 * The gift itself, to its recipient: who gave what, the giver's message (escaped by the layout like
 * every paragraph), until when it can be redeemed, and the redeem link.
 */
export function giftMail(
  input: GiftFacts & { from: string; recipientName: string; message: string; expiresAt: string; redeemUrl: string },
): MailContent {
  const words = WORDS[input.locale];
  const t = translator(input.locale, input.timeZone);
  const values = {
    from: input.from,
    site: input.site,
    tier: input.tier,
    months: words.months(input.months),
    name: input.recipientName,
    message: input.message,
    date: t.longDate(input.expiresAt),
  };
  return composeMail({
    locale: input.locale,
    site: input.site,
    subject: fill(words.giftSubject, values),
    greeting: fill(input.recipientName ? words.greetingNamed : words.greeting, values),
    paragraphs: [
      fill(words.gave, values),
      ...(input.message ? [fill(words.message, values)] : []),
      fill(words.redeemBy, values),
    ],
    action: { label: words.redeem, url: input.redeemUrl },
    after: [words.unexpected],
  });
}

/** The buyer's receipt: when and to whom the gift was sent, what was paid, and the account page. */
export function giftReceiptMail(
  input: GiftFacts & { recipient: string; amount: number; currency: string; paidAt: string; accountUrl: string },
): MailContent {
  const words = WORDS[input.locale];
  const t = translator(input.locale, input.timeZone);
  const values = {
    site: input.site,
    tier: input.tier,
    months: words.months(input.months),
    recipient: input.recipient,
    amount: t.money(input.amount, input.currency),
    date: t.longDate(input.paidAt),
  };
  return composeMail({
    locale: input.locale,
    site: input.site,
    subject: fill(words.receiptSubject, values),
    greeting: words.greeting,
    paragraphs: [fill(words.sent, values), fill(words.receipt, values)],
    action: { label: words.account, url: input.accountUrl },
    after: [],
  });
}
