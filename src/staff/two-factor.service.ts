import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { nowIso } from '../db/ids.ts';
import { AppError } from '../http/errors.ts';
import { readSettings } from '../settings/settings.ts';
import { type Actor, isSystem, type StaffActor } from './actor.ts';
import { authorizeStaff } from './policy.ts';
import { hashSecret, newSecret, verifyPassword } from './secrets.ts';
import { newTotpSecret, totpStep, totpUri } from './totp.ts';

export const RECOVERY_CODES = 10;
/** How long and how many tries a right password buys to give the code. */
export const CHALLENGE_TTL_MS = 5 * 60_000;
export const CHALLENGE_ATTEMPTS = 5;

function holder(actor: Actor): StaffActor {
  authorizeStaff(actor, 'account.manageOwn');
  if (isSystem(actor)) throw new AppError('FORBIDDEN', 'The system has no account of its own.');
  return actor;
}

// 80 random bits in base32, written as four groups of four: long enough that their SHA-256 hashes
// cannot be reversed by trying every code, short enough to type from paper.
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';
function newRecoveryCode(): string {
  const bytes = randomBytes(10);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out.match(/.{4}/g)?.join('-') ?? out;
}
/** A recovery code as typed (any case, with or without dashes or spaces), as it is hashed. */
const normalRecoveryCode = (code: string): string => code.toLowerCase().replace(/[^a-z2-7]/g, '');

/**
 * Begins turning on two-factor sign-in: a new secret, kept aside until a code from it confirms that
 * the staff member's authenticator app has it. Shown as text and as the otpauth:// address.
 */
export async function startTwoFactorSetup(
  db: Kysely<Database>,
  actor: Actor,
): Promise<{ secret: string; uri: string }> {
  const me = holder(actor);
  const row = await db.selectFrom('staff').select('totp_enabled_at').where('id', '=', me.id).executeTakeFirstOrThrow();
  if (row.totp_enabled_at) throw new AppError('CONFLICT', 'Two-factor sign-in is already on; turn it off first.');
  const secret = newTotpSecret();
  await db.updateTable('staff').set({ totp_pending_secret: secret }).where('id', '=', me.id).execute();
  const { title } = await readSettings(db);
  return { secret, uri: totpUri(secret, title, me.email) };
}

/** Replaces a staff member's recovery codes with new ones, shown this once and stored as hashes. */
async function replaceRecoveryCodes(db: Kysely<Database>, staffId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODES }, newRecoveryCode);
  await db.deleteFrom('staff_recovery_codes').where('staff_id', '=', staffId).execute();
  await db
    .insertInto('staff_recovery_codes')
    .values(
      codes.map((code) => ({ staff_id: staffId, code_hash: hashSecret(normalRecoveryCode(code)), used_at: null })),
    )
    .execute();
  return codes;
}

/** Turns two-factor sign-in on with a code from the secret being set up; gives the recovery codes, once. */
export async function confirmTwoFactorSetup(
  db: Kysely<Database>,
  actor: Actor,
  code: string,
): Promise<{ recoveryCodes: string[] }> {
  const me = holder(actor);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('staff')
      .select('totp_pending_secret')
      .where('id', '=', me.id)
      .executeTakeFirstOrThrow();
    if (!row.totp_pending_secret)
      throw new AppError('CONFLICT', 'Start setting up two-factor sign-in first (POST /account/two-factor/setup).');
    const step = totpStep(row.totp_pending_secret, code.trim());
    if (step === null)
      throw new AppError('WRONG_CODE', 'That code is not right; type the one your app shows now.', [
        { field: 'code', message: 'is wrong' },
      ]);
    await trx
      .updateTable('staff')
      .set({
        totp_secret: row.totp_pending_secret,
        totp_pending_secret: null,
        totp_enabled_at: nowIso(),
        totp_last_step: step,
      })
      .where('id', '=', me.id)
      .execute();
    return { recoveryCodes: await replaceRecoveryCodes(trx, me.id) };
  });
}

/**
 * Whether a code is a right second factor for a staff member: a TOTP code of a step not used
 * before, or an unused recovery code, which is then used up. Either is accepted once only.
 */
async function acceptSecondFactor(db: Kysely<Database>, staffId: string, code: string): Promise<boolean> {
  const row = await db
    .selectFrom('staff')
    .select(['totp_secret', 'totp_last_step'])
    .where('id', '=', staffId)
    .executeTakeFirst();
  if (!row?.totp_secret) return false;
  const typed = code.trim();
  const step = totpStep(row.totp_secret, typed.replace(/\s/g, ''));
  if (step !== null) {
    // Conditional, so two sign-ins racing with one code cannot both pass.
    const taken = await db
      .updateTable('staff')
      .set({ totp_last_step: step })
      .where('id', '=', staffId)
      .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
      .executeTakeFirst();
    return Number(taken.numUpdatedRows) > 0;
  }
  const used = await db
    .updateTable('staff_recovery_codes')
    .set({ used_at: nowIso() })
    .where('staff_id', '=', staffId)
    .where('code_hash', '=', hashSecret(normalRecoveryCode(typed)))
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(used.numUpdatedRows) > 0;
}

/** Turns two-factor sign-in off, with the password or a code; refused while the site requires it. */
export async function disableTwoFactor(
  db: Kysely<Database>,
  actor: Actor,
  proof: { password?: string; code?: string },
): Promise<void> {
  const me = holder(actor);
  if ((await readSettings(db)).requireTwoFactor)
    throw new AppError('CONFLICT', 'The site requires two-factor sign-in of all staff; an admin can change that.');
  const row = await db.selectFrom('staff').select('password_hash').where('id', '=', me.id).executeTakeFirstOrThrow();
  const proven = proof.password
    ? await verifyPassword(proof.password, row.password_hash)
    : proof.code
      ? await acceptSecondFactor(db, me.id, proof.code)
      : false;
  if (!proven)
    throw new AppError(
      proof.password ? 'WRONG_PASSWORD' : 'WRONG_CODE',
      'Give your password or a right code to turn it off.',
    );
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('staff')
      .set({ totp_secret: null, totp_enabled_at: null, totp_pending_secret: null, totp_last_step: null })
      .where('id', '=', me.id)
      .execute();
    await trx.deleteFrom('staff_recovery_codes').where('staff_id', '=', me.id).execute();
  });
}

/** How many unused recovery codes a staff member has left. */
export async function recoveryCodesLeft(db: Kysely<Database>, staffId: string): Promise<number> {
  const row = await db
    .selectFrom('staff_recovery_codes')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('staff_id', '=', staffId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** After a right password, when two-factor sign-in is on: a token that stands for "the password was right". */
export async function startSignInChallenge(db: Kysely<Database>, staffId: string): Promise<string> {
  const token = newSecret();
  await db.deleteFrom('staff_sign_in_challenges').where('expires_at', '<=', nowIso()).execute();
  await db
    .insertInto('staff_sign_in_challenges')
    .values({
      token_hash: hashSecret(token),
      staff_id: staffId,
      expires_at: new Date(Date.now() + CHALLENGE_TTL_MS).toISOString(),
      attempts: 0,
    })
    .execute();
  return token;
}

/**
 * The second step of signing in: the challenge and a code (TOTP or recovery). A wrong code is
 * WRONG_CODE; after five, or five minutes, the challenge is gone and the password is asked again.
 * Gives the staff member's id when the code is right; the challenge is then used up.
 */
export async function completeSignInChallenge(db: Kysely<Database>, token: string, code: string): Promise<string> {
  const hash = hashSecret(token);
  const challenge = await db
    .selectFrom('staff_sign_in_challenges')
    .innerJoin('staff', 'staff.id', 'staff_sign_in_challenges.staff_id')
    .select(['staff_sign_in_challenges.staff_id', 'expires_at', 'attempts'])
    .where('token_hash', '=', hash)
    .where('staff.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!challenge || challenge.expires_at <= nowIso() || challenge.attempts >= CHALLENGE_ATTEMPTS)
    throw new AppError('UNAUTHENTICATED', 'Sign in again: the time or the tries for the code ran out.');
  if (await acceptSecondFactor(db, challenge.staff_id, code)) {
    await db.deleteFrom('staff_sign_in_challenges').where('token_hash', '=', hash).execute();
    return challenge.staff_id;
  }
  await db
    .updateTable('staff_sign_in_challenges')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('token_hash', '=', hash)
    .execute();
  throw new AppError('WRONG_CODE', 'That code is not right; type the one your app shows now, or a recovery code.', [
    { field: 'code', message: 'is wrong' },
  ]);
}
