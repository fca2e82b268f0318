import { describe, expect, it } from 'vitest';
import {
  checkCatalogue,
  DEFAULT_MAX_DAYS,
  defineProcedure,
  PROCEDURE_CATALOGUE,
  procedureOn,
  proceduresFor,
  type ProcedureDefinition,
} from './procedure-catalogue';

const base = (extra: Partial<ProcedureDefinition> = {}): ProcedureDefinition =>
  defineProcedure({
    code: 'test_proc',
    comune: null,
    validFrom: '2021-01-01',
    title: { it: 'Prova', en: 'Test' },
    legalBasis: 'L. 241/1990 art. 2',
    requiredDocuments: [],
    office: { code: 'x', name: { it: 'X', en: 'X' } },
    confidence: { maxDays: 'U', silence: 'U', secondApproval: 'U' },
    ...extra,
  });

describe('the seeded catalogue', () => {
  it('is consistent', () => {
    expect(checkCatalogue(PROCEDURE_CATALOGUE)).toEqual([]);
  });

  it('has change of residence as national law: 45 days, silence-assent at 45 (DL 5/2012 art. 5)', () => {
    for (const comune of ['B885', 'A859', 'X000']) {
      const r = procedureOn('cambio_residenza', comune, '2026-03-02');
      expect(r.ok).toBe(true);
      if (!r.ok) continue;
      expect(r.value).toMatchObject({
        comune: null,
        maxDays: 45,
        silenceMeansConsent: true,
        silenceDays: 45,
        needsSecondApproval: false,
        refusalNoticeApplies: true,
        withdrawal: 'until_taken_in_charge',
      });
      expect(r.value.legalBasis).toContain('DL 5/2012 art. 5');
      expect(r.value.requiredDocuments.map((d) => d.id)).toEqual([
        'id_documents',
        'occupation_title',
        'residence_permit',
      ]);
    }
  });

  it("has Casale's own procedures, with the DOMAIN.md terms", () => {
    const get = (code: string): ProcedureDefinition => {
      const r = procedureOn(code, 'B885', '2026-03-02');
      if (!r.ok) throw new Error(r.error.message.en);
      return r.value;
    };
    expect(get('occupazione_suolo_pubblico')).toMatchObject({
      maxDays: DEFAULT_MAX_DAYS,
      silenceMeansConsent: false,
    });
    expect(get('contributo_economico')).toMatchObject({ maxDays: 60, needsSecondApproval: true });
    expect(get('assistenza_domiciliare')).toMatchObject({ maxDays: 30, needsSecondApproval: false });
    expect(proceduresFor('B885', '2026-03-02').map((p) => p.code)).toEqual([
      'assistenza_domiciliare',
      'cambio_residenza',
      'comunicazione_vicinato',
      'contributo_economico',
      'esposizione_pubblicitaria',
      'occupazione_suolo_pubblico',
      'revisione_fascicolo_sociale',
      'scia_vicinato',
    ]);
    expect(proceduresFor('A859', '2026-03-02').map((p) => p.code)).toEqual([
      'cambio_residenza',
      'comunicazione_vicinato',
      'scia_vicinato',
    ]);
  });

  it('applies the L. 241/1990 suspension rules (one request of ≤ 30 days; 10-bis: 10 + 10 days)', () => {
    for (const p of PROCEDURE_CATALOGUE) {
      expect(p.suspension).toEqual({
        informationRequests: 1,
        informationRequestMaxDays: 30,
        refusalObservationDays: 10,
        refusalRestartDelayDays: 10,
      });
    }
  });
});

describe('lookup by comune and date', () => {
  const catalogue = [
    base({ validTo: '2025-12-31', maxDays: 30 }),
    base({ validFrom: '2026-01-01', maxDays: 40 }),
    base({ comune: 'B885', validFrom: '2026-06-01', maxDays: 20 }),
  ];

  it('picks the version in force on the date', () => {
    const on = (comune: string, date: string): number | string => {
      const r = procedureOn('test_proc', comune, date, catalogue);
      return r.ok ? r.value.maxDays : r.error.reason;
    };
    expect(on('A859', '2025-12-31')).toBe(30);
    expect(on('A859', '2026-01-01')).toBe(40);
    expect(on('B885', '2026-05-31')).toBe(40);
    expect(on('B885', '2026-06-01')).toBe(20); // the comune's row replaces the national one
    expect(on('A859', '2026-06-01')).toBe(40);
    expect(on('A859', '2020-12-31')).toBe('no_procedure_on_date');
    const unknown = procedureOn('nope', 'B885', '2026-06-01', catalogue);
    expect(!unknown.ok && unknown.error.message.it).toBe(
      'Procedimento sconosciuto nel catalogo di B885: «nope».',
    );
  });

  it('reports overlapping rows as ambiguous, and checkCatalogue finds them', () => {
    const bad = [...catalogue, base({ comune: 'B885', validFrom: '2026-07-01', maxDays: 25 })];
    const r = procedureOn('test_proc', 'B885', '2026-07-02', bad);
    expect(!r.ok && r.error.reason).toBe('ambiguous_procedure');
    expect(checkCatalogue(bad)).toEqual(['test_proc@B885 from 2026-06-01: overlaps the row from 2026-07-01']);
  });
});

describe('checkCatalogue', () => {
  it('catches impossible rows', () => {
    expect(
      checkCatalogue([
        base({ code: 'Bad-Code', maxDays: 0 }),
        base({ code: 'a', maxDays: 181 }),
        base({ code: 'b', silenceMeansConsent: true, silenceDays: null }),
        base({ code: 'c', silenceMeansConsent: true, silenceDays: 40, maxDays: 30 }),
        base({ code: 'd', silenceDays: 10 }),
        base({ code: 'e', validFrom: '2026-02-01', validTo: '2026-01-01' }),
        base({
          code: 'f',
          suspension: {
            informationRequests: 2,
            informationRequestMaxDays: 45,
            refusalObservationDays: 10,
            refusalRestartDelayDays: 10,
          },
        }),
        base({ code: 'g', legalBasis: ' ', title: { it: '', en: 'x' } }),
      ]),
    ).toEqual([
      'Bad-Code@national from 2021-01-01: code must be snake_case',
      'Bad-Code@national from 2021-01-01: maxDays must be a whole number from 1 to 180',
      'a@national from 2021-01-01: maxDays must be a whole number from 1 to 180',
      'b@national from 2021-01-01: silence-assent needs silenceDays ≥ 1',
      'c@national from 2021-01-01: silenceDays beyond maxDays',
      'd@national from 2021-01-01: silenceDays set but silence is not consent',
      'e@national from 2026-02-01: validFrom after validTo',
      'f@national from 2021-01-01: L. 241/1990 art. 2 c.7 allows one suspension of at most 30 days',
      'g@national from 2021-01-01: title missing',
      'g@national from 2021-01-01: legal basis missing',
    ]);
  });

  it('defaults to 30 days (L. 241/1990 art. 2 c.2), no silence-assent, art. 10-bis applying', () => {
    expect(base()).toMatchObject({
      maxDays: 30,
      silenceMeansConsent: false,
      silenceDays: null,
      needsSecondApproval: false,
      refusalNoticeApplies: true,
      withdrawal: 'until_decision',
      validTo: null,
    });
  });
});
