import { describe, expect, it } from 'vitest';
import { PARTITA_IVA_CODES } from '../codice-fiscale/partita-iva';
import { CANONE_ERROR_MESSAGES } from './canone-errors';
import {
  canoneApplicationRecordSchema,
  canoneApplySchema,
  canoneNoticeSchema,
  concessionNumberOf,
  CONCESSION_NUMBER_PATTERN,
  type CanoneApply,
} from './canone-wire';
import { CANONE_RULE_CODES } from './problems';

const apply: CanoneApply = {
  applicationId: 'a1',
  case: {
    caseId: 'c1',
    eventId: 'e1',
    at: '2026-12-06T10:00',
    procedureCode: 'occupazione_suolo_pubblico',
    applicantId: null,
    applicantName: 'Bar Centrale S.n.c.',
    subject: 'Dehors in Via Roma 5',
    counterSeconds: null,
    receiptDelivery: 'printed',
    documents: [],
    residence: null,
  },
  applicant: {
    kind: 'company',
    partitaIva: '12345670066',
    name: 'Bar Centrale S.n.c.',
    codiceFiscale: null,
    seat: 'Via Roma 5',
    pec: null,
  },
  site: { streetType: 'Via', streetName: 'Roma', civic: '5' },
  purpose: 'Dehors',
  category: 'dehors',
  regime: 'temporary',
  measure: 12.5,
  start: '2026-12-10',
  end: '2027-03-09',
  hours: null,
  ownSign: false,
  trafficAffected: false,
  quotedFeeCents: 0,
};

describe('canone wire', () => {
  it('takes an application as a counter sends it, and leaves the law’s checks to the rules', () => {
    expect(canoneApplySchema.safeParse(apply).success).toBe(true);
    // a negative surface or an end before the start reaches the rules, which answer in words
    expect(canoneApplySchema.safeParse({ ...apply, measure: -3, end: '2026-01-01' }).success).toBe(true);
  });

  it('refuses what no counter sends: three decimals, another procedure, a residence, an unknown field', () => {
    expect(canoneApplySchema.safeParse({ ...apply, measure: 1.005 }).success).toBe(false);
    expect(
      canoneApplySchema.safeParse({ ...apply, case: { ...apply.case, procedureCode: 'cambio_residenza' } })
        .success,
    ).toBe(false);
    expect(canoneApplySchema.safeParse({ ...apply, extra: 1 }).success).toBe(false);
    expect(canoneApplySchema.safeParse({ ...apply, hours: { from: '8:00', to: '12:00' } }).success).toBe(
      false,
    );
  });

  it('numbers concessions per comune and year, and notices only under segregation code 47', () => {
    expect(concessionNumberOf('B885', 2026, 1)).toBe('CUS-B885-2026-000001');
    expect(CONCESSION_NUMBER_PATTERN.test('CUS-B885-2026-000001')).toBe(true);
    const notice = {
      noticeNumber: '347000000001234592',
      iuv: '47000000001234592',
      year: 2027,
      instalment: 1,
      of: 4,
      amountCents: 100,
      dueDate: '2027-01-31',
      status: 'open',
    };
    expect(canoneNoticeSchema.safeParse(notice).success).toBe(true);
    expect(canoneNoticeSchema.safeParse({ ...notice, noticeNumber: '301000000000000144' }).success).toBe(
      false,
    );
    expect(canoneNoticeSchema.safeParse({ ...notice, instalment: 5 }).success).toBe(false);
  });

  it('keeps a record coherent: a concession exactly when approved, a revocation with when and why', () => {
    const fee = {
      totalCents: 104_717,
      chargedMeasure: 12,
      unit: 'm2',
      days: 90,
      hoursPerDay: null,
      months: null,
      year: null,
      tariffCents: 120,
      zoneCoefficient: 1,
      categoryCoefficient: 0.808,
      exemptMeasure: 0,
      lines: [],
      tariffVersion: '2021',
      uncertain: [],
    };
    const record = {
      id: 'a1',
      comune: 'B885',
      caseId: 'c1',
      procedureCode: 'occupazione_suolo_pubblico',
      protocol: null,
      applicant: apply.applicant,
      site: apply.site,
      zone: '1',
      purpose: 'Dehors',
      category: 'dehors',
      regime: 'temporary',
      measure: 12,
      start: '2026-12-10',
      end: '2027-03-09',
      hours: null,
      ownSign: false,
      trafficAffected: false,
      quotedFeeCents: 1,
      fee,
      status: 'submitted',
      statusReason: null,
      concession: null,
      notices: [],
      policeRequested: false,
      submittedAt: '2026-12-06T10:00',
      submittedBy: 'anagrafe.casale',
      revokedAt: null,
    };
    expect(canoneApplicationRecordSchema.safeParse(record).success).toBe(true);
    expect(canoneApplicationRecordSchema.safeParse({ ...record, status: 'approved' }).success).toBe(false);
    expect(canoneApplicationRecordSchema.safeParse({ ...record, end: null }).success).toBe(false);
    const concession = {
      number: 'CUS-B885-2026-000001',
      verificationKey: 'ABCDEFGH',
      validFrom: '2026-12-10',
      validTo: '2027-03-09',
      decidedOn: '2026-12-07',
      decidedBy: 'supervisore.casale',
    };
    expect(
      canoneApplicationRecordSchema.safeParse({ ...record, status: 'approved', concession }).success,
    ).toBe(true);
    expect(
      canoneApplicationRecordSchema.safeParse({ ...record, status: 'revoked', concession }).success,
    ).toBe(false);
  });

  it('declares every code the rules and the VAT check return, in Italian and English', () => {
    for (const code of [...CANONE_RULE_CODES, ...PARTITA_IVA_CODES]) {
      const m = CANONE_ERROR_MESSAGES[code];
      expect(m.it.length, code).toBeGreaterThan(10);
      expect(m.en.length, code).toBeGreaterThan(10);
    }
    for (const [code, m] of Object.entries(CANONE_ERROR_MESSAGES)) {
      // the same placeholders in both languages
      const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort();
      expect(params(m.it), code).toEqual(params(m.en));
    }
  });
});
