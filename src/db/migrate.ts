import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import type { Dialect } from './database.ts';
import * as core from './migrations/0001_core.ts';
import * as listingOrder from './migrations/0002_listing_order.ts';
import * as frontPagePins from './migrations/0003_front_page_pins.ts';
import * as revisionActor from './migrations/0004_revision_actor.ts';
import * as staffAccounts from './migrations/0005_staff_accounts.ts';
import * as editorialWorkflow from './migrations/0006_editorial_workflow.ts';
import * as newsroomScreens from './migrations/0007_newsroom_screens.ts';
import * as documentVersion2 from './migrations/0009_document_version_2.ts';
import * as pageVersion from './migrations/0010_page_version.ts';
import * as members from './migrations/0014_members.ts';
import * as tiers from './migrations/0015_tiers.ts';
import * as memberEvents from './migrations/0016_member_events.ts';
import * as stripeCustomersEvents from './migrations/0017_stripe_customers_events.ts';
import * as memberSubscriptions from './migrations/0018_member_subscriptions.ts';
import * as memberPreferences from './migrations/0019_member_preferences.ts';
import * as paywallTiers from './migrations/0020_paywall_tiers.ts';
import * as offers from './migrations/0022_offers.ts';
import * as gifts from './migrations/0023_gifts.ts';
import * as memberGroups from './migrations/0024_member_groups.ts';

// Listed explicitly (not read from a folder) so the set of migrations is fixed at build time.
const migrations: Record<string, Migration> = {
  '0001_core': core,
  '0002_listing_order': listingOrder,
  '0003_front_page_pins': frontPagePins,
  '0004_revision_actor': revisionActor,
  '0005_staff_accounts': staffAccounts,
  '0006_editorial_workflow': editorialWorkflow,
  '0007_newsroom_screens': newsroomScreens,
  '0009_document_version_2': documentVersion2,
  '0010_page_version': pageVersion,
  '0014_members': members,
  '0015_tiers': tiers,
  '0016_member_events': memberEvents,
  '0017_stripe_customers_events': stripeCustomersEvents,
  '0018_member_subscriptions': memberSubscriptions,
  '0019_member_preferences': memberPreferences,
  '0020_paywall_tiers': paywallTiers,
  '0022_offers': offers,
  '0023_gifts': gifts,
  '0024_member_groups': memberGroups,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/**
 * The migrator for this database. On PostgreSQL its bookkeeping tables are pinned to the schema
 * in use: otherwise Kysely finds another schema's tables of the same name (a second Gaceta, or a
 * test suite running beside this one) and skips creating its own.
 */
export async function migratorFor(db: Kysely<unknown>, dialect: Dialect): Promise<Migrator> {
  const schema =
    dialect === 'postgres'
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema
      : undefined;
  return new Migrator({
    db,
    provider,
    migrationTableName: 'gaceta_migrations',
    migrationLockTableName: 'gaceta_migrations_lock',
    // Branches number their migrations when they start and may land out of that order (0009 before
    // 0007): a database that already ran a later one still runs an earlier one it lacks, instead of
    // refusing to start. Each migration touches only what its own feature owns, so the order between
    // such migrations does not matter.
    allowUnorderedMigrations: true,
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
}

/** Brings the schema up to date; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<unknown>, dialect: Dialect): Promise<string[]> {
  const { error, results } = await (await migratorFor(db, dialect)).migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error) {
    throw new Error(
      `migration ${failed?.migrationName ?? '(unknown)'} failed: ${String(error instanceof Error ? error.message : error)}`,
      { cause: error },
    );
  }
  return (results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName);
}
