/*
 * CSV as RFC 4180 writes it: fields separated by commas, records by CRLF, a field holding a comma,
 * a quote or a line break wrapped in quotes with its quotes doubled. Reading accepts LF endings
 * too (spreadsheets on every system) and a leading byte-order mark (Excel's "CSV UTF-8").
 */

/** A file that is not CSV: a quote left open, or text straight after a closing quote. */
export class CsvSyntaxError extends Error {
  readonly line: number;
  constructor(line: number, message: string) {
    super(`line ${line}: ${message}`);
    this.line = line;
  }
}

/** One record and the line of the file it starts on (a quoted field may span lines). */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/** Reads a whole CSV text into records; blank lines are skipped. Throws CsvSyntaxError. */
export function parseCsv(text: string): CsvRecord[] {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let start = 1;
  let quoted = false;
  let afterQuote = false;
  const endRecord = () => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0] === '')) records.push({ line: start, cells });
    cells = [];
    cell = '';
    afterQuote = false;
    start = line;
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i] as string;
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
        afterQuote = true;
      } else {
        if (c === '\n') line++;
        cell += c;
      }
    } else if (c === ',') {
      cells.push(cell);
      cell = '';
      afterQuote = false;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && source[i + 1] === '\n') i++;
      line++;
      endRecord();
    } else if (afterQuote) {
      throw new CsvSyntaxError(line, 'text after a closing quote');
    } else if (c === '"') {
      if (cell !== '') throw new CsvSyntaxError(line, 'a quote inside a field that does not start with one');
      quoted = true;
    } else cell += c;
  }
  if (quoted) throw new CsvSyntaxError(start, 'a quoted field is never closed');
  endRecord();
  return records;
}

// A spreadsheet runs a cell that starts with one of these as a formula (OWASP "CSV injection").
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell as written: quoted when it must be, and prefixed with ' when a spreadsheet would run it. */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Undoes csvCell's formula guard, so a file exported and imported again keeps its values. */
export function uncsvCell(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

/** Records as CSV text, each ended by CRLF. */
export function formatCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}
