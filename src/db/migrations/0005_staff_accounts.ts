import type { Kysely } from 'kysely';

/**
 * Staff accounts a newsroom runs itself: a language of one's own, password reset links,
 * invitations, and two-factor sign-in (TOTP) with recovery codes. Every secret a link or a code
 * carries is stored as a hash only; the TOTP secret itself must be readable to check codes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // 'en', 'es', or null: the site's language.
  await db.schema.alterTable('staff').addColumn('locale', 'text').execute();
  // Base32; set while two-factor sign-in is on.
  await db.schema.alterTable('staff').addColumn('totp_secret', 'text').execute();
  await db.schema.alterTable('staff').addColumn('totp_enabled_at', 'text').execute();
  // The secret shown while setting up, until a code confirms it.
  await db.schema.alterTable('staff').addColumn('totp_pending_secret', 'text').execute();
  // The last 30-second step whose code was accepted, so a code is never accepted twice.
  await db.schema.alterTable('staff').addColumn('totp_last_step', 'integer').execute();

  await db.schema
    .createTable('password_resets')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema
    .createIndex('password_resets_staff')
    .on('password_resets')
    .columns(['staff_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('staff_invitations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('locale', 'text')
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('invited_by', 'text', (c) => c.references('staff.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('accepted_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('staff_invitations_email').on('staff_invitations').column('email').execute();

  await db.schema
    .createTable('staff_recovery_codes')
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id').onDelete('cascade'))
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addPrimaryKeyConstraint('staff_recovery_codes_pk', ['staff_id', 'code_hash'])
    .execute();

  // Between a right password and a right code: who is signing in, for a few minutes and a few tries.
  await db.schema
    .createTable('staff_sign_in_challenges')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id').onDelete('cascade'))
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['staff_sign_in_challenges', 'staff_recovery_codes', 'staff_invitations', 'password_resets'])
    await db.schema.dropTable(table).execute();
  for (const column of ['totp_last_step', 'totp_pending_secret', 'totp_enabled_at', 'totp_secret', 'locale'])
    await db.schema.alterTable('staff').dropColumn(column).execute();
}
