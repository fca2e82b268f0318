import { describe, expect, it } from 'vitest';
import {
  normalizeColumnName,
  parseCsvDate,
  parseCsvInteger,
  parseCsvTime,
  parseYesNo,
  readCsvTable,
  sniffDelimiter,
} from './csv-import';

const COLUMNS = { required: ['a', 'b'], optional: ['c'] };

describe('readCsvTable', () => {
  it('sniffs the delimiter from the header, outside quotes; ";" on a tie', () => {
    expect(sniffDelimiter('a;b;c')).toBe(';');
    expect(sniffDelimiter('a,b,c')).toBe(',');
    expect(sniffDelimiter('a\tb\tc')).toBe('\t');
    expect(sniffDelimiter('"a,x";b')).toBe(';');
    expect(sniffDelimiter('a;b,c')).toBe(';');
    expect(sniffDelimiter('a')).toBe(';');
  });

  it('reads CR-only line ends (old Mac Excel) and a last line without line end', () => {
    const t = readCsvTable('a;b\r1;2\r3;4', COLUMNS);
    expect(t.ok && t.rows.map((r) => [r.line, r.values])).toEqual([
      [2, { a: '1', b: '2' }],
      [3, { a: '3', b: '4' }],
    ]);
  });

  it('keeps quoted content, trims cells, ignores trailing empty cells and unknown columns', () => {
    const t = readCsvTable('A; B ;Extra\n " x;y " ;"say ""hi""";z;;\n', COLUMNS);
    expect(t.ok && t.ignoredColumns).toEqual(['extra']);
    expect(t.ok && t.rows[0]?.values).toEqual({ a: 'x;y', b: 'say "hi"' });
  });

  it('the header may come after blank lines', () => {
    const t = readCsvTable('\n\na,b\n1,2\n', COLUMNS);
    expect(t.ok && t.rows[0]).toEqual({ line: 4, raw: '1,2', values: { a: '1', b: '2' } });
  });
});

describe('cell readers', () => {
  it.each([
    ['15/03/2025', '2025-03-15'],
    ['5/3/2025', '2025-03-05'],
    ['15-03-2025', '2025-03-15'],
    ['15.03.2025', '2025-03-15'],
    ['2025-03-15', '2025-03-15'],
    ['2025-3-5', '2025-03-05'],
    [' 29/02/2024 ', '2024-02-29'],
    ['29/02/2025', null],
    ['31/04/2025', null],
    ['15/03/25', null],
    ['03/15/2025', null],
    ['', null],
  ])('parseCsvDate(%j) = %j', (raw, expected) => {
    expect(parseCsvDate(raw)).toBe(expected);
  });

  it('parseCsvTime', () => {
    expect(parseCsvTime('9:05')).toBe('09:05');
    expect(parseCsvTime('23.59')).toBe('23:59');
    expect(parseCsvTime('08:40:30')).toBe('08:40');
    expect(parseCsvTime('24:00')).toBeNull();
    expect(parseCsvTime('8')).toBeNull();
  });

  it('parseYesNo and parseCsvInteger', () => {
    expect(['Sì', 'SI', 's', 'yes', '1'].map(parseYesNo)).toEqual([true, true, true, true, true]);
    expect(['No', 'n', '0', 'false'].map(parseYesNo)).toEqual([false, false, false, false]);
    expect(parseYesNo('forse')).toBeNull();
    expect(parseCsvInteger('007')).toBe(7);
    expect(parseCsvInteger('-1')).toBeNull();
    expect(parseCsvInteger('1.5')).toBeNull();
  });

  it('normalizeColumnName', () => {
    expect(normalizeColumnName(' Modalità  Notifica ')).toBe('modalita_notifica');
    expect(normalizeColumnName('codice-avviso')).toBe('codice_avviso');
  });
});
