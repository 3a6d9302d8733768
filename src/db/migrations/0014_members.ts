import type { Kysely } from 'kysely';

/**
 * Readers' accounts: members (the address as typed and its lowercase form, which is unique), the
 * emailed sign-in links with their 6-digit codes, member sessions, complimentary access granted by
 * staff (what "paid" means until Stripe arrives), and the key that signs the access claim in the
 * member cookie (made once, shared by every process on this database). Secrets are stored as hashes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('members')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('email_normalized', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('locale', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    // The site path the reader was reading when they signed up (no third-party tracker involved).
    .addColumn('attribution', 'text')
    .execute();

  await db.schema
    .createTable('member_links')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    // The address the link was sent to (a new address for an email change, a stranger's for sign-up).
    .addColumn('email_normalized', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.references('members.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('attribution', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('first_used_at', 'text')
    .addColumn('uses', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('code_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('dead_at', 'text')
    .execute();
  await db.schema
    .createIndex('member_links_email')
    .on('member_links')
    .columns(['email_normalized', 'created_at'])
    .execute();

  await db.schema
    .createTable('member_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('member_sessions_member').on('member_sessions').column('member_id').execute();

  await db.schema
    .createTable('complimentary_access')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('granted_by', 'text', (c) => c.references('staff.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('removed_at', 'text')
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .createIndex('complimentary_access_member')
    .on('complimentary_access')
    .columns(['member_id', 'ends_at'])
    .execute();

  await db.schema
    .createTable('member_keys')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('secret', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['member_keys', 'complimentary_access', 'member_sessions', 'member_links', 'members'])
    await db.schema.dropTable(table).execute();
}
