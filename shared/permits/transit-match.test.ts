import { describe, expect, it } from 'vitest';
import { cudeRecord, permitRecord, temporaryRecord } from './test-fixtures';
import { matchTransits, parseTransitsCsv, parseTransitTimestamp, type Transit } from './transit-match';

const t = (plate: string, at: string, country?: string): Transit => ({ plate, country, at, gate: 'G1' });

const permits = [
  permitRecord({ id: 'res', plates: [{ plate: 'AB123CD', country: 'I' }] }),
  temporaryRecord('tmp', 'GZ567HK', '2026-03-02T08:10', '2026-03-02T08:40'),
  cudeRecord('cude', ['EF456GH', 'LM789NP']),
  permitRecord({
    id: 'rev',
    plates: [{ plate: 'RV111AA', country: 'I' }],
    status: 'revoked',
    revokedAt: '2026-03-02T12:00',
    revokedReason: 'trasferito fuori ZTL',
  }),
  permitRecord({
    id: 'old',
    plates: [{ plate: 'FL222BB', country: 'I' }],
    validFrom: '2024-01-01',
    validTo: '2026-02-28',
  }),
  permitRecord({
    id: 'sosta',
    kind: 'sosta_residenti',
    zone: 'SOSTA-A',
    plates: [{ plate: 'SS333CC', country: 'I' }],
  }),
  permitRecord({
    id: 'de',
    kind: 'ztl_lavoro',
    plates: [{ plate: 'BAB1234', country: 'DE' }],
    validFrom: '2026-01-01',
    validTo: '2026-12-31',
  }),
];

describe('matchTransits', () => {
  it('matches permanent permits, temporary windows, CUDE plates and foreign plates', () => {
    const transits = [
      t('ab 123 cd', '2026-03-02T07:00'),
      t('GZ567HK', '2026-03-02T08:10'),
      t('GZ567HK', '2026-03-02T08:40:00'),
      t('EF456GH', '2026-03-02T09:00'),
      t('LM789NP', '2026-03-02T09:05', 'IT'),
      t('RV111AA', '2026-03-02T11:59'),
      t('BAB1234', '2026-03-02T10:00', 'DE'),
    ];
    const { matched, unmatched } = matchTransits(transits, permits);
    expect(unmatched).toEqual([]);
    expect(matched.map((m) => [m.permitId, m.via])).toEqual([
      ['res', 'permit'],
      ['tmp', 'permit'],
      ['tmp', 'permit'],
      ['cude', 'permit'],
      ['cude', 'permit'],
      ['rev', 'permit'],
      ['de', 'permit'],
    ]);
  });

  it('gives the reason per unmatched passage', () => {
    const transits = [
      t('GZ567HK', '2026-03-02T08:41'),
      t('RV111AA', '2026-03-02T12:00'),
      t('FL222BB', '2026-03-02T09:00'),
      t('SS333CC', '2026-03-02T09:00'),
      t('ZZ999ZZ', '2026-03-02T09:00'),
      t('AI12', '2026-03-02T09:00'),
      t('BAB1234', '2026-03-02T10:00'), // the German plate read as Italian: no permit
    ];
    expect(
      matchTransits(transits, permits).unmatched.map((u) => [u.transit.plate, u.reason, u.permitId]),
    ).toEqual([
      ['GZ567HK', 'outside_window', 'tmp'],
      ['RV111AA', 'permit_revoked', 'rev'],
      ['FL222BB', 'permit_expired', 'old'],
      ['SS333CC', 'permit_not_for_ztl', null],
      ['ZZ999ZZ', 'no_permit', null],
      ['AI12', 'plate_invalid', null],
      ['BAB1234', 'plate_invalid', null],
    ]);
  });

  it('a CUDE report covers a passage in the 48 hours before it, not after', () => {
    const passage = t('TX444DD', '2026-03-02T10:00');
    const report = (reportedAt: string) => ({ plate: 'tx 444 dd', cudePermitId: 'cude', reportedAt });
    expect(matchTransits([passage], permits, { reports: [report('2026-03-04T10:00')] }).matched).toEqual([
      { transit: passage, permitId: 'cude', via: 'cude_report' },
    ]);
    expect(matchTransits([passage], permits, { reports: [report('2026-03-04T10:01')] }).unmatched).toEqual([
      { transit: passage, reason: 'report_too_late', permitId: 'cude' },
    ]);
    expect(matchTransits([passage], permits, { reports: [report('2026-03-02T09:59')] }).unmatched).toEqual([
      { transit: passage, reason: 'no_permit', permitId: null },
    ]);
    expect(
      matchTransits([passage], permits, { reports: [report('2026-03-03T09:00')], reportHours: 12 })
        .unmatched[0]?.reason,
    ).toBe('report_too_late');
    // a report under a permit that is not a CUDE does not count
    expect(
      matchTransits([passage], permits, {
        reports: [{ plate: 'TX444DD', cudePermitId: 'res', reportedAt: '2026-03-02T11:00' }],
      }).unmatched[0]?.reason,
    ).toBe('no_permit');
  });
});

describe('parseTransitsCsv', () => {
  it('reads good lines and reports bad ones by line number, without stopping', () => {
    const csv = [
      'plate;country;timestamp;gate',
      'AB 123 CD;I;2026-03-02T07:00:05;G1',
      'BAB1234;DE;2026-03-02 10:00:00;G2',
      '',
      'GZ567HK;;02/03/2026 08:15;G1',
      'XX;I;not a date;G1',
      'AB123CD;I;2026-03-02T07:00',
      ';I;2026-03-02T07:00;G1',
      'AB123CD;I;2026-03-02T07:00;',
      'EF456GH;I;2026-03-02T08:00:00Z;G3',
    ].join('\r\n');
    expect(parseTransitsCsv(csv)).toEqual({
      transits: [
        { plate: 'AB123CD', country: 'I', at: '2026-03-02T07:00:05', gate: 'G1' },
        { plate: 'BAB1234', country: 'DE', at: '2026-03-02T10:00:00', gate: 'G2' },
        { plate: 'GZ567HK', country: 'I', at: '2026-03-02T08:15', gate: 'G1' },
        { plate: 'EF456GH', country: 'I', at: '2026-03-02T09:00:00', gate: 'G3' },
      ],
      errors: [
        { line: 6, code: 'timestamp_invalid', value: 'not a date' },
        { line: 7, code: 'csv_columns', value: 'AB123CD;I;2026-03-02T07:00' },
        { line: 8, code: 'plate_missing', value: ';I;2026-03-02T07:00;G1' },
        { line: 9, code: 'gate_missing', value: 'AB123CD;I;2026-03-02T07:00;' },
      ],
    });
  });

  it('reports a wrong header and still reads the lines after it', () => {
    const result = parseTransitsCsv('\uFEFFtarga;paese;ora;varco\nAB123CD;I;2026-03-02T07:00;G1\n');
    expect(result.errors).toEqual([{ line: 1, code: 'csv_header', value: 'targa;paese;ora;varco' }]);
    expect(result.transits).toHaveLength(1);
  });

  it('converts zoned timestamps to Italian wall clock (summer and winter)', () => {
    expect(parseTransitTimestamp('2026-07-01T06:00:00Z')).toBe('2026-07-01T08:00:00');
    expect(parseTransitTimestamp('2026-12-31T23:30:00+00:00')).toBe('2027-01-01T00:30:00');
    expect(parseTransitTimestamp('31/02/2026 08:00')).toBeNull();
  });
});
