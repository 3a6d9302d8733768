import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { SYSTEM } from '../../staff/actor.ts';
import { newSecret } from '../../staff/secrets.ts';
import { createStaff } from '../../staff/staff.service.ts';

export const DEMO_STAFF_EMAIL = 'editor@valley-gazette.example';

/**
 * The demo newsroom's admin account, so a newcomer can open the newsroom's web app. The seed itself
 * may not create staff (src/staff/policy.ts): the operator who loads the demo does, with a random
 * password printed once, never a password known to anyone reading this code.
 */
export async function createDemoStaff(
  db: Kysely<Database>,
  publicUrl: string,
  log: (line: string) => void,
): Promise<void> {
  const password = newSecret().slice(0, 20);
  await createStaff(db, SYSTEM.operator, { email: DEMO_STAFF_EMAIL, name: 'Eva Editor', role: 'admin', password });
  log(`sign in to the newsroom at ${publicUrl}/admin as ${DEMO_STAFF_EMAIL} with the password ${password}`);
}
