import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { csvCell, CsvSyntaxError, formatCsv, parseCsv, uncsvCell } from './csv.ts';

describe('CSV as RFC 4180 writes it', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, LF or CRLF, a BOM, skipping blank lines', () => {
    const text =
      '\uFEFFemail,name\r\na@example.com,"Ruiz, ""Ana"""\n\n"b@example.com","two\r\nlines"\r\nc@example.com,\r\n';
    assert.deepEqual(parseCsv(text), [
      { line: 1, cells: ['email', 'name'] },
      { line: 2, cells: ['a@example.com', 'Ruiz, "Ana"'] },
      { line: 4, cells: ['b@example.com', 'two\r\nlines'] },
      { line: 6, cells: ['c@example.com', ''] },
    ]);
  });

  it('refuses a quote left open or misplaced, naming the line', () => {
    assert.throws(
      () => parseCsv('a\r\n"open\r\n'),
      (e: unknown) => e instanceof CsvSyntaxError && e.line === 2,
    );
    assert.throws(
      () => parseCsv('a\r\nb"c\r\n'),
      (e: unknown) => e instanceof CsvSyntaxError && e.line === 2,
    );
    assert.throws(() => parseCsv('"a"b\r\n'), CsvSyntaxError);
  });

  it('writes what it reads back, and defuses cells a spreadsheet would run as formulas', () => {
    const rows = [
      ['email', 'name'],
      ['a@example.com', 'Ruiz, "Ana"\nline'],
      ['=1+1', '@SUM(A1)'],
      ['+34 600', '-2'],
    ];
    const text = formatCsv(rows);
    assert.equal(text.split('\r\n')[2], "'=1+1,'@SUM(A1)");
    assert.deepEqual(
      parseCsv(text).map((record) => record.cells.map(uncsvCell)),
      rows,
    );
    assert.equal(csvCell('plain'), 'plain');
    assert.equal(uncsvCell("'plain"), "'plain", 'only the guard is removed');
  });
});
