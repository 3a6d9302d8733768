import type { SafeHtml } from '../http/html.ts';

/** What one message says, in one language: a subject, a plain-text part, an HTML part and the links in it. */
export interface MailContent {
  subject: string;
  text: string;
  html: SafeHtml;
  /** Every link the message carries, so the log can show them when there is no SMTP server. */
  links: string[];
}

/** A message to one person. */
export interface MailMessage extends MailContent {
  to: string;
}

/** Sends mail; rejects when the message could not be handed over. Domains take one as a dependency. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close?(): void;
}

/** The part of pino's logger mail uses (the app's logger fits). */
export interface MailLog {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

/**
 * Hands messages to a Mailer without letting a mail failure undo what the person did: `deliver`
 * never rejects; a failure is logged and reported as `false`. `settled` waits for every message
 * handed over so far, for tests and a clean shutdown.
 */
export class Outbox {
  readonly #mailer: Mailer;
  readonly #log: MailLog;
  readonly #pending = new Set<Promise<boolean>>();

  constructor(mailer: Mailer, log: MailLog) {
    this.#mailer = mailer;
    this.#log = log;
  }

  /** Sends a message; resolves whether it went. */
  deliver(message: MailMessage): Promise<boolean> {
    const sending = this.#mailer.send(message).then(
      () => true,
      (error: unknown) => {
        this.#log.error({ err: error, to: message.to, subject: message.subject }, 'mail could not be sent');
        return false;
      },
    );
    this.#pending.add(sending);
    void sending.finally(() => this.#pending.delete(sending));
    return sending;
  }

  /** Resolves once every message handed over so far has been sent or has failed. */
  async settled(): Promise<void> {
    while (this.#pending.size > 0) await Promise.all(this.#pending);
  }

  close(): void {
    this.#mailer.close?.();
  }
}
