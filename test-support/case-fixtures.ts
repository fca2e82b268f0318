import type { OpenResidenceInput } from '../shared/contract/case-inputs';
import type { CaseDetail, OpenedCase } from '../shared/contract/case-views';
import type { TestDesk } from './desk-harness';

/**
 * A complete declaration of residence for the fixture registry (registry-fixture.ts): one
 * registry mover to a new household on a street the fixture's registry knows (Via Roma, CAP
 * 15033). Tests change one field to make one problem.
 */
export function residenceIntake(
  declarationDate: string,
  overrides: Partial<OpenResidenceInput> = {},
  mover = 'r-nicolo',
): OpenResidenceInput {
  return {
    declarationDate,
    movedOn: null,
    channel: 'counter',
    protocolDate: null,
    origin: { kind: 'same_comune' },
    movers: [{ source: 'registry', residentId: mover, relationship: 'intestatario' }],
    address: {
      streetType: 'Via',
      streetName: 'Roma',
      houseNumber: '25',
      interior: '3',
      stair: 'B',
      floor: '2',
      cap: '15033',
      multiUnitBuilding: true,
    },
    occupation: { kind: 'owner' },
    household: { kind: 'new' },
    drivingLicences: [{ personKey: mover, number: 'U1ABC2345D' }],
    vehiclePlates: [{ personKey: mover, plate: 'AB123CD' }],
    signatures: [mover],
    representative: null,
    counterSeconds: 540,
    receiptDelivery: 'file',
    documents: [],
    ...overrides,
  };
}

export async function openResidence(desk: TestDesk, input: OpenResidenceInput): Promise<CaseDetail> {
  return (await desk.ok<OpenedCase>('cases:openResidence', input)).case;
}

export const caseOf = (desk: TestDesk, id: string): Promise<CaseDetail> =>
  desk.ok<CaseDetail>('cases:get', { id });

/** A mutable clock for hub and desks: starts at `start`, moved by tests. */
export function testClock(start: string): { now: () => Date; move(days: number): void } {
  let offset = new Date(start).getTime() - Date.now();
  return {
    now: () => new Date(Date.now() + offset),
    move: (days: number) => {
      offset += days * 86_400_000;
    },
  };
}
