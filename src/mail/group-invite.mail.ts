import type { Locale } from '../i18n/i18n.ts';
import { composeMail } from './layout.ts';
import type { MailContent } from './mailer.ts';

const WORDS = {
  en: {
    subject: 'Join {group} at {site}',
    greeting: 'Hello,',
    invited:
      '{group} has a group subscription to {site} and invites you to take one of its seats: {tier} stories, paid for by {group}.',
    action: 'Accept the invitation',
    expires:
      'The invitation works once, for 14 days. You will be asked to sign in (or make an account) with this address.',
    ignore: 'If you did not expect this, ignore this message: nothing changes and you are charged nothing.',
  },
  es: {
    subject: 'Únete a {group} en {site}',
    greeting: 'Hola:',
    invited:
      '{group} tiene una suscripción de grupo a {site} y te invita a ocupar uno de sus lugares: historias de {tier}, pagadas por {group}.',
    action: 'Aceptar la invitación',
    expires:
      'La invitación sirve una vez, durante 14 días. Se te pedirá entrar (o crear una cuenta) con esta dirección.',
    ignore: 'Si no lo esperabas, ignora este mensaje: nada cambia y no se te cobra nada.',
  },
} satisfies Record<Locale, unknown>;

const fill = (text: string, values: Record<string, string>): string =>
  text.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);

/** An invitation to take a seat in a group, sent by its admin to one address. */
export function groupInviteMail(input: {
  locale: Locale;
  site: string;
  group: string;
  tier: string;
  link: string;
}): MailContent {
  const words = WORDS[input.locale];
  const values = { site: input.site, group: input.group, tier: input.tier };
  return composeMail({
    locale: input.locale,
    site: input.site,
    subject: fill(words.subject, values),
    greeting: words.greeting,
    paragraphs: [fill(words.invited, values)],
    action: { label: words.action, url: input.link },
    after: [words.expires, words.ignore],
  });
}
