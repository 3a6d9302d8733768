import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestSmtp, type TestSmtp } from '../testing/smtp.ts';
import { invitationMail } from './invitation.mail.ts';
import { logMailer } from './log-mailer.ts';
import { mailerFor } from './configured-mailer.ts';
import { type MailLog, Outbox } from './mailer.ts';
import { passwordResetMail } from './password-reset.mail.ts';

/** A logger that keeps what it is told. */
function memoryLog(): MailLog & { lines: Array<{ level: string; details: object; message: string }> } {
  const lines: Array<{ level: string; details: object; message: string }> = [];
  return {
    lines,
    info: (details, message) => lines.push({ level: 'info', details, message }),
    error: (details, message) => lines.push({ level: 'error', details, message }),
  };
}

describe('mail', () => {
  let smtp: TestSmtp;
  before(async () => {
    smtp = await startTestSmtp();
  });
  after(() => smtp.close());

  it('sends each message through SMTP with a plain-text part and an escaped HTML part, in both languages', async () => {
    const log = memoryLog();
    const outbox = new Outbox(mailerFor({ smtpUrl: smtp.url, mailFrom: 'The Gazette <desk@news.example>' }, log), log);
    const link = 'https://news.example/admin/reset-password#abc';
    const site = 'Valley <Gazette> & Co';
    assert.equal(
      await outbox.deliver({
        to: 'ines@news.example',
        ...passwordResetMail({ locale: 'en', site, name: 'Inés', link }),
      }),
      true,
    );
    assert.equal(
      await outbox.deliver({
        to: 'luis@news.example',
        ...invitationMail({ locale: 'es', site, inviter: 'Eva <b>', role: 'editor', link }),
      }),
      true,
    );
    outbox.close();
    const [english] = smtp.to('ines@news.example');
    assert.ok(english);
    assert.equal(english.from, '"The Gazette" <desk@news.example>');
    assert.equal(english.subject, 'Reset your password for Valley <Gazette> & Co');
    assert.match(english.text, /^Hello Inés,/);
    assert.deepEqual(english.links, [link], 'the link is in the plain text, on a line of its own');
    assert.match(english.html, /Valley &lt;Gazette&gt; &amp; Co/, 'the HTML part escapes the site name');
    assert.match(english.html, /<a href="https:\/\/news\.example\/admin\/reset-password#abc"/);
    const [spanish] = smtp.to('luis@news.example');
    assert.ok(spanish);
    assert.equal(spanish.subject, 'Te invitan a la redacción de Valley <Gazette> & Co');
    assert.match(spanish.text, /Eva <b> te invita a unirte a la redacción de Valley <Gazette> & Co como editor\./);
    assert.match(spanish.html, /Eva &lt;b&gt; te invita/);
    assert.match(spanish.html, /<html lang="es">/);
    assert.deepEqual(log.lines, [], 'nothing went wrong');
  });

  it('never lets a refused message reject: the failure is logged and reported as not sent', async () => {
    const log = memoryLog();
    const outbox = new Outbox(mailerFor({ smtpUrl: smtp.url, mailFrom: 'desk@news.example' }, log), log);
    smtp.refuseAll(true);
    try {
      const content = passwordResetMail({ locale: 'en', site: 'Gazette', name: 'Ana', link: 'https://news.example/x' });
      assert.equal(await outbox.deliver({ to: 'ana@news.example', ...content }), false);
      await outbox.settled();
    } finally {
      smtp.refuseAll(false);
      outbox.close();
    }
    assert.equal(smtp.to('ana@news.example').length, 0);
    assert.deepEqual(
      log.lines.map((line) => [line.level, line.message]),
      [['error', 'mail could not be sent']],
    );
  });

  it('writes mail to the log, links included, when there is no SMTP server', async () => {
    const log = memoryLog();
    const mailer = mailerFor({ smtpUrl: undefined, mailFrom: 'desk@news.example' }, log);
    const link = 'https://news.example/admin/invitation#xyz';
    await mailer.send({
      to: 'new@news.example',
      ...invitationMail({ locale: 'en', site: 'Gazette', inviter: 'Eva', role: 'author', link }),
    });
    assert.equal(log.lines.length, 1);
    assert.match(log.lines[0]?.message ?? '', /mail not sent \(no SMTP_URL\) to new@news\.example: .*invitation#xyz/);
    assert.deepEqual((log.lines[0]?.details as { mail: { links: string[] } }).mail.links, [link]);
    assert.equal(typeof logMailer(log).send, 'function');
  });
});
