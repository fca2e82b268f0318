import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, fromDayNumber } from '../calendar/iso-date';
import { amountDue } from './amount-due';
import { notificationOutcome } from './notification';
import { VIOLATION_TARIFFS, type ViolationTariff } from './tariffs';
import {
  normalizeArticleOrComma,
  normalizePlate,
  parseVerbaliCsv,
  toFineNotification,
  verbaleKey,
  type VerbaleNotification,
} from './verbali-csv';

const HEADER =
  'numero_verbale;serie;targa;data_violazione;ora;articolo;comma;data_notifica;modalita_notifica;spese_notifica;punti;conducente_identificato';
const OPTS = { comune: 'B885', today: '2025-12-31' };

const csv = (lines: readonly string[], eol = '\n'): string => lines.join(eol) + eol;
const reasonsAt = (report: ReturnType<typeof parseVerbaliCsv>, line: number): string[] =>
  report.rejected.find((r) => r.line === line)?.problems.map((p) => p.reason) ?? [];

describe('parseVerbaliCsv: good rows', () => {
  const report = parseVerbaliCsv(
    csv([
      HEADER,
      '1001;V;AB 123 CD;2025-03-15;08:40;7;15;;;;0;si',
      '1002;v;ab-456-ef;15/03/2025;23:10;146;3;20/03/2025;posta;"13,80";6;no',
      '"0001003";V;TO123456;1/6/2025;9.05;Art. 172;;01/06/2025;mani;0;5;SI',
      '1004;V;ZH123456;10/01/2025;10:00;142;7;30/01/2025;compiuta_giacenza;13.80;0;no',
      '1005Z;;AB123CD;10/01/2025;10:00;173;3 bis;12/01/2025;CAD;13,80;5;no',
    ]),
    OPTS,
  );

  it('keeps every row, normalised', () => {
    expect(report.fileProblems).toEqual([]);
    expect(report.rejected).toEqual([]);
    expect(report.delimiter).toBe(';');
    expect(report.rows.map((r) => r.key)).toEqual(['1001/V', '1002/V', '1003/V', '1004/V', '1005/Z']);
    const [a, b, c, d, e] = report.rows;
    expect(a).toMatchObject({
      comune: 'B885',
      line: 2,
      number: '1001',
      series: 'V',
      plate: 'AB123CD',
      plateFormat: 'italian',
      violationDate: '2025-03-15',
      violationTime: '08:40',
      article: '7',
      comma: '15',
      violationId: 'parking-prohibited-car',
      notification: null,
      notificationCostsCents: 0,
      licencePoints: 0,
      driverIdentified: true,
      noticeNumber: null,
      warnings: [],
    });
    expect(b).toMatchObject({
      plate: 'AB456EF',
      notification: { mode: 'post', how: 'post', notifiedOn: '2025-03-20' },
      notificationCostsCents: 1380,
      violationId: 'red-light',
      driverIdentified: false,
    });
    expect(c).toMatchObject({
      number: '1003',
      plate: 'TO123456',
      plateFormat: 'other',
      violationDate: '2025-06-01',
      violationTime: '09:05',
      article: '172',
      comma: null,
      violationId: 'seat-belt',
      notification: { mode: 'hand', how: 'hand', notifiedOn: '2025-06-01' },
    });
    expect(d?.notification).toEqual({ mode: 'cad', how: 'cad-compiuta-giacenza', notifiedOn: '2025-01-30' });
    expect(d?.notificationCostsCents).toBe(1380);
    expect(e).toMatchObject({
      number: '1005',
      series: 'Z',
      comma: '3-bis',
      violationId: 'phone-while-driving',
      notification: { mode: 'cad', how: 'cad-collected', notifiedOn: '2025-01-12' },
    });
  });

  it('the imported verbale feeds amountDue directly', () => {
    const b = report.rows[1];
    if (!b?.notification || !b.violationId) throw new Error('row missing');
    const due = amountDue(
      {
        violationId: b.violationId,
        violationDate: b.violationDate,
        notification: toFineNotification(b.notification, 10),
        costs: [{ kind: 'notification', cents: b.notificationCostsCents }],
      },
      '2025-03-21',
    );
    expect(due.ok && due.value.totalCents).toBe(Math.round(16700 * 0.7) + 1380);
  });
});

describe('parseVerbaliCsv: bad rows are reported line by line with every problem', () => {
  const text = csv([
    HEADER,
    '2001;V;AB123CD;15/03/2025;08:40;7;15;;;;0;si',
    '2002;V;A;32/01/2025;25:00;999;1;;posta;abc;x;forse',
    '2003;V;AB123CD;15/03/2025;08:40;146;3;10/03/2025;posta;13,80;6;no',
    '2001;v;XY987ZW;15/03/2025;08:40;7;15;;;;0;si',
    '2004;V;AB123CD;15/03/2025;08:40;7;15',
    '2005;V;AB123CD;2026-01-05;08:40;7;15;;;;0;si',
    '2006;V;AB123CD;15/03/2025;08:40;7;15;16/03/2025;piccione;-5;0;si',
    '2007;Q;AB123CD;15/03/2025;08:40;7;15;16/03/2025;;;0;si',
    '2009;V;AB123CD;15/03/2025;08:40;7;15;16/03/2025;constructor;;0;si',
    '2008;V;AB123CD;15/03/2025;08:40;7;15;;;;0;si',
  ]);
  const report = parseVerbaliCsv(text, OPTS);

  it('keeps the good rows', () => {
    expect(report.rows.map((r) => r.key)).toEqual(['2001/V', '2008/V']);
    expect(report.rejected.map((r) => r.line)).toEqual([3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('lists all the problems of a row, with the column and a message in both languages', () => {
    expect(reasonsAt(report, 3)).toEqual([
      'invalid_plate',
      'invalid_date',
      'invalid_time',
      'unknown_violation',
      'notification_incomplete',
      'invalid_amount',
      'invalid_integer',
      'invalid_yes_no',
    ]);
    const row = report.rejected.find((r) => r.line === 3);
    expect(row?.raw).toBe('2002;V;A;32/01/2025;25:00;999;1;;posta;abc;x;forse');
    expect(row?.problems.map((p) => p.field)).toEqual([
      'targa',
      'data_violazione',
      'ora',
      'articolo',
      'data_notifica',
      'spese_notifica',
      'punti',
      'conducente_identificato',
    ]);
    const amount = row?.problems.find((p) => p.reason === 'invalid_amount');
    expect(amount?.message.it).toContain('«spese_notifica»: Importo non valido');
    expect(amount?.message.en).toContain('“spese_notifica”: Invalid amount');
  });

  it('fills every placeholder of every message', () => {
    for (const p of report.rejected.flatMap((r) => r.problems)) {
      expect(p.message.it).not.toMatch(/\{\w+\}/);
      expect(p.message.en).not.toMatch(/\{\w+\}/);
    }
  });

  it('refuses a notification before the violation', () => {
    expect(reasonsAt(report, 4)).toEqual(['notified_before_violation']);
  });

  it('refuses the second occurrence of a verbale (number and series, case and zeros aside)', () => {
    expect(reasonsAt(report, 5)).toEqual(['duplicate_verbale']);
    expect(report.rejected.find((r) => r.line === 5)?.problems[0]?.message.it).toContain('alla riga 2');
  });

  it('refuses a row with missing fields, a date in the future, a bad mode and a negative cost', () => {
    expect(reasonsAt(report, 6)).toEqual(['wrong_field_count']);
    expect(reasonsAt(report, 7)).toEqual(['date_in_future']);
    expect(reasonsAt(report, 8)).toEqual(['invalid_notification_mode', 'invalid_amount']);
    expect(reasonsAt(report, 9)).toEqual(['notification_incomplete']);
    expect(reasonsAt(report, 10)).toEqual(['invalid_notification_mode']);
  });

  it('also reports a duplicate on a row refused for other reasons, and the first still claims the key', () => {
    const r = parseVerbaliCsv(
      csv([HEADER, '3001;V;A;15/03/2025;08:40;7;15;;;;0;si', '3001;V;AB123CD;15/03/2025;08:40;7;15;;;;0;si']),
      OPTS,
    );
    expect(r.rows).toEqual([]);
    expect(reasonsAt(r, 2)).toEqual(['invalid_plate']);
    expect(reasonsAt(r, 3)).toEqual(['duplicate_verbale']);
  });
});

describe('parseVerbaliCsv: dates, tariffs, warnings', () => {
  it('refuses an article with no tariff in force on the violation date', () => {
    const [parking] = VIOLATION_TARIFFS.filter((t) => t.id === 'parking-prohibited-car');
    if (!parking) throw new Error('tariff missing');
    const tariffs: ViolationTariff[] = [{ ...parking, id: 'only-from-2025', validFrom: '2025-01-01' }];
    const r = parseVerbaliCsv(
      csv([HEADER, '1;V;AB123CD;31/12/2024;08:40;7;15;;;;0;si', '2;V;AB123CD;01/01/2025;08:40;7;15;;;;0;si']),
      { ...OPTS, tariffs },
    );
    expect(reasonsAt(r, 2)).toEqual(['no_tariff_on_date']);
    expect(r.rows.map((x) => x.violationId)).toEqual(['only-from-2025']);
  });

  it('warns, without refusing, on what the file cannot settle', () => {
    const r = parseVerbaliCsv(
      csv([
        HEADER,
        '1;V;AB123CD;15/03/2025;08:40;142;8;20/03/2025;posta;13,80;3;no',
        '2;V;AB123CD;15/03/2025;08:40;146;3;20/03/2025;posta;13,80;4;no',
        '3;V;AB123CD;15/03/2025;08:40;146;3;20/03/2025;posta;13,80;12;no',
        '4;V;AB123CD;01/01/2025;08:40;146;3;15/04/2025;posta;13,80;6;no',
        '5;V;AB123CD;02/01/2026;08:40;146;3;;;;6;no',
      ]),
      { comune: 'B885', today: '2026-01-10' },
    );
    expect(r.rejected).toEqual([]);
    const warnings = r.rows.map((x) => x.warnings.map((w) => w.reason));
    expect(warnings).toEqual([
      ['several_violations_match'],
      ['points_differ_from_tariff'],
      [], // 12 = 6 doubled (new driver, art. 126-bis c.5)
      ['notified_after_term'],
      ['tariff_not_confirmed'],
    ]);
    expect(r.rows[0]).toMatchObject({
      violationIds: ['speeding-10-40', 'speeding-10-40-repeat-urban'],
      violationId: null,
    });
  });

  it('without today, dates in the future are not checked', () => {
    const r = parseVerbaliCsv(csv([HEADER, '1;V;AB123CD;15/03/2099;08:40;7;15;;;;0;si']), { comune: 'B885' });
    expect(r.rejected).toEqual([]);
  });

  it('refuses points above 20 and a series letter contradicting the series column', () => {
    const r = parseVerbaliCsv(
      csv([
        HEADER,
        '1;V;AB123CD;15/03/2025;08:40;7;15;;;;21;si',
        '2Z;V;AB123CD;15/03/2025;08:40;7;15;;;;0;si',
      ]),
      OPTS,
    );
    expect(reasonsAt(r, 2)).toEqual(['integer_out_of_range']);
    expect(reasonsAt(r, 3)).toEqual(['series_mismatch']);
  });

  it('checks the optional pagoPA notice column and its uniqueness', () => {
    const r = parseVerbaliCsv(
      csv([
        `${HEADER};codice_avviso`,
        '1;V;AB123CD;15/03/2025;08:40;7;15;;;;0;si;3010 0000 0000 0001 44',
        '2;V;AB123CD;15/03/2025;08:40;7;15;;;;0;si;301000000000000145',
        '3;V;AB123CD;15/03/2025;08:40;7;15;;;;0;si;301000000000000144',
        '4;V;AB123CD;15/03/2025;08:40;7;15;;;;0;si;',
      ]),
      OPTS,
    );
    expect(r.rows.map((x) => [x.key, x.noticeNumber])).toEqual([
      ['1/V', '301000000000000144'],
      ['4/V', null],
    ]);
    expect(reasonsAt(r, 3)).toEqual(['invalid_notice_number']);
    expect(r.rejected.find((x) => x.line === 3)?.problems[0]?.message.en).toContain('check digits');
    expect(reasonsAt(r, 4)).toEqual(['duplicate_notice']);
  });
});

describe('parseVerbaliCsv: file format', () => {
  it('reads UTF-8 with BOM, CRLF, quoted fields with semicolons, quotes and line breaks inside', () => {
    const text =
      '\uFEFF' +
      csv(
        [
          `${HEADER};Note`,
          '1;V;AB123CD;15/03/2025;08:40;7;15;;;;0;si;"Via Roma; angolo ""Via Milano"""',
          '2;V;AB123CD;15/03/2025;08:40;7;15;;;;0;si;"su due',
          'righe; con separatore"',
          '',
          ';;;;;;;;;;;;',
          '3;V;AB123CD;15/03/2025;08:40;7;99;;;;0;si;x',
        ],
        '\r\n',
      );
    const r = parseVerbaliCsv(text, OPTS);
    expect(r.fileProblems).toEqual([]);
    expect(r.ignoredColumns).toEqual(['note']);
    expect(r.rows.map((x) => [x.key, x.line])).toEqual([
      ['1/V', 2],
      ['2/V', 3],
    ]);
    // the multi-line record counts two physical lines, the blank and empty-cell lines are skipped
    expect(r.rejected.map((x) => [x.line, x.raw])).toEqual([
      [7, '3;V;AB123CD;15/03/2025;08:40;7;99;;;;0;si;x'],
    ]);
    expect(reasonsAt(r, 7)).toEqual(['unknown_violation']);
  });

  it('reads the comma-separated variant (header sniffed), amounts with a point or quoted with a comma', () => {
    const header = HEADER.replaceAll(';', ',');
    const r = parseVerbaliCsv(
      csv([
        header,
        '1,V,AB123CD,15/03/2025,08:40,146,3,20/03/2025,posta,13.80,6,no',
        '2,V,AB123CD,15/03/2025,08:40,146,3,20/03/2025,posta,"13,80",6,no',
        '3,V,AB123CD,15/03/2025,08:40,146,3,20/03/2025,posta,13,80,6,no',
      ]),
      OPTS,
    );
    expect(r.delimiter).toBe(',');
    expect(r.rows.map((x) => x.notificationCostsCents)).toEqual([1380, 1380]);
    expect(reasonsAt(r, 4)).toEqual(['wrong_field_count']);
  });

  it('accepts header names in any case, with spaces or accents', () => {
    const header =
      'Numero verbale;Serie;TARGA;Data violazione;Ora;Articolo;Comma;Data notifica;Modalità notifica;Spese notifica;Punti;Conducente identificato';
    const r = parseVerbaliCsv(csv([header, '1;V;AB123CD;15/03/2025;08:40;7;15;;;;0;si']), OPTS);
    expect(r.rows).toHaveLength(1);
  });

  it('reports a file without the expected columns, or empty', () => {
    const r = parseVerbaliCsv('numero_verbale;targa\n1;AB123CD\n', OPTS);
    expect(r.rows).toEqual([]);
    expect(r.fileProblems.map((p) => p.reason)).toEqual(['missing_columns']);
    expect(r.fileProblems[0]?.message.it).toContain('serie, data_violazione');
    expect(parseVerbaliCsv('\uFEFF\r\n', OPTS).fileProblems.map((p) => p.reason)).toEqual(['empty_file']);
    expect(parseVerbaliCsv(`${HEADER};serie\n`, OPTS).fileProblems.map((p) => p.reason)).toEqual([
      'duplicate_column',
    ]);
  });

  it('a stray quote costs one row, not the rest of the file', () => {
    const r = parseVerbaliCsv(
      csv([
        HEADER,
        '1;V;"AB123CD;15/03/2025;08:40;7;15;;;;0;si',
        '2;V;AB123CD;15/03/2025;08:40;7;15;;;;0;si',
      ]),
      OPTS,
    );
    expect(reasonsAt(r, 2)).toEqual(['unterminated_quote']);
    expect(r.rows.map((x) => x.key)).toEqual(['2/V']);
  });

  it('property: never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string(), (tail) => {
        parseVerbaliCsv(`${HEADER}\n${tail}`, OPTS);
        parseVerbaliCsv(tail, OPTS);
      }),
    );
  });

  it('property: without quotes, every non-blank data line is either kept or reported, once', () => {
    const plain = fc.string({ maxLength: 6 }).filter((s) => !/["\r\n]/.test(s));
    const cell = fc.oneof(
      fc.constantFrom('1', '2', 'V', 'AB123CD', '15/03/2025', '08:40', '7', '15', '', 'posta', '13,80', 'si'),
      plain,
    );
    const line = fc.array(cell, { minLength: 1, maxLength: 14 }).map((cells) => cells.join(';'));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), (lines) => {
        const r = parseVerbaliCsv([HEADER, ...lines].join('\n'), OPTS);
        const expected = lines.flatMap((l, i) => (l.split(';').some((c) => c.trim() !== '') ? [i + 2] : []));
        const seen = [...r.rows.map((x) => x.line), ...r.rejected.map((x) => x.line)].sort((a, b) => a - b);
        return JSON.stringify(seen) === JSON.stringify(expected);
      }),
    );
  });
});

describe('helpers', () => {
  it('verbaleKey ignores case, spaces and leading zeros', () => {
    expect(verbaleKey('z', '000999')).toBe('999/Z');
    expect(verbaleKey('', '999')).toBe('999');
    expect(verbaleKey(' Z ', ' 999 ')).toBe(verbaleKey('Z', '999'));
  });

  it('normalizePlate: current Italian, older and foreign plates', () => {
    expect(normalizePlate('ab 123 cd')).toEqual({ plate: 'AB123CD', format: 'italian' });
    expect(normalizePlate('AI123OO')).toEqual({ plate: 'AI123OO', format: 'other' }); // I and O are not used
    expect(normalizePlate('B-AB 1234')).toEqual({ plate: 'BAB1234', format: 'other' });
    expect(normalizePlate('ROMA')).toBeNull();
    expect(normalizePlate('A')).toBeNull();
    expect(normalizePlate('AB123CD1234')).toBeNull();
  });

  it('normalizeArticleOrComma', () => {
    expect(normalizeArticleOrComma('Art. 126 bis', 'article')).toBe('126-bis');
    expect(normalizeArticleOrComma('c. 9BIS', 'comma')).toBe('9-bis');
    expect(normalizeArticleOrComma('08', 'comma')).toBe('8');
    expect(normalizeArticleOrComma('9-foo', 'comma')).toBeNull();
  });

  it('property: toFineNotification gives back the notification date of the file', () => {
    const how = fc.constantFrom<VerbaleNotification['how']>(
      'hand',
      'post',
      'cad-collected',
      'cad-compiuta-giacenza',
    );
    fc.assert(
      fc.property(
        how,
        fc.integer({ min: 18000, max: 22000 }),
        fc.integer({ min: 0, max: 400 }),
        (h, day, later) => {
          const notifiedOn = fromDayNumber(day);
          const n: VerbaleNotification = {
            mode: h === 'hand' || h === 'post' ? h : 'cad',
            how: h,
            notifiedOn,
          };
          const outcome = notificationOutcome(toFineNotification(n, 10), 10, addDays(notifiedOn, later));
          return outcome.notifiedOn === notifiedOn && outcome.how === h && !outcome.provisional;
        },
      ),
    );
  });
});
