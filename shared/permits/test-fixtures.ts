import type { PermitRecord } from './permit-wire';

/** A valid permit record for tests; override what the test is about. */
export function permitRecord(overrides: Partial<PermitRecord> = {}): PermitRecord {
  return {
    id: 'permit-1',
    number: 'PRM-B885-A2-2026-000001',
    comune: 'B885',
    kind: 'ztl_residenti',
    holderId: 'res-1',
    holderName: 'Rossi Mario',
    householdId: 'fam-1',
    plates: [{ plate: 'AB123CD', country: 'I' }],
    zone: 'ZTL-CENTRO',
    validFrom: '2025-04-01',
    validTo: '2027-03-31',
    validFromAt: null,
    validToAt: null,
    feeCents: 0,
    paymentRef: null,
    status: 'active',
    revokedReason: null,
    revokedAt: null,
    renewsId: null,
    verificationKey: '7KQ3ZP9M',
    issuedAt: '2025-03-20T10:15',
    issuedBy: 'clerk-1',
    aslRef: null,
    ...overrides,
  };
}

/** A temporary ticket of 30 minutes starting at `from` (same day). */
export function temporaryRecord(
  id: string,
  plate: string,
  from: string,
  to: string,
  overrides: Partial<PermitRecord> = {},
): PermitRecord {
  return permitRecord({
    id,
    kind: 'ztl_temporaneo',
    holderId: null,
    holderName: 'Bianchi Anna',
    householdId: null,
    plates: [{ plate, country: 'I' }],
    zone: null,
    validFrom: from.slice(0, 10),
    validTo: to.slice(0, 10),
    validFromAt: from,
    validToAt: to,
    feeCents: 250,
    paymentRef: 'RIC-B885-K1-2026-000007',
    ...overrides,
  });
}

/** A CUDE with its plates (0 to 2). */
export function cudeRecord(
  id: string,
  plates: string[],
  overrides: Partial<PermitRecord> = {},
): PermitRecord {
  return permitRecord({
    id,
    kind: 'cude_permanente',
    holderId: 'res-9',
    holderName: 'Verdi Carla',
    householdId: 'fam-9',
    plates: plates.map((plate) => ({ plate, country: 'I' })),
    zone: null,
    validFrom: '2024-01-10',
    validTo: '2029-01-09',
    aslRef: 'ASL AL 2024/123',
    ...overrides,
  });
}
