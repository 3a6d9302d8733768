import nodemailer from 'nodemailer';
import type { Mailer, MailMessage } from './mailer.ts';

// nodemailer waits two minutes for a silent server by default; a person is waiting on some of these sends.
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

/** Sends mail through the SMTP server of SMTP_URL (nodemailer), from MAIL_FROM. */
export function smtpMailer(options: { url: string; from: string }): Mailer {
  // Settings in the URL's query (e.g. ?connectionTimeout=…) win over these.
  const transport = nodemailer.createTransport({ url: options.url, ...TIMEOUTS }, { from: options.from });
  return {
    async send(message: MailMessage) {
      await transport.sendMail({
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html.toString(),
      });
    },
    close: () => transport.close(),
  };
}
