import { describe, expect, it } from 'vitest';
import { permitStatusAt, permitVerificationView } from './in-force';
import {
  PERMIT_MUTATIONS,
  PERMIT_NUMBERS,
  permitIssueSchema,
  permitKeyFrom,
  permitRecordSchema,
  permitRevokeSchema,
  permitVerificationSchema,
  plateValueSchema,
} from './permit-wire';
import { cudeRecord, permitRecord, temporaryRecord } from './test-fixtures';

describe('permitRecordSchema', () => {
  it('accepts a ZTL residents permit, a temporary ticket and a CUDE with two plates', () => {
    expect(permitRecordSchema.safeParse(permitRecord()).success).toBe(true);
    expect(
      permitRecordSchema.safeParse(temporaryRecord('t1', 'GZ567HK', '2026-03-02T08:10', '2026-03-02T08:40'))
        .success,
    ).toBe(true);
    expect(permitRecordSchema.safeParse(cudeRecord('c1', ['AB123CD', 'EF456GH'])).success).toBe(true);
    expect(permitRecordSchema.safeParse(cudeRecord('c2', [])).success).toBe(true);
  });

  it.each([
    ['a third CUDE plate', cudeRecord('c', ['AB123CD', 'EF456GH', 'LM789NP'])],
    [
      'two plates on a ZTL permit',
      permitRecord({ plates: [...permitRecord().plates, { plate: 'EF456GH', country: 'I' }] }),
    ],
    ['no plate on a ZTL permit', permitRecord({ plates: [] })],
    ['a plate not in normal form', permitRecord({ plates: [{ plate: 'ab123cd', country: 'I' }] })],
    ['an invalid plate', permitRecord({ plates: [{ plate: 'AI123CD', country: 'I' }] })],
    ['an ASL reference on a ZTL permit', permitRecord({ aslRef: 'ASL 1' })],
    ['a temporary ticket without times', permitRecord({ kind: 'ztl_temporaneo' })],
    [
      'times on a yearly permit',
      permitRecord({ validFromAt: '2025-04-01T08:00', validToAt: '2025-04-01T08:30' }),
    ],
    ['end before start', permitRecord({ validTo: '2025-03-31' })],
    ['a revocation without when', permitRecord({ status: 'revoked', revokedReason: 'trasferito' })],
    ['an id over 64 characters', permitRecord({ id: 'x'.repeat(65) })],
    ['a number out of series', permitRecord({ number: 'B885-A2-2026-000001' })],
    ['a key with an I', permitRecord({ verificationKey: '7KQ3ZP9I' })],
    ['an unknown field', { ...permitRecord(), note: 'x' }],
  ])('refuses %s', (_what, value) => {
    expect(permitRecordSchema.safeParse(value).success).toBe(false);
  });

  it('temporary times must sit on the dates they claim', () => {
    const t = temporaryRecord('t1', 'GZ567HK', '2026-03-02T23:50', '2026-03-03T00:20');
    expect(permitRecordSchema.safeParse(t).success).toBe(true);
    expect(permitRecordSchema.safeParse({ ...t, validTo: '2026-03-02' }).success).toBe(false);
  });
});

describe('mutations', () => {
  it('lists the four permit mutations', () => {
    expect(Object.keys(PERMIT_MUTATIONS)).toEqual([
      'permits.issue',
      'permits.revoke',
      'permits.changePlate',
      'permits.duplicate',
    ]);
  });

  it('an issue with a fee needs a payment reference', () => {
    const issue = {
      permitId: 'p-1',
      number: 'PRM-B885-A2-2026-000042',
      verificationKey: permitKeyFrom(new Uint8Array([1, 2, 3, 4, 5])),
      kind: 'ztl_lavoro',
      holderId: null,
      holderName: 'Idraulica Monferrato srl',
      householdId: null,
      plates: [{ plate: 'FA001BC', country: 'I' }],
      zone: null,
      validFrom: '2026-01-01',
      validTo: '2026-12-31',
      validFromAt: null,
      validToAt: null,
      feeCents: 10000,
      paymentRef: 'RIC-B885-A2-2026-000003',
      aslRef: null,
      at: '2026-01-01T09:30',
    };
    expect(permitIssueSchema.safeParse(issue).success).toBe(true);
    expect(permitIssueSchema.safeParse({ ...issue, paymentRef: null }).success).toBe(false);
  });

  it('a revocation reason has at least 5 characters', () => {
    expect(
      permitRevokeSchema.safeParse({ permitId: 'p', reason: 'casa', at: '2026-01-01T09:00' }).success,
    ).toBe(false);
    expect(
      permitRevokeSchema.safeParse({ permitId: 'p', reason: 'trasferito fuori ZTL', at: '2026-01-01T09:00' })
        .success,
    ).toBe(true);
  });

  it('plates travel in normal form', () => {
    expect(plateValueSchema.safeParse({ plate: 'BAB1234', country: 'DE' }).success).toBe(true);
    expect(plateValueSchema.safeParse({ plate: 'AB123CD', country: 'IT' }).success).toBe(false);
  });

  it('numbers come from the workstation series with the PRM prefix', () => {
    expect(PERMIT_NUMBERS.next(null, { comune: 'B885', series: 'A2', date: '2026-05-01' })).toMatchObject({
      ok: true,
      value: { text: 'PRM-B885-A2-2026-000001' },
    });
  });
});

describe('verification view', () => {
  it('never carries holder, household or the ASL reference', () => {
    const view = permitVerificationView(cudeRecord('c1', ['AB123CD']), '2026-03-02T10:00');
    expect(permitVerificationSchema.parse(view)).toEqual({
      number: 'PRM-B885-A2-2026-000001',
      comune: 'B885',
      kind: 'cude_permanente',
      kindLabel: {
        it: 'Contrassegno disabili (CUDE) – permanente',
        en: 'Disabled parking card (CUDE) – permanent',
      },
      status: 'valid',
      plates: [{ plate: 'AB123CD', country: 'I' }],
      zone: null,
      validFrom: '2024-01-10',
      validTo: '2029-01-09',
      validFromAt: null,
      validToAt: null,
    });
    expect(JSON.stringify(view)).not.toContain('ASL');
    expect(permitVerificationSchema.safeParse({ ...view, aslRef: 'ASL AL 1' }).success).toBe(false);
  });

  it('status: revoked from the moment of revocation, dates otherwise', () => {
    const revoked = permitRecord({
      status: 'revoked',
      revokedAt: '2026-02-01T12:00',
      revokedReason: 'trasferito fuori ZTL',
    });
    expect(permitStatusAt(revoked, '2026-02-01T11:59')).toBe('valid');
    expect(permitStatusAt(revoked, '2026-02-01T12:00')).toBe('revoked');
    expect(permitStatusAt(permitRecord(), '2025-03-31T23:59')).toBe('not_yet_valid');
    expect(permitStatusAt(permitRecord(), '2027-03-31T23:59')).toBe('valid');
    expect(permitStatusAt(permitRecord(), '2027-04-01T00:00')).toBe('expired');
    expect(permitStatusAt(permitRecord({ status: 'superseded' }), '2026-01-01T00:00')).toBe('superseded');
    expect(
      permitStatusAt(
        permitRecord({ status: 'revocation_proposed', revokedReason: 'verifica' }),
        '2026-01-01T00:00',
      ),
    ).toBe('valid');
    const t = temporaryRecord('t', 'GZ567HK', '2026-03-02T08:10', '2026-03-02T08:40');
    expect(permitStatusAt(t, '2026-03-02T08:09:59')).toBe('not_yet_valid');
    expect(permitStatusAt(t, '2026-03-02T08:40')).toBe('valid');
    expect(permitStatusAt(t, '2026-03-02T08:40:01')).toBe('expired');
  });
});
