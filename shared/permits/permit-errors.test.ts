import { describe, expect, it } from 'vitest';
import type { PermitRefusalCode } from './eligibility';
import { PERMIT_ERROR_MESSAGES, permitRefusalMessage } from './permit-errors';
import { PERMIT_KIND_LABELS, PERMIT_KINDS } from './permit-kinds';
import { PERMIT_UI } from './permit-ui';

const REFUSAL_CODES: readonly PermitRefusalCode[] = [
  'permit_household_exists',
  'permit_not_resident_in_zone',
  'permit_private_parking',
  'permit_retroactive',
  'permit_too_far_ahead',
  'permit_cude_too_many_plates',
  'permit_overlap',
  'permit_revoked_not_renewable',
  'permit_kind_unknown',
  'permit_holder_not_head',
  'permit_household_cap',
  'permit_end_required',
  'plate_invalid',
  'permit_requirement_missing',
  'permit_too_many_plates',
];

describe('permit error messages', () => {
  it('word every refusal code in Italian and English', () => {
    for (const code of REFUSAL_CODES) {
      expect(PERMIT_ERROR_MESSAGES[code].it.length).toBeGreaterThan(10);
      expect(PERMIT_ERROR_MESSAGES[code].en.length).toBeGreaterThan(10);
    }
  });

  it('use the same placeholders in both languages', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const { it: italian, en } of Object.values(PERMIT_ERROR_MESSAGES)) {
      expect(placeholders(en)).toEqual(placeholders(italian));
    }
  });

  it('name the plate and the end date of the household permit, dates as dd/mm/yyyy', () => {
    const refusal = {
      code: 'permit_household_exists' as const,
      params: { plate: 'AB123CD', until: '2027-03-31', number: 'PRM-B885-A2-2026-000001' },
    };
    expect(permitRefusalMessage(refusal, 'en')).toBe(
      'There is already one ZTL permit in this household: AB123CD until 31/03/2027 (no. PRM-B885-A2-2026-000001). Only one is issued per household.',
    );
    expect(permitRefusalMessage(refusal, 'it')).toContain('AB123CD fino al 31/03/2027');
  });

  it('word requirements, kinds and times', () => {
    expect(
      permitRefusalMessage({ code: 'permit_requirement_missing', params: { requirement: 'albo' } }, 'it'),
    ).toBe('Requisito mancante: iscrizione all’albo professionale.');
    expect(permitRefusalMessage({ code: 'permit_kind_unknown', params: { kind: 'ztl_lavoro' } }, 'en')).toBe(
      'Permit type “ZTL – Work” is not issued by this comune as of today.',
    );
    expect(
      permitRefusalMessage(
        { code: 'permit_retroactive', params: { start: '2026-03-02T08:59', today: '2026-03-02T09:00' } },
        'it',
      ),
    ).toBe(
      'Il permesso non può iniziare nel passato (02/03/2026 08:59): non si rilasciano permessi retroattivi.',
    );
  });
});

describe('PERMIT_UI', () => {
  it('has the same keys in both languages, all prefixed permit.', () => {
    expect(Object.keys(PERMIT_UI.en).sort()).toEqual(Object.keys(PERMIT_UI.it).sort());
    expect(Object.keys(PERMIT_UI.it).every((k) => k.startsWith('permit.'))).toBe(true);
  });

  it('kind labels equal the kind table’s', () => {
    for (const kind of PERMIT_KINDS) {
      expect(PERMIT_UI.it[`permit.kind.${kind}`]).toBe(PERMIT_KIND_LABELS[kind].it);
      expect(PERMIT_UI.en[`permit.kind.${kind}`]).toBe(PERMIT_KIND_LABELS[kind].en);
    }
  });
});
