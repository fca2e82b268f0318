import { describe, expect, it } from 'vitest';
import { cents } from '../money/cents';
import { checkEligibility, type EligibilityFacts, type PermitRequest } from './eligibility';
import { kindRowOn, PERMIT_KIND_ROWS, type PermitKindRow } from './permit-kinds';
import { cudeRecord, permitRecord, temporaryRecord } from './test-fixtures';
import { zoneOf } from './ztl-zones';

const TODAY = '2026-03-02'; // a Monday

function facts(
  overrides: Partial<EligibilityFacts> = {},
  street = { streetType: 'Via', streetName: 'Roma' },
) {
  const base: EligibilityFacts = {
    holder: {
      id: 'res-2',
      status: 'resident',
      isHeadOfHousehold: true,
      householdId: 'fam-1',
      street,
      residenceZone: zoneOf('B885', street, TODAY),
    },
    existingPermits: [],
    privateParking: false,
  };
  return { ...base, ...overrides };
}

const request = (overrides: Partial<PermitRequest> = {}): PermitRequest => ({
  comune: 'B885',
  kind: 'ztl_residenti',
  plates: [{ plate: 'EF 456 GH' }],
  start: TODAY,
  ...overrides,
});

const codes = (r: ReturnType<typeof checkEligibility>) => (r.ok ? [] : r.refusals.map((x) => x.code));

describe('checkEligibility: ZTL residenti', () => {
  it('grants a head of household living in via Roma, for 2 years', () => {
    expect(checkEligibility(request(), facts(), TODAY)).toMatchObject({
      ok: true,
      row: { kind: 'ztl_residenti' },
      validity: { validFrom: '2026-03-02', validTo: '2028-03-01' },
    });
  });

  it('refuses a second permit in the household, naming its plate and end date', () => {
    const existing = permitRecord({ validFrom: '2025-04-01', validTo: '2027-03-31' });
    const result = checkEligibility(request(), facts({ existingPermits: [existing] }), TODAY);
    expect(result).toEqual({
      ok: false,
      refusals: [
        {
          code: 'permit_household_exists',
          params: { plate: 'AB123CD', until: '2027-03-31', number: 'PRM-B885-A2-2026-000001' },
        },
      ],
    });
  });

  it('a revoked, superseded or ended household permit is no obstacle', () => {
    for (const existing of [
      permitRecord({ status: 'revoked', revokedAt: '2026-01-10T10:00', revokedReason: 'trasferito' }),
      permitRecord({ status: 'superseded' }),
      permitRecord({ validFrom: '2024-01-01', validTo: '2026-03-01' }),
    ]) {
      expect(checkEligibility(request(), facts({ existingPermits: [existing] }), TODAY).ok).toBe(true);
    }
  });

  it('a renewal of the household permit is allowed within 60 days of its end, and starts after it', () => {
    const existing = permitRecord({ id: 'old', validFrom: '2024-04-01', validTo: '2026-03-31' });
    const result = checkEligibility(
      request({ renewsId: 'old', start: '2026-04-01', plates: [{ plate: 'AB123CD' }] }),
      facts({ existingPermits: [existing] }),
      TODAY,
    );
    expect(result).toMatchObject({ ok: true, validity: { validFrom: '2026-04-01', validTo: '2028-03-31' } });
    const early = permitRecord({ id: 'old', validFrom: '2025-04-01', validTo: '2027-03-31' });
    expect(
      checkEligibility(
        request({ renewsId: 'old', start: '2027-04-01' }),
        facts({ existingPermits: [early] }),
        TODAY,
      ),
    ).toEqual({
      ok: false,
      refusals: [
        { code: 'permit_too_far_ahead', params: { max: 60, start: '2027-04-01', latest: '2027-01-30' } },
      ],
    });
  });

  it('a revoked permit is not renewable', () => {
    const revoked = permitRecord({
      id: 'old',
      status: 'revoked',
      revokedAt: '2026-01-10T10:00',
      revokedReason: 'trasferito',
    });
    expect(
      checkEligibility(request({ renewsId: 'old' }), facts({ existingPermits: [revoked] }), TODAY),
    ).toMatchObject({
      ok: false,
      refusals: [{ code: 'permit_revoked_not_renewable', params: { number: 'PRM-B885-A2-2026-000001' } }],
    });
  });

  it('refuses outside the ZTL, with private parking, and when not head of household, all at once', () => {
    const street = { streetType: 'Corso', streetName: 'Indipendenza' };
    const f = facts({ privateParking: true }, street);
    const result = checkEligibility(
      request(),
      { ...f, holder: { ...f.holder, isHeadOfHousehold: false } },
      TODAY,
    );
    expect(result).toEqual({
      ok: false,
      refusals: [
        { code: 'permit_not_resident_in_zone', params: { street: 'Corso Indipendenza', zone: 'ZTL' } },
        { code: 'permit_private_parking', params: {} },
        { code: 'permit_holder_not_head', params: {} },
      ],
    });
  });

  it('refuses a retroactive start, a start over 30 days ahead, an invalid and a second plate', () => {
    expect(codes(checkEligibility(request({ start: '2026-03-01' }), facts(), TODAY))).toEqual([
      'permit_retroactive',
    ]);
    expect(checkEligibility(request({ start: '2026-04-02' }), facts(), TODAY)).toEqual({
      ok: false,
      refusals: [
        { code: 'permit_too_far_ahead', params: { max: 30, start: '2026-04-02', latest: '2026-04-01' } },
      ],
    });
    expect(checkEligibility(request({ start: '2026-04-01' }), facts(), TODAY).ok).toBe(true);
    expect(
      codes(
        checkEligibility(request({ plates: [{ plate: 'AI123CD' }, { plate: 'AB123CD' }] }), facts(), TODAY),
      ),
    ).toEqual(['plate_invalid', 'permit_too_many_plates']);
  });

  it('an unknown kind, or one the comune does not issue, stops at once', () => {
    expect(checkEligibility(request({ kind: 'ztl_boh' }), facts(), TODAY)).toEqual({
      ok: false,
      refusals: [{ code: 'permit_kind_unknown', params: { kind: 'ztl_boh' } }],
    });
    expect(codes(checkEligibility(request({ comune: 'A182' }), facts(), TODAY))).toEqual([
      'permit_kind_unknown',
    ]);
  });
});

describe('checkEligibility: other ZTL kinds', () => {
  it('domiciliati: domicile in the ZTL, capped at the domicile end', () => {
    const f = facts();
    const domicile = { streetType: 'Piazza', streetName: 'Mazzini' };
    const withDomicile = {
      ...f,
      holder: {
        ...f.holder,
        status: 'not_in_registry' as const,
        domicileStreet: domicile,
        domicileZone: zoneOf('B885', domicile, TODAY),
      },
    };
    expect(
      checkEligibility(request({ kind: 'ztl_domiciliati', end: '2027-06-30' }), withDomicile, TODAY),
    ).toMatchObject({ ok: true, validity: { validTo: '2027-06-30' } });
    expect(checkEligibility(request({ kind: 'ztl_domiciliati' }), withDomicile, TODAY)).toMatchObject({
      ok: true,
      validity: { validTo: '2029-03-01' },
    });
    expect(codes(checkEligibility(request({ kind: 'ztl_domiciliati' }), facts(), TODAY))).toEqual([
      'permit_not_resident_in_zone',
    ]);
  });

  it('transito, lavoro, medici need their documents', () => {
    expect(checkEligibility(request({ kind: 'ztl_transito' }), facts(), TODAY)).toEqual({
      ok: false,
      refusals: [{ code: 'permit_requirement_missing', params: { requirement: 'garage_passo_carraio' } }],
    });
    expect(
      checkEligibility(request({ kind: 'ztl_transito' }), facts({ garageWithPassoCarraio: true }), TODAY).ok,
    ).toBe(true);
    expect(codes(checkEligibility(request({ kind: 'ztl_lavoro' }), facts(), TODAY))).toEqual([
      'permit_requirement_missing',
    ]);
    expect(
      checkEligibility(request({ kind: 'ztl_lavoro' }), facts({ chamberOfCommerce: true }), TODAY),
    ).toMatchObject({
      ok: true,
      validity: { validTo: '2027-03-01' },
    });
    expect(
      checkEligibility(request({ kind: 'ztl_banche' }), facts({ chamberOfCommerce: true }), TODAY),
    ).toMatchObject({
      ok: true,
      validity: { validTo: '2027-03-01' },
    });
    expect(checkEligibility(request({ kind: 'ztl_medici' }), facts({ albo: true }), TODAY).ok).toBe(true);
    expect(checkEligibility(request({ kind: 'ztl_ecologico' }), facts(), TODAY).ok).toBe(true);
  });

  describe('temporary ticket: never retroactive, at most 10 days ahead', () => {
    const temp = (start: string) => request({ kind: 'ztl_temporaneo', start });

    it('accepts now, later today and in 10 days', () => {
      expect(checkEligibility(temp('2026-03-02T09:00'), facts(), '2026-03-02T09:00')).toMatchObject({
        ok: true,
        validity: { validFromAt: '2026-03-02T09:00', validToAt: '2026-03-02T09:30' },
      });
      expect(checkEligibility(temp('2026-03-12T23:30'), facts(), '2026-03-02T09:00').ok).toBe(true);
    });

    it('refuses a start one minute ago, yesterday, or on day 11', () => {
      expect(checkEligibility(temp('2026-03-02T08:59'), facts(), '2026-03-02T09:00')).toEqual({
        ok: false,
        refusals: [
          { code: 'permit_retroactive', params: { start: '2026-03-02T08:59', today: '2026-03-02T09:00' } },
        ],
      });
      expect(codes(checkEligibility(temp('2026-03-01T23:00'), facts(), '2026-03-02'))).toEqual([
        'permit_retroactive',
      ]);
      expect(checkEligibility(temp('2026-03-13T08:00'), facts(), '2026-03-02T09:00')).toEqual({
        ok: false,
        refusals: [
          { code: 'permit_too_far_ahead', params: { max: 10, start: '2026-03-13', latest: '2026-03-12' } },
        ],
      });
    });

    it('needs a start time, and refuses the same plate in an overlapping window', () => {
      expect(codes(checkEligibility(temp('2026-03-03'), facts(), TODAY))).toEqual([
        'permit_requirement_missing',
      ]);
      const bought = temporaryRecord('t1', 'EF456GH', '2026-03-03T10:00', '2026-03-03T10:30');
      expect(checkEligibility(temp('2026-03-03T10:20'), facts({ existingPermits: [bought] }), TODAY)).toEqual(
        {
          ok: false,
          refusals: [
            {
              code: 'permit_overlap',
              params: {
                plate: 'EF456GH',
                number: bought.number,
                from: '2026-03-03T10:00',
                until: '2026-03-03T10:30',
              },
            },
          ],
        },
      );
      expect(checkEligibility(temp('2026-03-03T10:31'), facts({ existingPermits: [bought] }), TODAY).ok).toBe(
        true,
      );
    });
  });
});

describe('checkEligibility: sosta residenti', () => {
  const sostaStreet = { streetType: 'Via', streetName: 'Cavour' };
  const sosta = (plate: string, id: string) =>
    permitRecord({ id, kind: 'sosta_residenti', zone: 'SOSTA-A', plates: [{ plate, country: 'I' }] });

  it('grants in the holder’s sector, refuses another sector', () => {
    expect(
      checkEligibility(request({ kind: 'sosta_residenti' }), facts({}, sostaStreet), TODAY),
    ).toMatchObject({
      ok: true,
      validity: { validTo: '2027-03-01' },
    });
    expect(
      checkEligibility(request({ kind: 'sosta_residenti', zone: 'SOSTA-B' }), facts({}, sostaStreet), TODAY),
    ).toEqual({
      ok: false,
      refusals: [{ code: 'permit_not_resident_in_zone', params: { street: 'Via Cavour', zone: 'SOSTA-B' } }],
    });
  });

  it('refuses a third permit in a household capped at 2', () => {
    const existing = [sosta('AB123CD', 's1'), sosta('FA001BC', 's2')];
    expect(
      checkEligibility(
        request({ kind: 'sosta_residenti' }),
        facts({ existingPermits: existing }, sostaStreet),
        TODAY,
      ),
    ).toEqual({ ok: false, refusals: [{ code: 'permit_household_cap', params: { cap: 2, count: 2 } }] });
    expect(
      checkEligibility(
        request({ kind: 'sosta_residenti' }),
        facts({ existingPermits: existing.slice(0, 1) }, sostaStreet),
        TODAY,
      ).ok,
    ).toBe(true);
  });

  it('refuses a plate that already has a permit of the kind', () => {
    expect(
      codes(
        checkEligibility(
          request({ kind: 'sosta_residenti', plates: [{ plate: 'AB123CD' }] }),
          facts({ existingPermits: [sosta('AB123CD', 's1')] }, sostaStreet),
          TODAY,
        ),
      ),
    ).toEqual(['permit_overlap']);
  });
});

describe('checkEligibility: CUDE', () => {
  const cude = (overrides: Partial<PermitRequest> = {}) =>
    request({ kind: 'cude_permanente', plates: [], aslRef: 'ASL AL 2026/77', ...overrides });

  it('grants 5 years with no plate, one or two plates', () => {
    expect(checkEligibility(cude(), facts(), TODAY)).toMatchObject({
      ok: true,
      validity: { validFrom: '2026-03-02', validTo: '2031-03-01' },
    });
    expect(
      checkEligibility(cude({ plates: [{ plate: 'AB123CD' }, { plate: 'EF456GH' }] }), facts(), TODAY).ok,
    ).toBe(true);
  });

  it('refuses a third plate', () => {
    expect(
      checkEligibility(
        cude({ plates: [{ plate: 'AB123CD' }, { plate: 'EF456GH' }, { plate: 'LM789NP' }] }),
        facts(),
        TODAY,
      ),
    ).toEqual({
      ok: false,
      refusals: [{ code: 'permit_cude_too_many_plates', params: { max: 2, count: 3 } }],
    });
  });

  it('needs the ASL reference and residence in the comune', () => {
    const f = facts();
    expect(
      checkEligibility(cude({ aslRef: ' ' }), { ...f, holder: { ...f.holder, status: 'emigrated' } }, TODAY),
    ).toEqual({
      ok: false,
      refusals: [
        { code: 'permit_requirement_missing', params: { requirement: 'residence_in_comune' } },
        { code: 'permit_requirement_missing', params: { requirement: 'asl_certificate' } },
      ],
    });
  });

  it('temporary CUDE: the certified end is required and ends it', () => {
    expect(checkEligibility(cude({ kind: 'cude_temporaneo' }), facts(), TODAY)).toEqual({
      ok: false,
      refusals: [{ code: 'permit_end_required', params: { start: TODAY, end: '' } }],
    });
    expect(
      checkEligibility(cude({ kind: 'cude_temporaneo', end: '2026-09-30' }), facts(), TODAY),
    ).toMatchObject({
      ok: true,
      validity: { validTo: '2026-09-30' },
    });
  });

  it('a plate already on another CUDE in force overlaps', () => {
    const other = cudeRecord('c1', ['AB123CD']);
    expect(
      codes(
        checkEligibility(
          cude({ plates: [{ plate: 'ab123cd' }] }),
          facts({ existingPermits: [other] }),
          TODAY,
        ),
      ),
    ).toEqual(['permit_overlap']);
  });
});

describe('checkEligibility across a table change on 1 January 2026', () => {
  const residenti = kindRowOn('ztl_residenti', 'B885', '2025-06-01') as PermitKindRow;
  const kinds: PermitKindRow[] = [
    ...PERMIT_KIND_ROWS.filter((r) => r.kind !== 'ztl_residenti'),
    { ...residenti, validTo: '2025-12-31' },
    {
      ...residenti,
      validFrom: '2026-01-01',
      validity: { unit: 'months', months: 36, upTo: false },
      feeCents: cents(2500),
      requires: { ...residenti.requires, headOfHousehold: false },
    },
  ];
  const f = facts();
  const member = { ...f, holder: { ...f.holder, isHeadOfHousehold: false } };

  it('the rules of the day of issue apply', () => {
    expect(
      codes(checkEligibility(request({ start: '2025-12-31' }), member, '2025-12-31', { kinds })),
    ).toEqual(['permit_holder_not_head']);
    expect(checkEligibility(request({ start: '2026-01-01' }), member, '2026-01-01', { kinds })).toMatchObject(
      {
        ok: true,
        row: { feeCents: 2500 },
        validity: { validFrom: '2026-01-01', validTo: '2028-12-31' },
      },
    );
    expect(checkEligibility(request({ start: '2025-12-31' }), f, '2025-12-31', { kinds })).toMatchObject({
      ok: true,
      validity: { validTo: '2027-12-30' },
    });
  });
});
