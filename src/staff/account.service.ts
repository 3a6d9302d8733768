import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { AppError } from '../http/errors.ts';
import { type Actor, isSystem, type StaffActor } from './actor.ts';
import { authorizeStaff } from './policy.ts';
import { hashPassword, verifyPassword } from './secrets.ts';
import { endSessionsOf, passwordProblems } from './staff.service.ts';

/** A staff member as they see themselves: who they are, their language, whether two-factor sign-in is on. */
export interface Account extends StaffActor {
  /** Their own language; null speaks the site's. */
  locale: 'en' | 'es' | null;
  twoFactor: boolean;
}

/** The member of staff acting on their own account; the system has none. */
function accountHolder(actor: Actor): StaffActor {
  authorizeStaff(actor, 'account.manageOwn');
  if (isSystem(actor)) throw new AppError('FORBIDDEN', 'The system has no account of its own.');
  return actor;
}

/** A staff member's account (for the session and My account). */
export async function accountOf(db: Kysely<Database>, staffId: string): Promise<Account> {
  const row = await db
    .selectFrom('staff')
    .select(['id', 'name', 'email', 'role', 'locale', 'totp_enabled_at'])
    .where('id', '=', staffId)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'No such staff account.');
  const { totp_enabled_at: enabledAt, ...account } = row;
  return { ...account, twoFactor: enabledAt !== null };
}

/** Changes one's own name or language (null: the site's). */
export async function updateOwnAccount(
  db: Kysely<Database>,
  actor: Actor,
  changes: { name?: string; locale?: 'en' | 'es' | null },
): Promise<Account> {
  const { id } = accountHolder(actor);
  const name = changes.name?.trim();
  if (changes.name !== undefined && !name)
    throw new AppError('VALIDATION_FAILED', 'Your name must not be empty.', [
      { field: 'name', message: 'must not be empty' },
    ]);
  const set = { ...(name ? { name } : {}), ...(changes.locale !== undefined ? { locale: changes.locale } : {}) };
  if (Object.keys(set).length) await db.updateTable('staff').set(set).where('id', '=', id).execute();
  return accountOf(db, id);
}

/**
 * Changes one's own password, which takes the current one (a session left open on a shared
 * computer must not be enough). Every other session of theirs ends; `keepSession` (the token of
 * the session asking) stays signed in.
 */
export async function changeOwnPassword(
  db: Kysely<Database>,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
  keepSession?: string,
): Promise<void> {
  const { id } = accountHolder(actor);
  const row = await db.selectFrom('staff').select('password_hash').where('id', '=', id).executeTakeFirstOrThrow();
  if (!(await verifyPassword(input.currentPassword, row.password_hash)))
    throw new AppError('WRONG_PASSWORD', 'Your current password is not right.', [
      { field: 'currentPassword', message: 'is wrong' },
    ]);
  const problems = passwordProblems(input.newPassword, 'newPassword');
  if (problems.length) throw new AppError('VALIDATION_FAILED', 'The new password is too short.', problems);
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('staff').set({ password_hash: passwordHash }).where('id', '=', id).execute();
    await endSessionsOf(trx, id, keepSession);
  });
}
