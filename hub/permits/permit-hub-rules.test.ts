import { describe, expect, it } from 'vitest';
import { cents } from '../../shared/money/cents';
import { cudeRecord, permitRecord } from '../../shared/permits/test-fixtures';
import type { RegistryEvent } from '../services/hub-service';
import { refundText } from './permit-refusals';
import { decideOnRegistryEvent } from './registry-events';
import { verbaleDraftOf } from './transits';

const event = (over: Partial<RegistryEvent>): RegistryEvent => ({
  kind: 'moved',
  comune: 'B885',
  residentId: 'res-1',
  familyId: 'fam-2',
  street: { streetType: 'Via', streetName: 'Lanza' },
  on: '2026-12-06',
  at: '2026-12-06T09:00:00.000Z',
  cause: null,
  ...over,
});

describe('what a registry change means for a permit', () => {
  it('keeps a ZTL residents permit when the holder moves within the zone', () => {
    expect(decideOnRegistryEvent(permitRecord(), event({}))).toBeNull();
  });

  it('proposes revocation with 30 days notice when the holder moves out of the zone', () => {
    expect(
      decideOnRegistryEvent(
        permitRecord(),
        event({ street: { streetType: 'Strada', streetName: 'Vialarda' } }),
      ),
    ).toEqual({
      status: 'revocation_proposed',
      reason:
        'Trasferimento di residenza in Strada Vialarda, fuori dalla zona ZTL-CENTRO, dal 06/12/2026: revoca proposta con preavviso di 30 giorni, entro il 05/01/2027.',
    });
  });

  it('proposes revocation on emigration, and leaves a CUDE alone', () => {
    expect(decideOnRegistryEvent(permitRecord(), event({ kind: 'emigrated', street: null }))).toMatchObject({
      status: 'revocation_proposed',
      reason:
        'Emigrazione del titolare dal 06/12/2026: revoca proposta con preavviso di 30 giorni, entro il 05/01/2027.',
    });
    expect(decideOnRegistryEvent(cudeRecord('c', ['AB123CD']), event({ kind: 'emigrated' }))).toBeNull();
  });

  it("revokes a deceased holder's CUDE and proposes the other permits' revocation", () => {
    expect(decideOnRegistryEvent(cudeRecord('c', ['AB123CD']), event({ kind: 'deceased' }))).toEqual({
      status: 'revoked',
      reason: 'Decesso del titolare il 06/12/2026.',
    });
    expect(decideOnRegistryEvent(permitRecord(), event({ kind: 'deceased' }))?.status).toBe(
      'revocation_proposed',
    );
  });

  it('leaves permits not tied to the residence alone (work, transit)', () => {
    const work = permitRecord({ kind: 'ztl_lavoro', zone: null, holderId: 'res-1' });
    expect(
      decideOnRegistryEvent(work, event({ street: { streetType: 'Strada', streetName: 'Vialarda' } })),
    ).toBeNull();
  });
});

describe('the refund proposal of a refused paid permit', () => {
  it('names amount, receipt and the way back, in Italian and English', () => {
    const refund = { amountCents: cents(3000), receipt: 'RIC-B885-P1-2026-000007', method: 'cash' as const };
    expect(refundText(refund, 'it')).toBe(
      'Rimborso proposto: € 30,00, ricevuta RIC-B885-P1-2026-000007, con contanti dalla cassa.',
    );
    expect(refundText({ ...refund, method: null }, 'en')).toBe(
      'Refund proposed: €30.00, receipt RIC-B885-P1-2026-000007.',
    );
  });
});

describe('a confirmed passage as a verbale draft', () => {
  it('is a line of the fines import for Italian plates, and none for foreign ones', () => {
    const row = {
      plate: 'XY999ZZ',
      country: 'I',
      at: '2026-12-06T08:10:05',
      gate: 'Varco 1',
      verbale_key: '12/ZTL26',
    };
    expect(verbaleDraftOf(row)).toEqual({
      key: '12/ZTL26',
      plate: 'XY999ZZ',
      country: 'I',
      violationAt: '2026-12-06T08:10:05',
      place: 'ZTL, Varco 1',
      article: 'art. 7 c.9 e c.14 CdS',
      csvLine: '12;ZTL26;XY999ZZ;06/12/2026;08:10;7;14;;;0,00;0;no',
    });
    expect(verbaleDraftOf({ ...row, country: 'CH' })?.csvLine).toBeNull();
    expect(verbaleDraftOf({ ...row, verbale_key: null })).toBeNull();
  });
});
