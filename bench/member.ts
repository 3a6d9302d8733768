import { openDatabase } from '../src/db/database.ts';
import { accessClassOf } from '../src/members/access.ts';
import { claimKey } from '../src/members/claims.ts';
import { grantComplimentary } from '../src/members/complimentary.service.ts';
import { MEMBER_COOKIE } from '../src/members/identity.ts';
import { startMemberSession } from '../src/members/sessions.service.ts';
import { ensureMember, parseEmail } from '../src/members/members.service.ts';
import { SYSTEM } from '../src/staff/actor.ts';
import { sqliteFile, type Store } from './archive.ts';

const BENCH_READER = 'paid-reader@bench.example';

/**
 * The Cookie header of a signed-in reader with paid access on a store, made through Gaceta's own
 * functions (the account, a year of complimentary access, a session), as a reader signing in by the
 * emailed link would hold it. Made just before it is used: its claim is believed for ten minutes.
 */
export async function paidReaderCookie(store: Store): Promise<string> {
  const handle = openDatabase(
    store.databaseUrl ? { databaseUrl: store.databaseUrl, poolSize: 1 } : { sqliteFile: sqliteFile(store.dataDir) },
  );
  try {
    const address = parseEmail(BENCH_READER);
    if (!address) throw new Error(`${BENCH_READER} is not an address`);
    const member = await ensureMember(handle.db, address);
    if ((await accessClassOf(handle.db, member.id)) !== 'paid')
      await grantComplimentary(handle.db, SYSTEM.seed, {
        email: BENCH_READER,
        endsAt: new Date(Date.now() + 365 * 24 * 3600_000).toISOString(),
        note: 'npm run bench',
      });
    const issued = await startMemberSession(handle.db, await claimKey(handle.db), member.id);
    if (issued.claim.access !== 'paid') throw new Error('the bench reader does not read as paid');
    return `${MEMBER_COOKIE}=${issued.cookie}`;
  } finally {
    await handle.close();
  }
}
