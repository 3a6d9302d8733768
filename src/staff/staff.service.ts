import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { newId, nowIso } from '../db/ids.ts';
import { AppError } from '../http/errors.ts';
import { type Actor, isSystem, type StaffActor } from './actor.ts';
import { authorizeStaff } from './policy.ts';
import { csrfTokenFor, hashPassword, hashSecret, newSecret, verifyPassword } from './secrets.ts';
import { STAFF_ROLES, type StaffRole, type StaffRow } from './staff.table.ts';

export type { StaffActor } from './actor.ts';

export const SESSION_TTL_MS = 12 * 3600 * 1000;
export const MIN_PASSWORD_LENGTH = 12;

/** The core's password rule (length, as NIST SP 800-63B advises, not character classes); empty when it is met. */
export function passwordProblems(password: string, field = 'password'): Array<{ field: string; message: string }> {
  return password.length >= MIN_PASSWORD_LENGTH
    ? []
    : [{ field, message: `must be at least ${MIN_PASSWORD_LENGTH} characters` }];
}
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const toActor = (row: Pick<StaffRow, 'id' | 'name' | 'email' | 'role'>): StaffActor => ({
  id: row.id,
  name: row.name,
  email: row.email,
  role: row.role,
});

export interface NewStaff {
  email: string;
  name: string;
  role: StaffRole;
  password: string;
  locale?: 'en' | 'es' | null;
}

/** Creates a staff account (admins, or an operator's command); refuses a taken email, a short password or an unknown role with a message. */
export async function createStaff(db: Kysely<Database>, actor: Actor, input: NewStaff): Promise<StaffActor> {
  authorizeStaff(actor, 'staff.manage');
  return insertStaff(db, input);
}

/**
 * Checks and stores a new staff account, authorizing nothing: for callers whose authority is not
 * an actor but an accepted invitation's link (invitations.service.ts). Everyone else: createStaff.
 */
export async function insertStaff(db: Kysely<Database>, input: NewStaff): Promise<StaffActor> {
  const email = input.email.trim().toLowerCase();
  const problems = [
    ...(EMAIL.test(email) ? [] : [{ field: 'email', message: 'must be an email address' }]),
    ...(input.name.trim() ? [] : [{ field: 'name', message: 'must not be empty' }]),
    ...(STAFF_ROLES.includes(input.role)
      ? []
      : [{ field: 'role', message: `must be one of ${STAFF_ROLES.join(', ')}` }]),
    ...passwordProblems(input.password),
  ];
  if (problems.length) throw new AppError('VALIDATION_FAILED', 'The staff account is not valid.', problems);
  const taken = await db.selectFrom('staff').select('id').where('email', '=', email).executeTakeFirst();
  if (taken)
    throw new AppError('CONFLICT', `A staff account for ${email} already exists.`, [
      { field: 'email', message: 'is taken' },
    ]);
  const row: StaffRow = {
    id: newId(),
    email,
    name: input.name.trim(),
    role: input.role,
    password_hash: await hashPassword(input.password),
    created_at: nowIso(),
    disabled_at: null,
    locale: input.locale ?? null,
    totp_secret: null,
    totp_enabled_at: null,
    totp_pending_secret: null,
    totp_last_step: null,
  };
  await db.insertInto('staff').values(row).execute();
  return toActor(row);
}

/** Checks an email and password; the same answer for a wrong email and a wrong password. */
export async function authenticate(db: Kysely<Database>, email: string, password: string): Promise<StaffActor | null> {
  const row = await db
    .selectFrom('staff')
    .selectAll()
    .where('email', '=', email.trim().toLowerCase())
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row) {
    await verifyPassword(
      password,
      'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    );
    return null;
  }
  return (await verifyPassword(password, row.password_hash)) ? toActor(row) : null;
}

/** Starts a session; only hashes of the session and CSRF tokens are stored. */
export async function startSession(
  db: Kysely<Database>,
  staffId: string,
): Promise<{ token: string; csrfToken: string; expiresAt: string }> {
  const token = newSecret();
  const csrfToken = csrfTokenFor(token);
  const expiresAt = new Date(Date.now() + SESSION_TTL_MS).toISOString();
  // Expired sessions are useless; clearing them here keeps the table from growing forever.
  await db.deleteFrom('staff_sessions').where('expires_at', '<=', nowIso()).execute();
  await db
    .insertInto('staff_sessions')
    .values({
      token_hash: hashSecret(token),
      staff_id: staffId,
      csrf_hash: hashSecret(csrfToken),
      created_at: nowIso(),
      expires_at: expiresAt,
    })
    .execute();
  return { token, csrfToken, expiresAt };
}

/** The staff member behind a session token, with the hash of the CSRF token that must accompany changes. */
export async function resolveSession(
  db: Kysely<Database>,
  token: string,
): Promise<{ actor: StaffActor; csrfHash: string; twoFactor: boolean } | null> {
  const row = await db
    .selectFrom('staff_sessions')
    .innerJoin('staff', 'staff.id', 'staff_sessions.staff_id')
    .select([
      'staff.id',
      'staff.name',
      'staff.email',
      'staff.role',
      'staff.totp_enabled_at',
      'staff_sessions.csrf_hash',
      'staff_sessions.expires_at',
    ])
    .where('staff_sessions.token_hash', '=', hashSecret(token))
    .where('staff.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row || row.expires_at <= nowIso()) return null;
  return { actor: toActor(row), csrfHash: row.csrf_hash, twoFactor: row.totp_enabled_at !== null };
}

export async function endSession(db: Kysely<Database>, token: string): Promise<void> {
  await db.deleteFrom('staff_sessions').where('token_hash', '=', hashSecret(token)).execute();
}

/** Ends every session of a staff member, but the one whose token is given (the one asking). */
export async function endSessionsOf(db: Kysely<Database>, staffId: string, keepToken?: string): Promise<void> {
  let query = db.deleteFrom('staff_sessions').where('staff_id', '=', staffId);
  if (keepToken) query = query.where('token_hash', '<>', hashSecret(keepToken));
  await query.execute();
}

/** The member of staff acting on their own API keys; the system holds none. */
function keyHolder(actor: Actor): StaffActor {
  authorizeStaff(actor, 'apiKey.manageOwn');
  if (isSystem(actor)) throw new AppError('FORBIDDEN', 'The system holds no API keys.');
  return actor;
}

/** Issues an API key to the member of staff asking; the key is shown once and stored only as a hash. */
export async function createApiKey(
  db: Kysely<Database>,
  actor: Actor,
  name: string,
): Promise<{ id: string; key: string }> {
  const staffId = keyHolder(actor).id;
  const key = newSecret('gk_');
  const id = newId();
  await db
    .insertInto('api_keys')
    .values({
      id,
      staff_id: staffId,
      name,
      token_hash: hashSecret(key),
      created_at: nowIso(),
      last_used_at: null,
      revoked_at: null,
    })
    .execute();
  return { id, key };
}

export async function resolveApiKey(db: Kysely<Database>, key: string): Promise<StaffActor | null> {
  const row = await db
    .selectFrom('api_keys')
    .innerJoin('staff', 'staff.id', 'api_keys.staff_id')
    .select(['staff.id', 'staff.name', 'staff.email', 'staff.role', 'api_keys.id as key_id'])
    .where('api_keys.token_hash', '=', hashSecret(key))
    .where('api_keys.revoked_at', 'is', null)
    .where('staff.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  await db.updateTable('api_keys').set({ last_used_at: nowIso() }).where('id', '=', row.key_id).execute();
  return toActor(row);
}

/** The asking member of staff's API keys in use (never their secrets), newest first. */
export async function listApiKeys(
  db: Kysely<Database>,
  actor: Actor,
): Promise<Array<{ id: string; name: string; createdAt: string; lastUsedAt: string | null }>> {
  const staffId = keyHolder(actor).id;
  const rows = await db
    .selectFrom('api_keys')
    .select(['id', 'name', 'created_at', 'last_used_at'])
    .where('staff_id', '=', staffId)
    .where('revoked_at', 'is', null)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((row) => ({ id: row.id, name: row.name, createdAt: row.created_at, lastUsedAt: row.last_used_at }));
}

/** Revokes one of the asking member of staff's own API keys; another's key is as unknown as a missing one. */
export async function revokeApiKey(db: Kysely<Database>, actor: Actor, keyId: string): Promise<void> {
  const staffId = keyHolder(actor).id;
  const result = await db
    .updateTable('api_keys')
    .set({ revoked_at: nowIso() })
    .where('id', '=', keyId)
    .where('staff_id', '=', staffId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw new AppError('NOT_FOUND', 'No such API key of yours.');
}

/** Every staff account (admins). */
export async function listStaff(
  db: Kysely<Database>,
  actor: Actor,
): Promise<Array<StaffActor & { createdAt: string; disabled: boolean; twoFactor: boolean }>> {
  authorizeStaff(actor, 'staff.manage');
  const rows = await db
    .selectFrom('staff')
    .select(['id', 'name', 'email', 'role', 'created_at', 'disabled_at', 'totp_enabled_at'])
    .orderBy('name')
    .execute();
  return rows.map((row) => ({
    ...toActor(row),
    createdAt: row.created_at,
    disabled: row.disabled_at !== null,
    twoFactor: row.totp_enabled_at !== null,
  }));
}

/**
 * Changes a role or name, or disables an account (admins). None given is a valid request that
 * changes nothing. No admin demotes or disables themself, and no change leaves the site without
 * an active admin (two admins demoting each other at once included).
 */
export async function updateStaff(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
  changes: { role?: StaffRole; name?: string; disabled?: boolean },
): Promise<void> {
  authorizeStaff(actor, 'staff.manage');
  if (!isSystem(actor) && id === actor.id && (changes.disabled || (changes.role && changes.role !== 'admin')))
    throw new AppError('CONFLICT', 'Admins cannot demote or disable themselves; ask another admin.');
  const set = {
    ...(changes.role ? { role: changes.role } : {}),
    ...(changes.name ? { name: changes.name } : {}),
    ...(changes.disabled !== undefined ? { disabled_at: changes.disabled ? nowIso() : null } : {}),
  };
  const mayStepDown = changes.disabled === true || (changes.role !== undefined && changes.role !== 'admin');
  await db.transaction().execute(async (trx) => {
    if (mayStepDown)
      // Writing the active admins' rows first locks them on PostgreSQL, so a concurrent change to
      // another admin waits for this one and then counts what it left (SQLite runs one write at a time).
      await trx
        .updateTable('staff')
        .set((eb) => ({ role: eb.ref('role') }))
        .where('role', '=', 'admin')
        .where('disabled_at', 'is', null)
        .execute();
    const target = await trx
      .selectFrom('staff')
      .select(['role', 'disabled_at'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!target) throw new AppError('NOT_FOUND', `No staff member with id ${id}.`);
    if (mayStepDown && target.role === 'admin' && target.disabled_at === null) {
      const others = await trx
        .selectFrom('staff')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('role', '=', 'admin')
        .where('disabled_at', 'is', null)
        .where('id', '<>', id)
        .executeTakeFirstOrThrow();
      if (Number(others.n) === 0)
        throw new AppError('CONFLICT', 'This is the last active admin; make someone else an admin first.');
    }
    if (Object.keys(set).length > 0) await trx.updateTable('staff').set(set).where('id', '=', id).execute();
    if (changes.disabled) await trx.deleteFrom('staff_sessions').where('staff_id', '=', id).execute();
  });
}

/** The names of staff members by id (for histories that record who acted); unknown ids are left out. */
export async function staffNames(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('staff')
    .select(['id', 'name'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}
