import type { IsoDate } from '../calendar/iso-date';
import type { LocalDateTime } from '../protocol/local-date-time';
import type { FeeBand } from './fees';
import type { PermitFamily, PermitKind } from './permit-kinds';
import type { PermitStatus, PermitVerificationStatus, PlateWire } from './permit-wire';

/**
 * What the permit screens receive from the desk core (permit-calls.ts). Views, never rows: the
 * renderer gets words and numbers it can show, the rules stay in shared/permits.
 */

/** A kind the comune issues today, as the kind list shows it. */
export interface PermitKindOption {
  kind: PermitKind;
  label: string;
  family: PermitFamily;
  /** flat fee; null when it depends on the start (the temporary ticket) */
  feeCents: number | null;
  maxPlates: number;
  requiresPlate: boolean;
  /** the temporary ticket starts at a minute, not on a day */
  startsAtTime: boolean;
  /** an end date comes with the request (CUDE temporaneo, domicile) */
  needsEnd: boolean;
  needsAslRef: boolean;
  /** declarations the clerk ticks (garage with passo carraio, Chamber of Commerce, albo) */
  declarations: ('garageWithPassoCarraio' | 'chamberOfCommerce' | 'albo')[];
  /** the kind asks for "no private parking" */
  noPrivateParking: boolean;
  /** a value of the row is still to be confirmed with the comune */
  uncertain: boolean;
}

/** One reason a permit cannot be issued, in the clerk's language. */
export interface PermitRefusalView {
  code: string;
  message: string;
}

/** The permit as the counter shows it in lists (resident card, plate lookup, expiring list). */
export interface PermitView {
  id: string;
  number: string;
  kind: PermitKind;
  kindLabel: string;
  holderId: string | null;
  holderName: string;
  householdId: string | null;
  plates: PlateWire[];
  zone: string | null;
  validFrom: IsoDate;
  validTo: IsoDate;
  validFromAt: LocalDateTime | null;
  validToAt: LocalDateTime | null;
  feeCents: number;
  paymentRef: string | null;
  status: PermitStatus;
  /** what the verification page says now (dates and revocation applied) */
  now: PermitVerificationStatus;
  revokedReason: string | null;
  revokedAt: LocalDateTime | null;
  renewsId: string | null;
  issuedAt: LocalDateTime;
  issuedBy: string;
  /** may be renewed at this counter today (in force or just expired, not revoked, not renewed yet) */
  renewable: boolean;
  /** the hub has not confirmed it yet (issued here, still in the outbox) */
  pending: boolean;
  verificationUrl: string | null;
}

/**
 * The permit form as the desk pre-fills and checks it: holder, household, address and zone from
 * the mirror, the plate from the last permit, validity and fee from the shared rules, and every
 * reason it cannot be issued.
 */
export interface PermitDraftView {
  kind: PermitKind;
  kindLabel: string;
  holder: { id: string; name: string; isHead: boolean };
  /** the person whose page the form was opened from, when the holder is someone else (the head) */
  askedBy: { id: string; name: string } | null;
  household: { id: string; members: string[] } | null;
  address: string;
  /** the zone the permit is for: the one of the holder's street, or the one asked */
  zone: string | null;
  /** zones of this family the comune has today, for a choice */
  zones: string[];
  plates: PlateWire[];
  renews: { id: string; number: string; validTo: IsoDate } | null;
  validFrom: IsoDate | null;
  validTo: IsoDate | null;
  validFromAt: LocalDateTime | null;
  validToAt: LocalDateTime | null;
  feeCents: number | null;
  feeBand: FeeBand | null;
  uncertain: boolean;
  ok: boolean;
  refusals: PermitRefusalView[];
}

/** A permit just issued (or its duplicate): the record and its A4 PDF. */
export interface IssuedPermitView {
  permit: PermitView;
  payment: 'cash' | 'pagopa' | 'free';
  /** the till the fee went into (cash) */
  tillSessionId: string | null;
  /** pagoPA: the 18-digit notice number the citizen pays */
  noticeNumber: string | null;
  pdfBase64: string;
  sha256: string;
  verificationUrl: string | null;
}

export type PermitPdfFormat = 'a4' | 'card';

export interface PermitPdfView {
  id: string;
  number: string;
  format: PermitPdfFormat;
  pdfBase64: string;
  sha256: string;
}

/** "Is plate X allowed in zone Z at time T?" from the counter's mirror. */
export interface PlateCheckView {
  allowed: boolean;
  permits: { number: string; kind: PermitKind; validTo: IsoDate; status: PermitVerificationStatus }[];
  reason: 'allowed' | 'no_permit' | 'not_for_zone' | 'not_in_force';
}

/** A permit ending soon, with the letter or e-mail to send its holder. */
export interface ExpiringPermitView {
  permit: PermitView;
  daysLeft: number;
  email: string | null;
  letter: { subject: string; body: string };
}
