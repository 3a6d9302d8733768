import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A message the test SMTP server took, parsed. */
export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  /** The http(s) links of the plain-text part, in order. */
  links: string[];
}

export interface TestSmtp {
  /** For SMTP_URL (config.smtpUrl). */
  url: string;
  /** Every message taken so far, oldest first. */
  received: ReceivedMail[];
  /** The messages sent to one address. */
  to(address: string): ReceivedMail[];
  /** A server that refuses every message from now on, as a broken mail provider would. */
  refuseAll(refuse: boolean): void;
  close(): Promise<void>;
}

/**
 * A real SMTP server (the smtp-server package) on a free loopback port, keeping what it receives.
 * A message is parsed and kept before the server says 250, so once the sender's send has resolved
 * (Outbox.settled()) the message is in `received`: tests need no waiting.
 */
export async function startTestSmtp(): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  let refusing = false;
  const server = new SMTPServer({
    authOptional: true,
    // Plain SMTP on loopback: no STARTTLS (nodemailer would try it and distrust a test certificate).
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      if (refusing) {
        stream.resume();
        stream.on('end', () => callback(Object.assign(new Error('mailbox unavailable'), { responseCode: 550 })));
        return;
      }
      simpleParser(stream).then(
        (parsed) => {
          const text = parsed.text ?? '';
          received.push({
            from: parsed.from?.text ?? '',
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            subject: parsed.subject ?? '',
            text,
            html: typeof parsed.html === 'string' ? parsed.html : '',
            links: text.match(/https?:\/\/\S+/g) ?? [],
          });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    to: (address) => received.filter((mail) => mail.to.includes(address)),
    refuseAll: (refuse) => {
      refusing = refuse;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
