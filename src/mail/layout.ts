import { html, safeUrl } from '../http/html.ts';
import type { Locale } from '../i18n/i18n.ts';
import type { MailContent } from './mailer.ts';

/** What a message says, before it is laid out as text and as HTML. */
export interface MailParts {
  locale: Locale;
  /** The newsroom's name, signed at the bottom. */
  site: string;
  subject: string;
  greeting: string;
  paragraphs: string[];
  /** The one thing the message asks the reader to do: a link. */
  action: { label: string; url: string };
  /** Said after the link: how long it works, what to do if the mail was not expected. */
  after: string[];
}

const COPY_LINK: Record<Locale, string> = {
  en: 'If the button does not work, copy this address into your browser:',
  es: 'Si el botón no funciona, copia esta dirección en tu navegador:',
};

/**
 * Lays a message out twice: a plain-text part that reads well on its own (the link on a line of its
 * own, so mail programs make it clickable) and an HTML part escaped by the view layer's templates.
 */
export function composeMail(parts: MailParts): MailContent {
  const url = safeUrl(parts.action.url);
  const text = [
    parts.greeting,
    ...parts.paragraphs,
    `${parts.action.label}:\n${url}`,
    ...parts.after,
    `— ${parts.site}`,
  ].join('\n\n');
  const body = html`<!DOCTYPE html>
<html lang="${parts.locale}">
<head><meta charset="utf-8"><title>${parts.subject}</title></head>
<body style="font-family: system-ui, sans-serif; color: #1a1a1a; line-height: 1.5; max-width: 36rem">
<p>${parts.greeting}</p>
${parts.paragraphs.map((paragraph) => html`<p>${paragraph}</p>\n`)}<p><a href="${url}" style="display: inline-block; padding: 0.6rem 1.2rem; background: #0b5cad; color: #ffffff; border-radius: 4px; text-decoration: none">${parts.action.label}</a></p>
<p style="color: #595959">${COPY_LINK[parts.locale]}<br>${url}</p>
${parts.after.map((paragraph) => html`<p>${paragraph}</p>\n`)}<p>— ${parts.site}</p>
</body>
</html>
`;
  return { subject: parts.subject, text, html: body, links: [url] };
}
