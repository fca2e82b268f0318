import type { IsoDate } from '../calendar/iso-date';
import type { ContributoRecord, SadRecord } from './social-wire';

/**
 * What the social screens receive from the desk core and the office's hub routes: words and
 * numbers to show; the rules stay in shared/social and shared/isee.
 */

export interface ContributoView extends ContributoRecord {
  /** "Rossi Maria" */
  beneficiaryName: string;
  protocolNumber: string | null;
  /** a change of this counter the hub has not confirmed yet */
  pending: boolean;
}

export interface SadView extends SadRecord {
  beneficiaryName: string;
  protocolNumber: string | null;
  pending: boolean;
}

/** The waiting list, ordered by the comune's criteria (visible to the supervisor). */
export interface WaitingListEntryView {
  sadId: string;
  position: number;
  beneficiaryName: string;
  points: number;
  since: IsoDate;
  /** "Vive solo: 30 punti; Età 85+: 20 punti" */
  criteria: { it: string; en: string; points: number }[];
}

/** One line of the treasury CSV of a month's contributo payments (hub route / CLI). */
export interface TreasuryPaymentLine {
  contributoId: string;
  beneficiary: string;
  codiceFiscale: string;
  iban: string;
  amountCents: number;
  dueOn: IsoDate;
}

/** Rejected line of a provider's delivered-hours CSV. */
export interface SadImportRejection {
  line: number;
  code: string;
  message: string;
}

/** What the hours import answers (hub route `POST /social/sad/hours`). */
export interface SadImportReport {
  month: string;
  accepted: number;
  rejected: SadImportRejection[];
}

/** What a monthly SAD billing run answers (hub route / CLI, runSadBilling). */
export interface SadBillingReport {
  month: string;
  users: number;
  /** notices issued by this run (0 when run again) */
  notices: number;
  totalCents: number;
  seconds: number;
  lines: {
    sadId: string;
    beneficiary: string;
    hours: number;
    operators: number;
    amountCents: number;
    noticeNumber: string | null;
  }[];
}
