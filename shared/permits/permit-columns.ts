import type { PermitKind } from './permit-kinds';
import type { PermitRecord, PermitStatus, PlateWire } from './permit-wire';

/**
 * The columns a permit is stored in, the same at the hub and on the counter's mirror (each side
 * adds its own: the hub the issuing workstation, the desk whether the hub confirmed it). One
 * mapping both ways, so a field added to the record is stored on both sides or on neither.
 */
export interface PermitColumns {
  id: string;
  number: string;
  comune: string;
  kind: string;
  holder_id: string | null;
  holder_name: string;
  household_id: string | null;
  /** JSON array of `{ plate, country }` */
  plates: string;
  zone: string | null;
  valid_from: string;
  valid_to: string;
  valid_from_at: string | null;
  valid_to_at: string | null;
  fee_cents: number;
  payment_ref: string | null;
  status: string;
  revoked_reason: string | null;
  revoked_at: string | null;
  renews_id: string | null;
  verification_key: string;
  issued_at: string;
  issued_by: string;
  /** CUDE only: health data (DOMAIN.md §12): never printed, never on a public page or a street answer */
  asl_ref: string | null;
}

export function permitColumnsOf(p: PermitRecord): PermitColumns {
  return {
    id: p.id,
    number: p.number,
    comune: p.comune,
    kind: p.kind,
    holder_id: p.holderId,
    holder_name: p.holderName,
    household_id: p.householdId,
    plates: JSON.stringify(p.plates.map(({ plate, country }) => ({ plate, country }))),
    zone: p.zone,
    valid_from: p.validFrom,
    valid_to: p.validTo,
    valid_from_at: p.validFromAt,
    valid_to_at: p.validToAt,
    fee_cents: p.feeCents,
    payment_ref: p.paymentRef,
    status: p.status,
    revoked_reason: p.revokedReason,
    revoked_at: p.revokedAt,
    renews_id: p.renewsId,
    verification_key: p.verificationKey,
    issued_at: p.issuedAt,
    issued_by: p.issuedBy,
    asl_ref: p.aslRef,
  };
}

/** The record a stored row holds; a caller that did not write the row checks it with the schema. */
export function permitFromColumns(r: PermitColumns): PermitRecord {
  return {
    id: r.id,
    number: r.number,
    comune: r.comune,
    kind: r.kind as PermitKind,
    holderId: r.holder_id,
    holderName: r.holder_name,
    householdId: r.household_id,
    plates: JSON.parse(r.plates) as PlateWire[],
    zone: r.zone,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    validFromAt: r.valid_from_at,
    validToAt: r.valid_to_at,
    // PostgreSQL returns bigint columns as strings
    feeCents: Number(r.fee_cents),
    paymentRef: r.payment_ref,
    status: r.status as PermitStatus,
    revokedReason: r.revoked_reason,
    revokedAt: r.revoked_at,
    renewsId: r.renews_id,
    verificationKey: r.verification_key,
    issuedAt: r.issued_at,
    issuedBy: r.issued_by,
    aslRef: r.asl_ref,
  };
}
