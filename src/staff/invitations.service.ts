import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { newId, nowIso } from '../db/ids.ts';
import { AppError } from '../http/errors.ts';
import type { Locale } from '../i18n/i18n.ts';
import { invitationMail } from '../mail/invitation.mail.ts';
import { readSettings } from '../settings/settings.ts';
import { type Actor, isSystem, type StaffActor } from './actor.ts';
import type { StaffInvitationRow } from './invitations.table.ts';
import { linkRefusal, type LinkStatus } from './links.ts';
import type { AccountMailDeps } from './password-reset.service.ts';
import { authorizeStaff } from './policy.ts';
import { hashSecret, newSecret } from './secrets.ts';
import { insertStaff, passwordProblems } from './staff.service.ts';
import { STAFF_ROLES, type StaffRole } from './staff.table.ts';

export const INVITATION_TTL_MS = 7 * 24 * 3600_000;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A pending invitation as admins see it (never its token). */
export interface Invitation {
  id: string;
  email: string;
  role: StaffRole;
  locale: 'en' | 'es' | null;
  invitedBy: string | null;
  createdAt: string;
  expiresAt: string;
  expired: boolean;
}

const toInvitation = (row: StaffInvitationRow, invitedBy: string | null): Invitation => ({
  id: row.id,
  email: row.email,
  role: row.role,
  locale: row.locale,
  invitedBy,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  expired: row.expires_at <= nowIso(),
});

/** The admin sending an invitation: it is signed with their name, so the system sends none. */
function inviter(actor: Actor): StaffActor {
  authorizeStaff(actor, 'staff.invite');
  if (isSystem(actor)) throw new AppError('FORBIDDEN', 'The system invites no one.');
  return actor;
}

/** Invitations not yet accepted or revoked, expired ones included (an admin may resend them). */
export async function listInvitations(db: Kysely<Database>, actor: Actor): Promise<Invitation[]> {
  inviter(actor);
  const rows = await db
    .selectFrom('staff_invitations')
    .leftJoin('staff', 'staff.id', 'staff_invitations.invited_by')
    .selectAll('staff_invitations')
    .select('staff.name as inviter_name')
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .orderBy('staff_invitations.created_at', 'desc')
    .execute();
  return rows.map(({ inviter_name, ...row }) => toInvitation(row, inviter_name));
}

/** Mails an invitation's link with a new token; resolves whether the mail went. */
async function mailInvitation(
  deps: AccountMailDeps,
  from: StaffActor,
  row: StaffInvitationRow,
  token: string,
): Promise<boolean> {
  const settings = await readSettings(deps.db);
  const link = `${deps.publicUrl}/admin/invitation#${token}`;
  return deps.outbox.deliver({
    to: row.email,
    ...invitationMail({
      locale: row.locale ?? settings.locale,
      site: settings.title,
      inviter: from.name,
      role: row.role,
      link,
    }),
  });
}

/**
 * Invites someone to the staff with a role: a link valid for seven days, once, stored as a hash.
 * An address already on staff, or with an invitation pending, is a conflict. The invitation is
 * kept even when its mail cannot be sent (`mailed: false`): the admin can resend it.
 */
export async function inviteStaff(
  deps: AccountMailDeps,
  actor: Actor,
  input: { email: string; role: StaffRole; locale?: 'en' | 'es' | null },
): Promise<{ invitation: Invitation; mailed: boolean }> {
  const from = inviter(actor);
  const email = input.email.trim().toLowerCase();
  const problems = [
    ...(EMAIL.test(email) ? [] : [{ field: 'email', message: 'must be an email address' }]),
    ...(STAFF_ROLES.includes(input.role)
      ? []
      : [{ field: 'role', message: `must be one of ${STAFF_ROLES.join(', ')}` }]),
  ];
  if (problems.length) throw new AppError('VALIDATION_FAILED', 'The invitation is not valid.', problems);
  const token = newSecret();
  const now = Date.now();
  const row: StaffInvitationRow = {
    id: newId(),
    email,
    role: input.role,
    locale: input.locale ?? null,
    token_hash: hashSecret(token),
    invited_by: from.id,
    created_at: new Date(now).toISOString(),
    expires_at: new Date(now + INVITATION_TTL_MS).toISOString(),
    accepted_at: null,
    revoked_at: null,
  };
  await deps.db.transaction().execute(async (trx) => {
    const onStaff = await trx.selectFrom('staff').select('id').where('email', '=', email).executeTakeFirst();
    if (onStaff)
      throw new AppError('CONFLICT', `${email} is already on staff.`, [{ field: 'email', message: 'is on staff' }]);
    const pending = await trx
      .selectFrom('staff_invitations')
      .select('id')
      .where('email', '=', email)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (pending)
      throw new AppError('CONFLICT', `${email} has an invitation pending; resend or revoke it.`, [
        { field: 'email', message: 'is invited' },
      ]);
    await trx.insertInto('staff_invitations').values(row).execute();
  });
  const mailed = await mailInvitation(deps, from, row, token);
  return { invitation: toInvitation(row, from.name), mailed };
}

async function pendingInvitation(db: Kysely<Database>, id: string): Promise<StaffInvitationRow> {
  const row = await db
    .selectFrom('staff_invitations')
    .selectAll()
    .where('id', '=', id)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'No pending invitation with that id.');
  return row;
}

/** Sends a pending invitation again with a new link and seven new days; the older link stops working. */
export async function resendInvitation(
  deps: AccountMailDeps,
  actor: Actor,
  id: string,
): Promise<{ invitation: Invitation; mailed: boolean }> {
  const from = inviter(actor);
  const row = await pendingInvitation(deps.db, id);
  const token = newSecret();
  const renewed: StaffInvitationRow = {
    ...row,
    token_hash: hashSecret(token),
    invited_by: from.id,
    expires_at: new Date(Date.now() + INVITATION_TTL_MS).toISOString(),
  };
  await deps.db
    .updateTable('staff_invitations')
    .set({ token_hash: renewed.token_hash, invited_by: from.id, expires_at: renewed.expires_at })
    .where('id', '=', id)
    .execute();
  const mailed = await mailInvitation(deps, from, renewed, token);
  return { invitation: toInvitation(renewed, from.name), mailed };
}

/** Withdraws a pending invitation; its link stops working. */
export async function revokeInvitation(db: Kysely<Database>, actor: Actor, id: string): Promise<void> {
  inviter(actor);
  await pendingInvitation(db, id);
  await db.updateTable('staff_invitations').set({ revoked_at: nowIso() }).where('id', '=', id).execute();
}

async function findByToken(db: Kysely<Database>, token: string): Promise<StaffInvitationRow> {
  const row = await db
    .selectFrom('staff_invitations')
    .selectAll()
    .where('token_hash', '=', hashSecret(token))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw linkRefusal('unknown', 'invitation');
  return row;
}

const invitationStatus = (row: StaffInvitationRow): LinkStatus =>
  row.accepted_at ? 'used' : row.expires_at <= nowIso() ? 'expired' : 'valid';

/** Where an invitation link stands, in the language to say it in; what it offers while it works. */
export async function checkInvitation(
  db: Kysely<Database>,
  token: string,
): Promise<{ status: LinkStatus; locale: Locale; email?: string; role?: StaffRole }> {
  const row = await findByToken(db, token);
  const status = invitationStatus(row);
  const locale = row.locale ?? (await readSettings(db)).locale;
  return status === 'valid' ? { status, locale, email: row.email, role: row.role } : { status, locale };
}

/**
 * Accepts an invitation: the invited person chooses their name and password and becomes staff with
 * the invitation's role and language. The link then stops working.
 */
export async function acceptInvitation(
  db: Kysely<Database>,
  token: string,
  input: { name: string; password: string },
): Promise<StaffActor> {
  const problems = [
    ...(input.name.trim() ? [] : [{ field: 'name', message: 'must not be empty' }]),
    ...passwordProblems(input.password),
  ];
  if (problems.length) throw new AppError('VALIDATION_FAILED', 'Choose a name and a longer password.', problems);
  const row = await findByToken(db, token);
  const status = invitationStatus(row);
  if (status !== 'valid') throw linkRefusal(status, 'invitation');
  return db.transaction().execute(async (trx) => {
    // Only one of two clicks racing on the same link gets here with accepted_at still null.
    const claimed = await trx
      .updateTable('staff_invitations')
      .set({ accepted_at: nowIso() })
      .where('id', '=', row.id)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 0) throw linkRefusal('used', 'invitation');
    return insertStaff(trx, {
      email: row.email,
      name: input.name,
      role: row.role,
      password: input.password,
      locale: row.locale,
    });
  });
}
