import { describe, expect, it } from 'vitest';
import { cudeRecord, permitRecord, temporaryRecord } from './test-fixtures';
import { whitelistCsv, whitelistDelta, whitelistRows } from './whitelist-csv';

const permits = [
  permitRecord({ id: 'res', plates: [{ plate: 'AB123CD', country: 'I' }] }),
  temporaryRecord('tmp', 'GZ567HK', '2026-03-02T08:10', '2026-03-02T08:40'),
  cudeRecord('cude', ['EF456GH', 'LM789NP']),
  permitRecord({
    id: 'sosta',
    kind: 'sosta_residenti',
    zone: 'SOSTA-A',
    plates: [{ plate: 'SS333CC', country: 'I' }],
  }),
  permitRecord({
    id: 'rev',
    plates: [{ plate: 'RV111AA', country: 'I' }],
    status: 'revoked',
    revokedAt: '2026-03-02T12:00',
    revokedReason: 'trasferito fuori ZTL',
  }),
  permitRecord({ id: 'sup', plates: [{ plate: 'SV555EE', country: 'I' }], status: 'superseded' }),
];

describe('whitelistCsv', () => {
  it('lists the plates that open the gates on the day, sorted, CRLF', () => {
    expect(whitelistCsv(permits, '2026-03-02')).toBe(
      [
        'plate;country;kind;valid_from;valid_to',
        'AB123CD;I;ztl_residenti;2025-04-01;2027-03-31',
        'EF456GH;I;cude_permanente;2024-01-10;2029-01-09',
        'GZ567HK;I;ztl_temporaneo;2026-03-02T08:10;2026-03-02T08:40',
        'LM789NP;I;cude_permanente;2024-01-10;2029-01-09',
        'RV111AA;I;ztl_residenti;2025-04-01;2027-03-31',
        '',
      ].join('\r\n'),
    );
  });

  it('drops the revoked permit the day after and the ticket of another day', () => {
    expect(whitelistRows(permits, '2026-03-03').map((r) => r.plate)).toEqual([
      'AB123CD',
      'EF456GH',
      'LM789NP',
    ]);
  });
});

describe('whitelistDelta', () => {
  it('gives the added and removed rows between two days', () => {
    const monday = whitelistCsv(permits, '2026-03-02');
    const tuesdayPermits = [
      ...permits,
      temporaryRecord('tmp2', 'FA001BC', '2026-03-03T15:00', '2026-03-03T15:30'),
    ];
    const tuesday = whitelistCsv(tuesdayPermits, '2026-03-03');
    expect(whitelistDelta(monday, tuesday)).toEqual({
      added: [
        {
          plate: 'FA001BC',
          country: 'I',
          kind: 'ztl_temporaneo',
          validFrom: '2026-03-03T15:00',
          validTo: '2026-03-03T15:30',
        },
      ],
      removed: [
        {
          plate: 'GZ567HK',
          country: 'I',
          kind: 'ztl_temporaneo',
          validFrom: '2026-03-02T08:10',
          validTo: '2026-03-02T08:40',
        },
        {
          plate: 'RV111AA',
          country: 'I',
          kind: 'ztl_residenti',
          validFrom: '2025-04-01',
          validTo: '2027-03-31',
        },
      ],
    });
  });

  it('a renewal shows as one removal and one addition; same lists give no delta', () => {
    const before = whitelistRows([permitRecord()], '2027-03-31');
    const after = whitelistRows(
      [permitRecord({ validFrom: '2027-04-01', validTo: '2029-03-31' })],
      '2027-04-01',
    );
    const delta = whitelistDelta(before, after);
    expect(delta.removed.map((r) => r.validTo)).toEqual(['2027-03-31']);
    expect(delta.added.map((r) => r.validTo)).toEqual(['2029-03-31']);
    expect(whitelistDelta(before, before)).toEqual({ added: [], removed: [] });
  });
});
