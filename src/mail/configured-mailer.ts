import type { Config } from '../config.ts';
import { logMailer } from './log-mailer.ts';
import type { Mailer, MailLog } from './mailer.ts';
import { smtpMailer } from './smtp-mailer.ts';

/** The configured way out: SMTP_URL's server, or the log when there is none. */
export function mailerFor(config: Pick<Config, 'smtpUrl' | 'mailFrom'>, log: MailLog): Mailer {
  return config.smtpUrl ? smtpMailer({ url: config.smtpUrl, from: config.mailFrom }) : logMailer(log);
}
