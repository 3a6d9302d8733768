import type { Locale } from '../i18n/i18n.ts';
import { composeMail } from './layout.ts';
import type { MailContent } from './mailer.ts';

const WORDS = {
  en: {
    subject: (site: string) => `Reset your password for ${site}`,
    greeting: (name: string) => `Hello ${name},`,
    asked: (site: string) => `Someone asked to reset the password of your account in the newsroom of ${site}.`,
    action: 'Choose a new password',
    expires: 'The link works once, for one hour.',
    ignore: 'If you did not ask for this, ignore this message: your password stays as it is.',
  },
  es: {
    subject: (site: string) => `Restablece tu contraseña de ${site}`,
    greeting: (name: string) => `Hola, ${name}:`,
    asked: (site: string) => `Alguien pidió restablecer la contraseña de tu cuenta en la redacción de ${site}.`,
    action: 'Elegir una contraseña nueva',
    expires: 'El enlace sirve una sola vez, durante una hora.',
    ignore: 'Si no lo pediste, ignora este mensaje: tu contraseña no cambia.',
  },
} satisfies Record<Locale, unknown>;

/** The message with a staff member's password reset link. */
export function passwordResetMail(input: { locale: Locale; site: string; name: string; link: string }): MailContent {
  const words = WORDS[input.locale];
  return composeMail({
    locale: input.locale,
    site: input.site,
    subject: words.subject(input.site),
    greeting: words.greeting(input.name),
    paragraphs: [words.asked(input.site)],
    action: { label: words.action, url: input.link },
    after: [words.expires, words.ignore],
  });
}
