import type { Locale } from '../i18n/i18n.ts';
import { composeMail } from './layout.ts';
import type { MailContent } from './mailer.ts';

const WORDS = {
  en: {
    subject: 'The payment for {group}’s seats at {site} did not go through',
    greeting: 'Hello,',
    failed:
      'We could not take the payment for the group subscription of {group} to {site} ({seats} seats). The card may have expired or been declined.',
    grace: 'Its members keep reading while the payment is tried again over the next days.',
    noGrace: 'Until it is paid, its {seats} seats open nothing: its members cannot read {site}’s paid stories.',
    pay: 'Pay or change the card',
    account: 'You can also manage the group’s billing from its page: {groupPage}',
  },
  es: {
    subject: 'No se pudo cobrar el pago de los lugares de {group} en {site}',
    greeting: 'Hola:',
    failed:
      'No pudimos cobrar la suscripción de grupo de {group} a {site} ({seats} lugares). Puede que la tarjeta haya caducado o que el banco la haya rechazado.',
    grace: 'Sus miembros siguen leyendo mientras el cobro se intenta de nuevo en los próximos días.',
    noGrace:
      'Hasta que se pague, sus {seats} lugares no abren nada: sus miembros no pueden leer las historias de pago de {site}.',
    pay: 'Pagar o cambiar la tarjeta',
    account: 'También puedes gestionar los pagos del grupo desde su página: {groupPage}',
  },
} satisfies Record<Locale, unknown>;

const fill = (text: string, values: Record<string, string>): string =>
  text.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);

/**
 * Tells a group's buyer (its admin) that a renewal of the group's subscription failed: about the
 * group and its seats, not about their own reading (the group's subscription opens nothing for them).
 */
export function groupPaymentFailedMail(input: {
  locale: Locale;
  site: string;
  group: string;
  seats: number;
  groupPageUrl: string;
  payUrl: string | null;
  /** Whether the site's grace period keeps the group's members reading meanwhile. */
  keepsAccess: boolean;
}): MailContent {
  const words = WORDS[input.locale];
  const values = { site: input.site, group: input.group, seats: String(input.seats), groupPage: input.groupPageUrl };
  return composeMail({
    locale: input.locale,
    site: input.site,
    subject: fill(words.subject, values),
    greeting: words.greeting,
    paragraphs: [fill(words.failed, values), fill(input.keepsAccess ? words.grace : words.noGrace, values)],
    action: { label: words.pay, url: input.payUrl ?? input.groupPageUrl },
    after: input.payUrl ? [fill(words.account, values)] : [],
  });
}
