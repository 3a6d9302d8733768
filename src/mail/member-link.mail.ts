import type { Locale } from '../i18n/i18n.ts';
import { composeMail } from './layout.ts';
import type { MailContent } from './mailer.ts';

export type MemberLinkKind = 'sign-in' | 'sign-up' | 'email-change';

const WORDS = {
  en: {
    subject: {
      'sign-in': 'Sign in to {site}',
      'sign-up': 'Finish signing up to {site}',
      'email-change': 'Confirm your new address for {site}',
    },
    greeting: 'Hello,',
    asked: {
      'sign-in': 'Someone asked to sign in to {site} with this address.',
      'sign-up': 'Someone asked to make an account at {site} with this address.',
      'email-change': 'Someone asked to use this address for their account at {site}.',
    },
    action: { 'sign-in': 'Sign in', 'sign-up': 'Make my account', 'email-change': 'Use this address' },
    code: 'If the link opens in another browser, enter this code on the page where you asked instead: {code}',
    expires: 'The link and the code work for 30 minutes.',
    ignore: 'If you did not ask for this, ignore this message: nothing changes.',
  },
  es: {
    subject: {
      'sign-in': 'Entra en {site}',
      'sign-up': 'Termina de crear tu cuenta en {site}',
      'email-change': 'Confirma tu nueva dirección para {site}',
    },
    greeting: 'Hola:',
    asked: {
      'sign-in': 'Alguien pidió entrar en {site} con esta dirección.',
      'sign-up': 'Alguien pidió crear una cuenta en {site} con esta dirección.',
      'email-change': 'Alguien pidió usar esta dirección para su cuenta en {site}.',
    },
    action: { 'sign-in': 'Entrar', 'sign-up': 'Crear mi cuenta', 'email-change': 'Usar esta dirección' },
    code: 'Si el enlace se abre en otro navegador, escribe este código en la página donde lo pediste: {code}',
    expires: 'El enlace y el código sirven durante 30 minutos.',
    ignore: 'Si no lo pediste, ignora este mensaje: nada cambia.',
  },
} satisfies Record<Locale, unknown>;

const fill = (text: string, values: Record<string, string>): string =>
  text.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);

/** A reader's sign-in, sign-up or address-change link, with its 6-digit code in the same message. */
export function memberLinkMail(input: {
  locale: Locale;
  site: string;
  kind: MemberLinkKind;
  link: string;
  code: string;
}): MailContent {
  const words = WORDS[input.locale];
  const values = { site: input.site, code: input.code };
  return composeMail({
    locale: input.locale,
    site: input.site,
    subject: fill(words.subject[input.kind], values),
    greeting: words.greeting,
    paragraphs: [fill(words.asked[input.kind], values)],
    action: { label: words.action[input.kind], url: input.link },
    after: [...(input.kind === 'email-change' ? [] : [fill(words.code, values)]), words.expires, words.ignore],
  });
}
