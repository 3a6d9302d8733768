import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { type CsvRecord, CsvSyntaxError, parseCsv, uncsvCell } from '../http/csv.ts';
import { AppError } from '../http/errors.ts';
import { type Actor, isSystem } from '../staff/actor.ts';
import { addGrant, runningGrants } from './complimentary.service.ts';
import { ensureMember, findMemberByEmail, parseEmail } from './members.service.ts';
import { authorizeMembers } from './policy.ts';

/** Why a row was left out; the web app says each in the staff member's language. */
export type ImportRefusal =
  | 'email-missing'
  | 'email-invalid'
  | 'duplicate'
  | 'name-too-long'
  | 'note-too-long'
  | 'date-invalid'
  | 'date-past'
  | 'too-many-cells';

export interface ImportReport {
  /** Data rows read (the header and blank lines not counted). */
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  refused: Array<{ line: number; email: string; reason: ImportRefusal }>;
}

/** The columns read; any other (an export's created_at, access…) is ignored, so an export imports back. */
const COLUMNS = ['email', 'name', 'complimentary_until', 'note'] as const;
type Column = (typeof COLUMNS)[number];

interface Entry {
  line: number;
  email: string;
  normalized: string;
  name: string;
  until: string | null;
  note: string;
}

const unreadable = (message: string, details?: Record<string, unknown>) =>
  new AppError('UNREADABLE_CSV', message, [{ field: 'file', message }], details);

/**
 * A date alone means the whole of that day (UTC), so "2027-01-31" still reads on the 31st; an
 * export's full instants are taken as they are, so importing an export changes nothing.
 */
function parseUntil(raw: string): number {
  return Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(raw) ? `${raw}T23:59:59.999Z` : raw);
}

function readRow(cells: string[], at: Record<Column, number>, width: number): Omit<Entry, 'line'> | ImportRefusal {
  if (cells.length > width) return 'too-many-cells';
  const cell = (column: Column) => uncsvCell((cells[at[column]] ?? '').trim());
  const raw = cell('email');
  if (!raw) return 'email-missing';
  const address = parseEmail(raw);
  if (!address) return 'email-invalid';
  const name = cell('name');
  if (name.length > 120) return 'name-too-long';
  const note = cell('note');
  if (note.length > 500) return 'note-too-long';
  const untilText = cell('complimentary_until');
  const until = untilText ? parseUntil(untilText) : null;
  if (until !== null && Number.isNaN(until)) return 'date-invalid';
  if (until !== null && until <= Date.now()) return 'date-past';
  return { ...address, name, note, until: until === null ? null : new Date(until).toISOString() };
}

/** Reads the whole file before anything is written: a file that is not CSV is refused whole. */
function readFile(text: string): { rows: number; entries: Entry[]; refused: ImportReport['refused'] } {
  let records: CsvRecord[];
  try {
    records = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError)
      throw unreadable(`The file is not valid CSV: ${error.message}. Nothing was imported.`, { line: error.line });
    throw error;
  }
  const [header, ...data] = records;
  const names = (header?.cells ?? []).map((cell) => cell.trim().toLowerCase());
  if (!names.includes('email'))
    throw unreadable('The first line must name the columns, one of them "email". Nothing was imported.', { line: 1 });
  const at = Object.fromEntries(COLUMNS.map((column) => [column, names.indexOf(column)])) as Record<Column, number>;
  const seen = new Set<string>();
  const entries: Entry[] = [];
  const refused: ImportReport['refused'] = [];
  for (const { line, cells } of data) {
    const read = readRow(cells, at, names.length);
    const email = (cells[at.email] ?? '').trim();
    if (typeof read === 'string') refused.push({ line, email, reason: read });
    else if (seen.has(read.normalized)) refused.push({ line, email, reason: 'duplicate' });
    else {
      seen.add(read.normalized);
      entries.push({ line, ...read });
    }
  }
  return { rows: data.length, entries, refused };
}

/** Creates or updates one member; says what happened and whether their access changed. */
async function applyEntry(
  trx: Transaction<Database>,
  actor: Actor,
  entry: Entry,
): Promise<{ outcome: 'created' | 'updated' | 'unchanged'; accessChanged: string | null }> {
  const by = isSystem(actor) ? 'system' : actor.id;
  const existing = await findMemberByEmail(trx, entry.normalized);
  const member = existing ?? (await ensureMember(trx, entry, by));
  let changed = false;
  if (existing && entry.name && entry.name !== existing.name) {
    await trx.updateTable('members').set({ name: entry.name }).where('id', '=', existing.id).execute();
    changed = true;
  }
  // A running grant that lasts at least as long already gives what the row asks: importing twice adds nothing.
  const latest = entry.until ? (await runningGrants(trx, member.id))[0]?.endsAt : undefined;
  const grant = entry.until !== null && !(latest && latest >= entry.until);
  if (grant) await addGrant(trx, actor, member, Date.parse(entry.until as string), entry.note);
  return {
    outcome: !existing ? 'created' : changed || grant ? 'updated' : 'unchanged',
    accessChanged: grant ? member.id : null,
  };
}

/**
 * Imports members from CSV (columns email, name, complimentary_until, note; a header line first).
 * Idempotent: a row that matches what is stored changes nothing and is counted unchanged. Refused
 * rows are reported with their line; the others are written in one transaction, so a failure
 * leaves nothing half-imported. Returns the members whose access changed, to be announced.
 */
export async function importMembers(
  db: Kysely<Database>,
  actor: Actor,
  text: string,
): Promise<{ report: ImportReport; accessChanged: string[] }> {
  authorizeMembers(actor, 'members.import');
  authorizeMembers(actor, 'members.grantComplimentary');
  const { rows, entries, refused } = readFile(text);
  const report: ImportReport = { rows, created: 0, updated: 0, unchanged: 0, refused };
  const accessChanged: string[] = [];
  await db.transaction().execute(async (trx) => {
    for (const entry of entries) {
      const { outcome, accessChanged: changed } = await applyEntry(trx, actor, entry);
      report[outcome]++;
      if (changed) accessChanged.push(changed);
    }
  });
  return { report, accessChanged };
}
