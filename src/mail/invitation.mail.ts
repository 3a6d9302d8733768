import type { Locale } from '../i18n/i18n.ts';
import { composeMail } from './layout.ts';
import type { MailContent } from './mailer.ts';

const WORDS = {
  en: {
    subject: (site: string) => `You are invited to the newsroom of ${site}`,
    greeting: 'Hello,',
    invited: (inviter: string, site: string, role: string) =>
      `${inviter} invites you to join the newsroom of ${site} as ${role}.`,
    action: 'Accept the invitation',
    expires: 'The link works once, for seven days. Opening it, you choose your name and password.',
    ignore: 'If you did not expect this, ignore this message.',
    roles: { contributor: 'a contributor', author: 'an author', editor: 'an editor', admin: 'an admin' },
  },
  es: {
    subject: (site: string) => `Te invitan a la redacción de ${site}`,
    greeting: 'Hola:',
    invited: (inviter: string, site: string, role: string) =>
      `${inviter} te invita a unirte a la redacción de ${site} como ${role}.`,
    action: 'Aceptar la invitación',
    expires: 'El enlace sirve una sola vez, durante siete días. Al abrirlo eliges tu nombre y tu contraseña.',
    ignore: 'Si no lo esperabas, ignora este mensaje.',
    roles: { contributor: 'colaborador', author: 'autor', editor: 'editor', admin: 'administrador' },
  },
} satisfies Record<Locale, unknown>;

export type InvitedRole = keyof (typeof WORDS)['en']['roles'];

/** The message inviting someone to the newsroom's staff. */
export function invitationMail(input: {
  locale: Locale;
  site: string;
  inviter: string;
  role: InvitedRole;
  link: string;
}): MailContent {
  const words = WORDS[input.locale];
  return composeMail({
    locale: input.locale,
    site: input.site,
    subject: words.subject(input.site),
    greeting: words.greeting,
    paragraphs: [words.invited(input.inviter, input.site, words.roles[input.role])],
    action: { label: words.action, url: input.link },
    after: [words.expires, words.ignore],
  });
}
