import type { StaffRole } from './staff.table.ts';

/** A signed-in member of staff, as authorization sees them. */
export interface StaffActor {
  id: string;
  name: string;
  email: string;
  role: StaffRole;
}

/**
 * Work Gaceta does on nobody's behalf. Each task has its own rows in the policies, so the scheduler
 * may publish what is due and nothing else, and the seed may not create staff.
 * - `scheduler`: publishes scheduled articles whose time has come;
 * - `seed`: loads content no one wrote in the admin (the demo newsroom, `gaceta generate`, test fixtures);
 * - `operator`: a command run by whoever holds the server's shell (`gaceta create-staff`, the first admin).
 */
export type SystemTask = 'scheduler' | 'seed' | 'operator';
export const SYSTEM_TASKS: readonly SystemTask[] = ['scheduler', 'seed', 'operator'];

/** Gaceta itself acting; recorded as `system` (with its task) wherever a change records who made it. */
export interface SystemActor {
  readonly role: 'system';
  readonly task: SystemTask;
}

/** Whoever asks a service to do something: a member of staff or the system. Every service authorizes it. */
export type Actor = StaffActor | SystemActor;

const system = (task: SystemTask): SystemActor => Object.freeze({ role: 'system', task });
/** The system's actors, one per task. */
export const SYSTEM: Readonly<Record<SystemTask, SystemActor>> = Object.freeze({
  scheduler: system('scheduler'),
  seed: system('seed'),
  operator: system('operator'),
});

export const isSystem = (actor: { role: StaffRole } | SystemActor): actor is SystemActor => actor.role === 'system';

/** The staff id a change is recorded under; null when the system made it. */
export const staffIdOf = (actor: Actor): string | null => (isSystem(actor) ? null : actor.id);

/** The system task a change is recorded under; null when a member of staff made it. */
export const systemTaskOf = (actor: Actor): SystemTask | null => (isSystem(actor) ? actor.task : null);

/** "An author", "An admin", "The system (scheduler)": the subject of a refusal message. */
export function describeActor(actor: { role: StaffRole } | SystemActor): string {
  if (isSystem(actor)) return `The system (${actor.task})`;
  return `${/^[aeiou]/.test(actor.role) ? 'An' : 'A'} ${actor.role}`;
}
