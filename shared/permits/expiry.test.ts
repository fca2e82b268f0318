import { describe, expect, it } from 'vitest';
import { expiringWithin, expiryNotice } from './expiry';
import { cudeRecord, permitRecord, temporaryRecord } from './test-fixtures';

const TODAY = '2027-03-01';

describe('expiringWithin', () => {
  const permits = [
    permitRecord({ id: 'a', number: 'PRM-B885-A2-2025-000010', validTo: '2027-03-31' }),
    permitRecord({ id: 'b', number: 'PRM-B885-A2-2025-000011', validTo: '2027-03-01' }),
    permitRecord({ id: 'c', validTo: '2027-04-01' }), // day 31: outside 30 days
    permitRecord({ id: 'd', validTo: '2027-02-28' }), // already expired
    permitRecord({
      id: 'e',
      validTo: '2027-03-10',
      status: 'revoked',
      revokedAt: '2026-12-01T10:00',
      revokedReason: 'trasferito',
    }),
    permitRecord({ id: 'f', validTo: '2027-03-10' }),
    permitRecord({ id: 'g', validFrom: '2027-03-11', validTo: '2029-03-10', renewsId: 'f' }),
    temporaryRecord('t', 'GZ567HK', '2027-03-02T08:10', '2027-03-02T08:40'),
    cudeRecord('cude', ['EF456GH'], { validTo: '2027-03-20' }),
  ];

  it('lists active permits ending in the next 30 days, not renewed, soonest first', () => {
    expect(expiringWithin(permits, TODAY, 30).map((p) => [p.id, p.validTo])).toEqual([
      ['b', '2027-03-01'],
      ['cude', '2027-03-20'],
      ['a', '2027-03-31'],
    ]);
    expect(expiringWithin(permits, TODAY, 31).map((p) => p.id)).toEqual(['b', 'cude', 'a', 'c']);
    expect(expiringWithin(permits, TODAY, 0).map((p) => p.id)).toEqual(['b']);
  });
});

describe('expiryNotice', () => {
  const options = { comuneName: 'Casale Monferrato', today: TODAY, office: 'Polizia Locale, via Roma' };

  it('writes the Italian letter with number, plate and date', () => {
    const notice = expiryNotice(permitRecord(), 'it', options);
    expect(notice.subject).toBe(
      'Comune di Casale Monferrato – ZTL – Residenti n. PRM-B885-A2-2026-000001 in scadenza il 31/03/2027',
    );
    expect(notice.body).toContain('Gentile Rossi Mario,');
    expect(notice.body).toContain('(targa AB123CD) scade il 31/03/2027, tra 30 giorni.');
    expect(notice.body).toContain('carta di circolazione');
  });

  it('writes the English one, and a CUDE notice without health data', () => {
    const plates = [
      { plate: 'EF456GH', country: 'I' },
      { plate: 'BAB1234', country: 'DE' },
    ];
    const notice = expiryNotice(cudeRecord('c', [], { validTo: '2027-03-02', plates }), 'en', options);
    expect(notice.body).toContain('expires tomorrow');
    expect(notice.body).toContain('treating doctor');
    expect(notice.body).toContain('(plate EF456GH, BAB1234 (DE)) expires tomorrow');
    expect(notice.body).not.toContain('ASL AL');
  });
});
