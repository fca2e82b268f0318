import { compareIsoDates, isIsoDate, yearOf, type IsoDate } from '../calendar/iso-date';
import type { ResidentStatus } from '../registry/model';
import type { CertificateFact } from './facts';
import { certificateValidity } from './validity';

/**
 * Whether the hub can vouch for a certificate a counter pushed (issued perhaps offline, perhaps
 * by a tampered desk). The hub checks what it is told against its own records: the holder was
 * resident and certifiable on the issue date, the validity is the one the law gives for these
 * facts on that date (validity.ts, the same rule the desk prints), the dates agree with each
 * other and with the hub's clock. Anything it cannot confirm is kept but marked not verifiable,
 * and the public page says so: the document must not be accepted as valid.
 */
export interface VouchRequest {
  id: string;
  facts: readonly CertificateFact[];
  issuedOn: IsoDate;
  /** the instant of issue, as the desk recorded it */
  issuedAt: string;
  storicoReferenceDate: IsoDate | null;
  validUntil: IsoDate | null;
}

export interface HolderAtHub {
  status: ResidentStatus;
  statusDate: IsoDate | null;
  registeredOn: IsoDate;
  notCertifiable: boolean;
}

export type NotVouchedReason =
  | 'not_certifiable'
  | 'not_resident_on_issue_date'
  | 'validity_mismatch'
  | 'issue_date_mismatch'
  | 'issued_in_future';

/** A day of slack for a desk clock a little ahead of the hub's around midnight. */
const FUTURE_SLACK_DAYS = 1;

export function notVouchedReasons(
  req: VouchRequest,
  holder: HolderAtHub,
  hubToday: IsoDate,
  issuedAtRomeDate: IsoDate | null,
): NotVouchedReason[] {
  const reasons: NotVouchedReason[] = [];
  if (holder.notCertifiable) reasons.push('not_certifiable');
  const reference = req.storicoReferenceDate ?? req.issuedOn;
  const wasResident =
    compareIsoDates(reference, holder.registeredOn) >= 0 &&
    (holder.status === 'resident' ||
      holder.statusDate === null ||
      compareIsoDates(reference, holder.statusDate) < 0);
  if (!wasResident) reasons.push('not_resident_on_issue_date');
  const law = certificateValidity(req.facts, req.issuedOn, { storico: req.storicoReferenceDate !== null });
  const expected = law.kind === 'unlimited' ? null : law.validUntil;
  if (req.validUntil !== expected) reasons.push('validity_mismatch');
  const idYear = /^[A-Z]\d{3}-[A-Z0-9]{1,8}-(\d{4})-/.exec(req.id)?.[1];
  if (
    issuedAtRomeDate !== req.issuedOn ||
    (idYear !== undefined && Number(idYear) !== yearOf(req.issuedOn)) ||
    (req.storicoReferenceDate !== null && compareIsoDates(req.storicoReferenceDate, req.issuedOn) > 0)
  ) {
    reasons.push('issue_date_mismatch');
  }
  if (!isIsoDate(hubToday) || daysBetween(hubToday, req.issuedOn) > FUTURE_SLACK_DAYS)
    reasons.push('issued_in_future');
  return reasons;
}

function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Why, in words for the supervisors' queue (Italian first). */
export const NOT_VOUCHED_TEXT: Record<NotVouchedReason, { it: string; en: string }> = {
  not_certifiable: { it: 'scheda non certificabile', en: 'record not certifiable' },
  not_resident_on_issue_date: {
    it: 'intestatario non residente alla data del certificato',
    en: 'holder not resident on the certificate date',
  },
  validity_mismatch: {
    it: 'validità diversa da quella prevista per legge',
    en: 'validity differs from the one the law gives',
  },
  issue_date_mismatch: { it: 'date del certificato incoerenti', en: 'certificate dates inconsistent' },
  issued_in_future: { it: 'data di rilascio futura', en: 'issue date in the future' },
};
