import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { nowIso } from '../db/ids.ts';
import { AppError } from '../http/errors.ts';
import type { Locale } from '../i18n/i18n.ts';
import type { Outbox } from '../mail/mailer.ts';
import { passwordResetMail } from '../mail/password-reset.mail.ts';
import { readSettings } from '../settings/settings.ts';
import type { StaffActor } from './actor.ts';
import { linkRefusal, linkStatus, type LinkStatus } from './links.ts';
import { hashPassword, hashSecret, newSecret } from './secrets.ts';
import { endSessionsOf, passwordProblems } from './staff.service.ts';

/** What the account services that send mail need. */
export interface AccountMailDeps {
  db: Kysely<Database>;
  outbox: Outbox;
  /** PUBLIC_URL: links in mail point there. */
  publicUrl: string;
}

export const RESET_LINK_TTL_MS = 3600_000;
/** Reset links one address may be sent per hour; more requests get the same answer and no mail. */
export const RESET_LINKS_PER_HOUR = 3;

/**
 * Emails a password reset link to an active staff member with this address. Anyone may ask, so
 * the caller learns nothing: an unknown or deactivated address, or one over its hourly limit, is
 * answered the same and sent nothing. The mail leaves in the background (Outbox), so the time the
 * answer takes does not tell either.
 */
export async function requestPasswordReset(deps: AccountMailDeps, email: string): Promise<void> {
  const staff = await deps.db
    .selectFrom('staff')
    .select(['id', 'email', 'name', 'locale'])
    .where('email', '=', email.trim().toLowerCase())
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  if (!staff) return;
  const since = new Date(Date.now() - 3600_000).toISOString();
  const recent = await deps.db
    .selectFrom('password_resets')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('staff_id', '=', staff.id)
    .where('created_at', '>', since)
    .executeTakeFirstOrThrow();
  if (Number(recent.n) >= RESET_LINKS_PER_HOUR) return;
  const token = newSecret();
  const now = Date.now();
  await deps.db
    .insertInto('password_resets')
    .values({
      token_hash: hashSecret(token),
      staff_id: staff.id,
      created_at: new Date(now).toISOString(),
      expires_at: new Date(now + RESET_LINK_TTL_MS).toISOString(),
      used_at: null,
    })
    .execute();
  const settings = await readSettings(deps.db);
  const link = `${deps.publicUrl}/admin/reset-password#${token}`;
  void deps.outbox.deliver({
    to: staff.email,
    ...passwordResetMail({ locale: staff.locale ?? settings.locale, site: settings.title, name: staff.name, link }),
  });
}

async function findReset(db: Kysely<Database>, token: string) {
  return db
    .selectFrom('password_resets')
    .innerJoin('staff', 'staff.id', 'password_resets.staff_id')
    .select([
      'password_resets.token_hash',
      'password_resets.expires_at',
      'password_resets.used_at',
      'staff.id',
      'staff.name',
      'staff.email',
      'staff.role',
      'staff.locale',
      'staff.totp_enabled_at',
    ])
    .where('password_resets.token_hash', '=', hashSecret(token))
    .where('staff.disabled_at', 'is', null)
    .executeTakeFirst();
}

/** Where a reset link stands, and the language to say it in; an unknown link is refused (LINK_INVALID). */
export async function checkPasswordReset(
  db: Kysely<Database>,
  token: string,
): Promise<{ status: LinkStatus; locale: Locale; email?: string }> {
  const row = await findReset(db, token);
  if (!row) throw linkRefusal('unknown', 'password reset');
  const status = linkStatus(row);
  const locale = row.locale ?? (await readSettings(db)).locale;
  return status === 'valid' ? { status, locale, email: row.email } : { status, locale };
}

/**
 * Sets a new password through a reset link, which then stops working (as do the staff member's
 * other reset links), and ends every session of theirs: whoever had the old password is out.
 */
export async function completePasswordReset(
  db: Kysely<Database>,
  token: string,
  password: string,
): Promise<{ staff: StaffActor; twoFactor: boolean }> {
  const problems = passwordProblems(password);
  if (problems.length) throw new AppError('VALIDATION_FAILED', 'The new password is too short.', problems);
  const passwordHash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    const row = await findReset(trx, token);
    if (!row) throw linkRefusal('unknown', 'password reset');
    const status = linkStatus(row);
    if (status !== 'valid') throw linkRefusal(status, 'password reset');
    const now = nowIso();
    // Only one of two clicks racing on the same link gets here with used_at still null.
    const claimed = await trx
      .updateTable('password_resets')
      .set({ used_at: now })
      .where('token_hash', '=', row.token_hash)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 0) throw linkRefusal('used', 'password reset');
    await trx
      .updateTable('password_resets')
      .set({ used_at: now })
      .where('staff_id', '=', row.id)
      .where('used_at', 'is', null)
      .execute();
    await trx.updateTable('staff').set({ password_hash: passwordHash }).where('id', '=', row.id).execute();
    await endSessionsOf(trx, row.id);
    return {
      staff: { id: row.id, name: row.name, email: row.email, role: row.role },
      twoFactor: row.totp_enabled_at !== null,
    };
  });
}
