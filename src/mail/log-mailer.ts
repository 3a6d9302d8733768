import type { Mailer, MailLog, MailMessage } from './mailer.ts';

/**
 * Without SMTP_URL, mail goes to the log: who it was for, its subject, its links and its text, so a
 * newcomer running Gaceta on their machine can follow an invitation or a password reset link.
 */
export function logMailer(log: MailLog): Mailer {
  return {
    async send(message: MailMessage) {
      log.info(
        { mail: { to: message.to, subject: message.subject, links: message.links, text: message.text } },
        `mail not sent (no SMTP_URL) to ${message.to}: "${message.subject}"; its links: ${message.links.join(' ')}`,
      );
    },
  };
}
