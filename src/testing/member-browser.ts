import { claimKey } from '../members/claims.ts';
import { ensureMember } from '../members/members.service.ts';
import { startMemberSession } from '../members/sessions.service.ts';
import type { TestApp } from './harness.ts';
import { ReaderBrowser } from './reader-browser.ts';

let ip = 0;

/**
 * A member signed in, in a browser of their own (its own address, so per-IP limits stay out of the
 * way): the session a followed sign-in link starts, without the mail. Tests about signing in itself
 * follow the emailed link (src/members/sign-in.test.ts).
 */
export async function signedInMember(t: TestApp, email: string): Promise<{ reader: ReaderBrowser; memberId: string }> {
  const db = t.database.handle.db;
  const member = await ensureMember(db, { email, normalized: email.toLowerCase() });
  const issued = await startMemberSession(db, await claimKey(db), member.id);
  const reader = new ReaderBrowser(t, `10.9.${Math.floor(++ip / 250)}.${ip % 250}`);
  reader.cookies.set('gaceta_member', issued.cookie);
  return { reader, memberId: member.id };
}
